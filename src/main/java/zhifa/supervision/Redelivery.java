package zhifa.supervision;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The event publication registry's upkeep. Events of the registry not delivered to their listener (the listener failed,
 * the process died) are delivered again at start ({@code spring.modulith.events.republish-outstanding-events-on-restart})
 * and, while the platform runs, every five minutes once they are five minutes old ({@code zhifa.events.redelivery-interval},
 * {@code zhifa.events.redelivery-age}) — whichever node runs it. Completed publications are kept for
 * {@code zhifa.events.keep-completed} (seven days) and then deleted each night. The supervision ledger and the alert
 * rules no longer go through the registry (three publications with two commits each per case change): they follow
 * changes through {@link LedgerQueue}; this stays for any listener that uses the registry.
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
