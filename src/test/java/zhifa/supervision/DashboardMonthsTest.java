package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's months of a year: every month up to today, a zero where nothing happened. */
class DashboardMonthsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void theCurrentYearRunsFromJanuaryToThisMonthWithZerosForEmptyMonths() {
		var months = Dashboard.everyMonth(2026, TODAY, List.of(new Dashboard.Month("2026-02", 5, 3, 1000), new Dashboard.Month("2026-12", 1, 0, 0)));
		assertThat(months).extracting(Dashboard.Month::month).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
				"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12");
		assertThat(months.get(0)).isEqualTo(new Dashboard.Month("2026-01", 0, 0, 0));
		assertThat(months.get(1)).isEqualTo(new Dashboard.Month("2026-02", 5, 3, 1000));
	}

	@Test
	void aPastYearHasTwelveMonthsAndAFutureYearOnlyWhatWasFound() {
		assertThat(Dashboard.everyMonth(2025, TODAY, List.of())).hasSize(12);
		assertThat(Dashboard.everyMonth(2027, TODAY, List.of())).isEmpty();
		assertThat(Dashboard.everyMonth(2027, TODAY, List.of(new Dashboard.Month("2027-01", 1, 0, 0)))).extracting(Dashboard.Month::month)
			.containsExactly("2027-01");
	}

	@Test
	void openAlertsByRegionAddUpToTheHeatTableAlsoForBodiesWithoutActsThisYear() {
		// region /1/ (芒市) with 遮放镇 /1/5/ below; the market bureau has acts and 2 alerts, the town none but 3 alerts (a duty not done)
		var market = new Dashboard.BodyRow(10, "市场监管局", "芒市", "/1/", 7, 5, 5, 1000, 0, null, null, 0, 0, null, null, 0, 0, 0);
		var heat = new Dashboard.Heat(List.of("R"), List.of("规则"), List.of(10L, 20L), List.of("市场监管局", "遮放镇"),
				java.util.Map.of(10L, java.util.Map.of("R", 2L), 20L, java.util.Map.of("R", 3L)), java.util.Map.of(10L, "/1/", 20L, "/1/5/"));
		var o = new Dashboard.Overview(2026, List.of(market), market, List.of(), List.of(), heat);
		var rows = Dashboard.byRegion(o, "/1/", 1, "芒市", id -> "遮放镇");
		assertThat(rows).extracting(Dashboard.RegionRow::regionName).containsExactly("芒市（本级）", "遮放镇");
		assertThat(rows).extracting(Dashboard.RegionRow::openAlerts).containsExactly(2L, 3L);
		assertThat(rows).extracting(Dashboard.RegionRow::bodies).containsExactly(1, 0);
		assertThat(rows.stream().mapToLong(Dashboard.RegionRow::openAlerts).sum()).isEqualTo(heat.total(10) + heat.total(20));
	}
}
