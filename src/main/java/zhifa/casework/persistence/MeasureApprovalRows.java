package zhifa.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.casework.MeasureApprovals.Approval;
import zhifa.casework.MeasureApprovals.Head;

/** {@code case_measure_approval}, and a body's heads from the identity module's published views. */
@Repository
public class MeasureApprovalRows {

	/** A pending approval on its head's home page: the case's label, who asked, when. */
	public record Pending(long caseId, String caseLabel, String requestedBy, Instant requestedAt) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	MeasureApprovalRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Head> heads(long bodyId) {
		return jdbc.query("""
				select a.id, a.display_name from account_view a join account_role_view r on r.account_id = a.id
				where a.body_id = :b and a.enabled and r.role = 'LEADER' order by a.display_name, a.id""", Map.of("b", bodyId),
				(rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
	}

	public void insert(long measureId, long caseId, long approverId, String approverName, String requestedBy, Instant at, boolean approvedNow) {
		jdbc.update("""
				insert into case_measure_approval (measure_id, case_id, approver_id, approver_name, requested_by, requested_at, decided_at, approved)
				values (:m, :c, :a, :n, :by, :at, :d, :ok)""", new MapSqlParameterSource().addValue("m", measureId).addValue("c", caseId)
			.addValue("a", approverId).addValue("n", approverName).addValue("by", requestedBy).addValue("at", Timestamp.from(at))
			.addValue("d", approvedNow ? Timestamp.from(at) : null).addValue("ok", approvedNow ? Boolean.TRUE : null));
	}

	public Optional<Approval> find(long measureId) {
		return jdbc.query("select * from case_measure_approval where measure_id = :m", Map.of("m", measureId), (rs, i) -> row(rs)).stream().findFirst();
	}

	public Map<Long, Approval> ofCase(long caseId) {
		Map<Long, Approval> out = new HashMap<>();
		jdbc.query("select * from case_measure_approval where case_id = :c", Map.of("c", caseId), (ResultSet rs) -> {
			out.put(rs.getLong("measure_id"), row(rs));
		});
		return out;
	}

	/** Decides a pending approval; false when it was no longer pending. */
	public boolean decide(long measureId, boolean approved, String note, Instant at) {
		return jdbc.update("update case_measure_approval set decided_at = :d, approved = :ok, note = :n where measure_id = :m and decided_at is null",
				new MapSqlParameterSource().addValue("d", Timestamp.from(at)).addValue("ok", approved).addValue("n", note).addValue("m", measureId)) == 1;
	}

	public List<Pending> pending(long approverId) {
		return jdbc.query("""
				select a.case_id, a.requested_by, a.requested_at, coalesce(c.case_number, '案源第' || c.id || '号') as label
				from case_measure_approval a join enforcement_case c on c.id = a.case_id
				where a.approver_id = :me and a.decided_at is null and c.archived_on is null order by a.requested_at limit 200""", Map.of("me", approverId),
				(rs, i) -> new Pending(rs.getLong("case_id"), rs.getString("label"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()));
	}

	private static Approval row(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Approval(rs.getLong("measure_id"), rs.getLong("case_id"), rs.getLong("approver_id"), rs.getString("approver_name"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), decided == null ? null : decided.toInstant(),
				(Boolean) rs.getObject("approved"), rs.getString("note"));
	}
}
