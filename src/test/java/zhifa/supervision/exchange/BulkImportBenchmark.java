package zhifa.supervision.exchange;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.OfficerForm;
import zhifa.officer.Officers;
import zhifa.officer.StaffingType;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.shared.Uscc;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: a bulk import against PostgreSQL's COPY (issue 17 target 1, bulk part). Another system reports
 * {@code bench.batches} (30; five had been too few: the compiler still took more time than the import in them) batches
 * of 1,000 decided acts through {@code POST /api/v1/exchange/acts} — each record validated, mapped, written to the
 * ledger with its record entry, a batch to a transaction, and its alerts
 * evaluated afterwards by the ledger's queue (timed too) — and the same
 * number of ledger rows is written with COPY, after {@code bench.warmup} (3) batches to let the JIT compile the path. Prints rows per second of both and the ratio (target ≥ 0.5). Run with
 * {@code ./mvnw verify -Pbench -Dit.test=BulkImportBenchmark}.
 */
class BulkImportBenchmark extends IntegrationTestBase {

	@Autowired
	Officers officers;

	@Autowired
	Certificates certificates;

	@Autowired
	DataSource dataSource;

	@Autowired
	zhifa.supervision.LedgerQueue queue;

	@Test
	void reportedActsAgainstCopy() throws Exception {
		int batches = Integer.getInteger("bench.batches", 30);
		LocalDate today = LocalDate.now(clock);
		long body = bodyId("芒市综合行政执法局");
		String bodyUscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, body);
		String certificate = certificate(body, today);
		var issued = loggedIn("anquan").postJson("/api/v1/tokens", "{\"bodyId\":" + body + ",\"name\":\"综合执法业务系统（批量基准）\"}");
		String secret = json(issued.body()).get("secret").asString();
		String source = "BENCH-BULK-" + System.nanoTime() % 100000;
		HttpSession admin = loggedIn("admin");
		admin.putJson("/api/v1/exchange/sources/" + source, """
				{"name":"综合执法业务系统（批量基准）","active":true,"bodyIds":[%d]}""".formatted(body));
		for (String m : List.of("""
				{"codeClass":"STAGE","externalCode":"04","ourCode":"DECIDED"}""", """
				{"codeClass":"PARTY_KIND","externalCode":"1","ourCode":"ORGANIZATION"}""")) {
			admin.postJson("/api/v1/exchange/sources/" + source + "/mappings", m);
		}
		clock.shift(Duration.ofDays(5));
		HttpSession system = HttpSession.withToken(port, secret);
		LocalDate on = today.plusDays(3);

