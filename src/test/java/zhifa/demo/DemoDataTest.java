package zhifa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The demo load at the first start runs in one transaction; a load that runs across midnight is refused by the
 * platform's own date rules (CI failed so at 16:00 UTC) and must be tried again, once, on the new day.
 */
class DemoDataTest {

	private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30), DEC_1 = LocalDate.of(2026, 12, 1);

	@Test
	void aLoadRefusedAfterTheDayChangedIsTriedOnceMore() {
		Deque<LocalDate> days = new ArrayDeque<>(List.of(NOV_30, DEC_1));
		AtomicInteger attempts = new AtomicInteger();
		DemoData.againIfTheDayChanged(days::pop, () -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("送达日期应在告知书制作之后、今天之前");
			}
		});
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aLoadRefusedOnTheSameDayIsNotTriedAgain() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> DemoData.againIfTheDayChanged(() -> NOV_30, () -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("演示数据有误");
		})).hasMessage("演示数据有误");
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aSecondRefusalIsReportedAndNotTriedAThirdTime() {
		Deque<LocalDate> days = new ArrayDeque<>(List.of(NOV_30, DEC_1));
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> DemoData.againIfTheDayChanged(days::pop, () -> {
			throw new IllegalStateException("第" + attempts.incrementAndGet() + "次");
		})).hasMessage("第2次");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aLoadThatSucceedsRunsOnce() {
		AtomicInteger attempts = new AtomicInteger();
		DemoData.againIfTheDayChanged(() -> NOV_30, attempts::incrementAndGet);
		assertThat(attempts).hasValue(1);
	}
}
