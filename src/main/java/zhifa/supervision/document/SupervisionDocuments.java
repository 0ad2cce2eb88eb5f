package zhifa.supervision.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.DocumentRenderer;
import zhifa.casework.PdfDocument;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;
import zhifa.shared.UploadedFile;
import zhifa.supervision.Act;
import zhifa.supervision.Ledger;
import zhifa.supervision.alert.Alert;
import zhifa.supervision.alert.AlertState;
import zhifa.supervision.alert.Alerts;
import zhifa.supervision.document.persistence.SupervisionDocumentRows;

/**
 * 监督文书与整改: the supervisor issues a document (监督通知书, 监督意见书, 督办函, 整改通知) on alerts, an act or a body — numbered
 * per issuing body and year without gaps, laid out as PDF by the case documents' machinery and kept as issued; the linked
 * alerts become 已督办. The addressed body's administrator replies (说明 or 整改, with an optional attachment); the
 * supervisor accepts (the alerts are 核实关闭) or returns it with the reason (a new reply deadline). A reply not given in
 * time raises its own alert each night until it is given. 行政执法监督决定 are recorded on the document with their outcome.
 * Every change is written to the full-process record (subject {@code sv_document}) in its transaction.
 */
@Service
public class SupervisionDocuments {

	static final int MAX_TEXT = 4000;
	static final int MAX_FILE = 20 * 1024 * 1024;

	private final SupervisionDocumentRows rows;
	private final Alerts alerts;
	private final Ledger ledger;
	private final OrganizationDirectory directory;
	private final BodyScopes scopes;
	private final CalendarService calendar;
	private final DocumentRenderer renderer;
	private final FullProcessRecord record;
	private final zhifa.casework.VerificationCodes codes;
	private final Clock clock;

	SupervisionDocuments(SupervisionDocumentRows rows, Alerts alerts, Ledger ledger, OrganizationDirectory directory, BodyScopes scopes, CalendarService calendar,
			DocumentRenderer renderer, FullProcessRecord record, zhifa.casework.VerificationCodes codes, Clock clock) {
		this.codes = codes;
		this.rows = rows;
		this.alerts = alerts;
		this.ledger = ledger;
		this.directory = directory;
		this.scopes = scopes;
		this.calendar = calendar;
		this.renderer = renderer;
		this.record = record;
		this.clock = clock;
	}

	/**
	 * What the supervisor writes: the type, what it acts on (alerts, or an act, or a body), the finding, the required
	 * action and the working days for the reply.
	 */
	public record IssueForm(DocumentType type, List<Long> alertIds, Long actId, Long bodyId, String finding, String requiredAction, Integer replyDays) {
	}

