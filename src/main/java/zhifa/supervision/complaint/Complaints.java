package zhifa.supervision.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zhifa.calendar.CalendarService;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.PersonalData;
import zhifa.supervision.complaint.persistence.ComplaintRows;
import zhifa.supervision.complaint.persistence.ComplaintRows.BodyRef;
import zhifa.supervision.complaint.persistence.ComplaintRows.NewComplaint;
import zhifa.supervision.complaint.persistence.ComplaintRows.Tally;
import zhifa.supervision.complaint.persistence.HotlineReplyRows;

/**
 * 投诉举报 from intake to 办结: taken in on the supervisor's form, on the public page or as a 12345 work order (idempotent
 * by its number); assigned by the supervisor to a body (or to his own body: 直接办理) with a reply deadline in working
 * days; answered by that body; closed with the complainant's satisfaction, or re-opened (重办). Each step is one
 * transaction with its entry in the full-process record; a reply to a 12345 order goes to the hotline outbox in the same
 * transaction. Personal data is encrypted (SM4) and shown masked.
 */
@Service
public class Complaints {

	/** The legal source shown with the reply deadline (the period is configuration: {@code zhifa.complaints.reply-working-days}). */
	static final String REPLY_PERIOD_SOURCE = "投诉举报答复期限（平台配置）";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComplaintRows rows;
	private final HotlineReplyRows outbox;
	private final PersonalData personal;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final BodyScopes scopes;
	private final Clock clock;
	private final int replyWorkingDays;

	Complaints(ComplaintRows rows, HotlineReplyRows outbox, PersonalData personal, CalendarService calendar, FullProcessRecord record,
			BodyScopes scopes, Clock clock, @Value("${zhifa.complaints.reply-working-days:15}") int replyWorkingDays) {
		this.rows = rows;
		this.outbox = outbox;
		this.personal = personal;
		this.calendar = calendar;
		this.record = record;
		this.scopes = scopes;
		this.clock = clock;
		this.replyWorkingDays = replyWorkingDays;
	}

	/** A complaint taken in; {@code created} is false when a 12345 order came again and the first one is returned. */
	public record Receipt(Complaint complaint, boolean created) {
	}

	/**
	 * Takes a complaint in. On the supervisor's form the supervisor's own body takes it; from the 12345 system the
	 * token's body (a supervisory body); on the public page the supervisory body the citizen chose.
	 */
	@Transactional
	public Receipt receive(Operator op, ComplaintChannel channel, ComplaintForm f, boolean demo) {
		return receive(op, channel, f, null, null, demo);
	}

