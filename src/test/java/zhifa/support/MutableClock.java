package zhifa.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock tests can move; it follows the system clock plus an offset. {@code -Dzhifa.test.clock-start=<instant>} (passed
 * on by Maven to the test JVM) starts it at that instant, to run tests at a chosen time of day, e.g. across midnight in
 * 芒市 ({@code 2026-11-30T15:59:50Z}).
 */
public class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;
	private final ZoneId zone;

	public MutableClock(ZoneId zone) {
		this.zone = zone;
		String at = System.getProperty("zhifa.test.clock-start");
		if (at != null) {
			offset = Duration.between(Instant.now(), Instant.parse(at));
		}
	}

	public void shift(Duration by) {
		offset = by;
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock c = new MutableClock(zone);
		c.offset = offset;
		return c;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}
}
