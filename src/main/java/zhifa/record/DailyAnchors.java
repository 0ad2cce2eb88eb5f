package zhifa.record;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.Sm3;

/**
 * 每日锚定 of earlier versions: for each day, an unsigned SM3 Merkle root over the heads of all chains that changed that
 * day. No new ones are made — {@link SignedAnchors} replaced them — but the stored ones are still recomputed by the
 * verifier. The Merkle construction and the leaf are shared with the signed anchors.
 */
@Service
public class DailyAnchors {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	DailyAnchors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored anchor. */
	public record Anchor(LocalDate day, String root, int chains, java.time.Instant createdAt) {
	}

	/** A leaf: one chain's head at the end of the day. */
	public record Leaf(String subjectType, String subjectId, long seq, String hash) {
		String digest() {
			return Sm3.hex(subjectType + "\u001f" + subjectId + "\u001f" + seq + "\u001f" + hash);
		}
	}

	public List<Anchor> all() {
		return jdbc.query("select day, root, chains, created_at from record_anchor order by day desc",
				(rs, i) -> new Anchor(rs.getDate("day").toLocalDate(), rs.getString("root").trim(), rs.getInt("chains"),
						rs.getTimestamp("created_at").toInstant()));
	}

	public Optional<Anchor> find(LocalDate day) {
		return jdbc.query("select day, root, chains, created_at from record_anchor where day = ?",
				(rs, i) -> new Anchor(rs.getDate("day").toLocalDate(), rs.getString("root").trim(), rs.getInt("chains"),
						rs.getTimestamp("created_at").toInstant()),
				Date.valueOf(day)).stream().findFirst();
	}

	public List<Leaf> leaves(LocalDate day) {
		var from = Timestamp.from(day.atStartOfDay(ZONE).toInstant());
		var to = Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
		return jdbc.query("""
				select distinct on (subject_type, subject_id) subject_type, subject_id, seq, hash
				from record_entry_all where occurred_at >= ? and occurred_at < ?
				order by subject_type, subject_id, seq desc""",
				(rs, i) -> new Leaf(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim()), from, to);
	}

	/** The Merkle root of the day's leaves as they are stored now; pairs hash as SM3(left‖right), an odd node moves up. */
	public String computeRoot(LocalDate day) {
		return merkleRoot(leaves(day).stream().map(Leaf::digest).toList());
	}

	static String merkleRoot(List<String> level) {
		if (level.isEmpty()) {
			return Sm3.hex("");
		}
		List<String> nodes = new ArrayList<>(level);
		while (nodes.size() > 1) {
			List<String> next = new ArrayList<>();
			for (int i = 0; i < nodes.size(); i += 2) {
				next.add(i + 1 < nodes.size() ? Sm3.hex(nodes.get(i) + nodes.get(i + 1)) : nodes.get(i));
			}
			nodes = next;
		}
		return nodes.get(0);
	}

}
