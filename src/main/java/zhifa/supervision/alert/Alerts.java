package zhifa.supervision.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.supervision.alert.persistence.AlertRows;

/**
 * 监督预警: runs the rules ({@link AlertRules}) over an act of the ledger — on each change and in the nightly sweep —
 * raising an alert once per rule, act and occurrence, closing it by itself when the condition ends and opening it again
 * when it comes back; and carries each alert through its life (督办, 说明/整改, 核实关闭, 误报). Every change is written to
 * the full-process record (subject {@code sv_alert}) in the same transaction: that is the alert's history.
 */
@Service
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private final AlertRows rows;
	private final Ledger ledger;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final BodyScopes scopes;
	private final AlertSettings settings;
	private final Clock clock;
	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final RuleReads reads;
	private final AlertWrites writes;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.supervision.YearlyStatisticsSource> yearly;
	private final zhifa.supervision.plan.SupervisionPlans plans;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.supervision.ReferralLookup> referrals;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.supervision.CampaignDuties> campaignDuties;

	Alerts(AlertRows rows, Ledger ledger, CalendarService calendar, FullProcessRecord record, BodyScopes scopes, AlertSettings settings, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager, RuleReads reads, AlertWrites writes,
			org.springframework.beans.factory.ObjectProvider<zhifa.supervision.YearlyStatisticsSource> yearly,
			zhifa.supervision.plan.SupervisionPlans plans, org.springframework.beans.factory.ObjectProvider<zhifa.supervision.ReferralLookup> referrals,
			org.springframework.beans.factory.ObjectProvider<zhifa.supervision.CampaignDuties> campaignDuties) {
		this.campaignDuties = campaignDuties;
		this.plans = plans;
		this.referrals = referrals;
		this.yearly = yearly;
		this.reads = reads;
		this.writes = writes;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.rows = rows;
		this.ledger = ledger;
		this.calendar = calendar;
		this.record = record;
		this.scopes = scopes;
		this.settings = settings;
		this.clock = clock;
	}

	public AlertSettings settings() {
		return settings;
	}

	/** Runs every rule over the act as the ledger holds it now; returns how many alerts were raised, reopened or closed. */
	@Transactional
	public int evaluate(long actId) {
		rows.lock(Alert.SUBJECT_ACT, actId);
		Act act = ledger.find(actId).orElse(null);
		if (act == null) {
			return 0;
		}
		return evaluated(act);
	}


	private int evaluated(Act act) {
		LocalDate today = LocalDate.now(clock);
		return evaluated(act, today, referrals(act.id()), rows.ofSubject(Alert.SUBJECT_ACT, act.id()));
	}

	private int evaluated(Act act, LocalDate today, List<zhifa.supervision.Referral> referred, List<Alert> existing) {
		Map<String, Found> found = new LinkedHashMap<>();
		findings(act, today, referred).forEach(f -> found.put(f.rule().code() + "/" + f.finding().occurrence(), f));
		return apply(Alert.SUBJECT_ACT, act.id(), act.id(), act.report().bodyId(), found, today, existing);
	}

	/**
	 * {@link #evaluate(long)} for many acts (the ledger queue's batch): locks them in ascending order, then reads them,
	 * their alerts and their referrals once for all, each table in one statement; the rules and their changes are the
	 * same, act by act. Returns how many alerts were raised, reopened or closed.
	 */
	@Transactional
	public int evaluateAll(java.util.Collection<Long> actIds) {
		List<Long> ids = actIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return 0;
		}
		rows.lockAll(Alert.SUBJECT_ACT, ids);
		Map<Long, Act> acts = ledger.find(ids);
		Map<Long, List<Alert>> existing = rows.ofSubjects(Alert.SUBJECT_ACT, acts.keySet());
		Map<Long, List<zhifa.supervision.Referral>> referred = new HashMap<>();
		referrals.orderedStream().forEach(l -> l.ofActs(acts.keySet()).forEach((id, r) -> referred.computeIfAbsent(id, k -> new java.util.ArrayList<>()).addAll(r)));
		LocalDate today = LocalDate.now(clock);
		Set<String> parties = acts.values().stream().map(a -> a.report().partyKey()).filter(k -> k != null && !k.isBlank())
			.collect(java.util.stream.Collectors.toSet());
		// the batch's new alerts and record entries written together at its end
		return writes.inBatch(() -> reads.forBatch(parties, () -> {
			int n = 0;
			for (long id : ids) {
				Act act = acts.get(id);
				if (act != null) {
					n += evaluated(act, today, referred.getOrDefault(id, List.of()), existing.getOrDefault(id, List.of()));
				}
			}
			return n;
		}));
	}

	private List<zhifa.supervision.Referral> referrals(long actId) {
		return referrals.orderedStream().flatMap(l -> l.ofAct(actId).stream()).toList();
	}

	/** What every rule finds on an act as the ledger holds it on a day (nothing stored): the alerts' and the case-file review's one evaluation. */
	public List<Found> findings(Act act, LocalDate today) {
		return findings(act, today, referrals(act.id()));
	}

	private List<Found> findings(Act act, LocalDate today, List<zhifa.supervision.Referral> referred) {
		ActReport r = act.report();
		java.util.function.Supplier<List<ActReport>> history = () -> r.partyKey() == null || r.partyKey().isBlank() ? List.of() : reads.history(r.partyKey());
		RuleContext context = new RuleContext(today, calendar::due, settings, history, reads::outside, referred);
		List<Found> out = new java.util.ArrayList<>();
		for (AlertRule rule : AlertRules.all()) {
			for (Finding f : rule.evaluate(r, context)) {
				out.add(new Found(rule, f));
			}
		}
		return out;
	}

	/** A rule's finding on an act. */
	public record Found(AlertRule rule, Finding finding) {
	}

	private int apply(String kind, long subjectId, Long actId, long bodyId, Map<String, Found> found, LocalDate today) {
		return apply(kind, subjectId, actId, bodyId, found, today, rows.ofSubject(kind, subjectId));
	}

	private int apply(String kind, long subjectId, Long actId, long bodyId, Map<String, Found> found, LocalDate today, List<Alert> current) {
		int changes = 0;
		Map<String, Alert> existing = new HashMap<>();
		current.forEach(a -> existing.put(a.ruleCode() + "/" + a.occurrence(), a));
		for (var e : found.entrySet()) {
			Found f = e.getValue();
			Alert a = existing.get(e.getKey());
			if (a == null) {
				LocalDate due = answerDue(today);
				writes.raise(new AlertRows.NewAlert(f.rule().code(), kind, subjectId, actId, f.finding().occurrence(), bodyId, f.rule().severity(),
						f.rule().title(f.finding()), f.rule().article(), f.finding().reasoning(), today, due), "预警：" + f.rule().title(f.finding()) + "（" + f.rule().article() + "）",
						Map.of("rule", f.rule().code(), "reasoning", f.finding().reasoning(), "answerDue", due, "severity", f.rule().severity().name()));
				changes++;
			}
			else if (a.state() == AlertState.CONDITION_ENDED) {
				LocalDate due = answerDue(today);
				rows.update(a.id(), AlertState.NEW, f.finding().reasoning(), bodyId, today, due, clock.instant());
				writes.note(a.id(), bodyId, "alert.reopened", "预警条件再次出现，重新预警：" + f.rule().title(f.finding()),
						Map.of("reasoning", f.finding().reasoning(), "answerDue", due));
				changes++;
			}
			else if (a.state().open() && !sameFacts(a.reasoning(), f.finding().reasoning())) {
				rows.updateReasoning(a.id(), f.finding().reasoning(), clock.instant());
				writes.note(a.id(), bodyId, "alert.updated", "台账变化，更新预警理由",
						Map.of("reasoning", f.finding().reasoning()));
			}
		}
		for (var e : existing.entrySet()) {
			Alert a = e.getValue();
			if (!found.containsKey(e.getKey()) && a.state().open() && ruleRunsHere(a)) {
				rows.update(a.id(), AlertState.CONDITION_ENDED, null, null, null, null, clock.instant());
				writes.note(a.id(), a.bodyId(), "alert.condition_ended",
						"预警条件已消除（" + AlertRules.title(a.ruleCode()) + "），自动关闭", Map.of("from", a.state().name()));
				changes++;
			}
		}
		return changes;
	}

	/** The same reasoning but for the day it was written ("至 2026-11-29 仍未…"): no update, no record entry each night. */
	static boolean sameFacts(String a, String b) {
		return today(a).equals(today(b));
	}

	private static String today(String reasoning) {
		return reasoning.replaceAll("至 \\d{4}-\\d{2}-\\d{2}", "至 …");
	}

	/** An alert of a rule no longer in the list is left as it is (never closed by the absence of its rule). */
	private static boolean ruleRunsHere(Alert a) {
		return a.subjectKind().equals(Alert.SUBJECT_DOCUMENT) || AlertRules.byCode(a.ruleCode()).isPresent();
	}

	private LocalDate answerDue(LocalDate today) {
		return calendar.due(Deadline.of(today, settings.answerWorkingDays(), DeadlineUnit.WORKING_DAYS, "预警答复期限（配置）")).date();
	}

	/**
	 * A supervision document's reply is overdue ({@code overdue} true) or no longer is: raises, keeps or closes the alert
	 * {@link AlertRules#REPLY_OVERDUE} on the document.
	 */
	@Transactional
	public void documentReplyOverdue(long documentId, long bodyId, boolean overdue, String reasoning) {
		rows.lock(Alert.SUBJECT_DOCUMENT, documentId);
		Map<String, Found> found = new LinkedHashMap<>();
		if (overdue) {
			found.put(AlertRules.REPLY_OVERDUE + "/", new Found(REPLY_OVERDUE_RULE, Finding.once(reasoning)));
		}
		apply(Alert.SUBJECT_DOCUMENT, documentId, null, bodyId, found, LocalDate.now(clock));
	}

	/** The rule of an overdue reply, as the alert shows it (it is run by the documents' sweep, not over acts). */
	static final AlertRule REPLY_OVERDUE_RULE = new AlertRule() {
		public String code() {
			return AlertRules.REPLY_OVERDUE;
		}

		public String title() {
			return "监督文书逾期未答复";
		}

		public String article() {
			return "《行政执法监督条例》（国务院令第825号）；监督文书载明的答复期限";
		}

		public Severity severity() {
			return Severity.MEDIUM;
		}

		public boolean timeBased() {
			return true;
		}

		public List<Finding> evaluate(ActReport act, RuleContext context) {
			return List.of();
		}
	};

	/**
	 * 趋利性执法 per body: its fines of the last ninety days against the year before ({@link ProfitSeekingRule}); raised,
	 * kept or closed like any alert.
	 */
	public int sweepBodies() {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusDays(89);
		Map<Long, List<Found>> byBody = new LinkedHashMap<>();
		for (var f : rows.bodyFines(today)) {
			List<Found> found = byBody.computeIfAbsent(f.bodyId(), k -> new java.util.ArrayList<>());
			ProfitSeekingRule.finding(f.recent(), f.recentActs(), f.yearBefore(), from, today, profitRatio, profitMinimum)
				.ifPresent(x -> found.add(new Found(PROFIT_SEEKING, x)));
			ProfitSeekingRule.nonLocalFinding(f.recentKnown(), f.recentNonLocal(), f.recentNonLocalActs(), f.yearBeforeKnown(), f.yearBeforeNonLocal(), from,
					today, nonLocalShare, profitRatio, profitMinimum).ifPresent(x -> found.add(new Found(PROFIT_SEEKING, x)));
		}
		yearly.orderedStream().forEach(source -> {
			for (int year : YearlyDutyRule.STATISTICS.yearsDue(today, statisticsFirstYear)) {
				for (long body : source.notPublished(year)) {
					byBody.computeIfAbsent(body, k -> new java.util.ArrayList<>()).add(new Found(YearlyDutyRule.STATISTICS, YearlyDutyRule.STATISTICS.finding(year)));
				}
			}
		});
		for (int year : YearlyDutyRule.PLAN.yearsDue(today, planFirstYear)) {
			for (long body : plans.notFiledIds(year)) {
				byBody.computeIfAbsent(body, k -> new java.util.ArrayList<>()).add(new Found(YearlyDutyRule.PLAN, YearlyDutyRule.PLAN.finding(year)));
			}
		}
		campaignDuties.orderedStream().forEach(source -> source.late(today).forEach((body, late) -> late.forEach(l -> byBody
			.computeIfAbsent(body, k -> new java.util.ArrayList<>()).add(new Found(CampaignDutyRule.RULE, new Finding(l.occurrence(), l.reasoning()))))));
		for (String code : List.of(ProfitSeekingRule.CODE, YearlyDutyRule.STATISTICS.code(), YearlyDutyRule.PLAN.code(), CampaignDutyRule.RULE.code())) {
			for (long body : rows.bodiesWithOpenAlert(code)) {
				byBody.computeIfAbsent(body, k -> new java.util.ArrayList<>());
			}
		}
		int changes = 0;
		for (var e : byBody.entrySet()) {
			changes += bodyFinding(e.getKey(), e.getValue());
		}
		return changes;
	}

	/**
	 * A body did its yearly duty: the open alert for that year ends in the same transaction, recorded as the sweep would
	 * record it, with what was done (the sweep would see the same and find nothing more to do).
	 */
	@org.springframework.context.event.EventListener
	public void dutyDone(zhifa.supervision.YearlyDutyDone done) {
		YearlyDutyRule rule = done.duty() == zhifa.supervision.YearlyDutyDone.Duty.STATISTICS ? YearlyDutyRule.STATISTICS : YearlyDutyRule.PLAN;
		transactions.executeWithoutResult(status -> {
			rows.lock(Alert.SUBJECT_BODY, done.bodyId());
			for (Alert a : rows.ofSubject(Alert.SUBJECT_BODY, done.bodyId())) {
				if (a.ruleCode().equals(rule.code()) && a.occurrence().equals(String.valueOf(done.year())) && a.state().open()) {
					rows.update(a.id(), AlertState.CONDITION_ENDED, null, null, null, null, clock.instant());
					writes.note(a.id(), a.bodyId(), "alert.condition_ended", "预警条件已消除（" + rule.title() + "）：已" + rule.verb() + done.year()
							+ rule.title().replace("逾期未" + rule.verb(), "") + "，自动关闭", Map.of("from", a.state().name()));
				}
			}
		});
	}

	/** Raises, keeps or closes a body's own alerts (every body-level rule at once, so that one does not close the other's). */
	private int bodyFinding(long bodyId, List<Found> findings) {
		Integer n = transactions.execute(status -> {
			rows.lock(Alert.SUBJECT_BODY, bodyId);
			Map<String, Found> found = new LinkedHashMap<>();
			findings.forEach(f -> found.put(f.rule().code() + "/" + f.finding().occurrence(), f));
			return apply(Alert.SUBJECT_BODY, bodyId, null, bodyId, found, LocalDate.now(clock));
		});
		return n == null ? 0 : n;
	}


	private static final AlertRule PROFIT_SEEKING = new ProfitSeekingRule();


	/** The first year whose supervision plan the platform expects: earlier years raise no alert. */
	@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.plan-first-year:2026}")
	private int planFirstYear = 2026;

	/** The first year whose statistics the platform expects (its first year of use): earlier years raise no alert. */
	@org.springframework.beans.factory.annotation.Value("${zhifa.disclosure.statistics-first-year:2025}")
	private int statisticsFirstYear = 2025;

	@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.alerts.profit-ratio:2.0}")
	private double profitRatio = 2.0;

	@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.alerts.non-local-share:0.5}")
	private double nonLocalShare = 0.5;

	@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.alerts.profit-minimum:1000000}")
	private long profitMinimum = 1_000_000L;

	/** How long after its closing an act is still swept: longer than any period that can come due after it. */
	static final int SWEEP_AFTER_CLOSING_DAYS = 90;

	/** Every act still under way or closed lately or with an alert open, evaluated again (the time-based rules move with the date). */
	public int sweep() {
		int changes = sweepBodies();
		for (long id : rows.actsToSweep(LocalDate.now(clock).minusDays(SWEEP_AFTER_CLOSING_DAYS))) {
			try {
				Integer n = transactions.execute(status -> evaluate(id));
				changes += n == null ? 0 : n;
			}
			catch (RuntimeException e) {
				log.warn("alert sweep: act {} not evaluated", id, e);
			}
		}
		return changes;
	}

	public Page<Alert> page(DataScope scope, String rule, AlertState state, Long bodyId, boolean openOnly, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		String condition = scopes.sqlCondition(scope, "a.body_id", p);
		return rows.page(condition, p, rule, state, bodyId, openOnly, Math.max(0, Math.min(page, 10_000)), Math.max(1, Math.min(size, 100)));
	}

	public Alert get(DataScope scope, long id) {
		Alert a = rows.find(id).orElseThrow(() -> new NotFound("预警"));
		if (!scopes.covers(scope, a.bodyId())) {
			throw new NotFound("预警");
		}
		return a;
	}

	/** The alerts with these ids that the scope covers, for a supervision document. */
	public List<Alert> load(DataScope scope, Collection<Long> ids) {
		return rows.load(List.copyOf(ids)).stream().filter(a -> scopes.covers(scope, a.bodyId())).toList();
	}

	/** 已督办: a supervision document was issued on these alerts (inside the document's transaction). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void supervised(Collection<Long> ids, String documentNumber, String documentType) {
		move(ids, Set.of(AlertState.NEW, AlertState.SUPERVISED, AlertState.EXPLAINED, AlertState.RECTIFIED), AlertState.SUPERVISED, "alert.supervised",
				"已督办：发出" + documentType + "（" + documentNumber + "）", Map.of("document", documentNumber));
	}

	/** The body replied to the document: 单位已说明 or 已整改. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void answered(Collection<Long> ids, AlertState state, String documentNumber, String explanation) {
		if (state != AlertState.EXPLAINED && state != AlertState.RECTIFIED) {
			throw new IllegalArgumentException(state.name());
		}
		move(ids, Set.of(AlertState.SUPERVISED, AlertState.NEW), state, "alert.answered", state.label() + "（答复" + documentNumber + "）：" + explanation,
				Map.of("document", documentNumber, "explanation", explanation));
	}

	/** The supervisor returned the reply: back to 已督办. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void returned(Collection<Long> ids, String documentNumber, String reason) {
		move(ids, Set.of(AlertState.EXPLAINED, AlertState.RECTIFIED), AlertState.SUPERVISED, "alert.returned", "答复被退回（" + documentNumber + "）：" + reason,
				Map.of("document", documentNumber, "reason", reason));
	}

	/** The supervisor accepted the reply: 核实关闭. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void verified(Collection<Long> ids, String documentNumber, String verification) {
		boolean noted = verification != null && !verification.isBlank();
		move(ids, Set.of(AlertState.SUPERVISED, AlertState.EXPLAINED, AlertState.RECTIFIED), AlertState.VERIFIED_CLOSED, "alert.verified",
				"核实关闭：采纳" + documentNumber + "的答复" + (noted ? "；核实情况：" + verification.strip() : ""),
				noted ? Map.of("document", documentNumber, "verification", verification.strip()) : Map.of("document", documentNumber));
	}

	private void move(Collection<Long> ids, Set<AlertState> from, AlertState to, String action, String summary, Map<String, ?> payload) {
		for (Alert a : rows.load(List.copyOf(ids))) {
			if (!from.contains(a.state())) {
				continue;
			}
			rows.update(a.id(), to, null, null, null, null, clock.instant());
			Map<String, Object> data = new HashMap<>(payload);
			data.put("from", a.state().name());
			data.put("to", to.name());
			record.append(Alert.RECORD_SUBJECT, a.id(), a.bodyId(), action, summary, data);
		}
	}

	/** 误报: the supervisor closes an open alert as a false alarm, with the reason; the rule does not open it again. */
	@Transactional
	public Alert falseAlarm(DataScope scope, long id, long expectedVersion, String reason) {
		requireSupervisor();
		Alert a = get(scope, id);
		if (a.version() != expectedVersion) {
			throw new StaleWrite("预警");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw BusinessRuleViolation.onField("reason", "请填写误报的理由（不超过1000字）");
		}
		if (!a.state().open()) {
			throw new BusinessRuleViolation("预警已" + a.state().label() + "，不能再标记为误报");
		}
		rows.update(id, AlertState.FALSE_ALARM, null, null, null, null, clock.instant());
		record.append(Alert.RECORD_SUBJECT, id, a.bodyId(), "alert.false_alarm", "标记为误报：" + why, Map.of("reason", why, "from", a.state().name()));
		return get(scope, id);
	}

	private static void requireSupervisor() {
		if (!Operator.current().holdsAnyRole(List.of("SUPERVISOR"))) {
			throw new org.springframework.security.access.AccessDeniedException("只有执法监督人员可以处理预警");
		}
	}

	/** The open alerts of one body, the serious first, then the newest (the body's home list). */
	public List<Alert> openOf(long bodyId, int limit) {
		return rows.page("a.body_id = :b", new HashMap<>(Map.of("b", bodyId)), null, null, null, true, 0, limit).items();
	}

	/** The 新预警 in a scope, the serious first, then the newest (the supervisor's home list), with their count. */
	public Page<Alert> fresh(DataScope scope, int limit) {
		return page(scope, null, AlertState.NEW, null, false, 0, limit);
	}

}
