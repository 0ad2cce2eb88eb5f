package zhifa.penalty.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseNumbers;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.discretion.Liability;
import zhifa.discretion.PenaltyType;
import zhifa.penalty.CaseStage;
import zhifa.penalty.DecisionGates;
import zhifa.penalty.DecisionOutcome;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.Sanction;
import zhifa.penalty.TimerKind;
import zhifa.penalty.TriageOutcome;
import zhifa.penalty.notice.Hearing;
import zhifa.penalty.notice.Notice;
import zhifa.penalty.notice.Statement;
import zhifa.penalty.persistence.NoticeRows;
import zhifa.penalty.persistence.PenaltyRows;
import zhifa.penalty.proposal.Proposal;
import zhifa.penalty.proposal.Proposals;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;

/**
 * 作出决定 (行政处罚法第五十七条): a penalty, 不予处罚 with its reason and the education given, 违法事实不能成立, 移送司法机关 or
 * 撤销立案 — behind every gate of {@link DecisionGates}, refused with all reasons and nothing written. The case is claimed
 * before the decision number is taken, so two concurrent decisions cannot both pass or consume a number.
 */
@Service
public class Decisions {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseEvidence evidence;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseNumbers numbers;
	private final CaseRecord record;
	private final PenaltyRows rows;
	private final NoticeRows notices;
	private final Proposals proposals;
	private final Clock clock;

	private final zhifa.penalty.CriminalReferrals criminalReferrals;
	private final zhifa.discretion.Benchmarks benchmarks;
	private final zhifa.catalog.Matters matters;
	private final zhifa.catalog.LegalLibrary library;

	Decisions(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseEvidence evidence, CaseOfficers officers, CaseTimers timers,
			CaseNumbers numbers, CaseRecord record, PenaltyRows rows, NoticeRows notices, Proposals proposals, Clock clock,
			zhifa.penalty.CriminalReferrals criminalReferrals, zhifa.discretion.Benchmarks benchmarks, zhifa.catalog.Matters matters,
			zhifa.catalog.LegalLibrary library) {
		this.matters = matters;
		this.library = library;
		this.criminalReferrals = criminalReferrals;
		this.benchmarks = benchmarks;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.evidence = evidence;
		this.officers = officers;
		this.timers = timers;
		this.numbers = numbers;
		this.record = record;
		this.rows = rows;
		this.notices = notices;
		this.proposals = proposals;
		this.clock = clock;
	}

	/** The decision as typed: the penalty in the same money fields as the proposal and the notice. */
	public record DecisionForm(DecisionOutcome outcome, Set<PenaltyType> types, Long fine, Long gains, String property, Long propertyValue, String text,
			String educationRecord, TriageOutcome reasonCode) {

		public DecisionForm(DecisionOutcome outcome, Set<PenaltyType> types, Long fine, Long gains, String text, String educationRecord,
				TriageOutcome reasonCode) {
			this(outcome, types, fine, gains, null, null, text, educationRecord, reasonCode);
		}

		public DecisionForm(DecisionOutcome outcome, Set<PenaltyType> types, Long fine, Long gains, String text, String educationRecord) {
			this(outcome, types, fine, gains, null, null, text, educationRecord, null);
		}
	}

	/** The gates as they stand today for the proposed penalty (or none yet). */
	public List<DecisionGates.Result> gates(PenaltyCase c) {
		Sanction proposed = proposals.proposal(c.id()).map(Proposal::sanction).orElse(new Sanction(Set.of(), null, null));
		return DecisionGates.evaluate(facts(c, DecisionOutcome.PENALTY, proposed));
	}

	/** What blocks a penalty decision now, for the proposed penalty (the lifecycle's guard). */
	public List<String> penaltyRefusals(PenaltyCase c) {
		Sanction proposed = proposals.proposal(c.id()).map(Proposal::sanction)
			.or(() -> notices.notice(c.id()).map(Notice::sanction)).orElse(new Sanction(Set.of(), null, null));
		return DecisionGates.refusals(facts(c, DecisionOutcome.PENALTY, proposed));
	}

	/** What blocks a decision without a penalty now (the lifecycle's guard). */
	public List<String> noPenaltyRefusals(PenaltyCase c) {
		return DecisionGates.refusals(facts(c, DecisionOutcome.NO_PENALTY, new Sanction(Set.of(), null, null)));
	}