	/**
	 * Takes a complaint in as above, linked to the acts of {@code actNumber} (a case or decision number as the complainant
	 * gives it, in the supervisor's scope; his form only); a letter, visit or call registered after it came keeps the day
	 * it came ({@code receivedOn}, empty: today; not after today nor over a year back).
	 */
	@Transactional
	public Receipt receive(Operator op, ComplaintChannel channel, ComplaintForm f, String actNumber, LocalDate receivedOn, boolean demo) {
		Map<String, String> problems = new LinkedHashMap<>(f.problems());
		LocalDate today = LocalDate.now(clock);
		if (receivedOn != null && !channel.registered()) {
			problems.putIfAbsent("receivedOn", "只有执法监督人员登记来信、来访、来电时可填写收到日期");
		}
		else if (receivedOn != null && receivedOn.isAfter(today)) {
			problems.putIfAbsent("receivedOn", "收到日期不能晚于今天");
		}
		else if (receivedOn != null && receivedOn.isBefore(today.minusYears(1))) {
			problems.putIfAbsent("receivedOn", "收到日期早于一年前，请核对");
		}
		LocalDate received = receivedOn == null ? today : receivedOn;
		String orderNo = f.hotlineOrderNo() == null || f.hotlineOrderNo().isBlank() ? null : f.hotlineOrderNo().strip();
		if (channel == ComplaintChannel.HOTLINE && orderNo == null) {
			problems.putIfAbsent("orderNo", "请提供12345工单编号");
		}
		if (channel != ComplaintChannel.HOTLINE && orderNo != null) {
			problems.putIfAbsent("orderNo", "只有12345热线工单才有工单编号");
		}
		long supervising = switch (channel) {
			case FORM, LETTER, VISIT, PHONE -> {
				if (!op.holdsAnyRole(List.of("SUPERVISOR")) || op.bodyId() == null) {
					throw new AccessDeniedException("登记投诉举报由执法监督人员办理");
				}
				yield op.bodyId();
			}
			case HOTLINE -> {
				// the 12345 system with its token, or the platform itself (demo data, imports) for a supervisory body
				if (op.operatorKind() == Operator.Kind.USER || op.bodyId() == null
						|| !rows.body(op.bodyId()).map(BodyRef::supervisory).orElse(false)) {
					throw new AccessDeniedException("12345工单须以执法监督机构的API令牌提交");
				}
				yield op.bodyId();
			}
			case PUBLIC -> {
				if (f.supervisingBodyId() == null || !rows.body(f.supervisingBodyId()).map(BodyRef::supervisory).orElse(false)) {
					problems.putIfAbsent("supervisingBodyId", "请选择受理投诉举报的执法监督机构");
				}
				yield f.supervisingBodyId() == null ? -1 : f.supervisingBodyId();
			}
		};
		if (f.subjectBodyId() != null && rows.body(f.subjectBodyId()).isEmpty()) {
			problems.putIfAbsent("subjectBodyId", "被投诉的执法主体不存在");
		}
		if (f.matterId() != null && !rows.matterExists(f.matterId())) {
			problems.putIfAbsent("matterId", "执法事项不存在");
		}
		if (f.caseId() != null && (channel == ComplaintChannel.PUBLIC || rows.caseBodies(List.of(f.caseId())).isEmpty())) {
			problems.putIfAbsent("caseId", "案件不存在");
		}
		List<ComplaintRows.ActRef> acts = new ArrayList<>();
		if (actNumber != null && !actNumber.isBlank()) {
			if (!channel.registered()) {
				problems.putIfAbsent("actNumber", "只有执法监督人员登记时可按编号关联执法行为");
			}
			else {
				String n = actNumber.strip();
				List<ComplaintRows.ActRef> found = numberProblem(n).isPresent() ? List.of() : rows.actsByNumber(op.scope(), n);
				if (found.isEmpty()) {
					problems.putIfAbsent("actNumber", numberProblem(n).orElse("在您的监督范围内没有案件编号或决定书文号为“" + shortened(n) + "”的执法行为"));
				}
				acts.addAll(found);
			}
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("投诉举报有 " + problems.size() + " 处需要更正：" + String.join("；", problems.values()), problems);
		}
		if (orderNo != null) {
			Optional<Long> existing = rows.idByOrderNo(orderNo);
			if (existing.isPresent()) {
				return new Receipt(sameSupervisor(op, existing.get()), false);
			}
		}
		String phone = ComplaintForm.phone(f.phone());
		String idNumber = f.idNumber() == null || f.idNumber().isBlank() ? null : f.idNumber().strip().toUpperCase();
		Optional<Long> inserted = rows.insert(new NewComplaint(channel, f.category(), Boolean.TRUE.equals(f.enterpriseRelated()), orderNo,
				supervising, f.subjectBodyId(), f.matterId(), f.complainantName().strip(), personal.encrypt(phone), personal.fingerprint(phone),
				ComplaintForm.maskPhone(phone), idNumber == null ? null : personal.encrypt(idNumber), f.title().strip(), f.content().strip(),
				received, demo));
		if (inserted.isEmpty()) {
			// the same order arrived concurrently and committed first
			return new Receipt(sameSupervisor(op, rows.idByOrderNo(orderNo).orElseThrow()), false);
		}
		long id = inserted.get();
		if (f.caseId() != null) {
			rows.linkCases(id, List.of(f.caseId()));
		}
		rows.linkActs(id, acts.stream().map(ComplaintRows.ActRef::id).toList());
		rows.linkCases(id, acts.stream().map(ComplaintRows.ActRef::caseId).filter(java.util.Objects::nonNull).distinct().toList());
		Complaint c = rows.find(id).orElseThrow();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("receiptNo", c.receiptNo());
		payload.put("channel", channel);
		payload.put("category", c.category());
		payload.put("enterpriseRelated", c.enterpriseRelated());
		payload.put("title", c.title());
		if (orderNo != null) {
			payload.put("orderNo", orderNo);
		}
		if (!received.equals(today)) {
			// registered after it came in: both days on the record
			payload.put("receivedOn", received);
			payload.put("registeredOn", today);
		}
		if (c.subjectBodyName() != null) {
			payload.put("subjectBody", c.subjectBodyName());
		}
		if (!acts.isEmpty()) {
			payload.put("acts", acts.stream().map(ComplaintRows.ActRef::label).toList());
		}
		record.append(op, "sv_complaint", id, supervising, "complaint.received",
				"收到" + channel.label() + c.category().label() + " " + c.receiptNo() + "：" + c.title(), payload);
		return new Receipt(c, true);
	}

