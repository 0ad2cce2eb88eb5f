package zhifa.penalty.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.penalty.LateFee;
import zhifa.penalty.execution.ExecutionRecords.ExecutionNote;
import zhifa.penalty.execution.ExecutionRecords.PaymentRecord;
import zhifa.penalty.execution.ExecutionRecords.Remedy;
import zhifa.penalty.execution.ExecutionRecords.Served;
import zhifa.penalty.execution.ExecutionRecords.ServiceMethod;

/**
 * Execution of decisions: service ({@code penalty_service}), payments ({@code penalty_payment}; a trigger keeps
 * {@code penalty_case.paid_total}), deferral and instalments, 复议/诉讼 ({@code penalty_remedy}) and execution notes.
 */
@Repository
public class ExecutionRows {

	private final NamedParameterJdbcTemplate jdbc;

	ExecutionRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Served> service(long caseId) {
		return jdbc.query("select * from penalty_service where case_id = :c", Map.of("c", caseId), (rs, i) -> new Served(
				ServiceMethod.valueOf(rs.getString("method")), rs.getDate("served_on").toLocalDate(), rs.getString("recipient"), rs.getString("proof"),
				rs.getString("witnesses"), rs.getString("tracking_no"), rs.getString("consent_ref"), PenaltyRows.date(rs, "announce_from"),
				(Integer) rs.getObject("announce_days"))).stream().findFirst();
	}

	/** When the service was recorded (a receipt printed before it is the blank form taken to the party). */
	public Optional<Instant> serviceRecordedAt(long caseId) {
		return jdbc.query("select recorded_at from penalty_service where case_id = :c", Map.of("c", caseId), (rs, i) -> rs.getTimestamp(1).toInstant()).stream()
			.findFirst();
	}

	public void served(long caseId, Served s, String by, Instant at) {
		jdbc.update("""
				insert into penalty_service (case_id, method, served_on, recipient, proof, witnesses, tracking_no, consent_ref, announce_from, announce_days,
				  recorded_by, recorded_at)
				values (:c, :m, :s, :r, :p, :w, :t, :cr, :af, :ad, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("m", s.method().name()).addValue("s", s.servedOn()).addValue("r", s.recipient())
					.addValue("p", s.proof()).addValue("w", s.witnesses()).addValue("t", s.trackingNo()).addValue("cr", s.consentRef())
					.addValue("af", s.announceFrom()).addValue("ad", s.announceDays()).addValue("by", by).addValue("now", Timestamp.from(at)));
	}

	public List<PaymentRecord> payments(long caseId) {
		return jdbc.query("select * from penalty_payment where case_id = :c order by paid_on, id", Map.of("c", caseId),
				(rs, i) -> new PaymentRecord(rs.getLong("id"), rs.getDate("paid_on").toLocalDate(), rs.getLong("amount"), rs.getString("receipt_no")));
	}

	public void paid(long caseId, LocalDate on, long amount, String receipt, String by, Instant at) {
		jdbc.update("insert into penalty_payment (case_id, paid_on, amount, receipt_no, recorded_by, recorded_at) values (:c, :d, :a, :r, :by, :now)",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", on).addValue("a", amount).addValue("r", receipt).addValue("by", by)
					.addValue("now", Timestamp.from(at)));
	}

	public Optional<LocalDate> deferredTo(long caseId) {
		return jdbc.queryForList("select new_due from penalty_deferral where case_id = :c", Map.of("c", caseId), LocalDate.class).stream().findFirst();
	}

	/** The approved 暂缓缴纳: to when, by whom, on which day. */
	public Optional<zhifa.penalty.execution.ExecutionRecords.DeferralRecord> deferral(long caseId) {
		return jdbc.query("select new_due, approved_by, approved_on from penalty_deferral where case_id = :c", Map.of("c", caseId),
				(rs, i) -> new zhifa.penalty.execution.ExecutionRecords.DeferralRecord(rs.getObject(1, LocalDate.class), rs.getString(2),
						rs.getObject(3, LocalDate.class))).stream().findFirst();
	}

	public void deferred(long caseId, LocalDate newDue, String reason, String by, LocalDate on) {
		jdbc.update("insert into penalty_deferral (case_id, new_due, reason, approved_by, approved_on) values (:c, :d, :r, :by, :on)",
				Map.of("c", caseId, "d", newDue, "r", reason, "by", by, "on", on));
	}

	public List<LateFee.Instalment> instalments(long caseId) {
		return jdbc.query("select due_date, amount from penalty_instalment where case_id = :c order by seq", Map.of("c", caseId),
				(rs, i) -> new LateFee.Instalment(rs.getDate(1).toLocalDate(), rs.getLong(2)));
	}

	public void instalment(long caseId, int seq, LateFee.Instalment p, String by, String reason) {
		jdbc.update("insert into penalty_instalment (case_id, seq, due_date, amount, approved_by, reason) values (:c, :s, :d, :a, :by, :r)",
				Map.of("c", caseId, "s", seq, "d", p.due(), "a", p.amount(), "by", by, "r", reason));
	}

	public List<Remedy> remedies(long caseId) {
		return jdbc.query("select * from penalty_remedy where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Remedy(rs.getLong("id"),
				rs.getString("kind"), rs.getDate("started_on").toLocalDate(), PenaltyRows.date(rs, "ended_on"), rs.getString("outcome"), rs.getString("note")));
	}

	public long remedyStarted(long caseId, String kind, LocalDate on) {
		return jdbc.queryForObject("insert into penalty_remedy (case_id, kind, started_on) values (:c, :k, :d) returning id",
				Map.of("c", caseId, "k", kind, "d", on), Long.class);
	}

	public void remedyEnded(long id, LocalDate on, String outcome, String note) {
		jdbc.update("update penalty_remedy set ended_on = :e, outcome = :o, note = :n where id = :id",
				new MapSqlParameterSource().addValue("e", on).addValue("o", outcome).addValue("n", note).addValue("id", id));
	}

	public List<ExecutionNote> notes(long caseId) {
		return jdbc.query("select * from penalty_execution_note where case_id = :c order by from_date, id", Map.of("c", caseId),
				(rs, i) -> new ExecutionNote(rs.getLong("id"), rs.getString("content"), rs.getDate("from_date").toLocalDate(), PenaltyRows.date(rs, "to_date")));
	}

	public long note(long caseId, String content, LocalDate from, LocalDate to, String by, Instant at) {
		return jdbc.queryForObject("""
				insert into penalty_execution_note (case_id, content, from_date, to_date, recorded_by, recorded_at) values (:c, :x, :f, :t, :by, :now)
				returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("x", content).addValue("f", from).addValue("t", to).addValue("by", by)
					.addValue("now", Timestamp.from(at)),
				Long.class);
	}
}
