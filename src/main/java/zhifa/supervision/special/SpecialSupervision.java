package zhifa.supervision.special;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.StaleWrite;
import zhifa.shared.web.RequestLimits;
import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.supervision.special.SpecialItem.Kind;
import zhifa.supervision.special.SpecialItem.Status;
import zhifa.supervision.special.SpecialItem.SuggestionType;

/**
 * 专项监督 (方案任务14). A decision that 行政复议 or 行政诉讼 changed, revoked or confirmed illegal or invalid opens an item
 * on its act by itself, in the ledger's own transaction (once per act, whichever system reported it); 监察建议、司法建议
 * and 检察建议 are registered by the supervisor with the organ, number, demands and reply day; a major or high-profile
 * act is put under special supervision by the supervisor with the reason. The body concerned answers (what it
 * corrected, how it carried out the demands); the supervisor closes the item with a conclusion or returns the answer
 * with the reason and a new day. Every step is on the item's record ({@code sv_special}).
 */
@Service
@org.springframework.core.annotation.Order(2)
public class SpecialSupervision implements zhifa.supervision.LedgerFollower {

	static final String SUBJECT = "sv_special";
	static final int MAX_TEXT = 4000;

	private final NamedParameterJdbcTemplate jdbc;
	private final Ledger ledger;
	private final BodyScopes scopes;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final Clock clock;
	private final int answerDays;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final org.springframework.core.env.Environment environment;