		// warm up until the JIT has compiled the path: a fixed three batches left the compiler threads using more CPU
		// than the import itself during the measured batches (0.57 ms a row against 0.15 in the request threads), so the
		// figure was the compiler's, not the path's; after 40 batches it still took a quarter. At least bench.warmup (3)
		// batches of 1,000 with their alerts, then more until a batch's compiler time is under a tenth of the JVM's (at
		// most bench.warmup.max, 150)
		int warmups = 0;
		double compiling = 1;
		for (int max = Integer.getInteger("bench.warmup.max", 150); warmups < max && (warmups < Integer.getInteger("bench.warmup", 3) || compiling > 0.1); warmups++) {
			var t0 = zhifa.support.Cpu.threads();
			post(system, source, batch(900 + warmups, 1000, bodyUscc, certificate, today, on));
			settle();
			compiling = zhifa.support.Cpu.compilerShare(t0, zhifa.support.Cpu.threads());
		}
		System.out.printf("%nwarm-up: %d batches of 1,000; the compiler's share of the JVM's time in the last one %.0f %%%n", warmups, 100 * compiling);
		long apiRows = 0;
		long postmaster = zhifa.support.Cpu.postmaster(jdbc);
		var cpu0 = zhifa.support.Cpu.now(postmaster);
		var threads0 = zhifa.support.Cpu.threads();
		long start = System.nanoTime();
		for (int b = 1; b <= batches; b++) {
			var result = post(system, source, batch(b, 1000, bodyUscc, certificate, today, on));
			apiRows += result.get("accepted").asLong();
		}
		double apiSeconds = (System.nanoTime() - start) / 1e9;
		// and until the ledger's queue has also run the alert rules over every act (after the import, in batches)
		while (queue.backlog().waiting() > 0) {
			Thread.sleep(10);
		}
		double settledSeconds = (System.nanoTime() - start) / 1e9;
		var cpu1 = zhifa.support.Cpu.now(postmaster);
		var threads1 = zhifa.support.Cpu.threads();
		// the statements timed in one more batch, not in the measured ones (timing each statement is other code, which
		// the JIT compiled anew while they ran)
		zhifa.support.StatementCounter.TIMES.clear();
		zhifa.support.StatementCounter.TIMING = true;
		long imported = post(system, source, batch(batches + 1, 1000, bodyUscc, certificate, today, on)).get("accepted").asLong();
		settle();
		zhifa.support.StatementCounter.TIMING = false;
		StringBuilder where = new StringBuilder("where the time goes (statement time per row, both the import and the queue's batches; one more batch, timed):\n");
		zhifa.support.StatementCounter.TIMES.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0].sum(), x.getValue()[0].sum())).limit(12)
			.forEach(e -> where.append(String.format("  %6.3f ms %7d × %s%n", e.getValue()[0].sum() / 1e6 / imported, e.getValue()[1].sum(), e.getKey())));
		zhifa.support.StatementCounter.TIMES.clear();

		long copyRows = 0;
		long c0 = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (int b = 1; b <= batches; b++) {
				StringBuilder rows = new StringBuilder();
				for (int i = 0; i < 1000; i++) {
					String id = "COPY-" + b + "-" + i;
					rows.append(source).append("-COPY\t").append(id).append("\t1\t").append(body).append("\tPENALTY\tZF-CF-001\t基准事项\t芒综执罚〔2026〕")
						.append(id).append("号\tORGANIZATION\t报送测试公司\tU:").append(id).append("\tDECIDED\t").append(today).append('\t').append(today)
						.append('\t').append(today.plusDays(1)).append('\t').append(on).append("\tPENALTY\t500000\t0\t1\tnow\t{\"penaltyTypes\":[\"FINE\"],\"remedies\":[]}\n");
				}
				copyRows += copy.copyIn("copy sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind,"
						+ " party_name, party_key, stage, act_date, received_on, filed_on, decided_on, decision_outcome, fine, paid_total, valid_officers,"
						+ " received_at, details) from stdin", new StringReader(rows.toString()));
			}
		}
		double copySeconds = (System.nanoTime() - c0) / 1e9;
		var cpu2 = zhifa.support.Cpu.now(postmaster);

		// the floor of a tamper-evident import: the act, its record entry and its chain's head, each written with COPY and
		// nothing computed or checked (hashes are random text) — in a transaction rolled back, so the record keeps no
		// entries that are not chained
		long f0 = System.nanoTime();
		double floorSeconds;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			String hash = "0123456789abcdef".repeat(4);
			for (int b = 1; b <= batches; b++) {
				StringBuilder acts = new StringBuilder();
				StringBuilder entries = new StringBuilder();
				StringBuilder chains = new StringBuilder();
				for (int i = 0; i < 1000; i++) {
					String id = "FLOOR-" + b + "-" + i;
					String subject = String.valueOf(-(b * 1000L + i));
					acts.append(source).append("-FLOOR\t").append(id).append("\t1\t").append(body).append("\tPENALTY\tZF-CF-001\t基准事项\t芒综执罚〔2026〕")
						.append(id).append("号\tORGANIZATION\t报送测试公司\tU:").append(id).append("\tDECIDED\t").append(today).append('\t').append(today)
						.append('\t').append(today.plusDays(1)).append('\t').append(on).append("\tPENALTY\t500000\t0\t1\tnow\t{\"penaltyTypes\":[\"FINE\"],\"remedies\":[]}\n");
					entries.append("bench_floor\t").append(subject).append("\t1\tnow\tTOKEN\t1\t综合执法业务系统（批量基准）\t").append(body).append('\t').append(body)
						.append("\texchange.act_reported\t综合执法业务系统报送执法行为“").append(id)
						.append("”第1版（已决定）\t{\"source\":\"BENCH\",\"stage\":\"DECIDED\",\"version\":1,\"externalId\":\"").append(id)
						.append("\",\"matterCode\":\"ZF-CF-001\",\"validOfficers\":1}\t").append(hash).append('\t').append(hash).append('\t').append(hash).append('\n');
					chains.append("bench_floor\t").append(subject).append("\t1\t").append(hash).append("\tnow\n");
				}
				copy.copyIn("copy sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind,"
						+ " party_name, party_key, stage, act_date, received_on, filed_on, decided_on, decision_outcome, fine, paid_total, valid_officers,"
						+ " received_at, details) from stdin", new StringReader(acts.toString()));
				copy.copyIn("copy record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id, owner_body_id,"
						+ " action, summary, payload, prev_hash, hash, mac) from stdin", new StringReader(entries.toString()));
				copy.copyIn("copy record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) from stdin", new StringReader(chains.toString()));
			}
			floorSeconds = (System.nanoTime() - f0) / 1e9;
			c.rollback();
		}
		double floor = batches * 1000 / floorSeconds;
		double api = apiRows / apiSeconds;
		double raw = copyRows / copySeconds;
		System.out.printf("%nbulk import of reported acts, %d batches of 1,000%n", batches);
		System.out.printf("%-58s %,10.0f rows/s (%,d rows in %.1f s)%n", "POST /api/v1/exchange/acts (validated, ledger, record)", api, apiRows, apiSeconds);
		System.out.printf("%-58s %,10.0f rows/s (%,d rows in %.1f s)%n", "  … and their alerts evaluated (the ledger's queue drained)", apiRows / settledSeconds,
				apiRows, settledSeconds);
		System.out.printf("%-58s %,10.0f rows/s (%,d rows in %.1f s)%n", "COPY into sv_act (the same rows, nothing checked)", raw, copyRows, copySeconds);
		System.out.printf("%-58s %10.3f (target ≥ 0.5); with the alerts %.3f%n", "ratio", api / raw, apiRows / settledSeconds / raw);
		System.out.printf("%-58s %,10.0f rows/s: COPY's %.2f; the import %.3f of it%n", "COPY of act + record entry + chain head (the floor)", floor,
				floor / raw, api / floor);
		System.out.printf("CPU per row: the import (with its alerts) %.3f ms in this JVM + %.3f ms in PostgreSQL; COPY %.3f + %.3f ms%n",
				cpu1.jvmMillis(cpu0, apiRows), cpu1.pgMillis(cpu0, apiRows), cpu2.jvmMillis(cpu1, copyRows), cpu2.pgMillis(cpu1, copyRows));
		System.out.print("the import's JVM time per row by thread (the benchmark's client in main):\n" + zhifa.support.Cpu.threadsPerCall(threads0, threads1, apiRows, 8));
		System.out.print(where);
	}

	/** Until the ledger's queue has worked off everything (two minutes at most). */
	private void settle() throws InterruptedException {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (queue.backlog().waiting() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the ledger's queue did not work off the warm-up in two minutes: " + queue.backlog());
			}
			Thread.sleep(10);
		}
	}

	private tools.jackson.databind.JsonNode post(HttpSession system, String source, String body) {
		var r = system.postJsonWithHeader("/api/v1/exchange/acts", body, "X-Source-System", source);
		if (r.statusCode() != 200) {
			throw new IllegalStateException(r.statusCode() + " " + r.body());
		}
		return json(r.body());
	}

	private static String batch(int b, int n, String bodyUscc, String certificate, LocalDate today, LocalDate on) {
		List<String> acts = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String id = "B" + b + "-" + i;
			String party = "91533103BK" + String.format("%07d", (b * 1000 + i) % 10_000_000);
			acts.add("""
					{"externalId":"%s","version":1,"bodyCode":"%s","matterCode":"ZF-CF-001","caseNumber":"芒综执罚〔2026〕%s号","partyKind":"1",
					 "partyName":"报送测试公司","partyUscc":"%s","stage":"04","actDate":"%s","receivedOn":"%s","filedOn":"%s","noticeServedOn":"%s",
					 "decidedOn":"%s","decisionOutcome":"PENALTY","decisionNumber":"芒综执罚决〔2026〕%s号","fine":500000,"paidTotal":0,
					 "officerCertificates":["%s"]}""".formatted(id, bodyUscc, id, party + Uscc.checkCharacter(party), today, today, today.plusDays(1),
					today.plusDays(2), on, id, certificate));
		}
		return "{\"acts\":[" + String.join(",", acts) + "]}";
	}

	private String certificate(long body, LocalDate today) {
		String first17 = "533103" + "19820304" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		OfficerForm f = new OfficerForm();
		f.setBodyId(body);
		f.setName("批量甲");
		f.setIdNumber(first17 + IdNumber.checkCharacter(first17));
		f.setPost("执法科科员");
		f.setStaffing(StaffingType.ESTABLISHED);
		f.setDomainCodes(new ArrayList<>(List.of("URBAN")));
		Officer o = officers.create(DataScope.all(), f, false);
		String number = "530000" + today.getYear() + String.format("%05d", o.id());
		certificates.registerExisting(DataScope.all(), o.id(), List.of("URBAN"), "53", "云南省人民政府",
				new Certificates.Issue(number, today.minusYears(1), today.plusYears(1), "基准"), false);
		return number;
	}
}
