package zhifa.record;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks chains and daily anchors against the stored entries. */
@Service
public class RecordVerifier {

	private final JdbcTemplate jdbc;
	private final DailyAnchors anchors;

	RecordVerifier(JdbcTemplate jdbc, DailyAnchors anchors) {
		this.jdbc = jdbc;
		this.anchors = anchors;
	}

	@Transactional(readOnly = true)
	public ChainVerification verifyChain(String subjectType, String subjectId) {
		List<RecordEntry> entries = jdbc.query("select " + RecordRows.COLUMNS
				+ " from record_entry where subject_type = ? and subject_id = ? order by seq", RecordRows.ENTRY, subjectType,
				subjectId);
		return verify(subjectType, subjectId, entries);
	}

	static ChainVerification verify(String subjectType, String subjectId, List<RecordEntry> entries) {
		String prev = RecordEntry.GENESIS;
		long expectedSeq = 1;
		for (RecordEntry e : entries) {
			if (e.seq() != expectedSeq) {
				return new ChainVerification(subjectType, subjectId, false, entries.size(), expectedSeq,
						"缺少序号为" + expectedSeq + "的记录");
			}
			if (!e.prevHash().equals(prev)) {
				return new ChainVerification(subjectType, subjectId, false, entries.size(), e.seq(),
						"第" + e.seq() + "条记录的前序哈希与上一条不符");
			}
			if (!e.holds(prev)) {
				return new ChainVerification(subjectType, subjectId, false, entries.size(), e.seq(),
						"第" + e.seq() + "条记录的内容与其哈希不符（记录被改动）");
			}
			prev = e.hash();
			expectedSeq++;
		}
		return new ChainVerification(subjectType, subjectId, true, entries.size(), null, null);
	}

	/** Every chain, every anchor. Streams subject by subject so memory stays flat on large records. */
	@Transactional(readOnly = true)
	public Report verifyAll() {
		List<ChainVerification> broken = new ArrayList<>();
		long[] chains = { 0 };
		long[] entries = { 0 };
		List<RecordEntry> current = new ArrayList<>();
		jdbc.setFetchSize(1000);
		jdbc.query("select " + RecordRows.COLUMNS + " from record_entry order by subject_type, subject_id, seq", rs -> {
			RecordEntry e = RecordRows.ENTRY.mapRow(rs, 0);
			if (!current.isEmpty() && !(current.get(0).subjectType().equals(e.subjectType())
					&& current.get(0).subjectId().equals(e.subjectId()))) {
				check(current, broken);
				chains[0]++;
				current.clear();
			}
			current.add(e);
			entries[0]++;
		});
		if (!current.isEmpty()) {
			check(current, broken);
			chains[0]++;
		}
		List<String> anchorProblems = new ArrayList<>();
		for (DailyAnchors.Anchor anchor : anchors.all()) {
			String recomputed = anchors.computeRoot(anchor.day());
			if (!recomputed.equals(anchor.root())) {
				anchorProblems.add(anchor.day() + " 的锚定根与当日记录重新计算的结果不符");
			}
		}
		return new Report(chains[0], entries[0], broken, anchors.all().size(), anchorProblems);
	}

	private static void check(List<RecordEntry> chain, List<ChainVerification> broken) {
		ChainVerification v = verify(chain.get(0).subjectType(), chain.get(0).subjectId(), chain);
		if (!v.intact()) {
			broken.add(v);
		}
	}

	/** The outcome of {@link #verifyAll()}. */
	public record Report(long chains, long entries, List<ChainVerification> brokenChains, int anchors,
			List<String> anchorProblems) {

		public boolean intact() {
			return brokenChains.isEmpty() && anchorProblems.isEmpty();
		}

		public String describe() {
			StringBuilder sb = new StringBuilder();
			sb.append("verify-records: ").append(chains).append(" chains, ").append(entries).append(" entries, ")
				.append(anchors).append(" daily anchors checked\n");
			for (ChainVerification v : brokenChains) {
				sb.append("BROKEN chain ").append(v.subjectType()).append('/').append(v.subjectId()).append(" at seq ")
					.append(v.firstBrokenSeq()).append(": ").append(v.reason()).append('\n');
			}
			anchorProblems.forEach(p -> sb.append("BROKEN anchor: ").append(p).append('\n'));
			sb.append(intact() ? "RESULT: intact" : "RESULT: BROKEN");
			return sb.toString();
		}
	}

}
