package zhifa.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.supervision.Dashboard;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: the supervisor's dashboard on a ledger of a million acts ({@code -Dbench.acts}) across 300 bodies of 芒市
 * — this year and last, every stage, fines on the decided ones. Prints p50/p95 of the dashboard's reads through the
 * service (the region, one body) and of the pages over HTTP. Target: p95 under 300 ms on this machine. Run with
 * {@code ./mvnw verify -Pbench -Dit.test=DashboardBenchmark}.
 */
// the summaries are refreshed by the benchmark itself: the reads are timed once in the steady state (no refresh running), then
// while a refresh runs (at ten million acts it takes about a minute and keeps a core busy)
@org.springframework.test.context.TestPropertySource(properties = { "zhifa.supervision.summary-refresh=PT24H", "zhifa.supervision.summary-check=PT24H" })
class DashboardBenchmark extends IntegrationTestBase {

	@Autowired
	Dashboard dashboard;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Test
	void theDashboardOnAMillionActs() {
		int n = Integer.getInteger("bench.acts", 1_000_000);
		long start = System.nanoTime();
		long region = jdbc.queryForObject("select id from org_region where code = '533103'", Long.class);
		// one transaction without the request timeout: at ten million acts an insert takes longer than a request may
		tx.executeWithoutResult(status -> {
			jdbc.execute("set local statement_timeout = 0");
			generate(n, region);
		});
		vacuumAnalyze("sv_act", "sv_alert");
		long refresh = System.nanoTime();
		dashboard.refresh();
		System.out.printf("every body's summaries recomputed in %.1f s (readers keep the previous rows meanwhile)%n",
				(System.nanoTime() - refresh) / 1e9);
		vacuumAnalyze("sv_act_month", "sv_act_year_tally");
		changedBodiesRefresh();
		System.out.printf("%n%,d acts across 300 bodies and %,d alerts generated in %.1f s%n", n,
				jdbc.queryForObject("select count(*) from sv_alert", Long.class), (System.nanoTime() - start) / 1e9);
		measure();
	}

	@Autowired
	zhifa.supervision.Ledger ledger;

	/**
	 * What the schedules do: ten acts of each of five bodies reported through the ledger (each change notes its body),
	 * then only those bodies' figures recomputed — against the full recompute above.
	 */
	private void changedBodiesRefresh() {
		java.time.LocalDate jan = java.time.LocalDate.of(java.time.LocalDate.now(clock).getYear(), 1, 20);
		List<Long> bodies = jdbc.queryForList("select body_id from sv_act group by body_id order by count(*) desc limit 5", Long.class);
		long acts = jdbc.queryForObject("select count(*) from sv_act where body_id = any(?)", Long.class, (Object) bodies.toArray(Long[]::new));
		for (long body : bodies) {
			for (int i = 0; i < 10; i++) {
				String id = "REFRESH-" + body + "-" + i;
				ledger.record(new zhifa.supervision.ActReport("BENCH-REFRESH", id, 1, body, "PENALTY", "TEST-001", "基准事项", "基准罚〔" + id + "〕号",
						"ORGANIZATION", "刷新基准公司", null, "U:REFRESH" + id, null, "DECIDED", jan.minusDays(10), jan.minusDays(5), jan, null, null, null,
						false, false, false, false, false, jan.plusDays(20), "PENALTY", "基准罚决" + id, 100_000L, null, null, null, 0, null, List.of(), 2,
						false));
			}
		}
		long t0 = System.nanoTime();
		int done = dashboard.refreshChanged();
		System.out.printf("after 50 acts reported for 5 bodies (%,d acts between them), their figures brought up to date in %.0f ms (%d notes of changed months)%n", acts,
				(System.nanoTime() - t0) / 1e6, done);
	}

	private void vacuumAnalyze(String... tables) {
		BenchDatabase.vacuumAnalyze(jdbc, tables);
	}

	private void generate(int n, long region) {
		jdbc.update("""
				insert into org_body (name, uscc, kind, region_id, status, created_at, updated_at)
				select '基准测试执法主体' || g, '91533103BE' || lpad(g::text, 8, '0'), 'ADMINISTRATIVE_ORGAN', ?, 'ACTIVE', now(), now() from generate_series(1, 300) g""",
				region);
		jdbc.update("""
				insert into sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name, party_key,
				  stage, act_date, received_on, filed_on, decided_on, decision_outcome, fine, gains, paid_total, valid_officers, received_at, details,
				  decision_due)
				select 'BENCH', g::text, 1, b.ids[1 + g % 300], 'PENALTY', 'SJ-CF-001', '基准事项', '基准罚决〔' || g || '〕号', 'ORGANIZATION', '当事人' || (g % 50000),
				  'U:' || (g % 50000),
				  case when g % 10 < 7 then 'DECIDED' when g % 10 < 8 then 'CLOSED' when g % 10 < 9 then 'FILED' else 'CLUE' end,
				  d - 20, d - 15, case when g % 10 < 9 then d - 10 end, case when g % 10 < 8 then d + (g % 120) end,
				  case when g % 10 < 8 then 'PENALTY' end, case when g % 10 < 8 then 100000 + (g % 97) * 1000 end, case when g % 40 = 0 then 5000 end, 0, 2,
				  now(),
				  -- one decision in fifty challenged (a third of those corrected), with the other details a system reports
				  case when g % 50 = 0 then jsonb_build_object('penaltyTypes', jsonb_build_array('FINE'), 'remedies', jsonb_build_array(jsonb_build_object(
				      'kind', 'REVIEW', 'startedOn', d + 30, 'endedOn', d + 90, 'outcome', (array['UPHELD','UPHELD','REVOKED'])[1 + g % 3])))
				    else jsonb_build_object('penaltyTypes', jsonb_build_array('FINE'), 'remedies', '[]'::jsonb) end,
				  case when g % 10 < 9 then d - 10 + 90 end
				from generate_series(1, ?) g,
				  lateral (select (current_date - (g % 700))::date as d) day,
				  (select array_agg(id order by id) as ids from org_body where name like '基准测试执法主体%') b""", n);
		jdbc.update("""
				insert into sv_alert (rule_code, subject_kind, subject_id, act_id, occurrence, body_id, severity, state, title, article, reasoning, raised_on,
				  answer_due, raised_at, updated_at)
				select (array['LATE_FILING','DECISION_SERVICE','DECISION_PERIOD','UNPAID','OFFICER_COUNT'])[1 + a.id % 5], 'ACT', a.id, a.id, '', a.body_id,
				  'MEDIUM', (array['NEW','SUPERVISED','EXPLAINED','VERIFIED_CLOSED','CONDITION_ENDED'])[1 + a.id % 5], '基准预警', '行政处罚法', '基准',
				  current_date, current_date + 10, now(), now()
				from sv_act a where a.source = 'BENCH' and a.id % 10 = 0""");
	}

