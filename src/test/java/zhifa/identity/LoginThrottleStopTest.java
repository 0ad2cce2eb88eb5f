package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleStopTest {

	@Test
	void theFirstTenthHundredthRefusalOfAStopIsRecorded() {
		assertThat(java.util.stream.IntStream.rangeClosed(1, 1000).filter(n -> new LoginThrottle.Stop("", n).recorded()).boxed().toList())
			.containsExactly(1, 10, 100, 1000);
	}
}
