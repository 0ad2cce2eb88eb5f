package zhifa.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import java.sql.Timestamp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the record four ways and says which check found what: each chain's links and SM3 hashes; each entry's
 * HMAC-SM3 under the key outside the database; each signed anchor in the database (signature, sequence, and the root
 * recomputed from the entries); and the anchors in the exported file, which someone with only SQL cannot change. The
 * unsigned daily anchors of earlier versions are still recomputed.
 */
@Service
public class RecordVerifier {

	/** The name of each check, as printed. */
	public static final String LINKS = "链接与摘要（SM3）";
	public static final String MACS = "消息认证码（HMAC-SM3，密钥在数据库外）";
	public static final String DB_ANCHORS = "签名锚定（SM2，数据库）";
	public static final String FILE_ANCHORS = "签名锚定（SM2，导出文件）";
	public static final String DAILY_ANCHORS = "每日锚定（旧版，未签名）";

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final PlatformTransactionManager transactions;
	private final DailyAnchors daily;
	private final SignedAnchors anchors;
	private final RecordKeys keys;
	private final AnchorChecks anchorChecks;
	private final int verifyThreads;

	RecordVerifier(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, DailyAnchors daily, SignedAnchors anchors,
			RecordKeys keys, AnchorChecks anchorChecks, @Value("${zhifa.record.verify-threads:0}") int verifyThreads) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.daily = daily;
		this.anchors = anchors;
		this.keys = keys;
		this.anchorChecks = anchorChecks;
		this.verifyThreads = verifyThreads;
	}

	/** Entries without a MAC are accepted only before this instant (the end of a first anchor that says there were such). */
	private Instant legacyBefore() {
		return anchors.find(1).filter(SignedAnchors.SignedAnchor::legacy).map(SignedAnchors.SignedAnchor::periodEnd).orElse(null);
	}

	@Transactional
	public ChainVerification verifyChain(String subjectType, String subjectId) {
		List<RecordEntry> entries = jdbc.query("select " + RecordRows.COLUMNS
				+ " from record_entry_all where subject_type = ? and subject_id = ? order by seq", RecordRows.ENTRY, subjectType,
				subjectId);
		return verify(subjectType, subjectId, entries, keys::mac, legacyBefore());
	}

	/** Links and hashes only (no key). */
	static ChainVerification verify(String subjectType, String subjectId, List<RecordEntry> entries) {
		return verify(subjectType, subjectId, entries, null, null);
	}

	/**
	 * @param mac the expected MAC of a hash, or {@code null} to check links and hashes only
	 * @param legacyBefore entries before this instant may lack a MAC; {@code null}: none may
	 */
	static ChainVerification verify(String subjectType, String subjectId, List<RecordEntry> entries, UnaryOperator<String> mac,
			Instant legacyBefore) {
		return verify(subjectType, subjectId, entries, 1, RecordEntry.GENESIS, mac, legacyBefore);
	}

	/** A chain's entries from {@code firstSeq} on, the entry before them having the hash {@code prevHash}. */
	static ChainVerification verify(String subjectType, String subjectId, List<RecordEntry> entries, long firstSeq, String prevHash,
			UnaryOperator<String> mac, Instant legacyBefore) {
		String prev = prevHash;
		long expectedSeq = firstSeq;
		for (RecordEntry e : entries) {
			if (e.seq() != expectedSeq) {
				return broken(subjectType, subjectId, entries, expectedSeq, LINKS, "缺少序号为" + expectedSeq + "的记录");
			}
			if (!e.prevHash().equals(prev)) {
				return broken(subjectType, subjectId, entries, e.seq(), LINKS, "第" + e.seq() + "条记录的前序哈希与上一条不符");
			}
			if (!e.holds(prev)) {
				return broken(subjectType, subjectId, entries, e.seq(), LINKS, "第" + e.seq() + "条记录的内容与其哈希不符（记录被改动）");
			}
			if (mac != null) {
				if (e.mac() == null) {
					if (legacyBefore == null || !e.occurredAt().isBefore(legacyBefore)) {
						return broken(subjectType, subjectId, entries, e.seq(), MACS, "第" + e.seq() + "条记录没有消息认证码（记录被伪造或改动）");
					}
				}
				else if (!e.mac().equals(mac.apply(e.hash()))) {
					return broken(subjectType, subjectId, entries, e.seq(), MACS,
							"第" + e.seq() + "条记录的消息认证码不符（记录被改动后重新计算了哈希）");
				}
			}
			prev = e.hash();
			expectedSeq++;
		}
		return new ChainVerification(subjectType, subjectId, true, entries.size(), null, null, null);
	}

	private static ChainVerification broken(String type, String id, List<RecordEntry> entries, long seq, String check, String reason) {
		return new ChainVerification(type, id, false, entries.size(), seq, check, reason);
	}

	/** Every chain, every anchor, in parallel on every core: the full check. */
	public Report verifyAll() {
		return verify(false);
	}

	/**
	 * The check of what is new since the last intact run: the entries written from the end of the last signed anchor that
	 * run verified (each chain's first new entry linked to the one before it), the anchors signed since and the exported
	 * file. The first run, or one after a broken run, is full. Every run is written to {@code record_verification}.
	 */
	public Report verifyIncrementally() {
		return verify(true);
	}

	private Report verify(boolean incremental) {
		Instant started = Instant.now();
		Instant legacyBefore = legacyBefore();
		List<SignedAnchors.SignedAnchor> stored = anchors.all();
		Optional<Previous> previous = incremental ? previousIntact() : Optional.empty();
		Instant since = previous.map(Previous::anchorEnd).orElse(null);
		long sinceSeq = previous.map(Previous::anchorSeq).orElse(0L);
		int workers = threads();
		ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
			Thread t = new Thread(r, "verify-records");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Tally>> parts = new ArrayList<>();
			for (Slice slice : slices(since, workers)) {
				parts.add(pool.submit(() -> readOnly(() -> verifySlice(slice, legacyBefore))));
			}
			Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
			problems.put(DB_ANCHORS, new ArrayList<>());
			problems.put(FILE_ANCHORS, new ArrayList<>());
			problems.put(DAILY_ANCHORS, new ArrayList<>());
			List<AnchorChecks.Recheck> rechecks = anchorChecks.checkSignedAnchors(stored, sinceSeq, problems.get(DB_ANCHORS), pool, workers);
			var file = anchors.readFile();
			List<AnchorChecks.Recheck> fromFile = anchorChecks.checkFile(file, stored, sinceSeq, problems.get(FILE_ANCHORS));
			// the stored anchors' roots in ordered passes over their periods, a share of the periods per task; the file's
			// copies of missing or replaced anchors one by one
			List<Future<List<String>>> recomputed = new ArrayList<>();
			for (List<AnchorChecks.Recheck> run : AnchorChecks.runs(rechecks, workers * 4)) {
				recomputed.add(pool.submit(() -> readOnly(() -> anchorChecks.recomputeRun(run))));
			}
			for (AnchorChecks.Recheck r : fromFile) {
				recomputed.add(pool.submit(() -> readOnly(() -> anchorChecks.recomputeRun(List.of(r)))));
			}
			List<DailyAnchors.Anchor> days = incremental && since != null ? List.of() : daily.all();
			for (DailyAnchors.Anchor anchor : days) {
				if (!daily.computeRoot(anchor.day()).equals(anchor.root())) {
					problems.get(DAILY_ANCHORS).add(anchor.day() + " 的锚定根与当日记录重新计算的结果不符");
				}
			}
			Tally total = new Tally();
			for (Future<Tally> f : parts) {
				total.add(f.get());
			}
			List<String> recomputeFound = new ArrayList<>();
			for (Future<List<String>> f : recomputed) {
				recomputeFound.addAll(f.get());
			}
			for (String found : recomputeFound) {
				problems.get(found.startsWith("导出文件") ? FILE_ANCHORS : DB_ANCHORS).add(found);
			}
			total.broken.sort(java.util.Comparator.comparing(ChainVerification::subjectType).thenComparing(ChainVerification::subjectId));
			SignedAnchors.SignedAnchor last = stored.isEmpty() ? null : stored.get(stored.size() - 1);
			Report report = new Report(since == null ? "FULL" : "INCREMENTAL", since, workers, total.chains, total.entries, total.broken, days.size(),
					stored.size(), file.anchors().size(), keys.keyId(), anchors.file().toString(), problems);
			remember(report, last, started);
			return report;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("记录校验被中断", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException("记录校验失败：" + e.getCause().getMessage(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Threads: {@code zhifa.record.verify-threads}, or one per core. */
	private int threads() {
		return verifyThreads > 0 ? verifyThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	/** The part of the record one worker checks: a range of chains, or — incrementally — a share of the new entries. */
	record Slice(String where, Object[] args, Instant since) {
	}

	/**
	 * Full: the chains cut into ranges of about equal size by their keys (four per worker, so a slow range does not
	 * hold the others up). Incremental: the entries since the instant, shared out by a hash of the chain key.
	 */
	private List<Slice> slices(Instant since, int workers) {
		List<Slice> out = new ArrayList<>();
		if (since != null) {
			for (int k = 0; k < workers; k++) {
				out.add(new Slice("occurred_at >= ? and abs(hashtext(subject_type || '/' || subject_id)::bigint) % ? = ?",
						new Object[] { Timestamp.from(since), workers, k }, since));
			}
			return out;
		}
		long chains = jdbc.queryForObject("select count(*) from record_chain", Long.class);
		int pieces = chains < 1000 ? 1 : workers * 4;
		List<String[]> cuts = new ArrayList<>();
		for (int i = 1; i < pieces; i++) {
			jdbc.query("select subject_type, subject_id from record_chain order by subject_type, subject_id offset ? limit 1",
					rs -> {
						cuts.add(new String[] { rs.getString(1), rs.getString(2) });
					}, chains * i / pieces);
		}
		String[] low = null;
		for (int i = 0; i <= cuts.size(); i++) {
			String[] high = i < cuts.size() ? cuts.get(i) : null;
			List<Object> args = new ArrayList<>();
			StringBuilder where = new StringBuilder("true");
			if (low != null) {
				where.append(" and (subject_type, subject_id) >= (?, ?)");
				args.add(low[0]);
				args.add(low[1]);
			}
			if (high != null) {
				where.append(" and (subject_type, subject_id) < (?, ?)");
				args.add(high[0]);
				args.add(high[1]);
			}
			out.add(new Slice(where.toString(), args.toArray(), null));
			low = high;
		}
		return out;
	}

	/** What one worker counted and found. */
	static final class Tally {
		long chains;
		long entries;
		final List<ChainVerification> broken = new ArrayList<>();

		void add(Tally t) {
			chains += t.chains;
			entries += t.entries;
			broken.addAll(t.broken);
		}
	}

	/** Streams the slice chain by chain (memory stays flat) and checks each; incrementally, links each chain to its past. */
	private Tally verifySlice(Slice slice, Instant legacyBefore) {
		JdbcTemplate stream = new JdbcTemplate(dataSource);
		stream.setFetchSize(2000);
		stream.execute("set local statement_timeout = 0");
		Tally tally = new Tally();
		List<RecordEntry> current = new ArrayList<>();
		List<RecordEntry> firsts = new ArrayList<>();
		stream.query("select " + RecordRows.COLUMNS + " from record_entry_all where " + slice.where() + " order by subject_type, subject_id, seq", rs -> {
			RecordEntry e = RecordRows.ENTRY.mapRow(rs, 0);
			if (!current.isEmpty() && !(current.get(0).subjectType().equals(e.subjectType()) && current.get(0).subjectId().equals(e.subjectId()))) {
				finish(current, slice, legacyBefore, tally, firsts);
				current.clear();
			}
			current.add(e);
			tally.entries++;
		}, slice.args());
		if (!current.isEmpty()) {
			finish(current, slice, legacyBefore, tally, firsts);
		}
		for (int from = 0; from < firsts.size(); from += 1000) {
			linkToPast(stream, firsts.subList(from, Math.min(firsts.size(), from + 1000)), tally);
		}
		return tally;
	}

	/**
	 * One chain read whole, or — incrementally — a chain's new entries, checked from the previous hash its first new
	 * entry names (kept in {@code firsts}, so that {@link #linkToPast} checks it against the stored entry before).
	 */
	private void finish(List<RecordEntry> chain, Slice slice, Instant legacyBefore, Tally tally, List<RecordEntry> firsts) {
		tally.chains++;
		RecordEntry first = chain.get(0);
		boolean continues = slice.since() != null && first.seq() > 1;
		ChainVerification v = continues ? verify(first.subjectType(), first.subjectId(), chain, first.seq(), first.prevHash(), keys::mac, legacyBefore)
				: verify(first.subjectType(), first.subjectId(), chain, keys::mac, legacyBefore);
		if (!v.intact()) {
			tally.broken.add(v);
		}
		else if (continues) {
			firsts.add(first);
		}
	}

	/** The first new entry of each chain links to the stored entry before it. */
	private void linkToPast(JdbcTemplate db, List<RecordEntry> firsts, Tally tally) {
		Map<String, String> past = new HashMap<>();
		db.query(con -> {
			var ps = con.prepareStatement("""
					select e.subject_type, e.subject_id, e.hash from record_entry_all e
					join unnest(?::text[], ?::text[], ?::bigint[]) k(t, i, s) on e.subject_type = k.t and e.subject_id = k.i and e.seq = k.s""");
			ps.setArray(1, con.createArrayOf("text", firsts.stream().map(RecordEntry::subjectType).toArray()));
			ps.setArray(2, con.createArrayOf("text", firsts.stream().map(RecordEntry::subjectId).toArray()));
			ps.setArray(3, con.createArrayOf("bigint", firsts.stream().map(e -> e.seq() - 1).toArray()));
			return ps;
		}, rs -> {
			past.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3).trim());
		});
		for (RecordEntry first : firsts) {
			String before = past.get(first.subjectType() + "\u0000" + first.subjectId());
			if (before == null) {
				tally.broken.add(new ChainVerification(first.subjectType(), first.subjectId(), false, 1, first.seq() - 1, LINKS,
						"缺少序号为" + (first.seq() - 1) + "的记录"));
			}
			else if (!before.equals(first.prevHash())) {
				tally.broken.add(new ChainVerification(first.subjectType(), first.subjectId(), false, 1, first.seq(), LINKS,
						"第" + first.seq() + "条记录的前序哈希与上一条不符"));
			}
		}
	}

	/**
	 * A worker's reads in a transaction of its own (a cursor needs one), on the primary: the anchors are read there, and
	 * a replica behind it would be missing their latest entries.
	 */
	private <T> T readOnly(java.util.function.Supplier<T> work) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		return tx.execute(status -> work.get());
	}

	/** The anchor the last intact run verified up to. */
	record Previous(long anchorSeq, Instant anchorEnd) {
	}

	/** The last run, when it found the record intact and had an anchor to start from; otherwise the next run is full. */
	private Optional<Previous> previousIntact() {
		return jdbc.query("select intact, anchor_seq, anchor_end from record_verification order by id desc limit 1",
				(rs, i) -> rs.getBoolean(1) && rs.getTimestamp(3) != null ? new Previous(rs.getLong(2), rs.getTimestamp(3).toInstant()) : null)
			.stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/** Writes the run to {@code record_verification}, in a transaction of its own. */
	private void remember(Report report, SignedAnchors.SignedAnchor last, Instant started) {
		String problems = report.intact() ? "" : report.describe();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> jdbc.update("""
				insert into record_verification (mode, since, anchor_seq, anchor_end, chains, entries, intact, problems, threads, started_at, finished_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", report.mode(), report.since() == null ? null : Timestamp.from(report.since()),
				last == null ? 0 : last.seq(), last == null ? null : Timestamp.from(last.periodEnd()), report.chains(), report.entries(), report.intact(),
				problems.length() > 20000 ? problems.substring(0, 20000) : problems, report.threads(), Timestamp.from(started),
				Timestamp.from(Instant.now())));
	}

	/**
	 * The outcome of a run: full or incremental (from {@code since}), on how many threads, broken chains and, per check,
	 * what it found.
	 */
	public record Report(String mode, Instant since, int threads, long chains, long entries, List<ChainVerification> brokenChains, int dailyAnchors,
			int signedAnchors, int exportedAnchors, String keyId, String anchorFile, Map<String, List<String>> anchorProblems) {

		public boolean intact() {
			return brokenChains.isEmpty() && anchorProblems.values().stream().allMatch(List::isEmpty);
		}

		/** Every problem of one check (chains included), as printed. */
		public List<String> found(String check) {
			List<String> out = new ArrayList<>();
			brokenChains.stream().filter(v -> check.equals(v.check()))
				.forEach(v -> out.add("BROKEN chain " + v.subjectType() + "/" + v.subjectId() + " at seq " + v.firstBrokenSeq() + ": " + v.reason()));
			out.addAll(anchorProblems.getOrDefault(check, List.of()));
			return out;
		}

		public String describe() {
			StringBuilder sb = new StringBuilder();
			sb.append("verify-records (").append("FULL".equals(mode) ? "full" : "incremental, entries since " + since).append(", ").append(threads)
				.append(" threads): ").append(chains).append(" chains, ").append(entries).append(" entries, ").append(signedAnchors)
				.append(" signed anchors (").append(exportedAnchors).append(" in ").append(anchorFile).append("; SM2 key ").append(keyId)
				.append("), ").append(dailyAnchors).append(" daily anchors checked\n");
			for (String check : List.of(LINKS, MACS, DB_ANCHORS, FILE_ANCHORS, DAILY_ANCHORS)) {
				List<String> found = found(check);
				sb.append('[').append(check).append("] ").append(found.isEmpty() ? "ok" : "BROKEN").append('\n');
				found.forEach(f -> sb.append("  ").append(f).append('\n'));
			}
			sb.append(intact() ? "RESULT: intact" : "RESULT: BROKEN");
			return sb.toString();
		}
	}
}
