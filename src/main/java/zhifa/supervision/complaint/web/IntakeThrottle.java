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
 * Against floods on the public page: at most {@link #SUBMISSIONS} accepted complaints and {@link #LOOKUPS} status lookups
 * per address an hour (in memory, per instance; a lookup needs the receipt number and the phone, so guessing is slow).
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

	/** Whether another attempt is within the limit (nothing is counted). */
	boolean permits(String kind, String address, int limit) {
		Deque<Instant> times = seen.get(kind + "|" + address);
		if (times == null) {
			return true;
		}
		synchronized (times) {
			prune(times);
			return times.size() < limit;
		}
	}

	/** Counts an attempt. */
	void count(String kind, String address) {
		if (seen.size() > 10_000) {
			seen.clear();
		}
		Deque<Instant> times = seen.computeIfAbsent(kind + "|" + address, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			times.addLast(clock.instant());
		}
	}

	/** Counts the attempt when it is within the limit, and says whether it was. */
	boolean allow(String kind, String address, int limit) {
		if (!permits(kind, address, limit)) {
			return false;
		}
		count(kind, address);
		return true;
	}

	private void prune(Deque<Instant> times) {
		Instant since = clock.instant().minus(WINDOW);
		while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
			times.pollFirst();
		}
	}
}
