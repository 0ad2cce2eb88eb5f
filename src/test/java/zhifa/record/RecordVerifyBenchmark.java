package zhifa.record;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
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
		generate(chains, start, end);
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

	/**
	 * The entries in time order, as the platform writes them: chain c starts at an even spread over the period and takes
	 * a step every six days. Day by day, the day's entries are hashed (each chain's last hash kept in memory) and handed
	 * to a second thread that writes them with COPY.
	 */
	private void generate(long chains, Instant start, Instant end) throws Exception {
		long day = 86_400_000L;
		long spread = Duration.between(start, end).toMillis() - 62 * day;
		String[] last = new String[(int) chains];
		java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<?> copying = writer.submit(() -> {
			try (Connection c = dataSource.getConnection()) {
				var copy = c.unwrap(PGConnection.class).getCopyAPI();
				for (String rows = queue.take(); !rows.isEmpty(); rows = queue.take()) {
					copy.copyIn("copy record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id,"
							+ " owner_body_id, action, summary, payload, prev_hash, hash, mac) from stdin", new StringReader(rows));
				}
			}
			return null;
		});
		StringBuilder rows = new StringBuilder();
		long days = (spread + 61 * day) / day + 1;
		for (long d = 0; d < days; d++) {
			List<long[]> today = new ArrayList<>();
			for (int k = 1; k <= PER_CHAIN; k++) {
				long lo = d * day - k * 6 * day;
				long hi = lo + day;
				for (long c = firstAtOrAfter(lo, chains, spread); c < chains && begins(c, chains, spread) < hi; c++) {
					today.add(new long[] { begins(c, chains, spread) + k * 6 * day, c, k });
				}
			}
			today.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
			for (long[] e : today) {
				int c = (int) e[1];
				int seq = (int) e[2];
				String prev = seq == 1 ? RecordEntry.GENESIS : last[c];
				Instant at = start.plusMillis(e[0]);
				String payload = "{\"matter\":\"SJ-CF-001\",\"step\":" + seq + "}";
				String summary = "第" + seq + "步（基准）";
				String id = Integer.toString(c);
				RecordEntry entry = new RecordEntry(0, "bench_case", id, seq, at, "SYSTEM", null, "系统", null, 1L, "case.bench", summary, payload, prev, "",
						null);
				String hash = RecordEntry.hash(prev, entry.canonical());
				rows.append("bench_case\t").append(id).append('\t').append(seq).append('\t').append(at).append("\tSYSTEM\t\\N\t系统\t\\N\t1\tcase.bench\t")
					.append(summary).append('\t').append(payload).append('\t').append(prev).append('\t').append(hash).append('\t').append(keys.mac(hash))
					.append('\n');
				last[c] = hash;
			}
			if (rows.length() > 4_000_000 || d == days - 1) {
				queue.put(rows.toString());
				rows.setLength(0);
			}
		}
		queue.put("");
		copying.get();
		writer.shutdown();
		StringBuilder heads = new StringBuilder();
		for (int c = 0; c < chains; c++) {
			heads.append("bench_case\t").append(c).append('\t').append(PER_CHAIN).append('\t').append(last[c]).append('\t')
				.append(start.plusMillis(begins(c, chains, spread) + PER_CHAIN * 6 * day)).append('\n');
		}
		try (Connection c = dataSource.getConnection()) {
			c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) from stdin", new StringReader(heads.toString()));
		}
	}

	/** When chain c begins, in milliseconds from the start. */
	private static long begins(long c, long chains, long spread) {
		return Math.floorDiv(spread * c, chains);
	}

	/** The first chain that begins at or after {@code t}. */
	private static long firstAtOrAfter(long t, long chains, long spread) {
		long lo = 0;
		long hi = chains;
		while (lo < hi) {
			long mid = (lo + hi) >>> 1;
			if (begins(mid, chains, spread) < t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
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
