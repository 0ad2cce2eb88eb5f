package zhifa.casework.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who an officer is, read from the officer module's published {@code officer_view}. */
@Repository
public class OfficerLookups {

	/** An officer's name, body and 法律职业资格 number. */
	public record OfficerRow(long id, String name, long bodyId, String legalQualificationNo, boolean auxiliary) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	OfficerLookups(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OfficerRow> officer(long id) {
		return jdbc.query("select id, name, body_id, legal_qualification_no, staffing_type = 'AUXILIARY' from officer_view where id = :id", Map.of("id", id),
				(rs, i) -> new OfficerRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5))).stream().findFirst();
	}

	public Optional<OfficerRow> ofUser(long userId) {
		return jdbc.query("select id, name, body_id, legal_qualification_no, staffing_type = 'AUXILIARY' from officer_view where user_id = :u", Map.of("u", userId),
				(rs, i) -> new OfficerRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5))).stream().findFirst();
	}

	/** Whether the officer is or ever was one of the case's officers (taken off it by a change or a recusal or not). */
	public boolean everOnCase(long caseId, long officerId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from case_officer where case_id = :c and officer_id = :o)",
				Map.of("c", caseId, "o", officerId), Boolean.class));
	}

	public List<Long> ofBody(long bodyId) {
		return jdbc.queryForList("select id from officer_view where body_id = :b order by name", Map.of("b", bodyId), Long.class);
	}
}
