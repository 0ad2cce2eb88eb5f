package zhifa.supervision;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The dashboard's pre-aggregated figures follow the ledger: the figures of the bodies whose acts changed are recomputed
 * when the platform is ready, within ten seconds of a ledger change on this instance, and every minute whatever happened
 * elsewhere (one instance at a time, the next waiting; readers never wait). The database notes the months every write
 * of the ledger touches and the differences it makes to the tallies (V98), so a refresh costs what changed, not the
 * changed bodies' history nor the whole ledger (at ten million acts a full recompute takes over a minute). Still never
 * sooner after the last refresh than four times as long as it took, so a refresh of many large bodies does not run
 * back to back. One refresh at a time on an instance; each instance refreshes after its own changes, the minute's
 * refresh runs on one instance only.
 */
@Component
class SummaryRefresh implements ActFollower {

	private final Runnable dashboard;
	private final AtomicBoolean changed = new AtomicBoolean();

	/** The clock the spacing is measured by (nanoseconds). */
	private final java.util.function.LongSupplier nanos;

	/** One refresh at a time on this instance (the schedules run on several threads). */
	private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();

	/** When the last refresh ended and how long it took (nanoseconds). */
	private volatile long lastEnd;
	private volatile long lastTook;

	@org.springframework.beans.factory.annotation.Autowired
	SummaryRefresh(Dashboard dashboard) {
		this(dashboard::refreshChanged, System::nanoTime);
	}

	/** With the refresh itself and the clock given (tests). */
	SummaryRefresh(Runnable refresh, java.util.function.LongSupplier nanos) {
		this.dashboard = refresh;
		this.nanos = nanos;
		this.lastEnd = nanos.getAsLong();
	}

	/** Once the platform is ready, in the background (what changed while no instance ran). */
	@EventListener(ApplicationReadyEvent.class)
	@org.springframework.scheduling.annotation.Async
	public void ready() {
		refresh();
	}

	/** Whether enough time has passed since the last refresh (four times its duration). */
	boolean due() {
		return nanos.getAsLong() - lastEnd >= 4 * lastTook;
	}

	/** Refreshes unless a refresh is running on this instance already; whether it did. */
	private boolean refresh() {
		if (!running.tryLock()) {
			return false;
		}
		long start = nanos.getAsLong();
		try {
			dashboard.run();
		}
		finally {
			long end = nanos.getAsLong();
			lastTook = end - start;
			lastEnd = end;
			running.unlock();
		}
		return true;
	}

	/**
	 * Only raises a flag, so it follows inside the ledger's transaction: after the commit it would have to be told through
	 * the event publication registry (three statements per change); a change rolled back only causes one needless refresh.
	 */
	@Override
	public void recorded(ActRecorded recorded) {
		changed.set(true);
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.summary-check:PT10S}", initialDelayString = "PT10S")
	void whenChanged() {
		if (due() && changed.getAndSet(false) && !refresh()) {
			// a refresh already running may have started before the change: keep it for the next check
			changed.set(true);
		}
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.summary-refresh:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "supervision-summary", lockAtMostFor = "PT10M")
	void everyMinute() {
		if (due()) {
			refresh();
		}
	}
}
