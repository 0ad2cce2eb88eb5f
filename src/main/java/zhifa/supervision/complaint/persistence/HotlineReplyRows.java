package zhifa.supervision.complaint.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.supervision.complaint.HotlineReply;

/** The outbox of replies owed to the 12345 system ({@code sv_hotline_reply}). */
@Repository
public class HotlineReplyRows {

	/** Serialises enqueuing, so replies commit in the order of their ids and a poller's cursor never skips one. */
	private static final long ENQUEUE_LOCK = 0x7a68666153563132L;

	private static final String SELECT = """
			select r.*, c.receipt_no, c.supervising_body_id from sv_hotline_reply r join sv_complaint c on c.id = r.complaint_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	HotlineReplyRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long enqueue(long complaintId, String orderNo, String payload, Instant now) {
		jdbc.getJdbcTemplate().queryForObject("select 1 from (select pg_advisory_xact_lock(" + ENQUEUE_LOCK + ")) x", Integer.class);
		return jdbc.queryForObject("""
				insert into sv_hotline_reply (complaint_id, order_no, payload, next_attempt_at, created_at)
				values (:c, :o, :p, :t, :t) returning id""",
				new MapSqlParameterSource("c", complaintId).addValue("o", orderNo).addValue("p", payload).addValue("t", Timestamp.from(now)),
				Long.class);
	}

	/** The replies after the cursor for the orders a supervising body took in, oldest first. */
	public List<HotlineReply> since(long cursor, Long supervisingBodyId, int limit) {
		return jdbc.query(SELECT + " where r.id > :cur and (cast(:sb as bigint) is null or c.supervising_body_id = :sb) order by r.id limit :lim",
				new MapSqlParameterSource("cur", cursor).addValue("sb", supervisingBodyId).addValue("lim", limit), this::map);
	}

	/** Pending replies whose next attempt is due. */
	public List<HotlineReply> due(Instant now, int limit) {
		return jdbc.query(SELECT + " where r.state = 'PENDING' and r.next_attempt_at <= :now order by r.id limit :lim",
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("lim", limit), this::map);
	}

	public List<HotlineReply> dead(int limit) {
		return jdbc.query(SELECT + " where r.state = 'DEAD' order by r.id desc limit :lim", Map.of("lim", limit), this::map);
	}

	public long deadCount() {
		return jdbc.getJdbcTemplate().queryForObject("select count(*) from sv_hotline_reply where state = 'DEAD'", Long.class);
	}

	public Optional<HotlineReply> find(long id) {
		return jdbc.query(SELECT + " where r.id = :id", Map.of("id", id), this::map).stream().findFirst();
	}

	/** Marks a pending reply delivered; false when it was not pending any more. */
	public boolean delivered(long id, int attempts, Instant at) {
		return jdbc.update("""
				update sv_hotline_reply set state = 'DELIVERED', attempts = :a, delivered_at = :t, last_error = null
				where id = :id and state = 'PENDING'""", new MapSqlParameterSource("id", id).addValue("a", attempts).addValue("t", Timestamp.from(at))) == 1;
	}

	/** A failed attempt: tried again at {@code next}, or dead-lettered. */
	public boolean failed(long id, int attempts, Instant next, String error, boolean dead) {
		return jdbc.update("""
				update sv_hotline_reply set attempts = :a, next_attempt_at = :n, last_error = :e, state = :s
				where id = :id and state = 'PENDING'""", new MapSqlParameterSource("id", id).addValue("a", attempts)
			.addValue("n", Timestamp.from(next)).addValue("e", error).addValue("s", dead ? "DEAD" : "PENDING")) == 1;
	}

	/** A dead letter back to the queue, due now with a fresh count; false when it was not dead. */
	public boolean requeue(long id, Instant now) {
		return jdbc.update("""
				update sv_hotline_reply set state = 'PENDING', attempts = 0, next_attempt_at = :n
				where id = :id and state = 'DEAD'""", new MapSqlParameterSource("id", id).addValue("n", Timestamp.from(now))) == 1;
	}

	private HotlineReply map(ResultSet rs, int i) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new HotlineReply(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("receipt_no"), rs.getLong("supervising_body_id"),
				rs.getString("order_no"), rs.getString("payload"), HotlineReply.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), delivered == null ? null : delivered.toInstant(),
				rs.getTimestamp("created_at").toInstant());
	}
}
