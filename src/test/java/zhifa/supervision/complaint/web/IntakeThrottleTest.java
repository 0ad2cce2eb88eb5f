package zhifa.supervision.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import zhifa.support.MutableClock;

class IntakeThrottleTest {

	@Test
	void stopsAnAddressAfterItsLimitForAnHourAndLeavesOthersAlone() {
		MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));
		IntakeThrottle throttle = new IntakeThrottle(clock);
		for (int i = 0; i < IntakeThrottle.SUBMISSIONS; i++) {
			assertThat(throttle.permits("submit", "10.0.0.1", IntakeThrottle.SUBMISSIONS)).isTrue();
			throttle.count("submit", "10.0.0.1");
		}
		assertThat(throttle.permits("submit", "10.0.0.1", IntakeThrottle.SUBMISSIONS)).isFalse();
		assertThat(throttle.permits("submit", "10.0.0.2", IntakeThrottle.SUBMISSIONS)).isTrue();
		assertThat(throttle.allow("lookup", "10.0.0.1", IntakeThrottle.LOOKUPS)).as("lookups count apart").isTrue();
		clock.shift(Duration.ofMinutes(61));
		assertThat(throttle.permits("submit", "10.0.0.1", IntakeThrottle.SUBMISSIONS)).isTrue();
	}
}
