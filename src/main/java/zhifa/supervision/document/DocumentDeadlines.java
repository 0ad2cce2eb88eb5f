package zhifa.supervision.document;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Each night (after the alerts' sweep, one instance at a time): supervision documents whose reply is overdue raise their alert. */
@Component
class DocumentDeadlines {

	private final SupervisionDocuments documents;

	DocumentDeadlines(SupervisionDocuments documents) {
		this.documents = documents;
	}

	@Scheduled(cron = "${zhifa.supervision.documents.check-cron:0 40 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "supervision-document-replies", lockAtMostFor = "PT30M")
	public void nightly() {
		documents.checkReplies();
	}
}
