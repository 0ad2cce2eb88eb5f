package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The summary is not refreshed again sooner than four times as long as its last refresh took. */
class SummaryRefreshTest {

	@Test
	void aSlowRefreshSpacesOutTheNextOnes() throws Exception {
		AtomicInteger refreshed = new AtomicInteger();
		SummaryRefresh refresh = new SummaryRefresh(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			refreshed.incrementAndGet();
		});
		refresh.ready();
		assertThat(refreshed).hasValue(1);
		// a change and the minute come right after a refresh of 100 ms: both wait (400 ms)
		refresh.on(new ActRecorded(1, 1));
		refresh.whenChanged();
		refresh.everyMinute();
		assertThat(refreshed).hasValue(1);
		assertThat(refresh.due()).isFalse();
		Thread.sleep(450);
		// the change is not forgotten meanwhile
		refresh.whenChanged();
		assertThat(refreshed).hasValue(2);
		refresh.whenChanged();
		assertThat(refreshed).as("no change since").hasValue(2);
	}
}
