package zhifa.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.casework.Workbench;
import zhifa.shared.DataScope;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: the workbench on a million cases ({@code -Dbench.cases}, default 1,000,000) over ten bodies — most closed
 * long ago, a few percent open with running timers, some overdue, decided fines partly unpaid, a few under 行政强制执行 —
 * each with its valid record chain (checked by {@code verify-records} before the reads are timed).
 * Prints p50/p95 of every workbench filter through the service (whole platform and one body), of the list API
 * ({@code GET /api/v1/cases}, 100 a page, first page and a page deep down) and of the workbench page, with the response
 * sizes. Target: p95 under 300 ms on this machine. Run with {@code ./mvnw verify -Pbench -Dit.test=WorkbenchBenchmark}.
 */
// no hourly anchor while the record is generated (its entries are written with their past times)
@org.springframework.test.context.TestPropertySource(properties = "zhifa.record.anchor-initial-delay=P3650D")
class WorkbenchBenchmark extends IntegrationTestBase {

	@Autowired
	Workbench workbench;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	zhifa.record.RecordKeys keys;

	@Autowired
	zhifa.record.RecordVerifier verifier;

	@Test
	void everyFilterOnAMillionCases() throws Exception {
		int n = Integer.getInteger("bench.cases", 1_000_000);
		long start = System.nanoTime();
		// one transaction without the request timeout: at ten million cases an insert takes longer than a request may
		tx.executeWithoutResult(status -> {
			jdbc.execute("set local statement_timeout = 0");
			generate(n);
		});
		BenchDatabase.vacuumAnalyze(jdbc, "enforcement_case", "penalty_case", "case_timer", "case_officer", "coercion_enforcement");
		System.out.printf("%n%,d cases generated in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
		chains(n);
		jdbc.queryForList("select kind, count(*) from (select case when stage in ('CLOSED', 'ARCHIVED', 'NOT_FILED') then 'closed' else stage end as kind "
				+ "from enforcement_case) x group by kind order by 1").forEach(r -> System.out.printf("  %-10s %,d%n", r.get("kind"), r.get("count")));

		long market = bodyId("芒市市场监督管理局");
		System.out.printf("%n%-58s %9s %9s %8s%n", "workbench filter (service, 100 a page)", "p50 ms", "p95 ms", "rows");
		double slowest = -1;
		String slowestCode = null;
		boolean slowestOneBody = false;
		for (var f : workbench.filters()) {
			double all = time("whole platform: " + f.code(), () -> workbench.page(DataScope.all(), f.code(), null, 100).items().size());
			double one = time("one body:       " + f.code(), () -> workbench.page(DataScope.body(market), f.code(), null, 100).items().size());
			if (Math.max(all, one) > slowest) {
				slowest = Math.max(all, one);
				slowestCode = f.code();
				slowestOneBody = one >= all;
			}
		}
		// the slowest filter's plan: the first page's read of each alternative, as the workbench runs it
		System.out.printf("%nslowest filter: %s (%s), p95 %.1f ms; its page read:%n", slowestCode, slowestOneBody ? "one body" : "whole platform", slowest);
		var worst = workbench.filter(slowestCode);
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("pageBefore", Long.MAX_VALUE);
		p.put("pageLimit", zhifa.casework.persistence.WorkbenchRows.COUNT_CAP + 1);
		String scope = slowestOneBody ? "c.body_id = " + market + " and " : "";
		var branches = worst.branches(p, java.time.LocalDate.now(clock), null).stream().map(b -> scope + "(" + b + ")").toList();
		named.queryForList("explain analyze " + zhifa.casework.persistence.WorkbenchRows.pageSql(branches), p, String.class).forEach(System.out::println);

		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession supervisor = loggedIn("jiandu");
		System.out.printf("%n%-58s %9s %9s %8s%n", "list API / page over HTTP", "p50 ms", "p95 ms", "bytes");
		for (var f : workbench.filters()) {
			time("GET /api/v1/cases?filter=" + f.code() + " (officer)", () -> officer.get("/api/v1/cases?filter=" + f.code()).body().length());
			time("GET /api/v1/cases?filter=" + f.code() + " (supervisor)", () -> supervisor.get("/api/v1/cases?filter=" + f.code()).body().length());
		}
		int depth = Math.min(200_000, n / 2);
		long deep = jdbc.queryForObject("select id from enforcement_case order by id limit 1 offset " + depth, Long.class);
		time(String.format("GET /api/v1/cases?filter=ALL&after=<%,d deep>", depth), () -> supervisor.get("/api/v1/cases?filter=ALL&after=" + deep).body().length());
		time("GET /api/v1/cases?filter=OPEN&size=500", () -> supervisor.get("/api/v1/cases?filter=OPEN&size=500").body().length());
		for (String f : List.of("OPEN", "OVERDUE", "DUE_SOON", "MINE")) {
			time("GET /cases?filter=" + f + " (workbench page, officer)", () -> officer.get("/cases?filter=" + f).body().length());
		}
	}

	/**
	 * Every generated case its record chain ({@code bench.chain-steps} entries, default 1) over the cases' year, valid
	 * (hashed and MACed in Java, written with COPY); then {@code verify-records}' full check over the whole record.
	 */
	private void chains(int n) throws Exception {
		int steps = Integer.getInteger("bench.chain-steps", 1);
		long[] ids = new long[n];
		long[] owners = new long[n];
		int[] k = { 0 };
		try (java.sql.Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (var st = c.prepareStatement("select id, body_id from enforcement_case where party_key like 'BENCH:%' order by id")) {
				st.setFetchSize(100_000);
				try (var rs = st.executeQuery()) {
					while (rs.next()) {
						ids[k[0]] = rs.getLong(1);
						owners[k[0]++] = rs.getLong(2);
					}
				}
			}
			c.commit();
		}
		long t0 = System.nanoTime();
		java.time.Instant end = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
		long entries = zhifa.record.ChainGenerator.generate(dataSource, keys, new zhifa.record.ChainGenerator.Subjects("penalty_case",
				c -> Long.toString(ids[(int) c]), c -> owners[(int) c], "case.registered", "登记案源（基准）"), k[0], steps,
				end.minus(java.time.Duration.ofDays(400)), end);
		System.out.printf("%,d record entries in %,d chains (one per case) written in %.1f s (hash, MAC, COPY)%n", entries, k[0],
				(System.nanoTime() - t0) / 1e9);
		long v0 = System.nanoTime();
		var report = verifier.verifyAll();
		System.out.printf("verify-records (full) over the whole record: %,d entries in %,d chains, %s, %.1f s%n", report.entries(), report.chains(),
				report.intact() ? "intact" : "BROKEN: " + report.describe(), (System.nanoTime() - v0) / 1e9);
		if (!report.intact()) {
			throw new IllegalStateException(report.describe());
		}
	}

	/** The cases, their penalty rows, timers, officers, payments and enforcements, all by set-based inserts. */
	private void generate(int n) {
		long market = bodyId("芒市市场监督管理局");
		List<Long> bodies = jdbc.queryForList("select id from body_view where status = 'ACTIVE' order by id <> ?, id limit 10", Long.class, market);
		long matter = jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class);
		long zhang = jdbc.queryForObject("select id from officer_view where name = '张伟'", Long.class);
		long yan = jdbc.queryForObject("select id from officer_view where name = '岩温'", Long.class);
		String bodyArray = "array[" + String.join(",", bodies.stream().map(String::valueOf).toList()) + "]::bigint[]";
		jdbc.execute("create temporary table bench_case as select g, (" + bodyArray + ")[1 + g % " + bodies.size() + "] as body_id, "
				// the stage from the case's number divided by the bodies' count: every body its mix of stages
				+ "case when s % 100 < 85 then (case when (s / 100) % 2 = 0 then 'ARCHIVED' else 'CLOSED' end) when s % 100 < 90 then 'CLUE' "
				+ "when s % 100 < 93 then 'FILED' when s % 100 < 94 then 'PROPOSED' when s % 100 < 95 then 'NOTIFIED' when s % 100 < 96 then 'NOT_FILED' "
				+ "else 'DECIDED' end as stage from generate_series(1, " + n + ") g, lateral (select g / " + bodies.size() + " as s) s");
		jdbc.update("""
				insert into enforcement_case (kind, body_id, matter_id, stage, source, party_kind, party_name, party_key, party_masked, place_region_id,
				  act_date, description, received_on, registered_by, case_number, case_year, case_seq, filed_on, demo, created_at, updated_at)
				select 'PENALTY', b.body_id, ?, b.stage, 'INSPECTION', 'ORGANIZATION', '基准当事人' || b.g, 'BENCH:' || b.g, 'BENCH', 3,
				  current_date - 400 + (b.g % 365), '基准测试', current_date - 390 + (b.g % 365), 'bench',
				  case when b.stage not in ('CLUE', 'NOT_FILED') then '基准〔' || (2000 + b.g % 20) || '〕' || b.g || '号' end,
				  case when b.stage not in ('CLUE', 'NOT_FILED') then 2000 + b.g % 20 end, case when b.stage not in ('CLUE', 'NOT_FILED') then b.g end,
				  case when b.stage not in ('CLUE', 'NOT_FILED') then current_date - 380 + (b.g % 365) end, true, now(), now()
				from bench_case b order by b.g""", matter);
		jdbc.update("""
				insert into penalty_case (case_id, procedure, decision_outcome, decided_on, decision_number, decision_types, decision_fine, paid_total)
				select c.id, 'GENERAL', case when c.stage in ('DECIDED', 'CLOSED', 'ARCHIVED') then 'PENALTY' end,
				  case when c.stage in ('DECIDED', 'CLOSED', 'ARCHIVED') then c.filed_on + 60 end,
				  case when c.stage in ('DECIDED', 'CLOSED', 'ARCHIVED') then '基准决〔' || c.case_year || '〕' || c.case_seq || '号' end,
				  case when c.stage in ('DECIDED', 'CLOSED', 'ARCHIVED') then 'FINE' end, case when c.stage in ('DECIDED', 'CLOSED', 'ARCHIVED') then 500000 end,
				  case when c.stage in ('CLOSED', 'ARCHIVED') then 500000 when c.stage = 'DECIDED' and c.id % 3 = 0 then 100000 else 0 end
				from enforcement_case c where c.party_key like 'BENCH:%'""");
		// every case its met or missed filing timer; open filed cases a decision timer (missed once past due); clues a running
		// filing timer — most of them long past their day, as if the nightly run had never marked them: the worst case of 已超期
		jdbc.update("""
				insert into case_timer (case_id, kind, label, unit, amount, legal_source, start_date, due_date, provisional, state, closed_on)
				select c.id, 'FILING', '立案审查', 'WORKING_DAYS', 15, '基准', c.received_on, c.received_on + 21,
				  false, case when c.stage = 'CLUE' then 'RUNNING' when (c.id / 10) % 50 = 0 then 'MISSED' else 'MET' end,
				  case when c.stage = 'CLUE' then null else c.received_on + 10 end
				from enforcement_case c where c.party_key like 'BENCH:%'""");
		jdbc.update("""
				insert into case_timer (case_id, kind, label, unit, amount, legal_source, start_date, due_date, provisional, state)
				select c.id, 'DECISION', '作出处罚决定', 'CALENDAR_DAYS', 90, '基准', c.filed_on, d.due, false,
				  -- as the nightly run leaves them: missed once past the day, only yesterday's not marked yet
				  case when d.due < current_date - 1 then 'MISSED' else 'RUNNING' end
				from enforcement_case c, lateral (select current_date - 20 + cast(c.id % 120 as integer) as due) d
				where c.party_key like 'BENCH:%' and c.stage in ('FILED', 'PROPOSED', 'NOTIFIED')""");
		jdbc.update("""
				insert into case_officer (case_id, officer_id, assigned_on)
				select c.id, o, c.filed_on from enforcement_case c cross join unnest(array[?, ?]::bigint[]) o
				where c.party_key like 'BENCH:%' and c.body_id = ? and c.filed_on is not null and c.id % 10 = 0""", zhang, yan, market);
		jdbc.update("""
				insert into coercion_enforcement (case_id, stage, obligation, amount, urge_served_on, urge_proof)
				select c.id, 'URGED', '基准义务', 400000, current_date - 5, '基准' from enforcement_case c
				where c.party_key like 'BENCH:%' and c.stage = 'DECIDED' and c.id % 7 = 0""");
	}

	/** Prints p50 and p95 of the call (20 runs after two warm-ups) and returns the p95 in ms. */
	private static double time(String what, Supplier<Integer> run) {
		run.get();
		run.get();
		long[] t = new long[20];
		int size = 0;
		for (int i = 0; i < t.length; i++) {
			long s = System.nanoTime();
			size = run.get();
			t[i] = System.nanoTime() - s;
		}
		Arrays.sort(t);
		System.out.printf("%-58s %9.1f %9.1f %8d%n", what, t[10] / 1e6, t[18] / 1e6, size);
		return t[18] / 1e6;
	}

}
