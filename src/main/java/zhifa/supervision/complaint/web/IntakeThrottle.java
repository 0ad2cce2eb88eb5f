package zhifa.supervision.complaint.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Against floods on the public page: at most {@link #SUBMISSIONS} complaints and {@link #LOOKUPS} status lookups per
 * address an hour (in memory, per instance; a lookup needs the receipt number and the phone, so guessing is slow).
 */
@Component
class IntakeThrottle {

	static final int SUBMISSIONS = 5;
	static final int LOOKUPS = 30;
	private static final Duration WINDOW = Duration.ofHours(1);

	private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();
	private final Clock clock;

	IntakeThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Counts the attempt and says whether it is within the limit. */
	boolean allow(String kind, String address, int limit) {
		Instant now = clock.instant();
		if (seen.size() > 10_000) {
			seen.clear();
		}
		Deque<Instant> times = seen.computeIfAbsent(kind + "|" + address, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}
}
