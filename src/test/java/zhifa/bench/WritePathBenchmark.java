package zhifa.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.penalty.WritePathIntegrationTest;
import zhifa.penalty.filing.Filing;
import zhifa.shared.DataScope;
import zhifa.support.Cpu;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: the write paths against what PostgreSQL itself allows (issue 17 target 1). For each path, closed loop with
 * 1, 4 and 16 clients for {@code bench.seconds} (4) per round, the platform's call and the same rows written by one raw
 * JDBC transaction interleaved, {@code bench.rounds} (3) rounds each: calls per second, p99, and the ratio — the medians
 * of the rounds with the ratio's range (a single round varied by a fifth between runs on this machine). Then, at 4 clients paced at 80% of the measured
 * peak, the p99 (target < 50 ms). Every path is first run for {@code bench.warmup} (8) seconds at 4 clients (the
 * transitions half that), so that both are measured compiled. Run with {@code ./mvnw verify -Pbench -Dit.test=WritePathBenchmark}.
 *
 * <p>Clue: 登记案源 ({@code Filing.registerClue}) against the case, penalty, timer, record chain, record entry and
 * event rows inserted raw. Transition: 延长立案审查期限 ({@code Filing.extendTriage}) on fresh clues against the case's
 * version claimed, the timer extended, the record chain and entry and the event written raw.
 */
class WritePathBenchmark extends IntegrationTestBase {

	@Autowired
	Filing filing;

	@Autowired
	DataSource dataSource;

	private long body;
	private long matter;

	interface Call {
		void run(int client, long i) throws Exception;
	}