	/** 作出决定 behind every gate of {@link DecisionGates}; refused with all reasons and nothing written. */
	@Transactional
	public PenaltyCase decide(DataScope scope, long caseId, DecisionForm f) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), f.outcome() != null && f.outcome().penalty() ? PenaltyActions.DECISION : PenaltyActions.NO_PENALTY);
		if (f.outcome() == null) {
			throw BusinessRuleViolation.onField("outcome", "请选择处理决定");
		}
		if (blank(f.text())) {
			throw BusinessRuleViolation.onField("text", "请填写决定的事实、理由和依据");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY && blank(f.educationRecord())) {
			throw BusinessRuleViolation.onField("educationRecord", "不予行政处罚的，应当对当事人进行教育（行政处罚法第三十三条第三款）");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY && (f.reasonCode() == null || !f.reasonCode().educationRequired())) {
			throw BusinessRuleViolation.onField("reasonCode", "请选择不予行政处罚的法定情形（行政处罚法第三十条、第三十一条、第三十三条）");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY) {
			var contradiction = f.reasonCode().contradiction(c.partyKind(), c.partyMasked() != null, cases.partyBirthDate(caseId).orElse(null), c.actDate(),
					evidence.expertOpinionOnFile(caseId));
			if (contradiction.isPresent()) {
				throw BusinessRuleViolation.onField("reasonCode", contradiction.get());
			}
		}
		Sanction decided = f.outcome().penalty() ? new Sanction(f.types(), f.fine(), f.gains(), f.property(), f.propertyValue()) : Sanction.none();
		if (f.outcome().penalty() && decided.types().isEmpty()) {
			throw BusinessRuleViolation.onField("types", "请选择处罚种类");
		}
		if (decided.fine() != null && decided.fine() > 0) {
			criminalReferrals.fineBarForUpdate(caseId).ifPresent(bar -> {
				throw BusinessRuleViolation.onField("fine", bar);
			});
		}
		decided.checkedFor(c.domainCode());
		DecisionGates.Facts facts = facts(c, f.outcome(), decided);
		List<String> refusals = new java.util.ArrayList<>(DecisionGates.refusals(facts));
		List<String> deviations = deviations(c, f.outcome(), decided);
		if (!refusals.isEmpty() && !deviations.isEmpty()) {
			// the review and the discussion this deviation alone calls for are said once, in its own words
			if (proposals.legalReviewGrounds(c.file()).isEmpty()) {
				refusals.removeIf(r -> r.startsWith("本案应当进行法制审核"));
			}
			if (proposals.collectiveGrounds(caseId).isEmpty()) {
				refusals.removeIf(r -> r.startsWith("本案应当由行政机关负责人集体讨论决定"));
			}
			refusals.add(0, "决定的处罚偏离裁量基准（" + String.join("；", deviations) + "），须经集体讨论和法制审核"
					+ (proposals.revisable(caseId) ? "；陈述、申辩被采纳或听证后情节有变化的，可由办案人员先“重新裁量”，再按新的裁量阶次作出决定" : ""));
		}
		if (decided.fine() != null && decided.fine() > 0) {
			// 从旧兼从轻 (行政处罚法第三十七条: 作出行政处罚决定时新的规定处罚较轻的，适用新的规定): a law made lighter since the proposal bounds the decision
			var punishing = matters.get(DataScope.all(), c.matterId());
			List<String> clauses = !punishing.penaltyClauses().isEmpty() ? punishing.penaltyClauses() : punishing.basis();
			library.lighterCeiling(clauses, c.actDate(), LocalDate.now(clock)).filter(ceiling -> decided.fine() > ceiling).ifPresent(ceiling -> refusals
				.add("罚款不得高于" + String.join("、", clauses) + "规定的最高数额" + Sanction.yuan(ceiling) + "（作出决定时的规定处罚较轻的，适用新的规定：行政处罚法第三十七条）"));
		}
		if (f.outcome().penalty()) {
			groundlessMitigation(c, decided).ifPresent(why -> refusals.add("决定的" + why.replace("请勾选相应情节并说明", "处罚建议没有认定这样的情节，决定时不能减轻；确有此类情节的，由办案人员补充证据，在陈述、申辩经复核采纳或者听证后重新裁量")));
		}
		if (!refusals.isEmpty()) {
			throw new BusinessRuleViolation("不能作出决定：" + String.join("；", refusals));
		}
		LocalDate today = LocalDate.now(clock);
		CaseFile file = cases.claim(c.file(), CaseStage.DECIDED.name());
		String number = null;
		if (f.outcome().penalty() || f.outcome() == DecisionOutcome.NO_PENALTY || f.outcome() == DecisionOutcome.NOT_ESTABLISHED) {
			number = numbers.next(c.bodyId(), CaseNumbers.DECISION, today.getYear()).text();
		}
		rows.decided(caseId, f.outcome(), today, number, decided, f.text().strip(), blank(f.educationRecord()) ? null : f.educationRecord().strip(),
				f.outcome() == DecisionOutcome.NO_PENALTY ? f.reasonCode() : null);
		timers.close(caseId, TimerKind.DECISION, today);
		if (f.outcome().penalty()) {
			// 第六十一条: handed over on the spot, or served within seven working days
			timers.start(caseId, TimerKind.SERVICE, today, TimerKind.SERVICE.defaultAmount());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outcome", f.outcome().label());
		data.put("decisionNumber", number == null ? "" : number);
		data.put("sanction", decided.describe());
		if (f.reasonCode() != null && f.outcome() == DecisionOutcome.NO_PENALTY) {
			data.put("reason", f.reasonCode().label() + "（" + f.reasonCode().source() + "）");
		}
		data.put("gates", DecisionGates.evaluate(facts).stream().map(DecisionGates.Result::gate).toList());
		record.append(file, "case.decided", f.outcome().label() + (number == null ? "" : "，" + number) + (f.outcome().penalty() ? "：" + decided.describe() : ""),
				data);
		return penaltyCases.get(DataScope.all(), caseId);
	}

	/**
	 * How the penalty decided departs from the benchmark the proposal was assessed by (RULES.md §6: a penalty outside the
	 * tier is flagged and needs collective discussion and legal review) — the decision, not only the proposal, is held to
	 * it: a head deciding other than proposed is checked as the proposal was.
	 */
	private List<String> deviations(PenaltyCase c, DecisionOutcome outcome, Sanction decided) {
		if (!outcome.penalty()) {
			return List.of();
		}
		return proposals.proposal(c.id()).flatMap(Proposal::assessed).map(a -> zhifa.penalty.DeviationPolicy.deviations(a, decided)).orElse(List.of());
	}

	/**
	 * 减轻 below the benchmark's ordinary tiers needs a 第三十二条 ground among the proposal's circumstances — in the decision
	 * as in the proposal ({@link zhifa.penalty.DeviationPolicy#groundlessMitigation}): a head deciding lighter than proposed
	 * does not go below the law's range on a reason alone. A minor's case is lightened by 第三十条 itself.
	 */
	private Optional<String> groundlessMitigation(PenaltyCase c, Sanction decided) {
		if (Liability.isMinor(cases.partyBirthDate(c.id()).orElse(null), c.actDate())) {
			return Optional.empty();
		}
		return proposals.proposal(c.id()).flatMap(p -> p.assessed().flatMap(a -> zhifa.penalty.DeviationPolicy
			.groundlessMitigation(benchmarks.get(a.benchmarkId()).tiers(), decided, p.circumstances())));
	}

	DecisionGates.Facts facts(PenaltyCase c, DecisionOutcome outcome, Sanction decided) {
		boolean deviates = !deviations(c, outcome, decided).isEmpty();
		LocalDate today = LocalDate.now(clock);
		Optional<Notice> n = notices.notice(c.id());
		Optional<Hearing> h = notices.hearing(c.id());
		List<Statement> st = notices.statements(c.id());
		List<String> earlierFines = decided.fine() == null ? List.of() : rows.earlierFines(c.id(), c.actDate(), c.file().actEnd(), c.matterId());
		CaseTimer decision = timers.get(c.id(), TimerKind.DECISION);
		boolean argued = !st.isEmpty() || h.isPresent();
		return new DecisionGates.Facts(today, outcome.penalty(), decided, n.map(Notice::sanction).orElse(null), n.map(Notice::servedOn).orElse(null),
				n.map(Notice::statementDue).orElse(null), n.map(Notice::statementWaivedOn).orElse(null), n.map(Notice::hearingRight).orElse(false),
				n.map(Notice::hearingDue).orElse(null), n.map(Notice::hearingWaivedOn).orElse(null), h.isPresent(),
				h.map(x -> x.heldOn() != null).orElse(false), (int) st.stream().filter(s -> s.result() == null).count(), argued,
				outcome.penalty() && (deviates || !proposals.legalReviewGrounds(c.file()).isEmpty()), proposals.legalReviewPassed(c.id()),
				outcome.penalty() && (deviates || !proposals.collectiveGrounds(c.id()).isEmpty()), proposals.collectiveHeld(c.id()), officers.validOnCase(c.file()),
				earlierFines, decision.due(), decision.state() == CaseTimer.State.PAUSED,
				Liability.noPunishment(cases.partyBirthDate(c.id()).orElse(null), c.actDate(),
						proposals.proposal(c.id()).map(Proposal::circumstances).orElse(Set.of())),
				c.partyAddress() != null, decided.fine() != null && decided.fine() > 0 ? criminalReferrals.fineBar(c.id()) : Optional.empty());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
