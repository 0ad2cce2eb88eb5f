package zhifa.penalty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseOfficers;
import zhifa.casework.Cases;
import zhifa.officer.AuthorityDecision;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notice;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.supervision.ActReport;
import zhifa.supervision.ActSource;

/**
 * A penalty case as an act of the supervision ledger: each step's date, the decision and its amounts, the officers by
 * certificate number and how many of them could act on the act date — the case's version is the report's version.
 */
@Component
class PenaltyActSource implements ActSource {

	private final Cases cases;
	private final ObjectProvider<PenaltyCases> penaltyCases;
	private final ObjectProvider<zhifa.casework.MeasureApprovals> approvals;
	private final ObjectProvider<Notices> notices;
	private final ObjectProvider<Hearings> hearings;
	private final ObjectProvider<Proposals> proposals;
	private final ObjectProvider<Delivery> delivery;
	private final CaseOfficers officers;
	private final ObjectProvider<zhifa.casework.CaseEvidence> evidence;
	private final ObjectProvider<zhifa.coercion.Measures> coercion;
	private final ObjectProvider<zhifa.casework.CaseTimers> timers;
	private final ObjectProvider<zhifa.penalty.execution.Payments> payments;
	private final java.time.Clock clock;

	PenaltyActSource(Cases cases, ObjectProvider<PenaltyCases> penaltyCases, ObjectProvider<Notices> notices, ObjectProvider<Hearings> hearings,
			ObjectProvider<Proposals> proposals, ObjectProvider<Delivery> delivery, CaseOfficers officers,
			ObjectProvider<zhifa.casework.CaseEvidence> evidence, ObjectProvider<zhifa.coercion.Measures> coercion,
			ObjectProvider<zhifa.casework.CaseTimers> timers, ObjectProvider<zhifa.penalty.execution.Payments> payments,
			ObjectProvider<zhifa.casework.MeasureApprovals> approvals, java.time.Clock clock) {
		this.approvals = approvals;
		this.timers = timers;
		this.payments = payments;
		this.clock = clock;
		this.evidence = evidence;
		this.coercion = coercion;
		this.cases = cases;
		this.penaltyCases = penaltyCases;
		this.notices = notices;
		this.hearings = hearings;
		this.proposals = proposals;
		this.delivery = delivery;
		this.officers = officers;
	}

	/**
	 * What is read of every penalty case, whatever its stage: the penalty row, the timers, the party's key, the review
	 * list's notes on its matter, the preservations and the coercive measures. One case reads them one by one; a batch
	 * reads each table once for all its cases.
	 */
	private record Facts(Map<Long, PenaltyCase> penalty, Map<Long, List<zhifa.casework.CaseTimer>> timers, Map<Long, String> partyKeys,
			java.util.function.BiFunction<Long, Long, List<String>> reviewListNotes, Map<Long, List<zhifa.casework.CaseEvidence.Preservation>> preservations,
			Map<Long, List<zhifa.coercion.Measure>> measures) {
	}

	@Override
	public Optional<ActReport> report(CaseFile f) {
		if (!PenaltyCases.KIND.equals(f.kind())) {
			return Optional.empty();
		}
		long id = f.id();
		PenaltyCase c = penaltyCases.getObject().of(f);
		return Optional.of(report(f, new Facts(Map.of(id, c), Map.of(id, timers.getObject().of(id)), java.util.Collections.singletonMap(id, cases.partyKey(id)),
				(body, matter) -> proposals.getObject().reviewListNotes(body, matter), Map.of(id, evidence.getObject().preservations(id)),
				Map.of(id, coercion.getObject().measures(id)))));
	}

	@Override
	public Map<Long, ActReport> reports(List<CaseFile> files) {
		List<CaseFile> mine = files.stream().filter(f -> PenaltyCases.KIND.equals(f.kind())).toList();
		Map<Long, ActReport> out = new java.util.HashMap<>();
		if (mine.isEmpty()) {
			return out;
		}
		List<Long> ids = mine.stream().map(CaseFile::id).toList();
		Map<Long, PenaltyCase> penalty = new java.util.HashMap<>();
		penaltyCases.getObject().of(mine).forEach(c -> penalty.put(c.id(), c));
		Map<String, List<String>> notes = new java.util.HashMap<>();
		Facts facts = new Facts(penalty, timers.getObject().of(ids), cases.partyKeys(ids),
				(body, matter) -> notes.computeIfAbsent(body + "/" + matter, k -> proposals.getObject().reviewListNotes(body, matter)),
				evidence.getObject().preservations(ids), coercion.getObject().measures(ids));
		mine.stream().filter(f -> penalty.containsKey(f.id())).forEach(f -> out.put(f.id(), report(f, facts)));
		return out;
	}

