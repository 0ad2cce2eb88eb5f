package zhifa.penalty.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.penalty.Sanction;
import zhifa.penalty.notice.Hearing;
import zhifa.penalty.notice.Notice;
import zhifa.penalty.notice.Statement;

/** The prior notice ({@code penalty_notice}), statements ({@code penalty_statement}) and the hearing ({@code penalty_hearing}). */
@Repository
public class NoticeRows {

	private final NamedParameterJdbcTemplate jdbc;

	NoticeRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Notice> notice(long caseId) {
		return jdbc.query("select * from penalty_notice where case_id = :c", Map.of("c", caseId), (rs, i) -> new Notice(rs.getDate("issued_on").toLocalDate(),
				PenaltyRows.sanction(rs, ""), rs.getBoolean("hearing_right"),
				rs.getString("facts"), PenaltyRows.date(rs, "served_on"), rs.getString("service_method"), rs.getString("service_proof"),
				PenaltyRows.date(rs, "statement_due"), PenaltyRows.date(rs, "hearing_due"), PenaltyRows.date(rs, "statement_waived_on"),
				PenaltyRows.date(rs, "hearing_waived_on"))).stream().findFirst();
	}

	/** The case's notice, replacing one not served yet (true when it did). */
	public boolean issue(long caseId, LocalDate on, Sanction s, boolean hearingRight, String facts) {
		boolean replaced = jdbc.update("delete from penalty_notice where case_id = :c and served_on is null", Map.of("c", caseId)) > 0;
		jdbc.update("""
				insert into penalty_notice (case_id, issued_on, types, fine, gains, property, property_value, hearing_right, facts)
				values (:c, :d, :t, :f, :co, :pr, :pv, :h, :x)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", on).addValue("t", PenaltyRows.types(s)).addValue("f", s.fine())
					.addValue("co", s.gains()).addValue("pr", s.property()).addValue("pv", s.propertyValue()).addValue("h", hearingRight).addValue("x", facts));
		return replaced;
	}

	public void served(long caseId, LocalDate on, String method, String proof, LocalDate statementDue, LocalDate hearingDue) {
		jdbc.update("""
				update penalty_notice set served_on = :s, service_method = :m, service_proof = :p, statement_due = :sd, hearing_due = :hd where case_id = :c""",
				new MapSqlParameterSource().addValue("s", on).addValue("m", method).addValue("p", proof).addValue("sd", statementDue)
					.addValue("hd", hearingDue).addValue("c", caseId));
	}

	public void waived(long caseId, boolean hearing, LocalDate on) {
		jdbc.update("update penalty_notice set " + (hearing ? "hearing_waived_on" : "statement_waived_on") + " = :d where case_id = :c",
				Map.of("d", on, "c", caseId));
	}

	public List<Statement> statements(long caseId) {
		return jdbc.query("select * from penalty_statement where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Statement(rs.getLong("id"),
				rs.getDate("received_on").toLocalDate(), rs.getString("content"), rs.getString("result"), rs.getString("result_note"),
				PenaltyRows.date(rs, "reviewed_on")));
	}

	public long insertStatement(long caseId, LocalDate receivedOn, String content) {
		return jdbc.queryForObject("insert into penalty_statement (case_id, received_on, content) values (:c, :d, :t) returning id",
				Map.of("c", caseId, "d", receivedOn, "t", content), Long.class);
	}

	/** Records the 复核 of a statement not yet re-examined; false when there is none such. */
	public boolean reexamined(long caseId, long statementId, String result, String note, LocalDate on, String by) {
		return jdbc.update("""
				update penalty_statement set result = :r, result_note = :n, reviewed_on = :d, reviewed_by = :by where id = :id and case_id = :c and result is null""",
				new MapSqlParameterSource().addValue("r", result).addValue("n", note).addValue("d", on).addValue("by", by).addValue("id", statementId)
					.addValue("c", caseId)) > 0;
	}

	public Optional<Hearing> hearing(long caseId) {
		return jdbc.query("select * from penalty_hearing where case_id = :c", Map.of("c", caseId), (rs, i) -> new Hearing(rs.getDate("requested_on")
			.toLocalDate(), PenaltyRows.date(rs, "notice_on"), PenaltyRows.date(rs, "hearing_date"), (Long) rs.getObject("presiding_id"),
				rs.getString("agents"), rs.getString("transcript"), rs.getString("report"), PenaltyRows.date(rs, "held_on"),
				rs.getString("place"), rs.getObject("hearing_time", java.time.LocalTime.class), rs.getString("presiding_name"))).stream().findFirst();
	}

	public void hearingRequested(long caseId, LocalDate on) {
		jdbc.update("insert into penalty_hearing (case_id, requested_on) values (:c, :d)", Map.of("c", caseId, "d", on));
	}

	public void hearingScheduled(long caseId, LocalDate noticeOn, LocalDate date, java.time.LocalTime time, String place, long presidingId,
			String presidingName, String agents) {
		jdbc.update("""
				update penalty_hearing set notice_on = :n, hearing_date = :d, hearing_time = :t, place = :pl, presiding_id = :p, presiding_name = :pn,
				  agents = :a where case_id = :c""",
				new MapSqlParameterSource().addValue("n", noticeOn).addValue("d", date).addValue("t", time).addValue("pl", place).addValue("p", presidingId)
					.addValue("pn", presidingName).addValue("a", agents).addValue("c", caseId));
	}

	public void hearingHeld(long caseId, LocalDate on, String transcript, String report) {
		jdbc.update("update penalty_hearing set held_on = :d, transcript = :t, report = :r where case_id = :c",
				Map.of("d", on, "t", transcript, "r", report, "c", caseId));
	}
}
