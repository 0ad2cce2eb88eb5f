package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** A decision made this year shows in the body's yearly tables (once, under 罚款, with its money); no power is 无此职权; scope holds. */
class YearlyStatisticsIntegrationTest extends IntegrationTestBase {

	@Autowired
	YearlyStatistics statistics;

	@Autowired
	zhifa.supervision.alert.Alerts alerts;

	@Autowired
	zhifa.supervision.Dashboard dashboard;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Test
	void aNewDecisionMovesTheTablesByExactlyItself() throws Exception {
		long market = bodyId("芒市市场监督管理局");
		int year = LocalDate.now(clock).getYear();
		var before = statistics.of(market, year);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long caseId = new CaseScenarios(jdbc, clock).decidedAndServed(officer, head, "芒市统计测试有限公司", 1402);
		long until = System.currentTimeMillis() + 20_000;
		while (jdbc.queryForObject("select count(*) from sv_act where external_id = ? and decided_on is not null", Long.class, String.valueOf(caseId)) == 0
				&& System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		var after = statistics.of(market, year);
		assertThat(after.penalties().total()).isEqualTo(before.penalties().total() + 1);
		assertThat(after.penalties().byColumn().get(YearlyTables.Column.FINE)).isEqualTo(before.penalties().byColumn().get(YearlyTables.Column.FINE) + 1);
		// a fine of 60,000 yuan: 6.00 万元
		assertThat(after.penalties().money().subtract(before.penalties().money())).isEqualByComparingTo(new BigDecimal("6.00"));
		// the market bureau has no licensing matter: 无此职权, not 0; it has penalty and inspection powers
		assertThat(after.counts()).filteredOn(c -> c.kind() == YearlyTables.Kind.LICENSING).singleElement()
			.satisfies(c -> assertThat(c.shown()).isEqualTo("无此职权"));
		assertThat(after.counts()).filteredOn(c -> c.kind() == YearlyTables.Kind.INSPECTION).singleElement()
			.satisfies(c -> assertThat(c.count()).isNotNull());
		assertThat(after.certificateRate()).isNotNull();

		HttpSession admin = loggedIn("scj.admin");
		var page = admin.get("/disclosure/statistics?year=" + year).body();
		assertThat(page).contains("芒市市场监督管理局 " + year + "年度", "无此职权", "罚没金额（万元）", after.penalties().money().toPlainString());
		assertThat(admin.getBytes("/disclosure/statistics.xlsx?bodyId=" + market + "&year=" + year).length).isGreaterThan(1000);
		// another body's administrator does not see the market bureau's tables
		assertThat(loggedIn("zhefang.admin").get("/disclosure/statistics?bodyId=" + market + "&year=" + year).statusCode()).isEqualTo(404);
		// last year's tables: confirmed and published once by the head (not by an officer), kept as they stood, on the portal
		int last = year - 1;
		assertThat(officer.postForm("/disclosure/statistics/publication", java.util.Map.of("_csrf", officer.csrf(), "bodyId", String.valueOf(market), "year",
				String.valueOf(last))).statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from disclosure_yearly", Long.class)).isZero();
		assertThat(admin.get("/").body()).contains(last + "年度数据尚未公开");
		// past 31 January the night's sweep alerts the bureau; publishing ends that alert at once, not in the next night's sweep
		alerts.sweepBodies();
		String openAlert = "select count(*) from sv_alert where rule_code = 'YEARLY_STATISTICS' and subject_kind = 'BODY' and subject_id = ? and occurrence = ?"
				+ " and state not in ('CONDITION_ENDED')";
		assertThat(jdbc.queryForObject(openAlert, Long.class, market, String.valueOf(last))).isEqualTo(1);
		admin.postForm("/disclosure/statistics/publication", java.util.Map.of("_csrf", admin.csrf(), "bodyId", String.valueOf(market), "year",
				String.valueOf(last)));
		assertThat(jdbc.queryForObject(openAlert, Long.class, market, String.valueOf(last))).isZero();
		assertThat(jdbc.queryForObject("select e.summary from record_entry e join sv_alert a on e.subject_type = 'sv_alert' and e.subject_id = a.id::text "
				+ "where a.rule_code = 'YEARLY_STATISTICS' and a.subject_id = ? and a.occurrence = ? and e.action = 'alert.condition_ended'", String.class, market,
				String.valueOf(last))).contains("已公开" + last + "年度行政执法数据");
		var published = statistics.published(market, last).orElseThrow();
		var lastYear = statistics.of(market, last);
		assertThat(published.figures()).isEqualTo(YearlyStatistics.text(lastYear)).contains("行政许可：无此职权", "持证率：");
		// reported upward: queued for the push to the provincial system in the same transaction
		assertThat(jdbc.queryForObject("select count(*) from ex_outbound where element_class = 'STATISTICS' and element_key = ?", Long.class,
				market + "-" + last)).isEqualTo(1);
		admin.postForm("/disclosure/statistics/publication", java.util.Map.of("_csrf", admin.csrf(), "bodyId", String.valueOf(market), "year",
				String.valueOf(last)));
		assertThat(jdbc.queryForObject("select count(*) from disclosure_yearly where body_id = ?", Long.class, market)).isEqualTo(1);
		// the current year cannot be published before it ends
		admin.postForm("/disclosure/statistics/publication", java.util.Map.of("_csrf", admin.csrf(), "bodyId", String.valueOf(market), "year",
				String.valueOf(year)));
		assertThat(statistics.published(market, year)).isEmpty();
		assertThat(new HttpSession(port).get("/portal/statistics?year=" + last).body()).contains("芒市市场监督管理局", "行政许可：无此职权");
		// the supervisor sees which bodies have not published
		assertThat(loggedIn("jiandu").get("/disclosure/statistics?year=" + last).body()).contains("年度数据尚未公开的执法主体").doesNotContain(
				"<p class=\"small mb-0\">芒市市场监督管理局");

		// and, from the nightly sweep, an alert on every body that has not published by 31 January — not on the one that has
		alerts.sweepBodies();
		String alertOn = "select count(*) from sv_alert where rule_code = 'YEARLY_STATISTICS' and subject_kind = 'BODY' and subject_id = ? and occurrence = ? and state not in ('CONDITION_ENDED')";
		assertThat(jdbc.queryForObject(alertOn, Long.class, market, String.valueOf(last))).isZero();
		assertThat(jdbc.queryForObject(alertOn, Long.class, bodyId("芒市综合行政执法局"), String.valueOf(last))).isEqualTo(1);
		// a body that enforces nothing (no enforcement domain: the government itself) has nothing to publish
		assertThat(jdbc.queryForObject(alertOn, Long.class, bodyId("芒市人民政府"), String.valueOf(last))).isZero();
		assertThat(statistics.notPublishedIds(last)).doesNotContain(bodyId("芒市人民政府"));
		assertThat(loggedIn("jiandu").get("/supervision/alerts?rule=YEARLY_STATISTICS&body=" + bodyId("芒市综合行政执法局")).body())
			.contains("年度行政执法数据逾期未公开", last + "年度");
		long alertId = jdbc.queryForObject("select id from sv_alert where rule_code = 'YEARLY_STATISTICS' and subject_id = ? and occurrence = ?", Long.class,
				bodyId("芒市综合行政执法局"), String.valueOf(last));
		assertThat(loggedIn("jiandu").get("/supervision/alerts/" + alertId).body()).contains(last + "年度行政执法数据应于 " + (last + 1) + "-01-31 前公开");
		alerts.sweepBodies();
		assertThat(jdbc.queryForObject(alertOn, Long.class, bodyId("芒市综合行政执法局"), String.valueOf(last))).as("kept, not raised twice").isEqualTo(1);

		// the county summary: every body in the supervisor's region and their sum, which moves with the body's own tables
		var summary = loggedIn("jiandu").get("/disclosure/statistics/summary?year=" + last);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(summary.body()).contains("芒市汇总", "芒市市场监督管理局", "id=\"summary-total\"");
		assertThat(loggedIn("scj.admin").get("/disclosure/statistics/summary?year=" + last).statusCode()).isEqualTo(403);

		// the summary reads the materialized tally (refreshed with the dashboard): once refreshed, each body's row is its
		// own tables read live from the ledger, and the new decision is in this year's sum
		dashboard.refresh();
		var scope = zhifa.shared.DataScope.regionSubtree(bodyId("芒市司法局"), jdbc.queryForObject("select path from org_region where code = '533103'", String.class));
		var thisYear = statistics.summary(scope, "芒市汇总", year);
		var marketRow = thisYear.bodies().stream().filter(b -> b.bodyId() == market).findFirst().orElseThrow();
		assertThat(marketRow).isEqualTo(statistics.of(market, year));
		assertThat(marketRow.penalties().total()).isEqualTo(after.penalties().total());
		assertThat(thisYear.total().penalties().total()).isEqualTo(thisYear.bodies().stream().filter(b -> !b.penalties().noPower())
			.mapToLong(b -> b.penalties().total()).sum());

		// the supervisor sees every body in his region
		assertThat(loggedIn("jiandu").get("/disclosure/statistics?bodyId=" + market + "&year=" + year).body()).contains("芒市市场监督管理局 " + year);
	}

	@Test
	void anActCountsInEveryYearItTouchesForWhatItDidThatYear() {
		int y = LocalDate.now(clock).getYear();
		// in a transaction rolled back at the end: a body of its own, with two acts straight in the ledger
		tx.executeWithoutResult(status -> {
			long body = jdbc.queryForObject("""
					insert into org_body (name, uscc, kind, region_id, status, created_at, updated_at)
					values ('年度统计测试局', '91533103YT00000001', 'ADMINISTRATIVE_ORGAN', (select id from org_region where code = '533103'), 'ACTIVE', now(), now())
					returning id""", Long.class);
			String act = """
					insert into sv_act (source, external_id, version, body_id, kind, stage, act_date, decided_on, decision_outcome, fine, gains, received_at, details)
					values ('TEST', ?, 1, ?, ?, ?, ?::date, ?::date, ?, ?, ?, now(), ?::jsonb)""";
			// decided last year: 罚款 and 没收违法所得 (1,000 + 200 yuan); this year a 查封 applied on it, and a 先行登记保存 (not 行政强制)
			jdbc.update(act, "Y1", body, "PENALTY", "DECIDED", (y - 1) + "-11-01", (y - 1) + "-12-20", "PENALTY", 100_000L, 20_000L, """
					{"penaltyTypes": ["FINE", "CONFISCATE_GAINS"], "measures": [{"kind": "SEAL", "appliedOn": "%d-01-10"},
					 {"kind": "PRESERVATION", "appliedOn": "%d-01-05"}, {"kind": "SEIZE", "appliedOn": null}]}""".formatted(y, y));
			// an inspection carried out this year
			jdbc.update(act, "Y2", body, "INSPECTION", "CLOSED", y + "-03-01", null, null, null, null, """
					{"inspection": {"checkedOn": "%d-03-01"}}""".formatted(y));
			var last = statistics.of(body, y - 1);
			var now = statistics.of(body, y);
			// last year: one decision under 没收 (the more severe), 0.12 万元; no measure applied that year; no inspection power shown
			assertThat(last.penalties().total()).isEqualTo(1);
			assertThat(last.penalties().byColumn().get(YearlyTables.Column.CONFISCATION)).isEqualTo(1);
			assertThat(last.penalties().money()).isEqualByComparingTo(new BigDecimal("0.12"));
			assertThat(last.counts()).extracting(YearlyTables.Count::shown).containsExactly("无此职权", "1", "0", "无此职权", "无此职权", "无此职权");
			// this year: no decision, the 查封 (not the 先行登记保存, not the measure never applied), the inspection
			assertThat(now.penalties().total()).isZero();
			assertThat(now.counts()).extracting(YearlyTables.Count::shown).containsExactly("无此职权", "0", "1", "无此职权", "无此职权", "1");
			status.setRollbackOnly();
		});
	}
}