	private ActReport report(CaseFile f, Facts facts) {
		long caseId = f.id();
		PenaltyCase c = facts.penalty().get(caseId);
		// before filing (a clue, or one closed without filing) there is no notice, hearing, proposal, review or remedy to read
		boolean filed = c.stage() != CaseStage.CLUE && !c.stage().closedBeforeFiling();
		Optional<Notice> n = filed ? notices.getObject().notice(caseId) : Optional.empty();
		Optional<zhifa.penalty.notice.Hearing> h = filed ? hearings.getObject().hearing(caseId) : Optional.empty();
		Optional<zhifa.penalty.proposal.Proposal> proposal = filed ? proposals.getObject().proposal(caseId) : Optional.empty();
		boolean heard = h.map(x -> x.heldOn() != null).orElse(false);
		List<zhifa.casework.CaseTimer> caseTimers = facts.timers().getOrDefault(caseId, List.of());
		List<AuthorityDecision> acting = f.officers().isEmpty() ? List.of()
				// the officers acted on the case (filing, decision), not on the day of the party's violation
				: officers.candidates(f.bodyId(), f.domainCode(), f.officerIds(), c.decidedOn() != null ? c.decidedOn() : f.filedOn() != null ? f.filedOn() : f.receivedOn())
					.own();
		Sanction s = c.decision() == null ? null : c.decision().sanction();
		boolean penalised = c.penalised();
		return new ActReport(ActReport.PLATFORM, String.valueOf(caseId), f.version(), f.bodyId(), c.simpleProcedure() ? "PENALTY_SIMPLE" : "PENALTY",
				f.matterCode(), f.matterName(), c.label(), f.partyKind().name(), f.partyName(), f.partyMasked(), facts.partyKeys().get(caseId), f.placeRegionId(),
				// the act's last day: the limitation of 第三十六条 runs from the end of a continuing act
				c.stage().name(), f.actEnd(), f.receivedOn(), f.filedOn(), n.map(Notice::servedOn).orElse(null),
				n.map(Notice::statementDue).orElse(null), n.map(Notice::hearingDue).orElse(null), n.map(Notice::hearingRight).orElse(false), h.isPresent(),
				heard, !proposals.getObject().legalReviewGrounds(f, proposal, heard, facts.reviewListNotes().apply(f.bodyId(), f.matterId())).isEmpty(),
				filed && proposals.getObject().legalReviewPassed(caseId), c.decidedOn(), c.decisionOutcome() == null ? null : c.decisionOutcome().name(),
				c.decisionNumber(), penalised && s != null ? s.fine() : null, penalised && s != null ? s.gains() : null,
				penalised && s != null ? s.propertyValue() : null, penalised ? delivery.getObject().service(caseId).map(PenaltyActSource::serviceDay).orElse(null) : null,
				c.decision() == null ? 0 : c.decision().paidTotal(), f.closedOn(),
				acting.stream().map(AuthorityDecision::certificateNumber).filter(x -> x != null && !x.isBlank()).toList(),
				(int) acting.stream().filter(AuthorityDecision::allowed).count(), f.demo(), details(caseId, c, n, h, proposal, filed, caseTimers, facts));
	}

