package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.Excel;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** The supervisor's dashboard counts the ledger's acts of the bodies in his scope, and every figure leads to its rows. */
class DashboardIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Autowired
	Dashboard dashboard;

	private ActReport act(String id, long body, LocalDate filed, LocalDate decided, Long fine) {
		return new ActReport("TEST-DASH", id, 1, body, "PENALTY", "TEST-001", "测试事项", "测试罚决〔" + id + "〕号", "ORGANIZATION", "看板测试公司" + id, null,
				"U:TEST" + id, null, decided != null ? "DECIDED" : "FILED", filed.minusDays(10), filed.minusDays(5), filed, null, null, null, false, false,
				false, false, false, decided, decided != null ? "PENALTY" : null, decided != null ? "测试罚决" + id : null, fine, null, null, null, 0, null,
				List.of(), 2, false);
	}

	@Test
	void theSupervisorSeesEveryBodyInHisScopeAndTheRowsBehindEachFigure() throws Exception {
		long body = bodyId("芒市交通运输局");
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		LocalDate jan = LocalDate.of(year, 1, 10);
		ledger.record(act("D1", body, jan, jan.plusDays(30), 500_000L));
		ledger.record(act("D2", body, jan, jan.plusDays(120), 1_000_000L)); // decided after ninety days
		ledger.record(act("D3", body, jan, null, null)); // still undecided long after filing
		dashboard.refreshChanged();

		HttpSession supervisor = loggedIn("jiandu");
		var page = supervisor.get("/supervision?year=" + year);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("芒市交通运输局", "data-chart=\"line\"", "/webjars/echarts/", "echarts.min.js");
		var row = new Dashboard.BodyRow(0, "", "", "", 5, 0, 0, 0, 0, null, null, 0, 0, null, null, 0, 0, 0);
		assertThat(row.overdueRate()).isNull();

		var body1 = supervisor.get("/supervision/bodies/" + body + "?year=" + year);
		assertThat(body1.statusCode()).isEqualTo(200);
		assertThat(body1.body()).contains("测试罚决〔D1〕号", "测试罚决〔D2〕号", "测试罚决〔D3〕号");
		long actId = ledger.find("TEST-DASH", "D2").orElseThrow().id();
		var act = supervisor.get("/supervision/acts/" + actId);
		assertThat(act.statusCode()).isEqualTo(200);
		assertThat(act.body()).contains("罚款10,000.00元", "看板测试公司D2");

		byte[] xlsx = supervisor.getBytes("/supervision/export.xlsx?year=" + year);
		var rows = Excel.read(new ByteArrayInputStream(xlsx), 14);
		var transport = rows.stream().filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow();
		long acts = jdbc.queryForObject("select count(*) from sv_act where body_id = ? and extract(year from coalesce(decided_on, filed_on, received_on, act_date)) = ?",
				Long.class, body, year);
		assertThat(transport.get(2)).isEqualTo(String.valueOf(acts));
		// counts, amounts and rates are numbers Excel can add up (an amount was text "15,000.00元" once), "—" where none
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("罚款（元）");
			var line = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
				.filter(r -> r.getCell(0).getStringCellValue().equals("芒市交通运输局")).findFirst().orElseThrow();
			long fines = dashboard.body(zhifa.shared.DataScope.all(), body, year).orElseThrow().fines();
			assertThat(fines).isGreaterThanOrEqualTo(1_500_000L);
			assertThat(line.getCell(2).getNumericCellValue()).isEqualTo(acts);
			assertThat(line.getCell(5).getNumericCellValue()).isEqualTo(fines / 100.0);
			assertThat(line.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(line.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(line.getCell(11).getNumericCellValue()).isBetween(0.0, 1.0);
			assertThat(transport.get(11)).endsWith("%");
			// the rate's base is the filed cases the ninety days run for, not every act (inspections have no decision deadline)
			long filed = jdbc.queryForObject("select count(*) from sv_act where body_id = ? and filed_on is not null "
					+ "and extract(year from coalesce(decided_on, filed_on)) = ?", Long.class, body, year);
			assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("已立案（有办案期限）");
			assertThat(line.getCell(9).getNumericCellValue()).isEqualTo(filed);
			assertThat(line.getCell(11).getNumericCellValue()).isCloseTo(line.getCell(10).getNumericCellValue() / filed, org.assertj.core.data.Offset.offset(0.0006));
		}
		// the overdue figure, counted by behaviour: each act decided on day 100 after filing — late by the plain ninety days,
		// not late within the source's own (extended) period
		long overdueBefore = Long.parseLong(transport.get(10));
		ledger.record(decidedOnDay100("D4", body, jan, new ActReport.Dues(null, jan.plusDays(120), null)));
		dashboard.refreshChanged();
		assertThat(jdbc.queryForObject("select (details -> 'dues' ->> 'decision')::date from sv_act where external_id = 'D4' and source = 'TEST-DASH'",
				LocalDate.class)).isEqualTo(jan.plusDays(120));
		assertThat(overdue(supervisor, year)).isEqualTo(overdueBefore);
		ledger.record(decidedOnDay100("D5", body, jan, null));
		dashboard.refreshChanged();
		assertThat(overdue(supervisor, year)).isEqualTo(overdueBefore + 1);
		// undecided: late by the plain ninety days, not late within the source's own extended period (kept on the act)
		long beforeUndecided = overdue(supervisor, year);
		var extended = act("D6", body, jan, null, null);
		ledger.record(new ActReport(extended.source(), extended.externalId(), 1, body, extended.kind(), extended.matterCode(), extended.matterName(),
				extended.caseNumber(), extended.partyKind(), extended.partyName(), null, extended.partyKey(), null, "FILED", extended.actDate(),
				extended.receivedOn(), jan, null, null, null, false, false, false, false, false, null, null, null, null, null, null, null, 0, null, List.of(),
				2, false, new ActReport.Details(List.of(), List.of(), null, false, false, false, List.of(), false, null,
						new ActReport.Dues(null, today.plusDays(10), null), null, null)));
		dashboard.refreshChanged();
		assertThat(overdue(supervisor, year)).isEqualTo(beforeUndecided);
		assertThat(jdbc.queryForObject("select decision_due from sv_act where source = 'TEST-DASH' and external_id = 'D6'", LocalDate.class))
			.isEqualTo(today.plusDays(10));
		ledger.record(act("D7", body, jan, null, null));
		dashboard.refreshChanged();
		assertThat(overdue(supervisor, year)).isEqualTo(beforeUndecided + 1);
		// an inspection adds an act but nothing to the base of the overdue rate
		long filedBefore = filed(supervisor, year);
		long actsBefore = Long.parseLong(Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 14).stream()
			.filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow().get(2));
		var d = act("D0", body, jan, null, null);
		ledger.record(new ActReport(d.source(), "DI", 1, body, "INSPECTION", d.matterCode(), d.matterName(), null, d.partyKind(), d.partyName(), null,
				d.partyKey(), null, "CHECKED", jan, null, null, null, null, null, false, false, false, false, false, null, null, null, null, null, null, null, 0,
				null, List.of(), 2, false));
		dashboard.refreshChanged();
		assertThat(filed(supervisor, year)).isEqualTo(filedBefore);
		assertThat(Long.parseLong(Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 14).stream()
			.filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow().get(2))).isEqualTo(actsBefore + 1);
		// D2 (120 days) and D3 (undecided since January) were counted from the start
		assertThat(overdueBefore).isGreaterThanOrEqualTo(2);

		// the heat-table of open alerts: the demo's reported acts that break the law, each cell leading to its alerts
		Thread.sleep(300); // the alerts of the acts recorded above are raised right after their commits
		long openTransport = jdbc.queryForObject("select count(*) from sv_alert where body_id = ? and state in ('NEW','SUPERVISED','EXPLAINED','RECTIFIED')",
				Long.class, body);
		assertThat(openTransport).isPositive();
		var now = Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 19);
		assertThat(now.get(0).get(18)).isEqualTo("待处理预警");
		assertThat(now.stream().filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow().get(18)).isEqualTo(String.valueOf(openTransport));
		// the total of open alerts is the sum of the lines above it (bodies with no act this year on a line of their own)
		long sum = now.subList(1, now.size() - 1).stream().mapToLong(r -> r.get(18).isEmpty() ? 0 : Long.parseLong(r.get(18))).sum();
		assertThat(now.get(now.size() - 1).get(18)).isEqualTo(String.valueOf(sum));
		assertThat(page.body()).contains("id=\"alert-heat\"", "/supervision/alerts?rule=", "body=" + body);

		// the middle level: the prefecture's supervisor sees 芒市 as a region with its totals, and drills down to it
		HttpSession prefectureSupervisor = loggedIn("zhou.jiandu");
		long mangshi = jdbc.queryForObject("select id from org_region where code = '533103'", Long.class);
		long dehong = jdbc.queryForObject("select id from org_region where code = '533100'", Long.class);
		var prefecturePage = prefectureSupervisor.get("/supervision?year=" + year);
		assertThat(prefecturePage.statusCode()).isEqualTo(200);
		assertThat(prefecturePage.body()).contains("id=\"region-table\"", "region=" + mangshi, ">芒市</a>", ">有执法行为的主体</th>");
		// on a phone each row is a block with its cells named (the columns were squeezed to a character wide)
		assertThat(prefecturePage.body()).contains("table-stack\" id=\"region-table\"", "table-stack\" id=\"body-table\"", "data-label=\"待处理预警\"", "data-label=\"平均办理天数\"");
		var drilled = prefectureSupervisor.get("/supervision?year=" + year + "&region=" + mangshi);
		assertThat(drilled.statusCode()).isEqualTo(200);
		assertThat(drilled.body()).contains("<span>芒市 </span>行政执法情况", "芒市交通运输局", "上一级区划", "遮放镇");
		// a county supervisor cannot look above his own region
		assertThat(supervisor.get("/supervision?region=" + dehong).statusCode()).isEqualTo(404);

		// outside his region: not found; a unit administrator has no dashboard
		long prefecture = bodyId("德宏州司法局");
		assertThat(supervisor.get("/supervision/bodies/" + prefecture).statusCode()).isEqualTo(404);
		assertThat(supervisor.get("/supervision/acts/999999999").statusCode()).isEqualTo(404);
		HttpSession unitAdmin = loggedIn("scj.admin");
		assertThat(unitAdmin.get("/supervision").statusCode()).isEqualTo(403);
		// the body's own head and administrator see their body's page as the supervisor sees it, and no other body's
		long market = bodyId("芒市市场监督管理局");
		assertThat(unitAdmin.get("/supervision/alerts").body()).contains("id=\"own-body-figures\"", "/supervision/bodies/" + market);
		var own = loggedIn("scj.fuze").get("/supervision/bodies/" + market + "?year=" + year);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("id=\"own-body-note\"").doesNotContain("← 行政执法情况");
		assertThat(unitAdmin.get("/supervision/bodies/" + bodyId("芒市交通运输局")).statusCode()).isEqualTo(404);
		assertThat(loggedIn("scj.zhifa").get("/supervision/bodies/" + market).statusCode()).isEqualTo(403);
		assertThat(supervisor.get("/supervision?year=1900").statusCode()).isEqualTo(422);
	}

	@Test
	void decisionsBroughtToReviewOrCourtAndCorrectedGiveTheCorrectedRate() throws Exception {
		long body = bodyId("芒市应急管理局");
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		LocalDate jan = LocalDate.of(year, 1, 12);
		HttpSession supervisor = loggedIn("jiandu");
		List<String> before = remedies(supervisor, year, "芒市应急管理局");
		// the demo: a court revoked one of the transport bureau's decisions
		assertThat(Long.parseLong(remedies(supervisor, year, "芒市交通运输局").get(2))).isPositive();
		java.util.function.BiConsumer<String, List<ActReport.Remedy>> report = (id, r) -> ledger.record(new ActReport("TEST-REMEDY", id, 1, body, "PENALTY",
				"TEST-001", "测试事项", "测试罚决〔" + id + "〕号", "ORGANIZATION", "复议测试公司" + id, null, "U:REMEDY" + id, null, "DECIDED", jan.minusDays(10),
				jan.minusDays(5), jan, null, null, null, false, false, false, false, false, jan.plusDays(30), "PENALTY", "复议测试" + id, 100_000L, null, null,
				null, 0, null, List.of(), 2, false, ActReport.Details.NONE.withRemedies(r)));
		report.accept("R1", List.of(new ActReport.Remedy("REVIEW", jan.plusDays(40), jan.plusDays(90), "UPHELD"),
				new ActReport.Remedy("LITIGATION", jan.plusDays(100), jan.plusDays(160), "REVOKED")));
		report.accept("R2", List.of(new ActReport.Remedy("REVIEW", jan.plusDays(40), jan.plusDays(80), "UPHELD")));
		report.accept("R3", List.of(new ActReport.Remedy("LITIGATION", jan.plusDays(50), null, null)));
		report.accept("R4", List.of());
		// 确认无效 corrects; a withdrawn challenge has ended without a correction
		report.accept("R5", List.of(new ActReport.Remedy("LITIGATION", jan.plusDays(40), jan.plusDays(70), "CONFIRMED_INVALID")));
		report.accept("R6", List.of(new ActReport.Remedy("REVIEW", jan.plusDays(40), jan.plusDays(45), "WITHDRAWN")));
		dashboard.refreshChanged();
		List<String> after = remedies(supervisor, year, "芒市应急管理局");
		// five challenged, four ended, two corrected (the court revoked what the review had upheld; one declared void)
		assertThat(Long.parseLong(after.get(0)) - Long.parseLong(before.get(0))).isEqualTo(5);
		assertThat(Long.parseLong(after.get(1)) - Long.parseLong(before.get(1))).isEqualTo(4);
		assertThat(Long.parseLong(after.get(2)) - Long.parseLong(before.get(2))).isEqualTo(2);
		assertThat(after.get(3)).endsWith("%");
		assertThat(supervisor.get("/supervision?year=" + year).body()).contains("复议诉讼纠错率", "id=\"fig-corrected\"");
		assertThat(supervisor.get("/supervision/bodies/" + body + "?year=" + year).body()).contains("复议诉讼纠错率");
		var act = supervisor.get("/supervision/acts/" + ledger.find("TEST-REMEDY", "R1").orElseThrow().id()).body();
		assertThat(act).contains("行政复议：维持（" + jan.plusDays(40) + " 至 " + jan.plusDays(90) + "）", "行政诉讼：撤销");
		assertThat(new Dashboard.BodyRow(0, "", "", "", 0, 0, 0, 0, 0, null, null, 0, 0, null, null, 3, 2, 1).correctedRate()).isEqualByComparingTo("50.0");
		assertThat(new Dashboard.BodyRow(0, "", "", "", 0, 0, 0, 0, 0, null, null, 0, 0, null, null, 1, 0, 0).correctedRate()).isNull();
	}

	/**
	 * A refresh brings the figures up to what changed — the database notes the month of every act a write of the ledger
	 * touches, through the platform or around it, before and after (an act moving to another body or month notes both),
	 * and writes the difference the write makes to the yearly and the undecided tallies — and touches nothing else:
	 * afterwards the changed bodies' rows are what a full recompute gives, while a body nothing changed, and a month of a
	 * changed body that nothing changed, stay as they are.
	 */
	@Test
	void aRefreshRecomputesWhatChangedAndOnlyThat() {
		long a = bodyId("芒市应急管理局");
		long b = bodyId("芒市交通运输局");
		int year = LocalDate.now(clock).getYear();
		LocalDate jan = LocalDate.of(year, 1, 15);
		LocalDate mar = LocalDate.of(year, 3, 10);
		// the months the two acts of b count in (their decision dates)
		LocalDate bMonth = jan.plusDays(20).withDayOfMonth(1);
		LocalDate b3Month = mar.plusDays(5).withDayOfMonth(1);
		ledger.record(act("INC-B", b, jan, jan.plusDays(20), 300_000L));
		ledger.record(act("INC-B3", b, mar, mar.plusDays(5), 100_000L));
		dashboard.refreshChanged();
		assertThat(differences(b)).isZero();
		// body b's figures spoiled in the summary itself (no act of b changes): a refresh after a change of a leaves them
		jdbc.update("update sv_act_month set acts = acts + 1000 where body_id = ? and month in (?, ?)", b, bMonth, b3Month);
		ledger.record(act("INC-A", a, jan, jan.plusDays(20), 200_000L));
		dashboard.refreshChanged();
		assertThat(differences(a)).isZero();
		assertThat(monthDifferences(b, bMonth)).isPositive();
		// a write of b's first act around the ledger is noted too: the month it counts in is recomputed, its spoiled row with
		// it; the other act's month, which nothing changed, stays as it was
		jdbc.update("update sv_act set fine = fine + 100 where source = 'TEST-DASH' and external_id = 'INC-B'");
		dashboard.refreshChanged();
		assertThat(monthDifferences(b, bMonth)).isZero();
		assertThat(monthDifferences(b, b3Month)).isPositive();
		jdbc.update("update sv_act_month set acts = acts - 1000 where body_id = ? and month = ?", b, b3Month);
		assertThat(differences(b)).isZero();
		// a newer report moves the act of a to b: both bodies are right afterwards
		long aActsBefore = jdbc.queryForObject("select coalesce(sum(acts), 0) from sv_act_month where body_id = ?", Long.class, a);
		var moved = act("INC-A", b, jan, jan.plusDays(20), 200_000L);
		ledger.record(new ActReport(moved.source(), moved.externalId(), 2, b, moved.kind(), moved.matterCode(), moved.matterName(), moved.caseNumber(),
				moved.partyKind(), moved.partyName(), null, moved.partyKey(), null, moved.stage(), moved.actDate(), moved.receivedOn(), moved.filedOn(), null,
				null, null, false, false, false, false, false, moved.decidedOn(), moved.decisionOutcome(), moved.decisionNumber(), moved.fine(), null, null,
				null, 0, null, List.of(), 2, false));
		dashboard.refreshChanged();
		assertThat(differences(a)).isZero();
		assertThat(differences(b)).isZero();
		assertThat(jdbc.queryForObject("select coalesce(sum(acts), 0) from sv_act_month where body_id = ?", Long.class, a)).isEqualTo(aActsBefore - 1);
		// writes around the ledger of every kind — undecided again, moved to another month, another year, deleted, a
		// statement writing many — and the tallies' differences add up to the full recompute
		jdbc.update("update sv_act set decided_on = null, decision_outcome = null where source = 'TEST-DASH' and external_id = 'INC-B3'");
		jdbc.update("update sv_act set decided_on = decided_on + 40, filed_on = filed_on + 40 where source = 'TEST-DASH' and external_id = 'INC-B'");
		jdbc.update("update sv_act set decided_on = decided_on - 365, act_date = act_date - 365 where source = 'TEST-DASH' and external_id = 'INC-A'");
		dashboard.refreshChanged();
		assertThat(differences(a)).isZero();
		assertThat(differences(b)).isZero();
		jdbc.update("update sv_act set fine = coalesce(fine, 0) + 1 where source = 'TEST-DASH' and external_id in ('INC-A', 'INC-B', 'INC-B3')");
		// an act written around the ledger (no alert refers to it), then deleted
		jdbc.update("""
				insert into sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name, party_key, stage,
				  act_date, received_on, filed_on, decided_on, decision_outcome, fine, paid_total, valid_officers, received_at, details)
				select source, 'INC-DEL', version, body_id, kind, matter_code, matter_name, case_number || '删', party_kind, party_name, party_key, stage,
				  act_date, received_on, filed_on, decided_on, decision_outcome, fine, paid_total, valid_officers, received_at, details
				from sv_act where source = 'TEST-DASH' and external_id = 'INC-B'""");
		dashboard.refreshChanged();
		assertThat(differences(b)).isZero();
		jdbc.update("delete from sv_act where source = 'TEST-DASH' and external_id = 'INC-DEL'");
		dashboard.refreshChanged();
		assertThat(differences(a)).isZero();
		assertThat(differences(b)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_summary_dirty where body_id in (?, ?)", Long.class, a, b)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act_year_delta where body_id in (?, ?)", Long.class, a, b)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act_undecided_delta where body_id in (?, ?)", Long.class, a, b)).isZero();
		// the trigger's projection of one act onto the yearly groups is the view's, for every act there is (demonstration, tests)
		assertThat(jdbc.queryForObject("""
				select count(*) from ((select y.* from sv_act a cross join lateral sv_act_year_of(a) y except all select * from sv_act_year)
				  union all (select * from sv_act_year except all select y.* from sv_act a cross join lateral sv_act_year_of(a) y)) d""", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(distinct year) from sv_act_year", Long.class)).isGreaterThan(1);
	}

	/**
	 * The monthly summary follows a new act or a step of an undecided one by its difference, without recomputing the month
	 * (V105; the recompute's cost grew with the month's acts): a row spoiled by hand stays spoiled by exactly as much, while
	 * the difference is added. The longest handling time can shrink only when a decided act changes or goes: that month is
	 * recomputed, and the longest time is the true one again.
	 */
	@Test
	void aMonthFollowsANewOrUndecidedActByItsDifferenceAndIsRecomputedWhenItsLongestTimeMayShrink() {
		long b = bodyId("芒市应急管理局");
		LocalDate aug = LocalDate.of(LocalDate.now(clock).getYear(), 8, 4);
		LocalDate month = aug.withDayOfMonth(1);
		ledger.record(act("DIFF-LONG", b, aug, aug.plusDays(20), 80_000L));
		ledger.record(act("DIFF-SHORT", b, aug, aug.plusDays(6), 30_000L));
		dashboard.refreshChanged();
		assertThat(monthDifferences(b, month)).isZero();
		assertThat(jdbc.queryForObject("select longest from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Integer.class, b, month))
			.isEqualTo(20);
		// spoiled by hand; then a new undecided act and a decision in the same month: added by difference, the spoil stays
		jdbc.update("update sv_act_month set acts = acts + 1000 where body_id = ? and month = ? and stage = 'DECIDED'", b, month);
		ledger.record(act("DIFF-NEW", b, aug.plusDays(3), null, null));
		var decided = act("DIFF-NEW", b, aug.plusDays(3), aug.plusDays(10), 40_000L);
		ledger.record(new ActReport(decided.source(), decided.externalId(), 2, b, decided.kind(), decided.matterCode(), decided.matterName(),
				decided.caseNumber(), decided.partyKind(), decided.partyName(), null, decided.partyKey(), null, decided.stage(), decided.actDate(),
				decided.receivedOn(), decided.filedOn(), null, null, null, false, false, false, false, false, decided.decidedOn(), decided.decisionOutcome(),
				decided.decisionNumber(), decided.fine(), null, null, null, 0, null, List.of(), 2, false));
		assertThat(jdbc.queryForObject("select count(*) from sv_summary_dirty where body_id = ? and month = ?", Long.class, b, month)).isZero();
		dashboard.refreshChanged();
		assertThat(jdbc.queryForObject("select acts from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Long.class, b, month))
			.isEqualTo(1003);
		jdbc.update("update sv_act_month set acts = acts - 1000 where body_id = ? and month = ? and stage = 'DECIDED'", b, month);
		assertThat(monthDifferences(b, month)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act_month_delta where body_id = ?", Long.class, b)).isZero();
		// the longest act decided sooner after all (a correction around the ledger): noted, recomputed, 10 days the longest
		jdbc.update("update sv_act set decided_on = decided_on - 12 where source = 'TEST-DASH' and external_id = 'DIFF-LONG'");
		assertThat(jdbc.queryForObject("select count(*) from sv_summary_dirty where body_id = ? and month = ?", Long.class, b, month)).isPositive();
		dashboard.refreshChanged();
		assertThat(monthDifferences(b, month)).isZero();
		assertThat(jdbc.queryForObject("select longest from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Integer.class, b, month))
			.isEqualTo(8);
		// an act written around the ledger with a longer time, added by difference, then deleted: recomputed without it
		jdbc.update("""
				insert into sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name, party_key, stage,
				  act_date, received_on, filed_on, decided_on, decision_outcome, fine, paid_total, valid_officers, received_at, details)
				select source, 'DIFF-COPY', version, body_id, kind, matter_code, matter_name, case_number || '副', party_kind, party_name, party_key, stage,
				  act_date, received_on, filed_on - 22, decided_on, decision_outcome, fine, paid_total, valid_officers, received_at, details
				from sv_act where source = 'TEST-DASH' and external_id = 'DIFF-SHORT'""");
		dashboard.refreshChanged();
		assertThat(monthDifferences(b, month)).isZero();
		assertThat(jdbc.queryForObject("select longest from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Integer.class, b, month))
			.isEqualTo(28);
		jdbc.update("delete from sv_act where source = 'TEST-DASH' and external_id = 'DIFF-COPY'");
		dashboard.refreshChanged();
		assertThat(monthDifferences(b, month)).isZero();
		assertThat(jdbc.queryForObject("select longest from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Integer.class, b, month))
			.isEqualTo(8);
		// every decision of the month undone: its DECIDED row goes with the recompute
		jdbc.update("update sv_act set decided_on = null, decision_outcome = null, stage = 'FILED' where source = 'TEST-DASH' and external_id like 'DIFF-%'");
		dashboard.refreshChanged();
		assertThat(differences(b)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act_month where body_id = ? and month = ? and stage = 'DECIDED'", Long.class, b, month)).isZero();
	}

	@Autowired
	javax.sql.DataSource dataSource;

	/**
	 * A write not yet committed while a refresh runs is neither counted nor lost: its notes and differences are not among
	 * those the refresh takes (they are not in its snapshot), and the next refresh after the commit adds them.
	 */
	@Test
	void aWriteCommittedAfterARefreshBeganIsAddedByTheNext() throws Exception {
		long b = bodyId("芒市交通运输局");
		LocalDate jun = LocalDate.of(LocalDate.now(clock).getYear(), 6, 3);
		ledger.record(act("LATE-1", b, jun, jun.plusDays(9), 50_000L));
		dashboard.refreshChanged();
		assertThat(differences(b)).isZero();
		try (java.sql.Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (var st = c.prepareStatement("update sv_act set fine = fine + 1, decided_on = null, decision_outcome = null where source = 'TEST-DASH' and external_id = 'LATE-1'")) {
				assertThat(st.executeUpdate()).isEqualTo(1);
			}
			dashboard.refreshChanged();
			// the refresh saw the act as it was: the summaries agree with it, the open write's differences wait
			assertThat(differences(b)).isZero();
			c.commit();
		}
		assertThat(differences(b)).isPositive();
		dashboard.refreshChanged();
		assertThat(differences(b)).isZero();
	}

	/** Rows of the body's monthly summary for one month that differ from a recompute (both ways). */
	private long monthDifferences(long body, LocalDate month) {
		return jdbc.queryForObject("select count(*) from ((select * from sv_act_month where body_id = ? and month = ? except all select * from sv_act_month_source "
				+ "where body_id = ? and month = ?) union all (select * from sv_act_month_source where body_id = ? and month = ? except all select * from "
				+ "sv_act_month where body_id = ? and month = ?)) d", Long.class, body, month, body, month, body, month, body, month);
	}

	/** Rows of the body's three summaries that differ from a full recompute of them (both ways). */
	private long differences(long body) {
		long n = 0;
		for (String summary : List.of("sv_act_month", "sv_act_undecided_due", "sv_act_year_tally")) {
			n += jdbc.queryForObject("select count(*) from ((select * from " + summary + " where body_id = ? except all select * from " + summary
					+ "_source where body_id = ?) union all (select * from " + summary + "_source where body_id = ? except all select * from " + summary
					+ " where body_id = ?)) d", Long.class, body, body, body, body);
		}
		return n;
	}

	/** A body's 被申请复议或起诉, 已结, 被纠错 and 纠错率 in the dashboard's Excel (zeros when it has no row yet). */
	private static List<String> remedies(HttpSession supervisor, int year, String bodyName) {
		var rows = Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 19);
		assertThat(rows.get(0).subList(14, 18)).containsExactly("被申请复议或起诉", "复议诉讼已结", "被纠错", "纠错率");
		return rows.stream().filter(r -> r.get(0).equals(bodyName)).findFirst().map(r -> r.subList(14, 18)).orElse(List.of("0", "0", "0", "—"));
	}

	private ActReport decidedOnDay100(String id, long body, LocalDate filed, ActReport.Dues dues) {
		return new ActReport("TEST-DASH", id, 1, body, "PENALTY", "TEST-001", "测试事项", "测试罚决〔" + id + "〕号", "ORGANIZATION", "看板测试公司" + id, null,
				"U:TEST" + id, null, "DECIDED", filed.minusDays(10), filed.minusDays(5), filed, null, null, null, false, false, false, false, false,
				filed.plusDays(100), "PENALTY", "测试罚决" + id, 100_000L, null, null, null, 0, null, List.of(), 2, false,
				new ActReport.Details(List.of(), List.of(), null, false, false, false, List.of(), false, null, dues, null, null));
	}

	/** The overdue figure of 芒市交通运输局 in the dashboard's Excel. */
	private long overdue(HttpSession supervisor, int year) {
		var rows = Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 14);
		return Long.parseLong(rows.stream().filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow().get(10));
	}

	private long filed(HttpSession supervisor, int year) {
		var rows = Excel.read(new ByteArrayInputStream(supervisor.getBytes("/supervision/export.xlsx?year=" + year)), 14);
		return Long.parseLong(rows.stream().filter(r -> r.get(0).equals("芒市交通运输局")).findFirst().orElseThrow().get(9));
	}
}
