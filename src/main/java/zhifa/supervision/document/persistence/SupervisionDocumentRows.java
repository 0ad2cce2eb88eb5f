package zhifa.supervision.document.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.supervision.document.DecisionKind;
import zhifa.supervision.document.DocumentState;
import zhifa.supervision.document.DocumentType;
import zhifa.supervision.document.SupervisionDocument;

/** The tables {@code sv_document}, {@code sv_document_alert}, {@code sv_document_reply} and {@code sv_document_sequence}. */
@Repository
public class SupervisionDocumentRows {

	private static final String SELECT = """
			select d.*, i.name as issuer_name, b.name as body_name from sv_document d
			join body_view i on i.id = d.issuer_body_id join body_view b on b.id = d.body_id""";

	private final NamedParameterJdbcTemplate jdbc;

	SupervisionDocumentRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the issuing body's year; the sequence row stays locked until the transaction ends (no gaps). */
	public int next(long bodyId, int year) {
		jdbc.update("insert into sv_document_sequence (body_id, year, last_value) values (:b, :y, 0) on conflict (body_id, year) do nothing",
				Map.of("b", bodyId, "y", year));
		return jdbc.queryForObject("update sv_document_sequence set last_value = last_value + 1 where body_id = :b and year = :y returning last_value",
				Map.of("b", bodyId, "y", year), Integer.class);
	}

	public record NewDocument(long issuerBodyId, long bodyId, Long actId, DocumentType type, String number, int year, int sequence, String finding,
			String requiredAction, int replyDays, LocalDate issuedOn, LocalDate replyDue, String issuedBy, byte[] pdf, int pages, String verificationCode) {
	}

	public long insert(NewDocument d, List<Long> alertIds) {
		Map<String, Object> p = new HashMap<>();
		p.put("issuer", d.issuerBodyId());
		p.put("body", d.bodyId());
		p.put("act", d.actId());
		p.put("type", d.type().name());
		p.put("number", d.number());
		p.put("year", d.year());
		p.put("seq", d.sequence());
		p.put("finding", d.finding());
		p.put("action", d.requiredAction());
		p.put("days", d.replyDays());
		p.put("issuedOn", d.issuedOn());
		p.put("due", d.replyDue());
		p.put("by", d.issuedBy());
		p.put("pdf", d.pdf());
		p.put("pages", d.pages());
		p.put("code", d.verificationCode());
		long id = jdbc.queryForObject("""
				insert into sv_document (issuer_body_id, body_id, act_id, doc_type, number, year, sequence, finding, required_action, reply_days, issued_on,
				  reply_due, state, issued_by, pdf, pages, verification_code)
				values (:issuer, :body, :act, :type, :number, :year, :seq, :finding, :action, :days, :issuedOn, :due, 'ISSUED', :by, :pdf, :pages, :code)
				returning id""", p, Long.class);
		if (!alertIds.isEmpty()) {
			jdbc.batchUpdate("insert into sv_document_alert (document_id, alert_id) values (:d, :a)",
					alertIds.stream().map(a -> Map.<String, Object>of("d", id, "a", a)).toArray(Map[]::new));
		}
		return id;
	}

