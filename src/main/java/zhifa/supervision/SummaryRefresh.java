package zhifa.supervision;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The dashboard's pre-aggregated figures follow the ledger: refreshed when the platform is ready, then within ten
 * seconds of a ledger change on this instance, and every minute whatever happened elsewhere (one instance at a time;
 * readers never wait).
 */
@Component
class SummaryRefresh {

	private final Dashboard dashboard;
	private final AtomicBoolean changed = new AtomicBoolean();

	SummaryRefresh(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		dashboard.refresh();
	}

	/**
	 * Only raises a flag, so it listens inside the ledger's transaction: as a transactional listener it would cost three
	 * statements of the event publication registry per change; a change rolled back only causes one needless refresh.
	 */
	@EventListener
	void on(ActRecorded recorded) {
		changed.set(true);
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.summary-check:PT10S}", initialDelayString = "PT10S")
	void whenChanged() {
		if (changed.getAndSet(false)) {
			dashboard.refresh();
		}
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.summary-refresh:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "supervision-summary", lockAtMostFor = "PT10M")
	void everyMinute() {
		dashboard.refresh();
	}
}
