package zhifa.coercion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseActions;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.casework.Lifecycle;
import zhifa.casework.NextStep;
import zhifa.casework.Transition;
import zhifa.coercion.Enforcement.Step;
import zhifa.coercion.persistence.EnforcementRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;

/**
 * 行政强制执行 as its own procedure, its lifecycle declared as data ({@link #LIFECYCLE}): 催告 in writing once the
 * obligation is overdue (行政强制法第三十五条), the party's statement heard and reviewed (第三十六条), then — ten working days
 * after the 催告书 was served (第五十四条、第六十九条) — a 强制执行决定 by a body the law gives that power (第三十七条) or an
 * application to the people's court within three months of the end of the 复议 and 诉讼 periods (第五十三条), and the
 * result. The case kind hands over the {@link Obligation} ({@link ObligationSource}); whether a case allows it is the kind's
 * to declare.
 */
@Service
public class Enforcements {

	static final String URGE = "urge";
	static final String STATEMENT = "enforcement-statement";
	static final String COURT = "court-application";
	static final String DECISION = "enforcement-decision";
	static final String RESULT = "court-result";
	static final String FULFILLED = "enforcement-fulfilled";

	/** The procedure as declared: the lawyer-readable table in docs/ is printed from it. */
	public static final Lifecycle LIFECYCLE = new Lifecycle("ENFORCEMENT", "行政强制执行", "强制执行程序", Arrays.stream(Step.values()).map(Step::stage).toList(),
			List.of(Transition.step(URGE, "催告当事人履行义务").to(Step.URGED).by("办案人员", "OFFICER", "LEADER")
				.basis("行政强制法第三十五条、第三十八条、第五十四条").guard("义务逾期未履行（由案件种类移交）", Transition.Guard.NONE).build(),
					Transition.step(STATEMENT, "听取陈述、申辩并复核").from(Step.URGED).by("办案人员", "OFFICER", "LEADER").basis("行政强制法第三十六条").unlisted()
						.build(),
					Transition.step(COURT, "申请人民法院强制执行").from(Step.URGED).to(Step.APPLIED).by("负责人批准", "LEADER")
						.basis("行政强制法第五十三条、第五十四条、第五十五条").guard("催告书送达满十个工作日；复议、诉讼期限届满后三个月内", Transition.Guard.NONE).build(),
					Transition.step(DECISION, "作出强制执行决定").from(Step.URGED).to(Step.DECIDED).by("负责人批准", "LEADER")
						.basis("行政强制法第三十七条、第四十六条").guard("催告书送达满十个工作日；加处罚款超过三十日；法律授予本机关强制执行权", Transition.Guard.NONE).build(),
					Transition.step(RESULT, "登记强制执行结果").from(Step.APPLIED, Step.DECIDED).to(Step.DONE).by("办案人员", "OFFICER", "LEADER")
						.basis("行政强制法第五十七条、第三十九条、第四十条").build(),
					Transition.step(FULFILLED, "当事人履行义务，程序终结（随缴清登记）").from(Step.URGED, Step.APPLIED, Step.DECIDED).to(Step.DONE)
						.by("办案人员", "OFFICER", "LEADER").basis("行政强制法第三十五条").unlisted().build()));

	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final EnforcementRows rows;
	private final CalendarService calendar;
	private final org.springframework.beans.factory.ObjectProvider<ObligationSource> sources;
	private final Clock clock;

	Enforcements(Cases cases, CaseKinds kinds, CaseTimers timers, CaseRecord record, EnforcementRows rows, CalendarService calendar,
			org.springframework.beans.factory.ObjectProvider<ObligationSource> sources, Clock clock) {
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.calendar = calendar;
		this.sources = sources;
		this.clock = clock;
	}

	public Optional<Enforcement> enforcement(long caseId) {
		return rows.find(caseId);
	}

