package zhifa.penalty.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The penalty module's reads for the home pages. */
@Repository
public class TodoQueries {

	/** A recusal request waiting for the head's decision. */
	public record PendingRecusal(long caseId, String officerName, String applicant, java.time.LocalDate appliedOn) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	TodoQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Recusal requests not yet decided in the scope (a condition over {@code c.body_id}), oldest first. */
	public List<PendingRecusal> pendingRecusals(String scopeCondition, Map<String, Object> scopeParams) {
		Map<String, Object> p = new HashMap<>(scopeParams);
		return jdbc.query("select r.case_id, f.name, r.applicant, r.applied_on from penalty_recusal r join case_view c on c.id = r.case_id "
				+ "join officer_view f on f.id = r.officer_id where r.decision is null and " + scopeCondition + " order by r.applied_on, r.id limit 200", p,
				(rs, i) -> new PendingRecusal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()));
	}

	/** Clues of the body awaiting 立案审查, the oldest first. */
	public List<Long> cluesOf(long bodyId) {
		return jdbc.queryForList("select c.id from case_view c where c.body_id = :b and c.kind = 'PENALTY' and c.stage = 'CLUE' "
				+ "order by c.received_on, c.id limit 200", Map.of("b", bodyId), Long.class);
	}
}
