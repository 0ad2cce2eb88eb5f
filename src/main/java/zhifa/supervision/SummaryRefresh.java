package zhifa.supervision;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** The dashboard's pre-aggregated figures follow the ledger within a minute (one instance refreshes; readers never wait). */
@Component
class SummaryRefresh {

	private final Dashboard dashboard;

	SummaryRefresh(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.summary-refresh:PT1M}", initialDelayString = "PT5S")
	@SchedulerLock(name = "supervision-summary", lockAtMostFor = "PT10M")
	void refresh() {
		dashboard.refresh();
	}
}
