package zhifa.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move; it follows the system clock plus an offset. */
public class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;
	private final ZoneId zone;

	public MutableClock(ZoneId zone) {
		this.zone = zone;
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
