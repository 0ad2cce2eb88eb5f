package zhifa.record;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.support.IntegrationTestBase;

/**
 * Not a test: {@code verify-records} on a large record (issue 17 target 3). Generates {@code bench.record-entries}
 * (10,000,000) entries in valid chains of ten over the last two years — hashes and MACs computed in Java with the
 * platform's key, written with COPY into the monthly partitions — and a signed anchor for every hour, as the platform
 * makes them. Then times the full check on every core and, after an hour's worth of new entries and their anchor, the
 * incremental one. Run with {@code ./mvnw verify -Pbench -Dit.test=RecordVerifyBenchmark} (about 10 GB of disk at 10 M).
 */
@TestPropertySource(properties = { "zhifa.demo.enabled=false", "zhifa.record.anchor-initial-delay=P3650D" })
class RecordVerifyBenchmark extends IntegrationTestBase {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final int PER_CHAIN = 10;

	@Autowired
	RecordVerifier verifier;

	@Autowired
	SignedAnchors anchors;

	@Autowired
	RecordKeys keys;

	@Autowired
	FullProcessRecord record;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Test
	void fullAndIncrementalVerificationOfALargeRecord() throws Exception {
		long entries = Long.getLong("bench.record-entries", 10_000_000L);
		long chains = entries / PER_CHAIN;
		Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
		Instant start = end.minus(Duration.ofDays(730));
		for (LocalDate m = LocalDate.ofInstant(start, ZONE).withDayOfMonth(1); !m.isAfter(LocalDate.now(ZONE)); m = m.plusMonths(1)) {
			jdbc.queryForObject("select record_ensure_month(?)", String.class, m);
		}
		long t0 = System.nanoTime();
		ChainGenerator.generate(dataSource, keys, new ChainGenerator.Subjects("bench_case", Long::toString, c -> 1L, "case.bench", "基准"), chains,
				PER_CHAIN, start, end);
		double generated = (System.nanoTime() - t0) / 1e9;
		jdbc.execute("analyze record_entry");
		long t1 = System.nanoTime();
		int hours = signHours(start, end);
		double signing = (System.nanoTime() - t1) / 1e9;
		System.out.printf("%ngenerated %,d entries in %,d chains over two years in %.0f s (hash, MAC, COPY); %,d hourly anchors signed in %.0f s%n",
				entries, chains, generated, hours, signing);
		String size = jdbc.queryForObject("select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c"
				+ " where c.relname like 'record_entry_%' and c.relkind = 'r'", String.class);

		long v0 = System.nanoTime();
		var full = verifier.verifyAll();
		double fullSeconds = (System.nanoTime() - v0) / 1e9;
		if (!full.intact()) {
			throw new IllegalStateException(full.describe());
		}
		// an hour's worth of new work: a thousand entries on existing chains and new ones, then their anchor
		for (int i = 0; i < 1000; i++) {
			String id = String.valueOf(i % 2 == 0 ? i : chains + i);
			tx.executeWithoutResult(s -> record.append("bench_case", id, null, "case.bench", "新的一小时", Map.of("i", id)));
		}
		anchors.anchorNow();
		long i0 = System.nanoTime();
		var incremental = verifier.verifyIncrementally();
		double incrementalSeconds = (System.nanoTime() - i0) / 1e9;
		if (!incremental.intact() || !"INCREMENTAL".equals(incremental.mode())) {
			throw new IllegalStateException(incremental.describe());
		}
		System.out.printf("record tables: %s%n", size);
		System.out.printf("%-44s %,12d entries %,10d chains %8.1f s  %6.2f µs/entry  (%d threads; target < 60 s at 10 M)%n", "verify-records (full)",
				full.entries(), full.chains(), fullSeconds, fullSeconds * 1e6 / full.entries(), full.threads());
		System.out.printf("%-44s %,12d entries %,10d chains %8.1f s  (target: seconds)%n", "verify-records --incremental (one hour later)",
				incremental.entries(), incremental.chains(), incrementalSeconds);
	}

	/** An anchor for every hour of the period, as {@code SignedAnchors} makes them (the first covers all before it). */
	private int signHours(Instant start, Instant end) {
		Instant from = null;
		int n = 0;
		String prev = RecordEntry.GENESIS;
		for (Instant to = start.plus(1, ChronoUnit.HOURS); !to.isAfter(end); to = to.plus(1, ChronoUnit.HOURS)) {
			long count = anchors.entries(from, to);
			if (count == 0) {
				continue;
			}
			List<DailyAnchors.Leaf> leaves = anchors.leaves(from, to);
			String root = DailyAnchors.merkleRoot(leaves.stream().map(DailyAnchors.Leaf::digest).toList());
			long seq = n + 1;
			var unsigned = new SignedAnchors.SignedAnchor(seq, from, to, root, leaves.size(), count, prev, false, keys.keyId(), "", to);
			var signed = new SignedAnchors.SignedAnchor(seq, from, to, root, leaves.size(), count, prev, false, keys.keyId(),
					keys.sign(unsigned.signedText()), to);
			jdbc.update("""
					insert into record_seal (seq, period_start, period_end, root, chains, entries, prev_digest, legacy, key_id, signature, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, from == null ? null : Timestamp.from(from), Timestamp.from(to), root,
					leaves.size(), count, prev, false, keys.keyId(), signed.signature(), Timestamp.from(to));
			prev = signed.digest();
			from = to;
			n++;
		}
		anchors.export();
		return n;
	}
}
