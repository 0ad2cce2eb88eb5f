package zhifa.shared;

import java.time.Duration;
import java.time.Instant;

/** The one retry schedule of outbound deliveries: {@code base} × 2^(attempts−1) after the last failure, at most a day. */
public final class Backoff {

	private Backoff() {
	}

	public static Instant next(Instant now, Duration base, int attempts) {
		long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
		Duration wait = base.multipliedBy(factor);
		return now.plus(wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait);
	}
}
