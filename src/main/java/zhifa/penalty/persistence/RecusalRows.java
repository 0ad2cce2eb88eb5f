package zhifa.penalty.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.penalty.investigation.Recusal;

/** 回避 applications and decisions ({@code penalty_recusal}). */
@Repository
public class RecusalRows {

	private final NamedParameterJdbcTemplate jdbc;

	RecusalRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Recusal> of(long caseId) {
		return jdbc.query("""
				select r.*, o.name as officer_name from penalty_recusal r join officer_view o on o.id = r.officer_id where r.case_id = :c order by r.id""",
				Map.of("c", caseId), (rs, i) -> new Recusal(rs.getLong("id"), rs.getLong("officer_id"), rs.getString("officer_name"),
						rs.getDate("applied_on").toLocalDate(), rs.getString("applicant"), rs.getString("reason"), rs.getString("decision"),
						PenaltyRows.date(rs, "decided_on"), rs.getString("decided_by"), rs.getString("note")));
	}

	public long insert(long caseId, long officerId, LocalDate on, String applicant, String reason) {
		return jdbc.queryForObject("""
				insert into penalty_recusal (case_id, officer_id, applied_on, applicant, reason) values (:c, :o, :d, :a, :r) returning id""",
				Map.of("c", caseId, "o", officerId, "d", on, "a", applicant, "r", reason), Long.class);
	}

	public void decided(long id, boolean granted, LocalDate on, String by, String note) {
		jdbc.update("update penalty_recusal set decision = :d, decided_on = :on, decided_by = :by, note = :n where id = :id",
				new MapSqlParameterSource().addValue("d", granted ? "GRANTED" : "REJECTED").addValue("on", on).addValue("by", by).addValue("n", note)
					.addValue("id", id));
	}
}