	/** Why a text cannot be a case or document number (too long, control characters), or empty. */
	private static Optional<String> numberProblem(String number) {
		return number.length() > 100 || zhifa.shared.web.RequestLimits.hasControlCharacters(number)
				? Optional.of("编号“" + shortened(number) + "”不是有效的案件编号或决定书文号") : Optional.empty();
	}

	private static String shortened(String number) {
		return number.length() > 20 ? number.substring(0, 20) + "…" : number;
	}

	private Complaint sameSupervisor(Operator op, long id) {
		Complaint c = rows.find(id).orElseThrow();
		if (op.bodyId() == null || c.supervisingBodyId() != op.bodyId()) {
			throw new Conflict("工单编号已被其他受理机构使用");
		}
		return c;
	}

	/** One complaint the operator sees. */
	public Complaint get(Operator op, long id) {
		return rows.find(id).filter(c -> sees(op, c)).map(c -> c.seenBy(op)).orElseThrow(() -> new NotFound("投诉举报"));
	}

	private boolean sees(Operator op, Complaint c) {
		return switch (op.scope().kind()) {
			case ALL -> true;
			case BODY -> op.bodyId() != null && (op.bodyId() == c.supervisingBodyId() || op.bodyId().equals(c.assignedBodyId()));
			case REGION_SUBTREE -> scopes.covers(op.scope(), c.supervisingBodyId()) || scopes.covers(op.scope(), c.assignedBodyId());
		};
	}

	public Page<Complaint> list(Operator op, ComplaintStatus status, Long assignedBodyId, ComplaintChannel channel, int page, int size) {
		var found = rows.list(op.scope(), status, assignedBodyId, channel, Math.max(0, page), Math.min(Math.max(size, 1), 100));
		return new Page<>(found.items().stream().map(c -> c.seenBy(op)).toList(), found.total(), found.page(), found.size());
	}

	/** The complaints linked to a case, as its supervisor sees them. */
	public List<Complaint> forCase(Operator op, long caseId) {
		return rows.forCase(op.scope(), caseId);
	}

