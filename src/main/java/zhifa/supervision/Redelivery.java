package zhifa.supervision;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Events not delivered to their listener (the ledger failed, the process died between the change and the ledger) are
 * delivered again at start ({@code spring.modulith.events.republish-outstanding-events-on-restart}) and, while the
 * platform runs, every five minutes once they are five minutes old.
 */
@Component
class Redelivery {

	private final IncompleteEventPublications incomplete;

	Redelivery(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelayString = "${zhifa.events.redelivery-interval:PT5M}", initialDelayString = "${zhifa.events.redelivery-interval:PT5M}")
	@SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT10M")
	void redeliver() {
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
	}
}
