package zhifa.supervision;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Events not delivered to their listener (the ledger failed, the process died between the change and the ledger) are
 * delivered again at start ({@code spring.modulith.events.republish-outstanding-events-on-restart}) and, while the
 * platform runs, every five minutes once they are five minutes old ({@code zhifa.events.redelivery-interval},
 * {@code zhifa.events.redelivery-age}) — whichever node runs it, so a node that stopped leaves nothing undelivered. Completed publications are kept for
 * {@code zhifa.events.keep-completed} (seven days: proof that the ledger took each change) and then deleted each night,
 * so the registry does not grow with every case change ever made; the case's own record is the permanent history.
 */
@Component
class Redelivery {

	private final IncompleteEventPublications incomplete;
	private final CompletedEventPublications completed;
	private final Duration keepCompleted;
	private final Duration age;

	Redelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			@Value("${zhifa.events.keep-completed:P7D}") Duration keepCompleted, @Value("${zhifa.events.redelivery-age:PT5M}") Duration age) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.keepCompleted = keepCompleted;
		this.age = age;
	}

	@Scheduled(fixedDelayString = "${zhifa.events.redelivery-interval:PT5M}", initialDelayString = "${zhifa.events.redelivery-interval:PT5M}")
	@SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT10M")
	void redeliver() {
		incomplete.resubmitIncompletePublicationsOlderThan(age);
	}

	@Scheduled(cron = "${zhifa.events.prune-cron:0 40 2 * * *}")
	@SchedulerLock(name = "event-prune", lockAtMostFor = "PT30M")
	void prune() {
		completed.deletePublicationsOlderThan(keepCompleted);
	}
}