	@Test
	void writePathsAgainstRawTransactions() throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 4);
		body = jdbc.queryForObject("select id from body_view where name = '芒市市场监督管理局'", Long.class);
		matter = jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class);
		String run = UUID.randomUUID().toString().substring(0, 6);
		Call clue = (client, i) -> filing.registerClue(DataScope.all(), WritePathIntegrationTest.clue(body, matter, LocalDate.now(clock), "基准" + run + "-" + client + "-" + i),
				null, false);
		Call rawClue = (client, i) -> rawClue("原始" + run + "-" + client + "-" + i);
		// transitions need a fresh clue each: a queue filled before each round
		ConcurrentLinkedQueue<Long> fresh = new ConcurrentLinkedQueue<>();
		Call transition = (client, i) -> filing.extendTriage(DataScope.all(), next(fresh), "案情复杂，经负责人批准");
		Call rawTransition = (client, i) -> rawTransition(next(fresh));

		// warm up every path until the JIT has compiled it: the platform's path is far more code than the raw one, and a
		// whole-platform JVM keeps its compiler thread busy for minutes (after six passes of 24 s the compiler still took a
		// third of the JVM's time in the measured rounds, on a core the calls needed): one pass of bench.warmup (8) seconds
		// each way at 4 clients, then passes of the platform's paths until the compiler threads used less than a tenth of
		// the JVM's time in one (at most bench.warmup.passes, 20)
		int warmup = Integer.getInteger("bench.warmup", 8);
		int passes = 0;
		double compiling = 1;
		while (passes < Integer.getInteger("bench.warmup.passes", 20) && compiling > 0.1) {
			var t0 = Cpu.threads();
			settled(measure(clue, 4, warmup));
			if (passes == 0) {
				measure(rawClue, 4, warmup);
			}
			fill(fresh, estimate(4, warmup / 2));
			settled(measure(transition, 4, warmup / 2));
			if (passes == 0) {
				fill(fresh, estimate(4, warmup / 2));
				measure(rawTransition, 4, warmup / 2);
			}
			compiling = Cpu.compilerShare(t0, Cpu.threads());
			passes++;
		}
		String warmedUp = String.format("warm-up: %d passes of %d s; the compiler threads' share of the JVM's time in the last %.0f %%%n", passes, warmup,
				100 * compiling);
		int rounds = Integer.getInteger("bench.rounds", 3);
		// -Dzhifa.diag.pgss: the embedded server loads pg_stat_statements, and the statements' own time inside PostgreSQL is
		// printed at the end (the platform's, the raw paths' and the ledger queue's, each with its calls)
		if (Boolean.getBoolean("zhifa.diag.pgss")) {
			jdbc.execute("create extension if not exists pg_stat_statements");
			jdbc.execute("select pg_stat_statements_reset()");
		}
		StringBuilder out = new StringBuilder("\nwrite paths against raw transactions, " + rounds + " rounds of " + seconds
				+ " s per client count, the platform and raw interleaved in each\n");
		out.append("calls/s: the calls acknowledged in a round; settled/s: the same calls over the round and the time until the ledger's queue\n"
				+ "had also reported each to the ledger and the alert rules (the work that follows a change, done in batches after it commits).\n"
				+ "Each row is the round whose ratio is the median of the rounds', with that round's figures; range: the ratios of all rounds\n"
				+ "(this machine varies between rounds by up to a fifth)\n");
		out.append(String.format("%-34s %8s %10s %10s %10s %10s %10s %7s %11s %8s%n", "path", "clients", "calls/s", "settled/s", "p99 ms", "raw /s",
				"raw p99", "ratio", "range", "settled"));
		double peak4 = 0;
		String cpu = "";
		StringBuilder compilerShares = new StringBuilder("the compiler threads' share of the JVM's time during the clue rounds:");
		long postmaster = Cpu.postmaster(jdbc);
		for (int clients : new int[] { 1, 4, 16 }) {
			List<Result> apps = new ArrayList<>();
			List<Result> raws = new ArrayList<>();
			double[] cpuApp = new double[2];
			double[] cpuRaw = new double[2];
			var threads0 = Cpu.threads();
			for (int r = 0; r < rounds; r++) {
				Cpu c0 = Cpu.now(postmaster);
				var waits = Boolean.getBoolean("zhifa.diag.waits") && clients == 4 ? waits() : null;
				Result app = settled(measure(clue, clients, seconds));
				if (waits != null) {
					waits.cancel(true);
				}
				Cpu c1 = Cpu.now(postmaster);
				Result raw = measure(rawClue, clients, seconds);
				Cpu c2 = Cpu.now(postmaster);
				apps.add(app);
				raws.add(raw);
				cpuApp[0] += c1.jvmMillis(c0, app.calls) / rounds;
				cpuApp[1] += c1.pgMillis(c0, app.calls) / rounds;
				cpuRaw[0] += c2.jvmMillis(c1, raw.calls) / rounds;
				cpuRaw[1] += c2.pgMillis(c1, raw.calls) / rounds;
			}
			out.append(row("登记案源 (clue + record entry)", clients, apps, raws));
			compilerShares.append(String.format(" %d clients %.0f %%;", clients, 100 * Cpu.compilerShare(threads0, Cpu.threads())));
			if (clients == 4) {
				peak4 = median(apps, Result::rate);
				cpu = String.format("CPU per clue at 4 clients (the machine busy throughout; mean of the rounds): the platform %.2f ms in this JVM + %.2f ms "
						+ "in PostgreSQL backends; raw %.2f + %.2f ms%n", cpuApp[0], cpuApp[1], cpuRaw[0], cpuRaw[1]);
			}
		}
		for (int clients : new int[] { 1, 4, 16 }) {
			List<Result> apps = new ArrayList<>();
			List<Result> raws = new ArrayList<>();
			for (int r = 0; r < rounds; r++) {
				fill(fresh, estimate(clients, seconds));
				apps.add(settled(measure(transition, clients, seconds)));
				fill(fresh, estimate(clients, seconds));
				raws.add(measure(rawTransition, clients, seconds));
			}
			out.append(row("延长立案审查期限 (transition + entry)", clients, apps, raws));
		}
		double paced = 0.8 * peak4;
		Result at80 = settled(paced(clue, 4, paced, seconds));
		out.append(String.format("登记案源 at 80%% of its 4-client peak (%.0f/s offered): %.0f/s, p99 %.1f ms (target < 50 ms); settled %.0f/s%n", paced,
				at80.rate, at80.p99, at80.settled));
		out.append(cpu);
		out.append(warmedUp).append(compilerShares).append('\n');
		out.append(whereTheTimeGoes("登记案源", clue, rawClue, 2_000, () -> {
		}));
		out.append(whereTheTimeGoes("延长立案审查期限", transition, rawTransition, 2_000, () -> fill(fresh, 2_000)));
		// the tables' updates and how many were heap-only (HOT: no index touched), the tables most written first
		out.append("\nupdates per table during the run (HOT: heap-only, no index entry written)\n");
		jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where n_tup_upd + n_tup_ins > 1000 "
				+ "order by n_tup_upd + n_tup_ins desc limit 14", rs -> {
			out.append(String.format("  %-28s %9d inserted %9d updated %9d HOT%n", rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
		});
		System.out.println(out);
		if (Boolean.getBoolean("zhifa.diag.pgss")) {
			jdbc.query("select calls, total_exec_time, total_plan_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) q from pg_stat_statements "
					+ "order by total_exec_time + total_plan_time desc limit 40", rs -> {
				System.out.printf("PGSS %9d calls %9.1f ms exec %8.1f ms plan %6.3f ms/call %s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
						(rs.getDouble(2) + rs.getDouble(3)) / rs.getLong(1), rs.getString(5));
			});
		}
	}

	/**
	 * One client, {@code n} calls each way (clues, or transitions of fresh clues): the time of each statement per call as
	 * the client sees it (the platform's call, then the queue's batches until drained; the raw transaction) — what the
	 * ratio is made of.
	 */
	private String whereTheTimeGoes(String name, Call app, Call raw, int n, Runnable before) throws Exception {
		StringBuilder out = new StringBuilder();
		for (var path : List.of(java.util.Map.entry(name + ", the platform (the call and the queue's batches)", app), java.util.Map.entry(name + ", raw", raw))) {
			before.run();
			zhifa.support.StatementCounter.TIMES.clear();
			zhifa.support.StatementCounter.TIMING = true;
			long t0 = System.nanoTime();
			for (int i = 0; i < n; i++) {
				path.getValue().run(99, 1_000_000 + i);
			}
			while (queue.backlog().waiting() > 0) {
				Thread.sleep(5);
			}
			double perClue = (System.nanoTime() - t0) / 1e6 / n;
			zhifa.support.StatementCounter.TIMING = false;
			var times = new java.util.ArrayList<>(zhifa.support.StatementCounter.TIMES.entrySet());
			times.sort((x, y) -> Long.compare(y.getValue()[0].sum(), x.getValue()[0].sum()));
			double statements = times.stream().mapToLong(e -> e.getValue()[0].sum()).sum() / 1e6 / n;
			out.append(String.format("%nwhere the time goes, %s: %.3f ms per call, of it %.3f ms in statements%n", path.getKey(), perClue, statements));
			times.stream().limit(24).forEach(e -> out.append(String.format("  %6.3f ms %6.2f × %s%n", e.getValue()[0].sum() / 1e6 / n,
					e.getValue()[1].sum() / (double) n, e.getKey())));
			zhifa.support.StatementCounter.TIMES.clear();
		}
		return out.toString();
	}

	/** Diagnostic: what the database's active backends wait on, sampled every 5 ms until cancelled, printed then. */
	private java.util.concurrent.Future<?> waits() {
		java.util.Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
		ExecutorService sampler = Executors.newSingleThreadExecutor();
		var sampling = sampler.submit(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					jdbc.query("select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') || ' ' || left(query, 50) from pg_stat_activity "
							+ "where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'", rs -> {
						seen.merge(rs.getString(1), 1, Integer::sum);
					});
					Thread.sleep(5);
				}
			}
			catch (Exception e) {
				// cancelled
			}
			finally {
				seen.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
					.forEach(e -> System.out.println("WAIT " + e.getValue() + " " + e.getKey().replaceAll("\\s+", " ")));
			}
		});
		sampler.shutdown();
		return sampling;
	}

	private static long next(ConcurrentLinkedQueue<Long> fresh) {
		Long id = fresh.poll();
		if (id == null) {
			throw new NoneLeft();
		}
		return id;
	}

	/** More clues than a round can use; a client that finds none left ends its round. */
	private static int estimate(int clients, int seconds) {
		return Math.min(clients, 4) * seconds * 2_500;
	}

	/** {@code n} new clues with their triage timer, written in bulk (no record yet: the transition starts the chain). */
	private void fill(ConcurrentLinkedQueue<Long> fresh, int n) {
		fresh.clear();
		String run = UUID.randomUUID().toString().substring(0, 6);
		fresh.addAll(jdbc.queryForList("""
				with c as (
				  insert into enforcement_case (kind, body_id, matter_id, stage, source, party_kind, party_name, party_key, party_masked, place_region_id,
				    place_detail, act_date, description, received_on, registered_by, demo, created_at, updated_at)
				  select 'PENALTY', ?, ?, 'CLUE', 'INSPECTION', 'ORGANIZATION', '待延长' || ? || g, 'U:' || ? || g, ? || g, 3, '', current_date - 3,
				    '日常检查发现问题', current_date, '系统', false, now(), now()
				  from generate_series(1, ?) g returning id),
				p as (insert into penalty_case (case_id, procedure, serious_harm) select id, 'GENERAL', false from c),
				t as (insert into case_timer (case_id, kind, label, unit, amount, legal_source, start_date, due_date, provisional, state)
				  select id, 'FILING', '立案审查', 'WORKING_DAYS', 15, '市场监督管理行政处罚程序规定第十八条', current_date, current_date + 21, false, 'RUNNING' from c)
				select id from c order by id""", Long.class, body, matter, run, run, run, n));
	}

	/**
	 * The round whose ratio is the median of the rounds' (each round's pair ran back to back), with its own figures, and
	 * the range of the ratios over all rounds.
	 */
	private static String row(String path, int clients, List<Result> apps, List<Result> raws) {
		Integer[] order = new Integer[apps.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, java.util.Comparator.comparingDouble(i -> apps.get(i).rate / raws.get(i).rate));
		Result app = apps.get(order[(order.length - 1) / 2]);
		Result raw = raws.get(order[(order.length - 1) / 2]);
		double low = apps.get(order[0]).rate / raws.get(order[0]).rate;
		double high = apps.get(order[order.length - 1]).rate / raws.get(order[order.length - 1]).rate;
		return String.format("%-34s %8d %10.0f %10.0f %10.1f %10.0f %10.1f %7.2f %11s %8.2f%n", path, clients, app.rate, app.settled, app.p99, raw.rate,
				raw.p99, app.rate / raw.rate, String.format("%.2f–%.2f", low, high), app.settled / raw.rate);
	}

	private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> figure) {
		return median(results.stream().mapToDouble(figure).toArray());
	}

	private static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	@Autowired
	zhifa.supervision.LedgerQueue queue;

	/** The round's figures with the time the ledger's queue took to work off what the round left (polled every 10 ms). */
	private Result settled(Result r) throws InterruptedException {
		long t0 = System.nanoTime();
		while (queue.backlog().waiting() > 0) {
			Thread.sleep(10);
		}
		double drain = (System.nanoTime() - t0) / 1e9;
		return new Result(r.rate, r.p99, r.calls / (r.elapsed + drain), r.calls, r.elapsed);
	}

	static final class NoneLeft extends RuntimeException {
	}

	record Result(double rate, double p99, double settled, long calls, double elapsed) {
	}

	private static Result measure(Call call, int clients, int seconds) throws Exception {
		return paced(call, clients, 0, seconds);
	}

	/** Closed loop ({@code perSecond} 0) or each client paced to its share of {@code perSecond}. */
	private static Result paced(Call call, int clients, double perSecond, int seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicLong done = new AtomicLong();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		List<Future<long[]>> all = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			all.add(pool.submit(() -> {
				long[] latencies = new long[200_000];
				int n = 0;
				long interval = perSecond == 0 ? 0 : (long) (1e9 * clients / perSecond);
				long due = System.nanoTime();
				while (System.nanoTime() < end && n < latencies.length) {
					if (interval > 0) {
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						due += interval;
					}
					long t0 = System.nanoTime();
					try {
						call.run(client, n);
					}
					catch (NoneLeft e) {
						break;
					}
					latencies[n++] = System.nanoTime() - t0;
					done.incrementAndGet();
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<Long> lat = new ArrayList<>();
		for (Future<long[]> f : all) {
			for (long l : f.get()) {
				lat.add(l);
			}
		}
		pool.shutdown();
		double elapsed = (Math.min(System.nanoTime(), end) - start) / 1e9;
		lat.sort(null);
		double p99 = lat.isEmpty() ? 0 : lat.get((int) Math.min(lat.size() - 1, Math.ceil(lat.size() * 0.99) - 1)) / 1e6;
		return new Result(done.get() / elapsed, p99, done.get() / elapsed, done.get(), elapsed);
	}

	void rawClue(String party) throws Exception {
		rawClueId(party, null);
	}

	/** The rows of 登记案源 in one transaction, no reads: what PostgreSQL allows for this write. */
	private void rawClueId(String party, ConcurrentLinkedQueue<Long> into) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long id;
			try (PreparedStatement p = c.prepareStatement("""
					insert into enforcement_case (kind, body_id, matter_id, stage, source, party_kind, party_name, party_key, party_masked, place_region_id,
					  place_detail, act_date, description, received_on, registered_by, demo, created_at, updated_at)
					values ('PENALTY', ?, ?, 'CLUE', 'INSPECTION', 'ORGANIZATION', ?, ?, ?, 3, '', ?, '日常检查发现问题', ?, '系统', false, now(), now())
					returning id""")) {
				LocalDate today = LocalDate.now(clock);
				p.setLong(1, body);
				p.setLong(2, matter);
				p.setString(3, party);
				p.setString(4, "U:" + party);
				p.setString(5, party);
				p.setObject(6, today.minusDays(3));
				p.setObject(7, today);
				ResultSet rs = p.executeQuery();
				rs.next();
				id = rs.getLong(1);
			}
			try (PreparedStatement p = c.prepareStatement("insert into penalty_case (case_id, procedure, serious_harm) values (?, 'GENERAL', false)")) {
				p.setLong(1, id);
				p.executeUpdate();
			}
			try (PreparedStatement p = c.prepareStatement("""
					insert into case_timer (case_id, kind, label, unit, amount, legal_source, start_date, due_date, provisional, state)
					values (?, 'FILING', '立案审查', 'WORKING_DAYS', 15, '市场监督管理行政处罚程序规定第十八条', current_date, current_date + 21, false, 'RUNNING')""")) {
				p.setLong(1, id);
				p.executeUpdate();
			}
			entry(c, id, "case.clue_registered");
			c.commit();
			if (into != null) {
				into.add(id);
			}
		}
	}

	/** The writes of a transition: the case's version claimed, the timer extended, the entry, the event. */
	private void rawTransition(long id) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement p = c.prepareStatement("select version from enforcement_case where id = ?")) {
				p.setLong(1, id);
				p.executeQuery().close();
			}
			try (PreparedStatement p = c.prepareStatement("update enforcement_case set version = version + 1, updated_at = now() where id = ?")) {
				p.setLong(1, id);
				p.executeUpdate();
			}
			try (PreparedStatement p = c.prepareStatement(
					"update case_timer set due_date = due_date + 21, amount = amount + 15, extended = extended + 1 where case_id = ? and kind = 'FILING'")) {
				p.setLong(1, id);
				p.executeUpdate();
			}
			entry(c, id, "case.triage_extended");
			c.commit();
		}
	}

	/**
	 * The record's rows as the platform writes them (on a subject type of their own: the hashes are not computed, the
	 * raw path does no work in Java), and the event publication.
	 */
	private static void entry(Connection c, long id, String action) throws Exception {
		String subject = String.valueOf(id);
		long seq;
		try (PreparedStatement p = c.prepareStatement("""
				insert into record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) values ('bench_raw', ?, 0, ?, now())
				on conflict (subject_type, subject_id) do update set updated_at = record_chain.updated_at returning last_seq""")) {
			p.setString(1, subject);
			p.setString(2, "0".repeat(64));
			ResultSet rs = p.executeQuery();
			rs.next();
			seq = rs.getLong(1) + 1;
		}
		try (PreparedStatement p = c.prepareStatement("select pg_advisory_xact_lock_shared(1), (select max(period_end) from record_seal)")) {
			p.executeQuery().close();
		}
		String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
		try (PreparedStatement p = c.prepareStatement("""
				with entry as (
				  insert into record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_name, action, summary, payload, prev_hash, hash, mac)
				  values ('bench_raw', ?, ?, ?, 'SYSTEM', '系统', ?, '基准', '{}', ?, ?, ?) returning id),
				head as (update record_chain set last_seq = ?, last_hash = ?, updated_at = now() where subject_type = 'bench_raw' and subject_id = ?)
				select id from entry""")) {
			p.setString(1, subject);
			p.setLong(2, seq);
			p.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
			p.setString(4, action);
			p.setString(5, "0".repeat(64));
			p.setString(6, hash);
			p.setString(7, hash);
			p.setLong(8, seq);
			p.setString(9, hash);
			p.setString(10, subject);
			p.executeQuery().close();
		}
		try (PreparedStatement p = c.prepareStatement("""
				insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status, completion_attempts, completion_date)
				values (?, 'zhifa.casework.CaseChanged', 'bench', now(), '{}', 'COMPLETED', 1, now())""")) {
			p.setObject(1, UUID.randomUUID());
			p.executeUpdate();
		}
	}
}