	/** The kinds decided and notified, the defence, the deviation, the measures and the money collected on the spot. */
	private ActReport.Details details(long caseId, PenaltyCase c, Optional<Notice> n, Optional<zhifa.penalty.notice.Hearing> h,
			Optional<zhifa.penalty.proposal.Proposal> proposal, boolean filed, List<zhifa.casework.CaseTimer> caseTimers, Facts facts) {
		Sanction decided = c.decision() == null ? null : c.decision().sanction();
		Sanction notified = n.map(Notice::sanction).orElse(null);
		List<ActReport.Measure> measures = new java.util.ArrayList<>();
		var preservations = facts.preservations().getOrDefault(caseId, List.<zhifa.casework.CaseEvidence.Preservation>of());
		var seizures = facts.measures().getOrDefault(caseId, List.<zhifa.coercion.Measure>of());
		// a head's confirmation still awaited (read only for a case with measures: most have none)
		var approved = preservations.isEmpty() && seizures.isEmpty() ? java.util.Map.<Long, zhifa.casework.MeasureApprovals.Approval>of()
				: approvals.getObject().ofCase(caseId);
		java.util.function.LongFunction<java.time.LocalDate> unapproved = id -> java.util.Optional.ofNullable(approved.get(id))
			.filter(zhifa.casework.MeasureApprovals.Approval::pending).map(x -> java.time.LocalDate.ofInstant(x.requestedAt(), java.time.ZoneId.of("Asia/Shanghai")))
			.orElse(null);
		preservations.forEach(p -> measures.add(new ActReport.Measure("PRESERVATION", p.appliedOn(), p.closedOn(), false, unapproved.apply(p.id()))));
		seizures.forEach(m -> measures.add(new ActReport.Measure(m.kind().name(), m.appliedOn(), m.closedOn(), m.extended(), unapproved.apply(m.id()))));
		boolean argued = filed && (h.isPresent() || !notices.getObject().statements(caseId).isEmpty());
		return new ActReport.Details(decided == null ? List.of() : decided.types().stream().map(Enum::name).toList(),
				notified == null ? List.of() : notified.types().stream().map(Enum::name).toList(), notified == null ? null : money(notified), argued,
				proposal.map(x -> x.deviates()).orElse(false), proposal.map(x -> x.deviationReason() != null && !x.deviationReason().isBlank()).orElse(false),
				measures, c.decision() != null && c.decision().collectedOnSpot(), c.decision() == null ? null : c.decision().handedInOn(),
				dues(c, due(caseTimers, TimerKind.FILING), due(caseTimers, TimerKind.DECISION)),
				// a written waiver ends the party's window on its day (第四十四条、第六十四条)
				n.map(Notice::statementWaivedOn).orElse(null), n.map(Notice::hearingWaivedOn).orElse(null),
				(filed ? delivery.getObject().remedies(caseId) : List.<zhifa.penalty.execution.ExecutionRecords.Remedy>of()).stream().map(r -> new ActReport.Remedy(r.kind(), r.startedOn(), r.endedOn(), r.outcome())).toList(),
				// the platform's case records what was confiscated, not the amount involved (涉案金额)
				null);
	}

	/**
	 * The case's own due days: filing and decision by its timers; the payment's by its account — the earliest part of the
	 * fine still unpaid (the fine's due day once it is paid; the statutory day when there is no fine), and whether the
	 * fine was deferred or split with approval.
	 */
	private ActReport.Dues dues(PenaltyCase c, java.time.LocalDate filing, java.time.LocalDate decision) {
		var account = c.penalised() ? payments.getObject().account(c, java.time.LocalDate.now(clock)) : java.util.Optional.<zhifa.penalty.execution.ExecutionRecords.Account>empty();
		return new ActReport.Dues(filing, decision, account.map(a -> a.unpaidFineDue() != null ? a.unpaidFineDue() : a.due()).orElse(null),
				account.map(zhifa.penalty.execution.ExecutionRecords.Account::deferred).orElse(false));
	}

	/** The case's own due day of a timer (extensions and pauses applied), if it has one. */
	private static java.time.LocalDate due(List<zhifa.casework.CaseTimer> caseTimers, TimerKind kind) {
		return caseTimers.stream().filter(t -> t.kind().name().equals(kind.name())).findFirst().map(zhifa.casework.CaseTimer::due).orElse(null);
	}

	/** The day service counts as made for the seven working days of 第六十一条: an announcement counts from its publication. */
	private static java.time.LocalDate serviceDay(zhifa.penalty.execution.ExecutionRecords.Served s) {
		return s.method() == zhifa.penalty.execution.ExecutionRecords.ServiceMethod.ANNOUNCE && s.announceFrom() != null ? s.announceFrom() : s.servedOn();
	}

	/** Fine, gains and property value together (what the party is to give up in money). */
	private static Long money(Sanction s) {
		return (s.fine() == null ? 0 : s.fine()) + (s.gains() == null ? 0 : s.gains()) + (s.propertyValue() == null ? 0 : s.propertyValue());
	}
}