	/** The procedure's next steps on the case, with what blocks each. */
	public List<NextStep> options(CaseFile c) {
		Optional<Enforcement> e = enforcement(c.id());
		if (e.isEmpty() || !kinds.open(c, CaseActions.ENFORCEMENT)) {
			return List.of();
		}
		List<NextStep> steps = new ArrayList<>();
		for (NextStep s : LIFECYCLE.options(e.get().stage().name(), c)) {
			steps.add(switch (s.action()) {
				case COURT -> new NextStep(s.action(), s.step(), s.who(), courtRefusals(c.id(), e.get(), today()));
				case DECISION -> new NextStep(s.action(), s.step(), s.who(), decisionRefusals(c, e.get(), today()));
				default -> s;
			});
		}
		return steps;
	}

	/**
	 * For each step of the procedure: whether the current operator may take it now — the case's kind allows enforcement
	 * on the case, the procedure stands where the step starts, and the operator holds one of its roles.
	 */
	public Map<String, Boolean> may(CaseFile c) {
		boolean allowed = kinds.open(c, CaseActions.ENFORCEMENT);
		String stage = enforcement(c.id()).map(e -> e.stage().name()).orElse(null);
		Map<String, Boolean> may = new java.util.LinkedHashMap<>(CaseKinds.may(LIFECYCLE, stage, c));
		// an officer's steps are the case's officers' (CaseKinds.onCase), as the writes check
		may.replaceAll((action, ok) -> allowed && ok && LIFECYCLE.transition(action).map(t -> kinds.onCase(c, t)).orElse(true));
		var urge = LIFECYCLE.transition(URGE).orElseThrow();
		may.put(URGE, allowed && stage == null && zhifa.shared.Operator.current().holdsAnyRole(urge.roles()) && kinds.onCase(c, urge));
		return may;
	}

	/** The last day of the 催告 period: ten working days after the 催告书 was served (第五十四条、第六十九条). */
	public LocalDate urgePeriodEnd(LocalDate urgeServedOn) {
		return calendar.due(Deadline.of(urgeServedOn, 10, DeadlineUnit.WORKING_DAYS, "行政强制法第五十四条、第六十九条")).date();
	}

