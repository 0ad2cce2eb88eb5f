package zhifa.disclosure;

import java.util.Set;

import org.springframework.stereotype.Component;

import zhifa.supervision.YearlyStatisticsSource;

/** The bodies that have not published a year's statistics, for the supervision ledger's nightly alert sweep. */
@Component
class YearlyStatisticsAlerts implements YearlyStatisticsSource {

	private final YearlyStatistics statistics;

	YearlyStatisticsAlerts(YearlyStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public Set<Long> notPublished(int year) {
		return statistics.notPublishedIds(year);
	}
}