	@Transactional
	public SupervisionDocument issue(IssueForm f) {
		Operator me = Operator.current();
		requireRole(me, "SUPERVISOR", "只有执法监督人员可以发出监督文书");
		if (me.bodyId() == null) {
			throw new BusinessRuleViolation("您的账号不属于任何监督机构，不能发出监督文书");
		}
		DataScope scope = me.scope();
		Map<String, String> errors = new HashMap<>();
		if (f.type() == null) {
			errors.put("type", "请选择文书种类（监督通知书、监督意见书、督办函或整改通知）");
		}
		String finding = text(f.finding());
		String action = text(f.requiredAction());
		if (finding.isEmpty() || finding.length() > MAX_TEXT) {
			errors.put("finding", "请填写发现的问题（不超过" + MAX_TEXT + "字）");
		}
		if (action.isEmpty() || action.length() > MAX_TEXT) {
			errors.put("requiredAction", "请填写整改或答复要求（不超过" + MAX_TEXT + "字）");
		}
		if (f.replyDays() == null || f.replyDays() < 1 || f.replyDays() > 60) {
			errors.put("replyDays", "答复期限应为1至60个工作日");
		}
		List<Long> alertIds = f.alertIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(f.alertIds()));
		List<Alert> linked = alerts.load(scope, alertIds);
		if (linked.size() != alertIds.size()) {
			throw new NotFound("预警");
		}
		Set<Long> bodies = new LinkedHashSet<>();
		linked.forEach(a -> bodies.add(a.bodyId()));
		Long actId = f.actId();
		if (actId == null && linked.size() == 1) {
			actId = linked.get(0).actId();
		}
		if (f.actId() != null) {
			Act act = ledger.find(f.actId()).filter(a -> scopes.covers(scope, a.report().bodyId())).orElseThrow(() -> new NotFound("执法行为"));
			bodies.add(act.report().bodyId());
		}
		if (f.bodyId() != null) {
			if (!scopes.covers(scope, f.bodyId())) {
				throw new NotFound("执法主体");
			}
			bodies.add(f.bodyId());
		}
		if (bodies.isEmpty()) {
			errors.put("alertIds", "请选择监督文书针对的预警、执法行为或执法主体");
		}
		else if (bodies.size() > 1) {
			errors.put("alertIds", "一份监督文书只能发给一个执法主体，所选预警和执法行为属于不同单位");
		}
		for (Alert a : linked) {
			if (!a.state().open()) {
				errors.put("alertIds", "预警（" + a.title() + "）已" + a.state().label() + "，不能再督办");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		long bodyId = bodies.iterator().next();
		LocalDate today = LocalDate.now(clock);
		String issuer = directory.facts(me.bodyId()).orElseThrow().name();
		String addressee = directory.facts(bodyId).orElseThrow(() -> new NotFound("执法主体")).name();
		int sequence = rows.next(me.bodyId(), today.getYear());
		String number = issuer + "监督〔" + today.getYear() + "〕" + sequence + "号";
		LocalDate replyDue = replyDue(today, f.replyDays());
		String code = codes.next();
		PdfDocument.Rendered pdf = renderer.render(content(issuer, addressee, f.type(), number, finding, action, f.replyDays(), replyDue, linked, today),
				new PdfDocument.Verification(code, codes.url(code)));
		long id = rows.insert(new SupervisionDocumentRows.NewDocument(me.bodyId(), bodyId, actId, f.type(), number, today.getYear(), sequence, finding, action,
				f.replyDays(), today, replyDue, me.operatorName(), pdf.bytes(), pdf.pages(), code), alertIds);
		alerts.supervised(alertIds, number, f.type().label());
		record.append(SupervisionDocument.RECORD_SUBJECT, id, bodyId, "supervision.document_issued",
				"发出" + f.type().label() + "（" + number + "）至" + addressee + "，限 " + replyDue + " 前答复，验证码" + code,
				Map.of("verificationCode", code, "sm3", zhifa.shared.Sm3.hex(pdf.bytes()), "type", f.type().name(), "number", number, "alerts", alertIds, "replyDue", replyDue, "finding", finding, "requiredAction", action));
		return rows.find(id).orElseThrow();
	}

	private LocalDate replyDue(LocalDate from, int days) {
		return calendar.due(Deadline.of(from, days, DeadlineUnit.WORKING_DAYS, "监督文书载明的答复期限")).date();
	}

	static PdfDocument.Content content(String issuer, String addressee, DocumentType type, String number, String finding, String action, int days,
			LocalDate due, List<Alert> linked, LocalDate today) {
		List<PdfDocument.Block> blocks = new ArrayList<>();
		blocks.add(new PdfDocument.Block(null, addressee + "："));
		blocks.add(new PdfDocument.Block("发现的问题", finding));
		for (Alert a : linked) {
			blocks.add(new PdfDocument.Block("监督依据", a.title() + "（" + (a.subjectText().isEmpty() ? "" : a.subjectText() + "；") + a.article() + "）"));
		}
		blocks.add(new PdfDocument.Block("办理要求", action));
		blocks.add(new PdfDocument.Block(null, "请你单位自收到本" + type.label() + "之日起" + days + "个工作日内（" + DocumentRenderer.chineseDate(due)
				+ "前）将办理情况书面答复本机关。根据《行政执法监督条例》的规定，逾期不答复或者整改不到位的，本机关将依法予以通报或者提请处理。"));
		return new PdfDocument.Content(issuer, type.label(), number, blocks, issuer + "（印章）", today);
	}

	public SupervisionDocument get(DataScope scope, long id) {
		SupervisionDocument d = rows.find(id).orElseThrow(() -> new NotFound("监督文书"));
		if (!scopes.covers(scope, d.bodyId())) {
			throw new NotFound("监督文书");
		}
		return d;
	}

	public byte[] pdf(DataScope scope, long id) {
		get(scope, id);
		return rows.pdf(id).orElseThrow(() -> new NotFound("监督文书"));
	}

	public SupervisionDocumentRows.ReplyFile replyFile(DataScope scope, long id, long replyId) {
		get(scope, id);
		return rows.replyFile(id, replyId).orElseThrow(() -> new NotFound("附件"));
	}

	/** The documents issued on an alert. */
	public List<SupervisionDocument> ofAlert(DataScope scope, long alertId) {
		return rows.ofAlert(alertId).stream().filter(d -> scopes.covers(scope, d.bodyId())).toList();
	}

	/** The body's reply: 情况说明 ({@code rectified} false) or 整改报告, with an optional attachment. */
	@Transactional
	public SupervisionDocument reply(long id, long expectedVersion, boolean rectified, String explanation, UploadedFile file) {
		Operator me = Operator.current();
		if (!me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER"))) {
			throw new AccessDeniedException("只有被监督单位的负责人或单位管理员可以答复监督文书");
		}
		SupervisionDocument d = get(me.scope(), id);
		if (me.bodyId() == null || me.bodyId() != d.bodyId()) {
			throw new NotFound("监督文书");
		}
		String text = text(explanation);
		if (text.isEmpty() || text.length() > MAX_TEXT) {
			throw BusinessRuleViolation.onField("explanation", "请填写情况说明或整改情况（不超过" + MAX_TEXT + "字）");
		}
		if (file != null && file.bytes().length > MAX_FILE) {
			throw BusinessRuleViolation.onField("file", "附件不能超过20MB");
		}
		if (!d.state().awaitingReply()) {
			throw new BusinessRuleViolation("该文书" + d.state().label() + "，现在不能答复");
		}
		if (!rows.move(id, expectedVersion, DocumentState.REPLIED, null)) {
			throw new StaleWrite("监督文书");
		}
		String kind = rectified ? "RECTIFIED" : "EXPLAINED";
		rows.reply(id, kind, text, me.operatorName(), clock.instant(), file == null ? null : file.name(), file == null ? null : file.contentType(),
				file == null ? null : file.bytes());
		alerts.answered(d.alertIds(), rectified ? AlertState.RECTIFIED : AlertState.EXPLAINED, d.number(), text);
		alerts.documentReplyOverdue(id, d.bodyId(), false, null);
		record.append(SupervisionDocument.RECORD_SUBJECT, id, d.bodyId(), "supervision.document_replied",
				(rectified ? "答复整改情况" : "答复情况说明") + "：" + text + (file == null ? "" : "（附件：" + file.name() + "）"),
				Map.of("kind", kind, "explanation", text, "file", file == null ? "" : file.name()));
		return rows.find(id).orElseThrow();
	}

	/**
	 * The alerts of the document the rules still find (open: a condition that ended would have closed them by itself),
	 * for the supervisor to weigh a reply saying 已整改 against.
	 */
	public List<zhifa.supervision.alert.Alert> standing(SupervisionDocument d) {
		// the states the acceptance closes (an alert opened again as 新预警 after its condition ended is not closed by it)
		var answerable = java.util.Set.of(AlertState.SUPERVISED, AlertState.EXPLAINED, AlertState.RECTIFIED);
		return alerts.load(zhifa.shared.DataScope.all(), d.alertIds()).stream().filter(a -> answerable.contains(a.state())).toList();
	}

	/**
	 * The supervisor accepts the reply: the document is done and its alerts 核实关闭. A reply saying 已整改 while the
	 * ledger still shows what an alert found is accepted only with what the supervisor verified written down (a past
	 * lateness stays in the ledger whatever is done about the future; a clue still not dealt with is not rectified).
	 */
	@Transactional
	public SupervisionDocument accept(long id, long expectedVersion, String verification) {
		Operator me = Operator.current();
		SupervisionDocument d = supervisorsDocument(me, id);
		String note = text(verification);
		if (note.length() > MAX_TEXT) {
			throw BusinessRuleViolation.onField("verification", "核实情况不超过" + MAX_TEXT + "字");
		}
		if (d.state() != DocumentState.REPLIED) {
			throw new BusinessRuleViolation("该文书" + d.state().label() + "，没有待审核的答复");
		}
		boolean rectified = !d.replies().isEmpty() && "RECTIFIED".equals(d.replies().get(d.replies().size() - 1).kind());
		List<zhifa.supervision.alert.Alert> standing = rectified ? standing(d) : List.of();
		if (!standing.isEmpty() && note.isEmpty()) {
			throw BusinessRuleViolation.onField("verification", "答复称已整改，但台账显示预警的情形仍然存在："
					+ String.join("；", standing.stream().map(a -> a.title() + (a.subjectText().isEmpty() ? "" : "（" + a.subjectText() + "）")).toList())
					+ "。请退回重新答复，或写明核实的整改情况后采纳");
		}
		if (!rows.move(id, expectedVersion, DocumentState.ACCEPTED, null)) {
			throw new StaleWrite("监督文书");
		}
		rows.answerLatestReply(id, "ACCEPTED", note.isEmpty() ? null : note, me.operatorName(), clock.instant());
		alerts.verified(d.alertIds(), d.number(), note);
		Map<String, Object> payload = new java.util.LinkedHashMap<>();
		payload.put("alerts", d.alertIds());
		if (!note.isEmpty()) {
			payload.put("verification", note);
			payload.put("standingAlerts", standing.stream().map(zhifa.supervision.alert.Alert::id).toList());
		}
		record.append(SupervisionDocument.RECORD_SUBJECT, id, d.bodyId(), "supervision.document_accepted", "采纳答复，" + d.type().label() + "办结"
				+ (note.isEmpty() ? "" : "；核实情况：" + note), payload);
		return rows.find(id).orElseThrow();
	}

	/** The supervisor returns the reply with the reason: the body answers again within the document's working days. */
	@Transactional
	public SupervisionDocument returnReply(long id, long expectedVersion, String reason) {
		Operator me = Operator.current();
		SupervisionDocument d = supervisorsDocument(me, id);
		String why = text(reason);
		if (why.isEmpty() || why.length() > MAX_TEXT) {
			throw BusinessRuleViolation.onField("reason", "请填写退回的理由（不超过" + MAX_TEXT + "字）");
		}
		if (d.state() != DocumentState.REPLIED) {
			throw new BusinessRuleViolation("该文书" + d.state().label() + "，没有待审核的答复");
		}
		LocalDate due = replyDue(LocalDate.now(clock), d.replyDays());
		if (!rows.move(id, expectedVersion, DocumentState.RETURNED, due)) {
			throw new StaleWrite("监督文书");
		}
		rows.answerLatestReply(id, "RETURNED", why, me.operatorName(), clock.instant());
		alerts.returned(d.alertIds(), d.number(), why);
		record.append(SupervisionDocument.RECORD_SUBJECT, id, d.bodyId(), "supervision.document_returned", "退回答复：" + why.replaceAll("[。；;，,.\\s]+$", "") + "；限 " + due + " 前重新答复",
				Map.of("reason", why, "replyDue", due));
		return rows.find(id).orElseThrow();
	}

	/** Records a 行政执法监督决定 (责令改正, 撤销建议, 变更建议) on the document, with its outcome when known. */
	@Transactional
	public SupervisionDocument recordDecision(long id, long expectedVersion, DecisionKind kind, String decision, String outcome) {
		Operator me = Operator.current();
		SupervisionDocument d = supervisorsDocument(me, id);
		String text = text(decision);
		String result = text(outcome);
		if (kind == null) {
			throw BusinessRuleViolation.onField("decisionKind", "请选择监督决定的种类（责令改正、撤销建议或变更建议）");
		}
		if (text.isEmpty() || text.length() > MAX_TEXT || result.length() > MAX_TEXT) {
			throw BusinessRuleViolation.onField("decisionText", "请填写监督决定的内容（不超过" + MAX_TEXT + "字）");
		}
		if (!rows.decide(id, expectedVersion, kind, text, result.isEmpty() ? null : result)) {
			throw new StaleWrite("监督文书");
		}
		record.append(SupervisionDocument.RECORD_SUBJECT, id, d.bodyId(), "supervision.decision_recorded",
				"记录行政执法监督决定：" + kind.label() + "——" + text + (result.isEmpty() ? "" : "；结果：" + result),
				Map.of("decisionKind", kind.name(), "decision", text, "outcome", result));
		return rows.find(id).orElseThrow();
	}

	private SupervisionDocument supervisorsDocument(Operator me, long id) {
		requireRole(me, "SUPERVISOR", "只有执法监督人员可以审核答复或记录监督决定");
		SupervisionDocument d = get(me.scope(), id);
		// the body that issued the document reviews the answer to it — not another supervising body that can see the addressee
		if (me.bodyId() == null || me.bodyId() != d.issuerBodyId()) {
			throw new org.springframework.security.access.AccessDeniedException("只有发出该文书的" + d.issuerName() + "可以审核答复或记录监督决定");
		}
		return d;
	}

	/**
	 * The documents addressed to the bodies in the scope (a supervisor: those of his region; a body's administrator: his
	 * own), in one state or all, or only those whose reply is overdue today; the latest issued first.
	 */
	public zhifa.shared.Page<SupervisionDocument> list(DataScope scope, DocumentState state, boolean overdue, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		List<DocumentState> states = overdue ? List.of(DocumentState.ISSUED, DocumentState.RETURNED)
				: state == null ? List.of(DocumentState.values()) : List.of(state);
		if (overdue && state != null) {
			states = states.contains(state) ? List.of(state) : List.of();
		}
		if (states.isEmpty()) {
			return new zhifa.shared.Page<>(List.of(), 0, Math.max(page, 0), size);
		}
		return rows.page(scopes.sqlCondition(scope, "d.body_id", p), p, states, overdue ? LocalDate.now(clock) : null, Math.max(page, 0), size);
	}

	/** Documents addressed to a body that it must (still or again) answer. */
	public List<SupervisionDocument> awaitingReply(long bodyId, int limit) {
		return rows.inStates("d.body_id = :b", Map.of("b", bodyId), List.of(DocumentState.ISSUED, DocumentState.RETURNED), limit);
	}

	public long countAwaitingReply(long bodyId) {
		return rows.countInStates("d.body_id = :b", Map.of("b", bodyId), List.of(DocumentState.ISSUED, DocumentState.RETURNED));
	}

	/** Replies to documents the supervisor's own body issued, waiting for him (only the issuer reviews an answer). */
	public List<SupervisionDocument> awaitingAcceptance(DataScope scope, long issuerBodyId, int limit) {
		Map<String, Object> p = new HashMap<>();
		p.put("issuer", issuerBodyId);
		return rows.inStates(scopes.sqlCondition(scope, "d.body_id", p) + " and d.issuer_body_id = :issuer", p, List.of(DocumentState.REPLIED), limit);
	}

	public long countAwaitingAcceptance(DataScope scope, long issuerBodyId) {
		Map<String, Object> p = new HashMap<>();
		p.put("issuer", issuerBodyId);
		return rows.countInStates(scopes.sqlCondition(scope, "d.body_id", p) + " and d.issuer_body_id = :issuer", p, List.of(DocumentState.REPLIED));
	}

	/**
	 * 逐级督办: documents other (lower) supervising bodies in the scope issued whose answer is overdue — on the home page of
	 * the level above, which may take the matter up.
	 */
	public List<SupervisionDocument> overdueBelow(DataScope scope, long ownBodyId, LocalDate today, int limit) {
		Map<String, Object> p = new HashMap<>();
		return rows.inStates(overdueBelowCondition(scope, ownBodyId, today, p), p, List.of(DocumentState.ISSUED, DocumentState.RETURNED), limit);
	}

	public long countOverdueBelow(DataScope scope, long ownBodyId, LocalDate today) {
		Map<String, Object> p = new HashMap<>();
		return rows.countInStates(overdueBelowCondition(scope, ownBodyId, today, p), p, List.of(DocumentState.ISSUED, DocumentState.RETURNED));
	}

	private String overdueBelowCondition(DataScope scope, long ownBodyId, LocalDate today, Map<String, Object> p) {
		p.put("issuer", ownBodyId);
		p.put("today", today);
		// issued by another supervising body inside the scope (below, never a level above or beside it) to a body in the scope
		return scopes.sqlCondition(scope, "d.body_id", p) + " and " + scopes.sqlCondition(scope, "d.issuer_body_id", p)
				+ " and d.issuer_body_id <> :issuer and d.reply_due < :today";
	}

	/** Each night: a reply past its deadline raises the alert 监督文书逾期未答复 on the document; a reply given closes it. */
	public void checkReplies() {
		LocalDate today = LocalDate.now(clock);
		for (SupervisionDocumentRows.Pending p : rows.awaitingReplyOrOverdueAlert()) {
			boolean overdue = List.of("ISSUED", "RETURNED").contains(p.state()) && p.replyDue().isBefore(today);
			alerts.documentReplyOverdue(p.id(), p.bodyId(), overdue, "监督文书" + p.number() + "要求于 " + p.replyDue() + " 前答复，至 " + today + " 被监督单位仍未答复。");
		}
	}

	private static void requireRole(Operator me, String role, String message) {
		if (!me.holdsAnyRole(List.of(role))) {
			throw new AccessDeniedException(message);
		}
	}

	private static String text(String s) {
		return s == null ? "" : s.strip();
	}
}