	private void measure() {
		int year = LocalDate.now(clock).getYear();
		long one = jdbc.queryForObject("select id from org_body where name = '基准测试执法主体7'", Long.class);
		HttpSession supervisor = loggedIn("jiandu");
		var scope = loggedInScope();
		System.out.printf("%n%-58s %9s %9s %8s%n", "dashboard read", "p50 ms", "p95 ms", "size");
		time("overview, the whole region (service)", () -> dashboard.overview(scope, year).bodies().size());
		time("overview, all data (service)", () -> dashboard.overview(DataScope.all(), year).bodies().size());
		time("one body's months (service)", () -> dashboard.months(scope, one, year).size());
		time("one body's acts, first page (service)", () -> dashboard.acts(scope, one, year, 0, 50).size());
		// the overview's parts, to see where its time goes
		time("  part: bodies' figures from the summary", () -> parts.bodies(scope, year, LocalDate.now(clock), 90, null).size());
		time("  part: open alerts by body and rule", () -> parts.openAlerts(scope).size());
		time("  part: staffing and training (officer module)", () -> compliance.figures(scope, year).size());
		time("  part: months, stages, average", () -> parts.months(scope, year).size() + parts.stages(scope, year).size()
				+ (parts.averageDays(scope, year) == null ? 0 : 1));
		time("GET /supervision (page, the 50 busiest bodies)", () -> supervisor.get("/supervision?year=" + year).body().length());
		time("GET /supervision?all=true (page, all 300 bodies)", () -> supervisor.get("/supervision?all=true&year=" + year).body().length());
		time("GET /supervision/bodies/{id} (page)", () -> supervisor.get("/supervision/bodies/" + one + "?year=" + year).body().length());
		// 年度行政执法数据: one body's tables, the county summary of every body in the scope, their pages
		time("yearly statistics, one body (service)", () -> statistics.of(one, year).counts().size());
		time("yearly statistics, the region's summary (service)", () -> statistics.summary(scope, "芒市汇总", year).bodies().size());
		time("GET /disclosure/statistics?bodyId= (page)", () -> supervisor.get("/disclosure/statistics?bodyId=" + one + "&year=" + year).body().length());
		time("GET /disclosure/statistics/summary (page)", () -> supervisor.get("/disclosure/statistics/summary?year=" + year).body().length());
		// the same main reads while the summaries are being refreshed (a refresh every few minutes at this size)
		var refreshing = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			var running = refreshing.submit(dashboard::refresh);
			try {
				Thread.sleep(2_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			System.out.printf("%nwhile the summaries are refreshed:%n");
			time("overview, the whole region (service), refreshing", () -> dashboard.overview(scope, year).bodies().size());
			time("GET /supervision (page), refreshing", () -> supervisor.get("/supervision?year=" + year).body().length());
			time("yearly statistics, the region's summary (service), refreshing", () -> statistics.summary(scope, "芒市汇总", year).bodies().size());
			System.out.printf("(refresh %s when these were done)%n", running.isDone() ? "had ended" : "still running");
			running.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			refreshing.shutdown();
		}
		if (Boolean.getBoolean("bench.explain")) {
			jdbc.queryForList("explain analyze select a.body_id, count(*) as late from sv_act a where a.decided_on is null and a.filed_on is not null"
					+ " and a.filed_on >= '" + year + "-01-01' and a.filed_on < '" + (year + 1) + "-01-01'"
					+ " and a.decision_due < current_date group by a.body_id", String.class)
				.forEach(System.out::println);
			jdbc.queryForList("explain analyze select m.body_id, sum(m.acts), sum(m.fines), sum(m.decided_late) from sv_act_month m"
					+ " where m.month >= '" + year + "-01-01' and m.month < '" + (year + 1) + "-01-01' group by m.body_id", String.class)
				.forEach(System.out::println);
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.supervision.persistence.DashboardRows parts;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.officer.Compliance compliance;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.disclosure.YearlyStatistics statistics;

	/** The 芒市司法局 supervisor's scope (芒市 and its townships). */
	private DataScope loggedInScope() {
		long justice = bodyId("芒市司法局");
		return DataScope.regionSubtree(justice, jdbc.queryForObject("select path from org_region where code = '533103'", String.class));
	}

	private static void time(String what, Supplier<Integer> call) {
		int size = call.get();
		call.get();
		long[] ms = new long[15];
		for (int i = 0; i < ms.length; i++) {
			long t = System.nanoTime();
			call.get();
			ms[i] = (System.nanoTime() - t) / 1_000_000;
		}
		Arrays.sort(ms);
		System.out.printf("%-58s %9d %9d %8d%n", what, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], size);
	}
}