	SpecialSupervision(NamedParameterJdbcTemplate jdbc, Ledger ledger, BodyScopes scopes, CalendarService calendar, FullProcessRecord record, Clock clock,
			@Value("${zhifa.supervision.special.answer-working-days:15}") int answerDays,
			org.springframework.transaction.PlatformTransactionManager transactionManager, org.springframework.core.env.Environment environment) {
		this.environment = environment;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.scopes = scopes;
		this.calendar = calendar;
		this.record = record;
		this.clock = clock;
		this.answerDays = Math.max(1, answerDays);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private LocalDate answerDue(LocalDate from) {
		return calendar.due(Deadline.of(from, answerDays, DeadlineUnit.WORKING_DAYS, "专项监督：被监督单位报告纠正和整改情况（配置）")).date();
	}

	// ---- opened by itself

	/**
	 * An act entered or changed in the ledger: a corrected decision opens its item (once). After the ledger's commit, in
	 * the ledger queue's batch under a savepoint of its own (tried again after a failure or a crash), so a problem here
	 * never refuses the ledger's report.
	 */
	@Override
	public void follow(Act act) {
		openIfCorrected(act);
	}

	void openIfCorrected(Act act) {
		ActReport r = act.report();
		List<ActReport.Remedy> corrected = r.details().remedies().stream().filter(ActReport.Remedy::corrected).toList();
		if (corrected.isEmpty() || r.decidedOn() == null) {
			return;
		}
		String what = corrected.stream().map(ActReport.Remedy::label).reduce((a, b) -> a + "；" + b).orElse("");
		String number = r.decisionNumber() != null ? r.decisionNumber() : r.caseNumber() != null ? r.caseNumber() : r.externalId();
		LocalDate due = answerDue(today());
		Long id = jdbc.query("""
				insert into sv_special (kind, act_id, body_id, title, basis, answer_due, status, opened_by, created_at)
				values ('CORRECTED', :act, :body, :title, :basis, :due, 'OPEN', '平台（自动）', :now)
				on conflict (act_id) where kind = 'CORRECTED' do nothing returning id""",
				new MapSqlParameterSource().addValue("act", act.id()).addValue("body", r.bodyId()).addValue("title", cut("被纠错的决定：" + number, 200))
					.addValue("basis", cut(what + "。被监督单位应查明原因、纠正并报告整改情况，追究责任的一并报告。", MAX_TEXT)).addValue("due", due)
					.addValue("now", Timestamp.from(clock.instant())),
				(rs, i) -> rs.getLong(1)).stream().findFirst().orElse(null);
		if (id != null) {
			record.append(Operator.SYSTEM, SUBJECT, id, r.bodyId(), "special.opened", "决定被行政复议或行政诉讼纠错，自动列入专项监督（" + what + "）",
					Map.of("kind", Kind.CORRECTED.name(), "answerDue", due.toString()));
		}
	}

	/**
	 * Acts already corrected when special supervision came (or whose item was missed): each opens its item now — at
	 * start-up, idempotently.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	@org.springframework.scheduling.annotation.Async
	public void backfillAtStart() {
		if (environment.matchesProfiles("cli")) {
			return;
		}
		backfill();
	}

	/** Opens the items of corrected acts that have none, in batches, one transaction per act; returns how many. */
	public int backfill() {
		int opened = 0;
		List<Long> ids;
		do {
			ids = uncovered();
			for (long id : ids) {
				try {
					transactions.executeWithoutResult(t -> ledger.find(id).ifPresent(this::openIfCorrected));
					opened++;
				}
				catch (RuntimeException e) {
					org.slf4j.LoggerFactory.getLogger(SpecialSupervision.class).warn("special supervision backfill: act {} not opened", id, e);
					return opened;
				}
			}
		} while (ids.size() == 500);
		return opened;
	}

	private List<Long> uncovered() {
		return jdbc.queryForList("""
				select a.id from sv_act a where a.decided_on is not null
				and exists (select 1 from jsonb_array_elements(coalesce(a.details -> 'remedies', '[]'::jsonb)) r
				            where r ->> 'outcome' in ('CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_INVALID'))
				and not exists (select 1 from sv_special s where s.act_id = a.id and s.kind = 'CORRECTED')
				order by a.id limit 500""", Map.of(), Long.class);
	}

	// ---- registered by the supervisor

	/** A 监察建议、司法建议 or 检察建议 as received. */
	public record SuggestionForm(String suggestionType, Long bodyId, String issuer, String documentNumber, LocalDate receivedOn, String demands,
			LocalDate answerDue) {
	}

	@Transactional
	public SpecialItem register(Operator op, SuggestionForm f) {
		requireSupervisor(op);
		Map<String, String> errors = new LinkedHashMap<>();
		SuggestionType type = null;
		try {
			type = f.suggestionType() == null || f.suggestionType().isBlank() ? null : SuggestionType.valueOf(f.suggestionType().strip());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (type == null) {
			errors.put("suggestionType", "请选择建议种类（监察建议、司法建议或检察建议）");
		}
		if (f.bodyId() == null || !scopes.covers(op.scope(), f.bodyId())) {
			errors.put("bodyId", "请选择本监督范围内的被建议单位");
		}
		String issuer = line(f.issuer(), 100);
		if (issuer == null) {
			errors.put("issuer", "请填写提出建议的机关（100字以内）");
		}
		String number = line(f.documentNumber(), 100);
		if (number == null) {
			errors.put("documentNumber", "请填写建议书文号（100字以内）");
		}
		LocalDate today = today();
		if (f.receivedOn() == null || f.receivedOn().isAfter(today) || f.receivedOn().getYear() < 2000) {
			errors.put("receivedOn", "请填写收到日期（不晚于今天）");
		}
		String demands = text(f.demands());
		if (demands == null) {
			errors.put("demands", "请填写建议的具体要求（不超过" + MAX_TEXT + "字）");
		}
		if (f.answerDue() == null || f.receivedOn() != null && f.answerDue().isBefore(f.receivedOn()) || f.answerDue() != null && f.answerDue().isAfter(today.plusYears(2))) {
			errors.put("answerDue", "请填写建议书要求的回复期限（不早于收到日期）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		long id = insert(Kind.SUGGESTION, null, f.bodyId(), type.label() + " " + number, demands, type, issuer, number, f.receivedOn(), f.answerDue(), op);
		record.append(op, SUBJECT, id, f.bodyId(), "special.opened", "登记" + type.label() + "（" + issuer + " " + number + "），列入专项监督",
				Map.of("kind", Kind.SUGGESTION.name(), "answerDue", f.answerDue().toString()));
		return get(op.scope(), id);
	}

	/** The supervisor puts a major or high-profile act under special supervision, with the reason. */
	@Transactional
	public SpecialItem designate(Operator op, long actId, String reason) {
		requireSupervisor(op);
		Act act = ledger.find(actId).filter(a -> scopes.covers(op.scope(), a.report().bodyId())).orElseThrow(() -> new NotFound("执法行为"));
		String why = text(reason);
		if (why == null) {
			throw BusinessRuleViolation.onField("reason", "请写明列入专项监督的理由（重大、社会关注等，不超过" + MAX_TEXT + "字）");
		}
		ActReport r = act.report();
		String number = r.decisionNumber() != null ? r.decisionNumber() : r.caseNumber() != null ? r.caseNumber() : r.externalId();
		LocalDate due = answerDue(today());
		long id = insert(Kind.DESIGNATED, actId, r.bodyId(), cut("重大案件专项监督：" + number, 200), why, null, null, null, null, due, op);
		record.append(op, SUBJECT, id, r.bodyId(), "special.opened", "将执法行为 " + number + " 列入专项监督：" + why,
				Map.of("kind", Kind.DESIGNATED.name(), "answerDue", due.toString()));
		return get(op.scope(), id);
	}

	private long insert(Kind kind, Long actId, long bodyId, String title, String basis, SuggestionType type, String issuer, String number,
			LocalDate receivedOn, LocalDate due, Operator op) {
		return jdbc.queryForObject("""
				insert into sv_special (kind, act_id, body_id, title, basis, suggestion_type, issuer, document_number, received_on, answer_due, status,
				  opened_by, created_at) values (:kind, :act, :body, :title, :basis, :type, :issuer, :number, :received, :due, 'OPEN', :by, :now)
				returning id""", new MapSqlParameterSource().addValue("kind", kind.name()).addValue("act", actId).addValue("body", bodyId)
			.addValue("title", title).addValue("basis", basis).addValue("type", type == null ? null : type.name()).addValue("issuer", issuer)
			.addValue("number", number).addValue("received", receivedOn).addValue("due", due).addValue("by", op.operatorName())
			.addValue("now", Timestamp.from(clock.instant())), Long.class);
	}

	// ---- followed to completion

	/** The body concerned reports what it corrected or how it carried out the demands. */
	@Transactional
	public SpecialItem answer(Operator op, long id, int version, String answer) {
		SpecialItem s = get(op.scope(), id);
		if (!op.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER")) || op.bodyId() == null || op.bodyId() != s.bodyId()) {
			throw new AccessDeniedException("由被监督单位的负责人或单位管理员答复");
		}
		if (s.status() != Status.OPEN) {
			throw new BusinessRuleViolation("本事项" + s.status().label() + "，不能再答复");
		}
		String text = text(answer);
		if (text == null) {
			throw BusinessRuleViolation.onField("answer", "请填写纠正和整改情况（不超过" + MAX_TEXT + "字）");
		}
		LocalDate today = today();
		change(id, version, "status = 'ANSWERED', answer = :a, answered_on = :d, answered_by = :by", Map.of("a", text, "d", today, "by", op.operatorName()));
		boolean late = today.isAfter(s.answerDue());
		record.append(op, SUBJECT, id, s.bodyId(), "special.answered", "报告纠正和整改情况" + (late ? "（超过期限 " + s.answerDue() + "）" : ""),
				Map.of("late", late));
		return get(op.scope(), id);
	}

	/** The supervisor closes the item with a conclusion (after the answer; a designated act may also be closed without one). */
	@Transactional
	public SpecialItem close(Operator op, long id, int version, String conclusion) {
		requireSupervisor(op);
		SpecialItem s = get(op.scope(), id);
		requireOtherBody(op, s);
		if (s.status() == Status.CLOSED) {
			throw new BusinessRuleViolation("本事项已办结");
		}
		if (s.status() == Status.OPEN && s.kind() != Kind.DESIGNATED) {
			throw new BusinessRuleViolation("被监督单位尚未报告纠正和整改情况，不能办结；逾期的可发出督办函");
		}
		String text = text(conclusion);
		if (text == null) {
			throw BusinessRuleViolation.onField("conclusion", "请填写监督结论（不超过" + MAX_TEXT + "字）");
		}
		change(id, version, "status = 'CLOSED', conclusion = :c, closed_on = :d, closed_by = :by", Map.of("c", text, "d", today(), "by", op.operatorName()));
		record.append(op, SUBJECT, id, s.bodyId(), "special.closed", "专项监督办结：" + text, Map.of());
		return get(op.scope(), id);
	}

	/** The supervisor returns an answer that does not suffice, with the reason and a new day. */
	@Transactional
	public SpecialItem returnAnswer(Operator op, long id, int version, String reason) {
		requireSupervisor(op);
		SpecialItem s = get(op.scope(), id);
		requireOtherBody(op, s);
		if (s.status() != Status.ANSWERED) {
			throw new BusinessRuleViolation("只有已答复的事项可以退回");
		}
		String why = text(reason);
		if (why == null) {
			throw BusinessRuleViolation.onField("reason", "请写明退回的理由（不超过" + MAX_TEXT + "字）");
		}
		LocalDate due = answerDue(today());
		change(id, version, "status = 'OPEN', answer_due = :due, return_reason = :r", Map.of("due", due, "r", why));
		record.append(op, SUBJECT, id, s.bodyId(), "special.returned", "退回纠正和整改情况：" + why + "；重新报告期限 " + due,
				Map.of("reason", why, "answerDue", due.toString()));
		return get(op.scope(), id);
	}

	private void change(long id, int version, String set, Map<String, Object> values) {
		Map<String, Object> p = new HashMap<>(values);
		p.put("id", id);
		p.put("v", version);
		if (jdbc.update("update sv_special set " + set + ", version = version + 1 where id = :id and version = :v", p) != 1) {
			throw new StaleWrite("该专项监督事项");
		}
	}

	// ---- reading

	private static final String SELECT = "select s.*, b.name as body_name from sv_special s join body_view b on b.id = s.body_id";

	public SpecialItem get(DataScope scope, long id) {
		return find(id).filter(s -> scopes.covers(scope, s.bodyId())).orElseThrow(() -> new NotFound("专项监督事项"));
	}

	Optional<SpecialItem> find(long id) {
		return jdbc.query(SELECT + " where s.id = :id", Map.of("id", id), SpecialSupervision::row).stream().findFirst();
	}

	public List<SpecialItem> ofAct(DataScope scope, long actId) {
		return jdbc.query(SELECT + " where s.act_id = :a order by s.id", Map.of("a", actId), SpecialSupervision::row).stream()
			.filter(s -> scopes.covers(scope, s.bodyId())).toList();
	}

	/** The items of the bodies in the scope, open ones first, by their due day. */
	public Page<SpecialItem> list(DataScope scope, Status status, Kind kind, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where " + scopes.sqlCondition(scope, "s.body_id", p));
		if (status != null) {
			where.append(" and s.status = :st");
			p.put("st", status.name());
		}
		if (kind != null) {
			where.append(" and s.kind = :k");
			p.put("k", kind.name());
		}
		long total = jdbc.queryForObject("select count(*) from sv_special s" + where, p, Long.class);
		p.put("limit", size);
		p.put("offset", (long) Math.max(0, page) * size);
		return new Page<>(jdbc.query(SELECT + where + " order by s.status = 'CLOSED', s.answer_due, s.id desc limit :limit offset :offset", p,
				SpecialSupervision::row), total, Math.max(0, page), size);
	}

	private static SpecialItem row(ResultSet rs, int i) throws SQLException {
		String type = rs.getString("suggestion_type");
		return new SpecialItem(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("act_id", Long.class), rs.getLong("body_id"),
				rs.getString("body_name"), rs.getString("title"), rs.getString("basis"), type == null ? null : SuggestionType.valueOf(type),
				rs.getString("issuer"), rs.getString("document_number"), rs.getObject("received_on", LocalDate.class),
				rs.getObject("answer_due", LocalDate.class), Status.valueOf(rs.getString("status")), rs.getString("answer"),
				rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"), rs.getString("conclusion"),
				rs.getObject("closed_on", LocalDate.class), rs.getString("closed_by"), rs.getString("opened_by"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("return_reason"));
	}

	// ---- checks

	private static void requireSupervisor(Operator op) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR"))) {
			throw new AccessDeniedException("专项监督由执法监督人员办理");
		}
	}

	/** Nobody concludes on his own unit's item (a 司法局 account may also answer for the 司法局). */
	private static void requireOtherBody(Operator op, SpecialItem s) {
		if (op.bodyId() != null && op.bodyId() == s.bodyId()) {
			throw new AccessDeniedException("本单位的专项监督事项由上级执法监督机构审核");
		}
	}

	private static String text(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		return v.length() > MAX_TEXT || RequestLimits.hasControlCharacters(v.replace("\n", "").replace("\r", "").replace("\t", "")) ? null : v;
	}

	private static String line(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		return v.length() > max || RequestLimits.hasControlCharacters(v) ? null : v;
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}
}
