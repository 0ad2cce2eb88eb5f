package zhifa.record;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

final class RecordRows {

	static final String COLUMNS = "id, subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, "
			+ "actor_body_id, owner_body_id, action, summary, payload, prev_hash, hash, mac";

	static final RowMapper<RecordEntry> ENTRY = RecordRows::entry;

	private RecordRows() {
	}

	private static RecordEntry entry(ResultSet rs, int row) throws SQLException {
		return new RecordEntry(rs.getLong("id"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getLong("seq"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_kind"), (Long) rs.getObject("actor_id"),
				rs.getString("actor_name"), (Long) rs.getObject("actor_body_id"), (Long) rs.getObject("owner_body_id"),
				rs.getString("action"), rs.getString("summary"), rs.getString("payload"), rs.getString("prev_hash").trim(),
				rs.getString("hash").trim(), rs.getString("mac") == null ? null : rs.getString("mac").trim());
	}
}
