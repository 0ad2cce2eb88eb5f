package zhifa.coercion.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.coercion.Enforcement;

/** The enforcement procedure of each case ({@code coercion_enforcement}, one row per case). */
@Repository
public class EnforcementRows {

	private final NamedParameterJdbcTemplate jdbc;

	EnforcementRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Enforcement> find(long caseId) {
		return jdbc.query("select * from coercion_enforcement where case_id = :c", Map.of("c", caseId), (rs, i) -> row(rs)).stream().findFirst();
	}

	public void urged(long caseId, String obligation, Long amount, LocalDate servedOn, String proof) {
		jdbc.update("""
				insert into coercion_enforcement (case_id, stage, obligation, amount, urge_served_on, urge_proof) values (:c, 'URGED', :o, :a, :d, :p)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("o", obligation).addValue("a", amount).addValue("d", servedOn)
					.addValue("p", proof));
	}

	public void statement(long caseId, String statement, String review) {
		jdbc.update("update coercion_enforcement set statement = :s, statement_review = :r where case_id = :c",
				Map.of("s", statement, "r", review, "c", caseId));
	}

	public void applied(long caseId, LocalDate on, String court) {
		jdbc.update("update coercion_enforcement set stage = 'APPLIED', applied_on = :d, court = :c where case_id = :id",
				Map.of("d", on, "c", court, "id", caseId));
	}

	public void decided(long caseId, LocalDate on, String number, String powerBasis) {
		jdbc.update("update coercion_enforcement set stage = 'DECIDED', decided_on = :d, decision_number = :n, power_basis = :b where case_id = :id",
				Map.of("d", on, "n", number, "b", powerBasis, "id", caseId));
	}

	public void done(long caseId, LocalDate on, String result) {
		jdbc.update("update coercion_enforcement set stage = 'DONE', result = :r, result_on = :d where case_id = :id", Map.of("r", result, "d", on, "id", caseId));
	}

	private static Enforcement row(ResultSet rs) throws SQLException {
		return new Enforcement(rs.getLong("case_id"), Enforcement.Step.valueOf(rs.getString("stage")), rs.getString("obligation"),
				(Long) rs.getObject("amount"), rs.getDate("urge_served_on").toLocalDate(), rs.getString("urge_proof"), rs.getString("statement"),
				rs.getString("statement_review"), date(rs, "applied_on"), rs.getString("court"), date(rs, "decided_on"), rs.getString("decision_number"),
				rs.getString("power_basis"), rs.getString("result"), date(rs, "result_on"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getDate(column) == null ? null : rs.getDate(column).toLocalDate();
	}
}
