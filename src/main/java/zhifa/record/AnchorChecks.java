package zhifa.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed anchors' part of {@link RecordVerifier}: each stored anchor's signature (in parallel), sequence and link to
 * the one before; the exported file against the database; and each anchor's root and count recomputed from the entries
 * in ordered passes over its period (a share of the periods per task), as {@link SignedAnchors} computed them.
 */
@Component
class AnchorChecks {

	private final DataSource dataSource;
	private final RecordKeys keys;

	AnchorChecks(DataSource dataSource, RecordKeys keys) {
		this.dataSource = dataSource;
		this.keys = keys;
	}

	/**
	 * Signature, key, sequence and prev digest of each stored anchor after {@code sinceSeq} (0: all), and the link of the
	 * first of them to the one before; returns the anchors whose root is to be recomputed from the entries.
	 */
	List<Recheck> checkSignedAnchors(List<SignedAnchors.SignedAnchor> stored, long sinceSeq, List<String> out, ExecutorService pool, int workers)
			throws InterruptedException, java.util.concurrent.ExecutionException {
		String publicKey = keys.publicKeyHex();
		List<SignedAnchors.SignedAnchor> checked = stored.stream().filter(a -> a.seq() > sinceSeq).toList();
		// SM2 verification is the costly part: shared out over the pool
		int tasks = Math.max(1, Math.min(checked.size() / 500, workers * 4));
		List<Future<List<Long>>> badSignatures = new ArrayList<>();
		for (int t = 0; t < tasks; t++) {
			List<SignedAnchors.SignedAnchor> share = checked.subList(checked.size() * t / tasks, checked.size() * (t + 1) / tasks);
			badSignatures.add(pool.submit(() -> share.stream().filter(a -> !RecordKeys.verify(publicKey, a.signedText(), a.signature()))
				.map(SignedAnchors.SignedAnchor::seq).toList()));
		}
		java.util.Set<Long> bad = new java.util.HashSet<>();
		for (Future<List<Long>> f : badSignatures) {
			bad.addAll(f.get());
		}
		List<Recheck> recompute = new ArrayList<>();
		SignedAnchors.SignedAnchor previous = null;
		for (SignedAnchors.SignedAnchor a : stored) {
			if (a.seq() <= sinceSeq) {
				previous = a;
				continue;
			}
			String name = "第" + a.seq() + "号锚定（" + period(a) + "）";
			if (bad.contains(a.seq())) {
				out.add(name + "的签名与内容不符（锚定被改动或不是本平台的密钥所签）");
			}
			long expectedSeq = previous == null ? 1 : previous.seq() + 1;
			if (a.seq() != expectedSeq) {
				out.add("缺少第" + expectedSeq + "号锚定");
			}
			else if (previous != null && (!a.prevDigest().equals(previous.digest()) || !previous.periodEnd().equals(a.periodStart()))) {
				out.add(name + "与上一号锚定不衔接");
			}
			recompute.add(new Recheck(a, name, RecordVerifier.DB_ANCHORS));
			previous = a;
		}
		if (sinceSeq > 0 && stored.stream().noneMatch(a -> a.seq() == sinceSeq)) {
			out.add("上次校验到的第" + sinceSeq + "号锚定在数据库中缺失（锚定被删除）");
		}
		return recompute;
	}

	/** The anchors cut into about {@code pieces} runs of consecutive periods with about equal numbers of entries. */
	static List<List<Recheck>> runs(List<Recheck> rechecks, int pieces) {
		List<List<Recheck>> out = new ArrayList<>();
		long total = rechecks.stream().mapToLong(r -> r.anchor().entries()).sum();
		long share = Math.max(1, total / pieces);
		List<Recheck> run = new ArrayList<>();
		long inRun = 0;
		for (Recheck r : rechecks) {
			boolean joins = run.isEmpty() || r.anchor().periodStart() != null && r.anchor().periodStart().equals(run.get(run.size() - 1).anchor().periodEnd());
			if (!joins || inRun >= share) {
				out.add(run);
				run = new ArrayList<>();
				inRun = 0;
			}
			run.add(r);
			inRun += r.anchor().entries();
		}
		if (!run.isEmpty()) {
			out.add(run);
		}
		return out;
	}