	/** The unmet obligation of the case on a day, as its kind states it. */
	public Obligation obligation(CaseFile c, LocalDate on) {
		return sources.orderedStream().filter(s -> s.kind().equals(c.kind())).findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("该类案件没有可强制执行的义务")).obligation(c, on);
	}

	/** 催告 (行政强制法第三十五条): the written reminder to a party whose obligation is overdue. */
	@Transactional
	public Enforcement urge(DataScope scope, long caseId, LocalDate servedOn, String proof) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.ENFORCEMENT);
		LIFECYCLE.requireStart(URGE);
		Obligation o = obligation(c, today());
		if (o.outstanding() != null && o.outstanding() == 0) {
			throw new BusinessRuleViolation("罚款已缴清，无需催告");
		}
		if (!today().isAfter(o.due())) {
			throw new BusinessRuleViolation("缴纳期限 " + o.due() + " 尚未届满，不能催告");
		}
		if (enforcement(caseId).isPresent()) {
			throw new BusinessRuleViolation("已催告");
		}
		if (servedOn == null || servedOn.isAfter(today()) || !servedOn.isAfter(o.due()) || blank(proof)) {
			throw new BusinessRuleViolation("请填写催告书送达日期（缴纳期限届满之后、今天之前）和送达凭证");
		}
		// the 催告书 bears the day it was served: what it states is owed is owed on that day, not on the day it is registered
		Obligation onService = obligation(c, servedOn);
		c = cases.claim(c, null);
		rows.urged(caseId, onService.description(), onService.outstanding(), servedOn, proof.strip());
		LocalDate periodEnd = timers.start(caseId, CoercionTimer.URGE, servedOn, CoercionTimer.URGE.defaultAmount()).due();
		CaseTimer window = timers.start(caseId, CoercionTimer.COURT_APPLICATION, null, CoercionTimer.COURT_APPLICATION.label(), o.remedyPeriodsEnd(),
				CoercionTimer.COURT_APPLICATION.defaultAmount());
		record.append(c, "case.urged", "催告书送达（" + servedOn + "）", Map.of("proof", proof.strip(), "obligation", onService.description(), "urgePeriodEnd",
				periodEnd.toString(), "courtWindow", o.remedyPeriodsEnd() + " 至 " + window.due()));
		return enforcement(caseId).orElseThrow();
	}

	/** 陈述、申辩 after the 催告 and its 复核 (第三十六条): what the party said and what the body found. */
	@Transactional
	public Enforcement statement(DataScope scope, long caseId, String statement, String review) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.ENFORCEMENT);
		Enforcement e = require(c, STATEMENT);
		if (blank(statement) || blank(review)) {
			throw new BusinessRuleViolation("请填写当事人的陈述、申辩和复核意见（事实、理由或者证据成立的，应当采纳）");
		}
		c = cases.claim(c, null);
		rows.statement(caseId, statement.strip(), review.strip());
		record.append(c, "case.enforcement_statement", "听取当事人对催告的陈述、申辩并复核", Map.of("review", review.strip(), "stage", e.stage().label()));
		return enforcement(caseId).orElseThrow();
	}

	/** 申请人民法院强制执行: ten working days after the 催告书 was served, after the review and litigation periods, within three months. */
	@Transactional
	public Enforcement applyToCourt(DataScope scope, long caseId, LocalDate appliedOn, String court) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.ENFORCEMENT_APPLICATION);
		Enforcement e = enforcement(caseId).orElseThrow(() -> new BusinessRuleViolation("申请强制执行前应当催告当事人履行义务（行政强制法第五十四条）"));
		if (e.appliedOn() != null) {
			throw new BusinessRuleViolation("已于 " + e.appliedOn() + " 申请强制执行");
		}
		require(c, COURT);
		if (appliedOn == null || appliedOn.isAfter(today()) || blank(court)) {
			throw new BusinessRuleViolation("请填写申请日期（不晚于今天）和受理法院");
		}
		List<String> refusals = courtRefusals(caseId, e, appliedOn);
		if (!refusals.isEmpty()) {
			throw BusinessRuleViolation.onField("appliedOn", String.join("；", refusals));
		}
		c = cases.claim(c, null);
		rows.applied(caseId, appliedOn, court.strip());
		timers.close(caseId, CoercionTimer.COURT_APPLICATION, appliedOn);
		record.append(c, "case.court_applied", "向" + court.strip() + "申请强制执行（" + appliedOn + "）", Map.of());
		return enforcement(caseId).orElseThrow();
	}

	private List<String> courtRefusals(long caseId, Enforcement e, LocalDate on) {
		List<String> r = new ArrayList<>(waitRefusals(e, on));
		if (!r.isEmpty()) {
			return r;
		}
		CaseTimer window = timers.get(caseId, CoercionTimer.COURT_APPLICATION);
		if (!on.isAfter(window.start())) {
			r.add("复议、诉讼期限届满（" + window.start() + "）前不能申请强制执行（行政强制法第五十三条）");
		}
		else if (on.isAfter(window.due())) {
			r.add("已超过申请强制执行的期限（" + window.due() + "，行政强制法第五十三条）");
		}
		return r;
	}

	private List<String> waitRefusals(Enforcement e, LocalDate on) {
		LocalDate end = urgePeriodEnd(e.urgeServedOn());
		return on.isAfter(end) ? List.of()
				: List.of("催告书送达十日后当事人仍未履行义务的，才可以申请强制执行或作出强制执行决定（行政强制法第五十四条、第三十七条；十日为工作日，第六十九条），最早 "
						+ calendar.calendar().nextWorkingDay(end));
	}

	private List<String> decisionRefusals(CaseFile c, Enforcement e, LocalDate on) {
		List<String> r = new ArrayList<>(waitRefusals(e, on));
		r.addAll(lateFeeRefusals(obligation(c, on), on));
		return r;
	}

	/**
	 * 行政强制法第四十六条第一款: a body with the power enforces a money obligation only after the 加处罚款 or 滞纳金 has run
	 * more than thirty days (and the 催告 went unheeded).
	 */
	private static List<String> lateFeeRefusals(Obligation o, LocalDate on) {
		if (o.lateFeeDays() == null || o.lateFeeDays() > 30) {
			return List.of();
		}
		return List.of("加处罚款超过三十日，经催告仍不履行的，才可以作出强制执行决定（行政强制法第四十六条第一款）；截至 " + on + " 已加处 " + o.lateFeeDays() + " 日");
	}

	/**
	 * The party met the obligation after the 催告 (paid in full, say): the procedure ends and its running periods close, so
	 * nothing shows as 强制执行中 or overdue afterwards. Called by the case kind inside its own write, with the case it
	 * claimed; nothing happens when no procedure is running.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void fulfilled(CaseFile claimed, LocalDate on, String how) {
		Optional<Enforcement> e = enforcement(claimed.id()).filter(x -> !x.done());
		if (e.isEmpty()) {
			return;
		}
		LIFECYCLE.require(e.get().stage().name(), claimed, FULFILLED);
		rows.done(claimed.id(), on, how);
		for (CoercionTimer t : List.of(CoercionTimer.URGE, CoercionTimer.COURT_APPLICATION)) {
			timers.find(claimed.id(), t).filter(x -> x.state() == CaseTimer.State.RUNNING).ifPresent(x -> timers.close(x, on));
		}
		record.append(claimed, "case.enforcement_fulfilled", "当事人履行义务，强制执行程序终结：" + how, Map.of("on", on.toString(), "stage", e.get().stage().label()));
	}

	/** 强制执行决定 by a body the law gives that power (第三十七条): the law is named; not before the 催告 period ends. */
	@Transactional
	public Enforcement decide(DataScope scope, long caseId, LocalDate on, String powerBasis, String number) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.ENFORCEMENT_APPLICATION);
		Enforcement e = require(c, DECISION);
		if (on == null || on.isAfter(today()) || blank(number)) {
			throw new BusinessRuleViolation("请填写决定日期（不晚于今天）和强制执行决定书文号");
		}
		if (blank(powerBasis)) {
			throw BusinessRuleViolation.onField("powerBasis", "行政机关依法享有强制执行权的才能作出强制执行决定（行政强制法第十三条、第三十四条），请写明授权的法律条文；没有的请申请人民法院强制执行");
		}
		List<String> refusals = new ArrayList<>(waitRefusals(e, on));
		refusals.addAll(lateFeeRefusals(obligation(c, on), on));
		if (!refusals.isEmpty()) {
			throw BusinessRuleViolation.onField("on", String.join("；", refusals));
		}
		c = cases.claim(c, null);
		rows.decided(caseId, on, number.strip(), powerBasis.strip());
		timers.find(caseId, CoercionTimer.COURT_APPLICATION).filter(t -> t.state() == CaseTimer.State.RUNNING).ifPresent(t -> timers.close(t, on));
		record.append(c, "case.enforcement_decided", "作出强制执行决定（" + number.strip() + "，" + on + "）", Map.of("powerBasis", powerBasis.strip()));
		return enforcement(caseId).orElseThrow();
	}

	/** The court's ruling and the execution, or the execution by the body itself. */
	@Transactional
	public Enforcement result(DataScope scope, long caseId, LocalDate on, String result) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.ENFORCEMENT);
		Enforcement e = enforcement(caseId).filter(x -> x.appliedOn() != null || x.decidedOn() != null)
			.orElseThrow(() -> new BusinessRuleViolation("尚未申请强制执行"));
		require(c, RESULT);
		LocalDate since = e.appliedOn() != null ? e.appliedOn() : e.decidedOn();
		if (on == null || on.isBefore(since) || on.isAfter(today()) || blank(result)) {
			throw new BusinessRuleViolation("请填写法院裁定日期（申请之后、今天之前）和结果");
		}
		c = cases.claim(c, null);
		rows.done(caseId, on, result.strip());
		record.append(c, "case.court_result", (e.appliedOn() != null ? "法院强制执行结果：" : "强制执行结果：") + result.strip(), Map.of("on", on.toString()));
		return enforcement(caseId).orElseThrow();
	}

	private Enforcement require(CaseFile c, String action) {
		Optional<Enforcement> e = enforcement(c.id());
		LIFECYCLE.require(e.map(x -> x.stage().name()).orElse(null), c, action);
		return e.orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