	/** The citizen's lookup: by receipt number and the phone he gave; a wrong pair finds nothing. */
	public Optional<Complaint> lookup(String receiptNo, String phone) {
		if (receiptNo == null || phone == null || receiptNo.isBlank() || phone.isBlank() || receiptNo.length() > 30 || phone.length() > 20) {
			return Optional.empty();
		}
		// the phone as given, and as it may have been written at filing: without spaces, without the area code's dash, with it
		String digits = phone.replaceAll("[\\s-]", "");
		java.util.Set<String> forms = new java.util.LinkedHashSet<>(List.of(phone.strip(), digits));
		if (digits.startsWith("0") && digits.length() >= 10) {
			forms.add(digits.substring(0, 3) + "-" + digits.substring(3));
			forms.add(digits.substring(0, 4) + "-" + digits.substring(4));
		}
		for (String form : forms) {
			Optional<Complaint> found = rows.findByReceipt(receiptNo.strip().toUpperCase(), personal.fingerprint(form));
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** The supervisory bodies a citizen may address. */
	public List<BodyRef> supervisoryBodies() {
		return rows.supervisoryBodies();
	}

	/** The bodies the operator may assign complaints to. */
	public List<BodyRef> assignableBodies(Operator op) {
		return rows.bodies(op.scope());
	}

	/** Working days a complaint is to be answered in, from its assignment (told to the citizen on the receipt). */
	public int replyWorkingDays() {
		return replyWorkingDays;
	}

	/** The supervisor: to which body, with which cases it concerns; the reply is due in the configured working days. */
	@Transactional
	public Complaint assign(Operator op, long id, int version, Long bodyId, List<Long> caseIds) {
		return assign(op, id, version, bodyId, caseIds, List.of(), null);
	}

	/**
	 * The supervisor: to which body, with which cases and which enforcement acts of the ledger (named by case or decision
	 * number — this platform's cases and acts other systems reported) it concerns, and the body complained about when the
	 * complaint did not name it (an online complaint names it in words only; {@code subjectBodyId} null leaves it).
	 */
	@Transactional
	public Complaint assign(Operator op, long id, int version, Long bodyId, List<Long> caseIds, List<String> actNumbers, Long subjectBodyId) {
		Complaint c = get(op, id);
		supervisorOf(op, c);
		refuseUnless(ComplaintAction.ASSIGN, c);
		if (bodyId == null) {
			throw BusinessRuleViolation.onField("bodyId", "请选择承办单位");
		}
		BodyRef body = rows.body(bodyId).filter(b -> scopes.covers(op.scope(), b.id()))
			.orElseThrow(() -> BusinessRuleViolation.onField("bodyId", "承办单位不存在或不在您的监督范围内"));
		List<Long> cases = caseIds == null ? List.of() : new ArrayList<>(new HashSet<>(caseIds));
		Map<Long, Long> caseBodies = rows.caseBodies(cases);
		for (Long k : cases) {
			if (!caseBodies.containsKey(k) || !scopes.covers(op.scope(), caseBodies.get(k))) {
				throw BusinessRuleViolation.onField("caseIds", "案件 " + k + " 不存在或不在您的监督范围内");
			}
		}
		List<ComplaintRows.ActRef> acts = new ArrayList<>();
		List<String> numbers = actNumbers == null ? List.of()
				: actNumbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
		if (numbers.size() > 20) {
			throw BusinessRuleViolation.onField("actNumbers", "一次最多关联20个执法行为");
		}
		for (String n : numbers) {
			var problem = numberProblem(n);
			if (problem.isPresent()) {
				throw BusinessRuleViolation.onField("actNumbers", problem.get());
			}
			List<ComplaintRows.ActRef> found = rows.actsByNumber(op.scope(), n);
			if (found.isEmpty()) {
				throw BusinessRuleViolation.onField("actNumbers", "在您的监督范围内没有案件编号或决定书文号为“" + shortened(n) + "”的执法行为");
			}
			acts.addAll(found);
		}
		BodyRef subject = subjectBodyId == null || subjectBodyId.equals(c.subjectBodyId()) ? null
				: rows.body(subjectBodyId).filter(b -> scopes.covers(op.scope(), b.id()))
					.orElseThrow(() -> BusinessRuleViolation.onField("subjectBodyId", "被投诉的执法主体不存在或不在您的监督范围内"));
		Deadline.Due due = calendar.due(Deadline.of(LocalDate.now(clock), replyWorkingDays, DeadlineUnit.WORKING_DAYS, REPLY_PERIOD_SOURCE));
		rows.assign(id, version, body.id(), due.date(), due.provisional());
		if (subject != null) {
			rows.setSubjectBody(id, subject.id());
		}
		rows.linkCases(id, cases);
		rows.linkActs(id, acts.stream().map(ComplaintRows.ActRef::id).toList());
		// a platform case named by its number is linked as a case too: it shows on the case's page
		rows.linkCases(id, acts.stream().map(ComplaintRows.ActRef::caseId).filter(java.util.Objects::nonNull).toList());
		boolean direct = body.id() == c.supervisingBodyId();
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("assignedBody", body.name(), "replyDue", due.date(), "source", REPLY_PERIOD_SOURCE,
				"caseIds", cases, "acts", acts.stream().map(ComplaintRows.ActRef::label).toList()));
		if (subject != null) {
			payload.put("subjectBody", subject.name());
		}
		record.append(op, "sv_complaint", id, c.supervisingBodyId(), "complaint.assigned",
				(direct ? "直接办理" : "分办至" + body.name()) + "，" + due.date() + " 前答复" + (due.provisional() ? "（临时）" : ""),
				payload);
		return rows.find(id).orElseThrow();
	}

	/** The enforcement acts a complaint concerns. */
	public List<ComplaintRows.ActRef> acts(Operator op, long id) {
		get(op, id);
		// the assigned body's administrator sees the acts of his own body, not those of others the supervisor linked
		return rows.acts(id).stream().filter(a -> scopes.covers(op.scope(), a.bodyId())).toList();
	}

	/** The complaints about an act of the ledger, as its supervisor sees them. */
	public List<Complaint> forAct(Operator op, long actId) {
		return rows.forAct(op.scope(), actId);
	}

	/** The assigned body's head or administrator (or the supervisor, when his own body handles it) answers. */
	@Transactional
	public Complaint reply(Operator op, long id, int version, String text) {
		Complaint c = get(op, id);
		boolean ownBody = op.bodyId() != null && op.bodyId().equals(c.assignedBodyId());
		if (!ownBody || !op.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER", "SUPERVISOR"))) {
			throw new AccessDeniedException("答复由承办单位的负责人或单位管理员办理");
		}
		refuseUnless(ComplaintAction.REPLY, c);
		if (text == null || text.isBlank()) {
			throw BusinessRuleViolation.onField("reply", "请填写答复内容");
		}
		if (text.strip().length() > 5000) {
			throw BusinessRuleViolation.onField("reply", "答复内容不超过5000个字");
		}
		Instant now = clock.instant();
		rows.reply(id, version, text.strip(), now);
		record.append(op, "sv_complaint", id, c.supervisingBodyId(), "complaint.replied", c.assignedBodyName() + "答复" + c.receiptNo(),
				Map.of("reply", text.strip(), "late", c.lateOn(LocalDate.now(clock))));
		if (c.hotlineOrderNo() != null) {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("orderNo", c.hotlineOrderNo());
			payload.put("receiptNo", c.receiptNo());
			payload.put("handledBy", c.assignedBodyName());
			payload.put("reply", text.strip());
			payload.put("repliedAt", now.toString());
			payload.put("round", c.reopenCount() + 1);
			outbox.enqueue(id, c.hotlineOrderNo(), JSON.writeValueAsString(payload), now);
		}
		return rows.find(id).orElseThrow();
	}

	/**
	 * The complainant's whole phone number, for the supervisor of the receiving body to call back (回访): shown to him
	 * alone, on request, and the viewing is recorded (who, when; not the number).
	 */
	@Transactional
	public String phoneForCallback(Operator op, long id) {
		Complaint c = get(op, id);
		if (!receivedBy(op, c)) {
			throw new AccessDeniedException("完整联系电话只供受理机构的执法监督人员回访使用");
		}
		String phone = personal.decrypt(rows.phoneCipher(id));
		record.append(op, "sv_complaint", id, c.supervisingBodyId(), "complaint.phone_viewed", "查看" + c.receiptNo() + "投诉举报人的完整联系电话（回访）", Map.of());
		return phone;
	}

	/** 办结, with the complainant's satisfaction when it is known. */
	@Transactional
	public Complaint close(Operator op, long id, int version, Satisfaction satisfaction) {
		Complaint c = get(op, id);
		if (op.operatorKind() != Operator.Kind.TOKEN) {
			supervisorOf(op, c);
		}
		refuseUnless(ComplaintAction.CLOSE, c);
		rows.close(id, version, satisfaction);
		record.append(op, "sv_complaint", id, c.supervisingBodyId(), "complaint.closed",
				"办结" + c.receiptNo() + (satisfaction == null ? "" : "，回访" + satisfaction.label()),
				satisfaction == null ? Map.of() : Map.of("satisfaction", satisfaction));
		return rows.find(id).orElseThrow();
	}

	/** 重办: the body must reply again, by a new deadline. */
	@Transactional
	public Complaint reopen(Operator op, long id, int version, Satisfaction satisfaction, String reason) {
		Complaint c = get(op, id);
		if (op.operatorKind() != Operator.Kind.TOKEN) {
			supervisorOf(op, c);
		}
		refuseUnless(ComplaintAction.REOPEN, c);
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写重办原因");
		}
		if (reason.strip().length() > 1000) {
			throw BusinessRuleViolation.onField("reason", "重办原因不超过1000个字");
		}
		Deadline.Due due = calendar.due(Deadline.of(LocalDate.now(clock), replyWorkingDays, DeadlineUnit.WORKING_DAYS, REPLY_PERIOD_SOURCE));
		rows.reopen(id, version, satisfaction, due.date(), due.provisional());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("reason", reason.strip());
		payload.put("replyDue", due.date());
		if (satisfaction != null) {
			payload.put("satisfaction", satisfaction);
		}
		record.append(op, "sv_complaint", id, c.supervisingBodyId(), "complaint.reopened",
				"重办" + c.receiptNo() + "（第" + (c.reopenCount() + 1) + "次），" + due.date() + " 前重新答复：" + reason.strip(), payload);
		return rows.find(id).orElseThrow();
	}