	/**
	 * Recomputes the roots and counts of consecutive anchors in one pass over their entries in time order: the heads of
	 * each period's chains (the entry with the highest seq of each chain in it), in the byte order of the anchoring
	 * query, and the number of entries. Returns what does not hold.
	 */
	List<String> recomputeRun(List<Recheck> run) {
		JdbcTemplate stream = new JdbcTemplate(dataSource);
		stream.setFetchSize(5000);
		stream.execute("set local statement_timeout = 0");
		Instant from = run.get(0).anchor().periodStart();
		Instant to = run.get(run.size() - 1).anchor().periodEnd();
		List<String> found = new ArrayList<>();
		Map<String, DailyAnchors.Leaf> heads = new HashMap<>();
		long[] count = { 0 };
		int[] at = { 0 };
		String where = from == null ? "occurred_at < ?" : "occurred_at >= ? and occurred_at < ?";
		Object[] args = from == null ? new Object[] { Timestamp.from(to) } : new Object[] { Timestamp.from(from), Timestamp.from(to) };
		stream.query("select subject_type, subject_id, seq, hash, occurred_at from record_entry_all where " + where + " order by occurred_at", rs -> {
			Instant t = rs.getTimestamp(5).toInstant();
			while (!t.isBefore(run.get(at[0]).anchor().periodEnd())) {
				check(run.get(at[0]), heads, count[0], found);
				heads.clear();
				count[0] = 0;
				at[0]++;
			}
			DailyAnchors.Leaf leaf = new DailyAnchors.Leaf(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim());
			heads.merge(leaf.subjectType() + "\u0000" + leaf.subjectId(), leaf, (a, b) -> a.seq() >= b.seq() ? a : b);
			count[0]++;
		}, args);
		while (at[0] < run.size()) {
			check(run.get(at[0]), heads, count[0], found);
			heads.clear();
			count[0] = 0;
			at[0]++;
		}
		return found;
	}

	private static final java.util.Comparator<String> BYTES = (a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
			b.getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private static void check(Recheck r, Map<String, DailyAnchors.Leaf> heads, long count, List<String> found) {
		SignedAnchors.SignedAnchor a = r.anchor();
		List<DailyAnchors.Leaf> leaves = new ArrayList<>(heads.values());
		leaves.sort(java.util.Comparator.comparing(DailyAnchors.Leaf::subjectType, BYTES).thenComparing(DailyAnchors.Leaf::subjectId, BYTES));
		String root = DailyAnchors.merkleRoot(leaves.stream().map(DailyAnchors.Leaf::digest).toList());
		if (!root.equals(a.root()) || count != a.entries()) {
			found.add(r.name() + "与记录重新计算的结果不符：签名时 " + a.entries() + " 条记录、" + a.chains() + " 条链，现在 " + count
					+ " 条记录——该时段的记录被改动、删除或插入");
		}
	}

	/** An anchor whose root is to be recomputed, as the check that found it names it. */
	record Recheck(SignedAnchors.SignedAnchor anchor, String name, String check) {
	}

	/**
	 * The file is the copy someone with SQL cannot reach: each line must be signed and must be in the database unchanged.
	 * Every line is compared; the signature of a line that differs from the stored anchor is checked. Returns the anchors missing or
	 * replaced in the database, whose roots are to be recomputed from the file's copy.
	 */
	List<Recheck> checkFile(SignedAnchors.FileContents file, List<SignedAnchors.SignedAnchor> stored, long sinceSeq, List<String> out) {
		List<Recheck> recompute = new ArrayList<>();
		file.unreadable().forEach(line -> out.add("导出文件" + line + "不是有效的锚定"));
		Map<Long, SignedAnchors.SignedAnchor> bySeq = new HashMap<>();
		stored.forEach(a -> bySeq.put(a.seq(), a));
		String publicKey = keys.publicKeyHex();
		for (SignedAnchors.SignedAnchor a : file.anchors()) {
			String name = "导出文件中的第" + a.seq() + "号锚定（" + period(a) + "）";
			SignedAnchors.SignedAnchor inDb = bySeq.get(a.seq());
			boolean same = inDb != null && inDb.signedText().equals(a.signedText()) && inDb.signature().equals(a.signature());
			// a line equal to the stored anchor was verified with it
			if (!same && !RecordKeys.verify(publicKey, a.signedText(), a.signature())) {
				out.add(name + "的签名与内容不符");
				continue;
			}
			if (inDb == null) {
				out.add(name + "在数据库中缺失（锚定被删除）");
				recompute.add(new Recheck(a, name, RecordVerifier.FILE_ANCHORS));
			}
			else if (!same) {
				out.add(name + "与数据库中的不同（数据库中的锚定被替换）");
				recompute.add(new Recheck(a, name, RecordVerifier.FILE_ANCHORS));
			}
		}
		long lastInFile = file.anchors().stream().mapToLong(SignedAnchors.SignedAnchor::seq).max().orElse(0);
		java.util.Set<Long> inFile = new java.util.HashSet<>();
		file.anchors().forEach(f -> inFile.add(f.seq()));
		stored.stream().filter(a -> a.seq() < lastInFile && !inFile.contains(a.seq()))
			.forEach(a -> out.add("第" + a.seq() + "号锚定没有导出到文件"));
		return recompute;
	}

	private static String period(SignedAnchors.SignedAnchor a) {
		return (a.periodStart() == null ? "开始" : a.periodStart().toString()) + " 至 " + a.periodEnd();
	}
}