	/** Moves the document on when its version is still the expected one; false when someone else changed it first. */
	public boolean move(long id, long expectedVersion, DocumentState to, LocalDate replyDue) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("v", expectedVersion);
		p.put("state", to.name());
		p.put("due", replyDue);
		return jdbc.update("update sv_document set state = :state, reply_due = coalesce(:due, reply_due), version = version + 1 where id = :id and version = :v",
				p) == 1;
	}

	public boolean decide(long id, long expectedVersion, DecisionKind kind, String text, String outcome) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("v", expectedVersion);
		p.put("kind", kind.name());
		p.put("text", text);
		p.put("outcome", outcome);
		return jdbc.update("""
				update sv_document set decision_kind = :kind, decision_text = :text, decision_outcome = :outcome, version = version + 1
				where id = :id and version = :v""", p) == 1;
	}

	public void reply(long documentId, String kind, String explanation, String by, Instant at, String fileName, String contentType, byte[] file) {
		Map<String, Object> p = new HashMap<>();
		p.put("d", documentId);
		p.put("kind", kind);
		p.put("text", explanation);
		p.put("by", by);
		p.put("at", Timestamp.from(at));
		p.put("name", fileName);
		p.put("type", contentType);
		p.put("bytes", file);
		jdbc.update("""
				insert into sv_document_reply (document_id, kind, explanation, replied_by, replied_at, file_name, content_type, file_bytes)
				values (:d, :kind, :text, :by, :at, :name, :type, :bytes)""", p);
	}

	/** Answers the latest reply still waiting (采纳 or 退回). */
	public void answerLatestReply(long documentId, String outcome, String reason, String by, Instant at) {
		Map<String, Object> p = new HashMap<>();
		p.put("d", documentId);
		p.put("outcome", outcome);
		p.put("reason", reason);
		p.put("by", by);
		p.put("at", Timestamp.from(at));
		jdbc.update("""
				update sv_document_reply set outcome = :outcome, outcome_reason = :reason, outcome_by = :by, outcome_at = :at
				where id = (select max(id) from sv_document_reply where document_id = :d and outcome is null)""", p);
	}

	public Optional<SupervisionDocument> find(long id) {
		return jdbc.query(SELECT + " where d.id = :id", Map.of("id", id), (rs, i) -> row(rs)).stream().findFirst().map(this::complete);
	}

	/** What the public verification page shows of the document a code was printed on, with its PDF. */
	public record ByCode(String code, String type, String issuer, String number, LocalDate issuedOn, byte[] pdf) {
	}

	public Optional<ByCode> byCode(String code) {
		return jdbc.query("""
				select d.verification_code, d.doc_type, b.name as issuer, d.number, d.issued_on, d.pdf
				from sv_document d join body_view b on b.id = d.issuer_body_id where d.verification_code = :c""", Map.of("c", code),
				(rs, i) -> new ByCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getBytes(6)))
			.stream().findFirst();
	}

	public Optional<byte[]> pdf(long id) {
		return jdbc.query("select pdf from sv_document where id = :id", Map.of("id", id), (rs, i) -> rs.getBytes(1)).stream().findFirst();
	}

	public record ReplyFile(String name, String contentType, byte[] bytes) {
	}

	public Optional<ReplyFile> replyFile(long documentId, long replyId) {
		return jdbc.query("select file_name, content_type, file_bytes from sv_document_reply where id = :r and document_id = :d and file_bytes is not null",
				Map.of("r", replyId, "d", documentId), (rs, i) -> new ReplyFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).stream().findFirst();
	}

	/** Documents in these states whose addressed body passes the condition, soonest reply first (at most {@code limit}). */
	public List<SupervisionDocument> inStates(String bodyCondition, Map<String, Object> params, List<DocumentState> states, int limit) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("states", states.stream().map(Enum::name).toList());
		p.put("limit", limit);
		return jdbc.query(SELECT + " where d.state in (:states) and (" + bodyCondition + ") order by d.reply_due, d.id limit :limit", p, (rs, i) -> row(rs))
			.stream().map(this::complete).toList();
	}

	/**
	 * A page of documents (the list page): in the states given, with the reply overdue on {@code overdueOn} if given; the
	 * latest issued first. The rows as stored, without their alerts and replies (the document's page shows those).
	 */
	public zhifa.shared.Page<SupervisionDocument> page(String bodyCondition, Map<String, Object> params, List<DocumentState> states, LocalDate overdueOn,
			int page, int size) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("states", states.stream().map(Enum::name).toList());
		p.put("today", overdueOn == null ? LocalDate.MIN : overdueOn);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		String where = " where d.state in (:states) and (" + bodyCondition + ")" + (overdueOn == null ? "" : " and d.reply_due < :today");
		long total = jdbc.queryForObject("select count(*) from sv_document d" + where, p, Long.class);
		List<SupervisionDocument> items = jdbc.query(SELECT + where + " order by d.issued_on desc, d.id desc limit :limit offset :offset", p, (rs, i) -> row(rs));
		return new zhifa.shared.Page<>(items, total, page, size);
	}

	public long countInStates(String bodyCondition, Map<String, Object> params, List<DocumentState> states) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("states", states.stream().map(Enum::name).toList());
		return jdbc.queryForObject("select count(*) from sv_document d where d.state in (:states) and (" + bodyCondition + ")", p, Long.class);
	}

	/** Documents the body must still answer, with their reply deadline and whether an overdue alert is open on them. */
	public record Pending(long id, long bodyId, String number, LocalDate replyDue, String state) {
	}

	public List<Pending> awaitingReplyOrOverdueAlert() {
		return jdbc.query("""
				select d.id, d.body_id, d.number, d.reply_due, d.state from sv_document d where d.state in ('ISSUED', 'RETURNED')
				union select d.id, d.body_id, d.number, d.reply_due, d.state from sv_document d join sv_alert a on a.subject_kind = 'DOCUMENT' and a.subject_id = d.id
				  and a.state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')
				order by 1""", Map.of(), (rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5)));
	}

	/** The documents that act on an alert. */
	public List<SupervisionDocument> ofAlert(long alertId) {
		return jdbc.query(SELECT + " join sv_document_alert l on l.document_id = d.id where l.alert_id = :a order by d.id", Map.of("a", alertId),
				(rs, i) -> row(rs)).stream().map(this::complete).toList();
	}

	private SupervisionDocument complete(SupervisionDocument d) {
		List<Long> alerts = jdbc.queryForList("select alert_id from sv_document_alert where document_id = :d order by alert_id", Map.of("d", d.id()), Long.class);
		List<SupervisionDocument.Reply> replies = jdbc.query("""
				select id, kind, explanation, replied_by, replied_at, file_name, outcome, outcome_reason, outcome_by, outcome_at
				from sv_document_reply where document_id = :d order by id""", Map.of("d", d.id()), (rs, i) -> {
			Timestamp at = rs.getTimestamp("outcome_at");
			return new SupervisionDocument.Reply(rs.getLong("id"), rs.getString("kind"), rs.getString("explanation"), rs.getString("replied_by"),
					rs.getTimestamp("replied_at").toInstant(), rs.getString("file_name"), rs.getString("outcome"), rs.getString("outcome_reason"),
					rs.getString("outcome_by"), at == null ? null : at.toInstant());
		});
		return new SupervisionDocument(d.id(), d.issuerBodyId(), d.issuerName(), d.bodyId(), d.bodyName(), d.actId(), d.type(), d.number(), d.finding(),
				d.requiredAction(), d.replyDays(), d.issuedOn(), d.replyDue(), d.state(), d.issuedBy(), d.pages(), d.decisionKind(), d.decisionText(),
				d.decisionOutcome(), d.version(), alerts, replies);
	}

	private static SupervisionDocument row(ResultSet rs) throws SQLException {
		String decision = rs.getString("decision_kind");
		return new SupervisionDocument(rs.getLong("id"), rs.getLong("issuer_body_id"), rs.getString("issuer_name"), rs.getLong("body_id"),
				rs.getString("body_name"), (Long) rs.getObject("act_id"), DocumentType.valueOf(rs.getString("doc_type")), rs.getString("number"),
				rs.getString("finding"), rs.getString("required_action"), rs.getInt("reply_days"), rs.getDate("issued_on").toLocalDate(),
				rs.getDate("reply_due").toLocalDate(), DocumentState.valueOf(rs.getString("state")), rs.getString("issued_by"), rs.getInt("pages"),
				decision == null ? null : DecisionKind.valueOf(decision), rs.getString("decision_text"), rs.getString("decision_outcome"), rs.getLong("version"),
				List.of(), List.of());
	}
}
