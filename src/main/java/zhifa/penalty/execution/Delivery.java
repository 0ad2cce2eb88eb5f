package zhifa.penalty.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TimerKind;
import zhifa.penalty.execution.ExecutionRecords.Remedy;
import zhifa.penalty.execution.ExecutionRecords.Served;
import zhifa.penalty.execution.ExecutionRecords.ServiceForm;
import zhifa.penalty.execution.ExecutionRecords.ServiceMethod;
import zhifa.penalty.persistence.ExecutionRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * The decision reaches the party (行政处罚法第六十一条: each method under its own rules; 公告送达 served when the notice
 * period ends), and the party's remedies against it — 行政复议 within sixty days (行政复议法第二十条: 知道该行政行为之日起六十日内提出行政复议申请), 行政诉讼 within six
 * months (行政诉讼法第四十六条: 六个月内提出诉讼) — with their outcomes; a changed or revoked decision starts the three-working-day withdrawal
 * of its publication (行政处罚法第四十八条第二款).
 */
@Service
public class Delivery {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final ExecutionRows rows;
	private final Payments payments;
	private final CalendarService calendar;
	private final Clock clock;

	Delivery(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseTimers timers, CaseRecord record, ExecutionRows rows, Payments payments,
			CalendarService calendar, Clock clock) {
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.payments = payments;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** 公告送达: served when thirty days have passed since the notice was issued (民事诉讼法第九十五条, through 行政处罚法第六十一条). */
	static final int ANNOUNCE_DAYS = 30;

	public Optional<Served> service(long caseId) {
		return rows.service(caseId);
	}

	public List<Remedy> remedies(long caseId) {
		return rows.remedies(caseId);
	}

	/**
	 * The last day of the periods for 复议 and 诉讼 against the decision, as the party used them: the longer one, six months
	 * from service (行政诉讼法第四十六条; 复议 is sixty days, 行政复议法第二十条); once a 复议 was decided and left a decision to
	 * enforce (维持, 变更) and no suit followed it, fifteen days from the 复议决定 (行政诉讼法第四十五条). Through the deadline
	 * computation. The court application window of 行政强制法第五十三条 opens after it.
	 */
	public LocalDate remedyPeriodsEnd(long caseId, LocalDate servedOn) {
		List<Remedy> all = remedies(caseId);
		var review = all.stream().filter(r -> "REVIEW".equals(r.kind()) && r.endedOn() != null && List.of("UPHELD", "CHANGED").contains(r.outcome()))
			.reduce((a, b) -> b);
		boolean sued = review.isPresent() && all.stream().anyMatch(r -> "LITIGATION".equals(r.kind()) && !r.startedOn().isBefore(review.get().startedOn()));
		if (review.isPresent() && !sued) {
			return calendar.due(Deadline.of(review.get().endedOn(), 15, DeadlineUnit.CALENDAR_DAYS, "行政诉讼法第四十五条")).date();
		}
		return calendar.due(Deadline.of(servedOn, 6, DeadlineUnit.MONTHS, "行政诉讼法第四十六条")).date();
	}

	@Transactional
	public Served serve(DataScope scope, long caseId, ServiceForm f) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.SERVICE);
		if (service(caseId).isPresent()) {
			throw new BusinessRuleViolation("处罚决定书已送达");
		}
		if (f.method() == null) {
			throw BusinessRuleViolation.onField("method", "请选择送达方式");
		}
		if (blank(f.recipient()) || blank(f.proof())) {
			throw new BusinessRuleViolation("请填写受送达人和送达凭证（送达回证、邮件回执、公告截图等）");
		}
		LocalDate servedOn = f.servedOn();
		Integer announceDays = null;
		f.method().requireDetails(f.witnesses(), f.trackingNo(), f.consentRef());
		switch (f.method()) {
			case ANNOUNCE -> {
				if (f.announceFrom() == null) {
					throw BusinessRuleViolation.onField("announceFrom", "公告送达请填写发出公告的日期");
				}
				if (f.announceFrom().isBefore(c.decidedOn()) || f.announceFrom().isAfter(LocalDate.now(clock))) {
					throw BusinessRuleViolation.onField("announceFrom", "发出公告的日期应在作出决定之后、今天之前");
				}
				announceDays = f.announceDays() == null ? ANNOUNCE_DAYS : f.announceDays();
				if (announceDays < ANNOUNCE_DAYS || announceDays > 365) {
					throw BusinessRuleViolation.onField("announceDays", "自发出公告之日起经过三十日，即视为送达（民事诉讼法第九十五条），公告期不得少于三十日；"
							+ "不填即为三十日，本领域规定更长的（至多365日）照填");
				}
				// served when the notice period has passed: a calendar period through the deadline computation
				servedOn = calendar.due(Deadline.of(f.announceFrom(), announceDays, DeadlineUnit.CALENDAR_DAYS, "民事诉讼法第九十五条（公告送达）")).date();
			}
			default -> {
			}
		}
		LocalDate today = LocalDate.now(clock);
		if (servedOn == null || servedOn.isBefore(c.decidedOn()) || (f.method() != ServiceMethod.ANNOUNCE && servedOn.isAfter(today))) {
			throw BusinessRuleViolation.onField("servedOn", "送达日期应在作出决定之后、今天之前");
		}
		CaseFile file = cases.claim(c.file(), null);
		// only the particulars of the method chosen are kept (a 邮件单号 typed before choosing 直接送达 is not the service's)
		rows.served(caseId, new Served(f.method(), servedOn, f.recipient().strip(), f.proof().strip(),
				f.method() == ServiceMethod.LEAVE ? trim(f.witnesses()) : null, f.method() == ServiceMethod.MAIL ? trim(f.trackingNo()) : null,
				f.method() == ServiceMethod.ELECTRONIC ? trim(f.consentRef()) : null, f.method() == ServiceMethod.ANNOUNCE ? f.announceFrom() : null, announceDays),
				Operator.current().operatorName(),
				clock.instant());
		timers.find(caseId, TimerKind.SERVICE).ifPresent(t -> timers.close(t, f.method() == ServiceMethod.ANNOUNCE ? f.announceFrom() : f.servedOn()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("method", f.method().label());
		data.put("servedOn", servedOn.toString());
		data.put("proof", f.proof().strip());
		if (announceDays != null) {
			data.put("announceFrom", f.announceFrom().toString());
			data.put("announceDays", announceDays);
		}
		payments.account(c, today).ifPresent(a -> data.put("paymentDue", a.due().toString()));
		record.append(file, "case.decision_served", "处罚决定书" + f.method().label() + "，送达日期 " + servedOn, data);
		return service(caseId).orElseThrow();
	}

	@Transactional
	public Remedy startRemedy(DataScope scope, long caseId, String kind, LocalDate startedOn) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.REMEDY);
		if (!"REVIEW".equals(kind) && !"LITIGATION".equals(kind)) {
			throw BusinessRuleViolation.onField("kind", "请选择行政复议或行政诉讼");
		}
		if (startedOn == null || startedOn.isBefore(c.decidedOn()) || startedOn.isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("startedOn", "日期应在作出决定之后、今天之前");
		}
		if (remedies(caseId).stream().anyMatch(r -> r.endedOn() == null)) {
			throw new BusinessRuleViolation("已有正在进行的复议或诉讼");
		}
		CaseFile file = cases.claim(c.file(), null);
		long id = rows.remedyStarted(caseId, kind, startedOn);
		record.append(file, "case.remedy_started", ("REVIEW".equals(kind) ? "当事人申请行政复议" : "当事人提起行政诉讼") + "（" + startedOn + "），期间不加处罚款",
				Map.of());
		return remedies(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public Remedy endRemedy(DataScope scope, long caseId, long remedyId, LocalDate endedOn, String outcome, String note) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.REMEDY);
		Remedy r = remedies(caseId).stream().filter(x -> x.id() == remedyId).findFirst().orElseThrow(() -> new NotFound("复议或诉讼"));
		if (r.endedOn() != null) {
			throw new BusinessRuleViolation("该复议或诉讼已结束");
		}
		if (endedOn == null || endedOn.isBefore(r.startedOn()) || endedOn.isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("endedOn", "结束日期应在开始之后、今天之前");
		}
		if (!List.of("UPHELD", "CHANGED", "REVOKED", "CONFIRMED_ILLEGAL", "CONFIRMED_INVALID", "WITHDRAWN").contains(outcome == null ? "" : outcome)) {
			throw BusinessRuleViolation.onField("outcome", "请选择结果：维持、变更、撤销、确认违法、确认无效或撤回（终止）");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.remedyEnded(remedyId, endedOn, outcome, trim(note));
		// a 催告 already made counted the court application window from the periods as they stood: counted again from now on
		timers.find(caseId, zhifa.coercion.CoercionTimer.COURT_APPLICATION).filter(t -> t.state() == zhifa.casework.CaseTimer.State.RUNNING)
			.ifPresent(t -> timers.restart(t, remedyPeriodsEnd(caseId, service(caseId).orElseThrow().servedOn()), t.amount(), t.legalSource()));
		// a changed, revoked, illegal or void decision is withdrawn from publication (维持 and 撤回 leave it)
		if (!"UPHELD".equals(outcome) && !"WITHDRAWN".equals(outcome) && timers.find(caseId, TimerKind.WITHDRAW_PUBLICATION).isEmpty()) {
			timers.start(caseId, TimerKind.WITHDRAW_PUBLICATION, endedOn, TimerKind.WITHDRAW_PUBLICATION.defaultAmount());
		}
		record.append(file, "case.remedy_ended", ("REVIEW".equals(r.kind()) ? "行政复议" : "行政诉讼") + "结果：" + new Remedy(0, r.kind(), r.startedOn(), endedOn, outcome, null).outcomeLabel(), Map.of("endedOn", endedOn.toString(), "note", trim(note) == null ? "" : trim(note)));
		return remedies(caseId).stream().filter(x -> x.id() == remedyId).findFirst().orElseThrow();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : s.strip();
	}
}
