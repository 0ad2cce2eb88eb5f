package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffTest {

	@Test
	void doublesFromTheBaseAndNeverWaitsMoreThanADay() {
		Instant now = Instant.parse("2026-11-29T00:00:00Z");
		assertThat(Backoff.next(now, Duration.ofMinutes(1), 1)).isEqualTo(now.plus(Duration.ofMinutes(1)));
		assertThat(Backoff.next(now, Duration.ofMinutes(1), 4)).isEqualTo(now.plus(Duration.ofMinutes(8)));
		assertThat(Backoff.next(now, Duration.ofMinutes(1), 40)).isEqualTo(now.plus(Duration.ofDays(1)));
		assertThat(Backoff.next(now, Duration.ZERO, 3)).isEqualTo(now);
	}
}
