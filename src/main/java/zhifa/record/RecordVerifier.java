package zhifa.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
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
	private final DailyAnchors daily;
	private final SignedAnchors anchors;
	private final RecordKeys keys;

	RecordVerifier(JdbcTemplate jdbc, DailyAnchors daily, SignedAnchors anchors, RecordKeys keys) {
		this.jdbc = jdbc;
		this.daily = daily;
		this.anchors = anchors;
		this.keys = keys;
	}

	/** Entries without a MAC are accepted only before this instant (the end of a first anchor that says there were such). */
	private Instant legacyBefore() {
		return anchors.find(1).filter(SignedAnchors.SignedAnchor::legacy).map(SignedAnchors.SignedAnchor::periodEnd).orElse(null);
	}

	@Transactional(readOnly = true)
	public ChainVerification verifyChain(String subjectType, String subjectId) {
		List<RecordEntry> entries = jdbc.query("select " + RecordRows.COLUMNS
				+ " from record_entry where subject_type = ? and subject_id = ? order by seq", RecordRows.ENTRY, subjectType,
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
		String prev = RecordEntry.GENESIS;
		long expectedSeq = 1;
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

	/** Every chain, every anchor. Streams subject by subject so memory stays flat on large records. */
	@Transactional(readOnly = true)
	public Report verifyAll() {
		jdbc.execute("set local statement_timeout = 0");
		Instant legacyBefore = legacyBefore();
		List<ChainVerification> broken = new ArrayList<>();
		long[] chains = { 0 };
		long[] entries = { 0 };
		List<RecordEntry> current = new ArrayList<>();
		jdbc.setFetchSize(1000);
		jdbc.query("select " + RecordRows.COLUMNS + " from record_entry order by subject_type, subject_id, seq", rs -> {
			RecordEntry e = RecordRows.ENTRY.mapRow(rs, 0);
			if (!current.isEmpty() && !(current.get(0).subjectType().equals(e.subjectType())
					&& current.get(0).subjectId().equals(e.subjectId()))) {
				check(current, broken, legacyBefore);
				chains[0]++;
				current.clear();
			}
			current.add(e);
			entries[0]++;
		});
		if (!current.isEmpty()) {
			check(current, broken, legacyBefore);
			chains[0]++;
		}
		Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
		problems.put(DB_ANCHORS, new ArrayList<>());
		problems.put(FILE_ANCHORS, new ArrayList<>());
		problems.put(DAILY_ANCHORS, new ArrayList<>());
		List<SignedAnchors.SignedAnchor> stored = anchors.all();
		checkSignedAnchors(stored, problems.get(DB_ANCHORS));
		var file = anchors.readFile();
		checkFile(file, stored, problems.get(FILE_ANCHORS));
		List<DailyAnchors.Anchor> days = daily.all();
		for (DailyAnchors.Anchor anchor : days) {
			if (!daily.computeRoot(anchor.day()).equals(anchor.root())) {
				problems.get(DAILY_ANCHORS).add(anchor.day() + " 的锚定根与当日记录重新计算的结果不符");
			}
		}
		return new Report(chains[0], entries[0], broken, days.size(), stored.size(), file.anchors().size(), keys.keyId(),
				anchors.file().toString(), problems);
	}

	private void check(List<RecordEntry> chain, List<ChainVerification> broken, Instant legacyBefore) {
		ChainVerification v = verify(chain.get(0).subjectType(), chain.get(0).subjectId(), chain, keys::mac, legacyBefore);
		if (!v.intact()) {
			broken.add(v);
		}
	}

	/** Signature, key, sequence and prev digest of each stored anchor, and its root recomputed from the entries. */
	private void checkSignedAnchors(List<SignedAnchors.SignedAnchor> stored, List<String> out) {
		String publicKey = keys.publicKeyHex();
		SignedAnchors.SignedAnchor previous = null;
		for (SignedAnchors.SignedAnchor a : stored) {
			String name = "第" + a.seq() + "号锚定（" + period(a) + "）";
			if (!RecordKeys.verify(publicKey, a.signedText(), a.signature())) {
				out.add(name + "的签名与内容不符（锚定被改动或不是本平台的密钥所签）");
			}
			long expectedSeq = previous == null ? 1 : previous.seq() + 1;
			if (a.seq() != expectedSeq) {
				out.add("缺少第" + expectedSeq + "号锚定");
			}
			else if (previous != null && (!a.prevDigest().equals(previous.digest()) || !previous.periodEnd().equals(a.periodStart()))) {
				out.add(name + "与上一号锚定不衔接");
			}
			recompute(a, name, out);
			previous = a;
		}
	}

	private void recompute(SignedAnchors.SignedAnchor a, String name, List<String> out) {
		String root = anchors.computeRoot(a.periodStart(), a.periodEnd());
		long count = anchors.entries(a.periodStart(), a.periodEnd());
		if (!root.equals(a.root()) || count != a.entries()) {
			out.add(name + "与记录重新计算的结果不符：签名时 " + a.entries() + " 条记录、" + a.chains() + " 条链，现在 " + count
					+ " 条记录——该时段的记录被改动、删除或插入");
		}
	}

	/** The file is the copy someone with SQL cannot reach: each line must be signed and must be in the database unchanged. */
	private void checkFile(SignedAnchors.FileContents file, List<SignedAnchors.SignedAnchor> stored, List<String> out) {
		file.unreadable().forEach(line -> out.add("导出文件" + line + "不是有效的锚定"));
		Map<Long, SignedAnchors.SignedAnchor> bySeq = new HashMap<>();
		stored.forEach(a -> bySeq.put(a.seq(), a));
		String publicKey = keys.publicKeyHex();
		for (SignedAnchors.SignedAnchor a : file.anchors()) {
			String name = "导出文件中的第" + a.seq() + "号锚定（" + period(a) + "）";
			if (!RecordKeys.verify(publicKey, a.signedText(), a.signature())) {
				out.add(name + "的签名与内容不符");
				continue;
			}
			SignedAnchors.SignedAnchor inDb = bySeq.get(a.seq());
			if (inDb == null) {
				out.add(name + "在数据库中缺失（锚定被删除）");
				recompute(a, name, out);
			}
			else if (!inDb.signedText().equals(a.signedText()) || !inDb.signature().equals(a.signature())) {
				out.add(name + "与数据库中的不同（数据库中的锚定被替换）");
				recompute(a, name, out);
			}
		}
		long lastInFile = file.anchors().stream().mapToLong(SignedAnchors.SignedAnchor::seq).max().orElse(0);
		stored.stream().filter(a -> a.seq() < lastInFile && file.anchors().stream().noneMatch(f -> f.seq() == a.seq()))
			.forEach(a -> out.add("第" + a.seq() + "号锚定没有导出到文件"));
	}

	private static String period(SignedAnchors.SignedAnchor a) {
		return (a.periodStart() == null ? "开始" : a.periodStart().toString()) + " 至 " + a.periodEnd();
	}

	/** The outcome of {@link #verifyAll()}: broken chains and, per check, what it found. */
	public record Report(long chains, long entries, List<ChainVerification> brokenChains, int dailyAnchors, int signedAnchors,
			int exportedAnchors, String keyId, String anchorFile, Map<String, List<String>> anchorProblems) {

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
			sb.append("verify-records: ").append(chains).append(" chains, ").append(entries).append(" entries, ").append(signedAnchors)
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