	/**
	 * The 12345 system's 回访 of an order it sent: satisfied (or not) closes it; {@code reopen} sends it back to the body.
	 */
	@Transactional
	public Complaint evaluate(Operator op, String orderNo, Satisfaction satisfaction, boolean reopen, String reason) {
		if (satisfaction == null) {
			throw BusinessRuleViolation.onField("satisfaction", "请提供满意度：SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 UNSATISFIED（不满意）");
		}
		Complaint c = rows.idByOrderNo(orderNo == null ? "" : orderNo.strip()).flatMap(rows::find)
			.filter(x -> op.bodyId() != null && x.supervisingBodyId() == op.bodyId())
			.orElseThrow(() -> new NotFound("工单 " + orderNo));
		return reopen ? reopen(op, c.id(), c.version(), satisfaction, reason) : close(op, c.id(), c.version(), satisfaction);
	}

	/** Statistics per assigned body and per matter over the complaints the operator sees. */
	public record Statistics(List<Tally> byBody, List<Tally> byMatter) {
	}

	public Statistics statistics(Operator op) {
		LocalDate today = LocalDate.now(clock);
		return new Statistics(rows.tallies(op.scope(), false, today), rows.tallies(op.scope(), true, today));
	}

	/** A supervisor of the body that received the complaint itself (not one above it): who calls the complainant back. */
	public boolean receivedBy(Operator op, Complaint c) {
		return op.holdsAnyRole(List.of("SUPERVISOR")) && op.bodyId() != null && op.bodyId() == c.supervisingBodyId();
	}

	private void supervisorOf(Operator op, Complaint c) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR")) || !scopes.covers(op.scope(), c.supervisingBodyId())) {
			throw new AccessDeniedException("分办、办结和重办由受理机构的执法监督人员办理");
		}
	}

	private static void refuseUnless(ComplaintAction action, Complaint c) {
		String refusal = action.refusal(c.status());
		if (refusal != null) {
			throw new Conflict(refusal);
		}
	}
}
