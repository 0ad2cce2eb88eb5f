package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The summary is not refreshed again sooner than four times as long as its last refresh took. */
class SummaryRefreshTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void aSlowRefreshSpacesOutTheNextOnes() {
		AtomicLong now = new AtomicLong(1_000 * SECOND);
		AtomicInteger refreshed = new AtomicInteger();
		// each refresh takes a minute, as at ten million acts
		SummaryRefresh refresh = new SummaryRefresh(() -> {
			now.addAndGet(60 * SECOND);
			refreshed.incrementAndGet();
		}, now::get);
		refresh.ready();
		assertThat(refreshed).hasValue(1);
		// a change and the minute's schedule right after: both wait four minutes
		refresh.recorded(new ActRecorded(1, 1));
		now.addAndGet(10 * SECOND);
		refresh.whenChanged();
		now.addAndGet(50 * SECOND);
		refresh.everyMinute();
		assertThat(refreshed).hasValue(1);
		assertThat(refresh.due()).isFalse();
		now.addAndGet(180 * SECOND);
		// the change was not forgotten meanwhile
		assertThat(refresh.due()).isTrue();
		refresh.whenChanged();
		assertThat(refreshed).hasValue(2);
		now.addAndGet(300 * SECOND);
		refresh.whenChanged();
		assertThat(refreshed).as("no change since").hasValue(2);
		refresh.everyMinute();
		assertThat(refreshed).as("the minute's refresh, once due").hasValue(3);
	}

	@Test
	void aQuickRefreshKeepsTheTenSecondsAfterAChange() {
		AtomicLong now = new AtomicLong(0);
		AtomicInteger refreshed = new AtomicInteger();
		SummaryRefresh refresh = new SummaryRefresh(() -> {
			now.addAndGet(SECOND);
			refreshed.incrementAndGet();
		}, now::get);
		refresh.ready();
		refresh.recorded(new ActRecorded(1, 1));
		now.addAndGet(10 * SECOND);
		refresh.whenChanged();
		assertThat(refreshed).hasValue(2);
	}
}
