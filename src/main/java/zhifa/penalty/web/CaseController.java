package zhifa.penalty.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.EvidenceType;
import zhifa.casework.NextStep;
import zhifa.casework.PartyType;
import zhifa.catalog.MatterStatus;
import zhifa.catalog.Matters;
import zhifa.catalog.TownshipPowers;
import zhifa.coercion.Enforcements;
import zhifa.discretion.Circumstance;
import zhifa.discretion.PenaltyType;
import zhifa.organization.Bodies;
import zhifa.organization.Regions;
import zhifa.penalty.ClueSource;
import zhifa.penalty.DecisionOutcome;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TriageOutcome;
import zhifa.penalty.decision.Decisions;
import zhifa.penalty.execution.Closure;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.ExecutionRecords.ServiceMethod;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.filing.Filing;
import zhifa.penalty.investigation.Investigation;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.record.RecordEntry;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/**
 * The penalty case page: the procedure as a stepper, what blocks the next step, every timer, the record — and the forms
 * the lifecycle allows the user now ({@code can}: no stage is compared in the template). Also the clue form.
 */
@Controller
class CaseController {

	private final PenaltyCases cases;
	private final Filing filing;
	private final zhifa.penalty.filing.PartyCorrections partyCorrections;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseOfficers officers;
	private final CaseEvidence evidence;
	private final CaseDocuments documents;
	private final CaseRecord record;
	private final Investigation investigation;
	private final Proposals proposals;
	private final Notices notices;
	private final Hearings hearings;
	private final Decisions decisions;
	private final Delivery delivery;
	private final Payments payments;
	private final Closure closure;
	private final Enforcements enforcements;
	private final CaseMeasures measures;
	private final Matters matters;
	private final Regions regions;
	private final Bodies bodies;
	private final TownshipPowers townships;
	private final zhifa.identity.Accounts accounts;
	private final Clock clock;

	private final zhifa.penalty.CriminalReferrals criminalReferrals;
	private final zhifa.penalty.proposal.ReviewCorrections corrections;

	CaseController(PenaltyCases cases, Filing filing, zhifa.penalty.filing.PartyCorrections partyCorrections, CaseKinds kinds, CaseTimers timers, CaseOfficers officers, CaseEvidence evidence,
			CaseDocuments documents, CaseRecord record, Investigation investigation, Proposals proposals, Notices notices, Hearings hearings,
			Decisions decisions, Delivery delivery, Payments payments, Closure closure, Enforcements enforcements, CaseMeasures measures, Matters matters,
			Regions regions, Bodies bodies, TownshipPowers townships, zhifa.identity.Accounts accounts, Clock clock,
			zhifa.penalty.CriminalReferrals criminalReferrals, zhifa.penalty.proposal.ReviewCorrections corrections) {
		this.corrections = corrections;
		this.accounts = accounts;
		this.criminalReferrals = criminalReferrals;
		this.cases = cases;
		this.filing = filing;
		this.partyCorrections = partyCorrections;
		this.kinds = kinds;
		this.timers = timers;
		this.officers = officers;
		this.evidence = evidence;
		this.documents = documents;
		this.record = record;
		this.investigation = investigation;
		this.proposals = proposals;
		this.notices = notices;
		this.hearings = hearings;
		this.decisions = decisions;
		this.delivery = delivery;
		this.payments = payments;
		this.closure = closure;
		this.enforcements = enforcements;
		this.measures = measures;
		this.matters = matters;
		this.regions = regions;
		this.bodies = bodies;
		this.townships = townships;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@GetMapping("/cases/new")
	String clueForm(Model model) {
		return clueForm(model, Map.of());
	}

	private String clueForm(Model model, Map<String, String> errors) {
		var scope = Operator.current().scope();
		model.addAttribute("bodyChoices", bodies.choices(scope));
		// a clue of a penalty case: the 行政处罚 matters in force (not the catalogue's inspection items and other types)
		var matterChoices = new ArrayList<>(matters.list(scope, null, MatterStatus.ACTIVE));
		if (Operator.current().bodyId() != null) {
			matterChoices.addAll(townships.delegatedMatters(Operator.current().bodyId()));
		}
		matterChoices.removeIf(m -> m.type() != zhifa.catalog.MatterType.PENALTY || m.status() != MatterStatus.ACTIVE);
		model.addAttribute("matterChoices", matterChoices);
		model.addAttribute("sources", ClueSource.values());
		model.addAttribute("partyTypes", PartyType.values());
		// the place of the act among the regions of the body's jurisdiction (行政处罚法第二十二条), the body's own region first chosen
		var own = Operator.current().bodyId() == null ? null : bodies.find(scope, Operator.current().bodyId()).orElse(null);
		model.addAttribute("regionChoices", regions.tree().stream().filter(r -> own == null || r.path().startsWith(own.regionPath())).toList());
		model.addAttribute("ownRegion", own == null ? null : own.regionId());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("errors", errors);
		model.addAttribute("ownBody", Operator.current().bodyId());
		model.addAttribute("formKey", "web-" + java.util.UUID.randomUUID());
		return "penalty/clue-form";
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@PostMapping("/cases/new")
	String register(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Long matterId,
			@RequestParam(required = false) ClueSource source, @RequestParam(required = false) PartyType partyKind,
			@RequestParam(defaultValue = "") String partyName, @RequestParam(defaultValue = "") String partyIdNumber,
			@RequestParam(defaultValue = "") String partyUscc, @RequestParam(defaultValue = "") String partyAddress, @RequestParam(required = false) Long placeRegionId,
			@RequestParam(defaultValue = "") String placeDetail, @RequestParam(required = false) LocalDate actDate,
			@RequestParam(required = false) LocalDate actEndDate, @RequestParam(defaultValue = "false") boolean seriousHarm,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) LocalDate receivedOn,
			@RequestParam(defaultValue = "") String formKey, Model model, RedirectAttributes flash) {
		try {
			var c = filing.registerClue(Operator.current().scope(), new Filing.ClueForm(bodyId, matterId, source, partyKind, partyName, partyIdNumber,
					partyUscc, partyAddress, placeRegionId, placeDetail, actDate, actEndDate, seriousHarm, description, receivedOn), formKey, false);
			flash.addFlashAttribute("message", "已登记案源，请在立案审查期限内作出处理");
			return "redirect:/cases/" + c.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
			PageActions.keep(model::addAttribute);
			model.addAttribute("form", Map.ofEntries(Map.entry("partyName", partyName), Map.entry("placeDetail", placeDetail),
					Map.entry("description", description), Map.entry("partyUscc", partyUscc)));
			return clueForm(model, e.fieldErrors());
		}
	}

	/**
	 * The stepper's place for the case: the general procedure's seven steps or the simple procedure's four. A decided
	 * case stands at 送达与执行 once its decision is served.
	 */
	private static int stepIndex(PenaltyCase c, boolean served) {
		return switch (c.stage()) {
			case CLUE -> 0;
			case FILED -> 2;
			case PROPOSED, NOTIFIED -> 3;
			case CLOSED, ARCHIVED -> c.simpleProcedure() ? 4 : 7;
			case DECIDED -> c.simpleProcedure() ? (c.decision().reportedOn() != null ? 4 : 2) : served ? 5 : 4;
			case NOT_FILED, HANDED_OVER, TRANSFERRED -> 1;
		};
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		var scope = Operator.current().scope();
		String kind = cases.kindOf(scope, id);
		if (!PenaltyCases.KIND.equals(kind)) {
			return "redirect:" + kinds.of(kind).pagePath(id);
		}
		PenaltyCase c = cases.get(scope, id);
		LocalDate today = LocalDate.now(clock);
		Map<String, Boolean> can = new HashMap<>(kinds.may(c.file()));
		Map<String, Boolean> open = new HashMap<>();
		kinds.lifecycle(c.file()).transitions().forEach(t -> open.put(t.action(), kinds.open(c.file(), t.action())));
		enforcements.may(c.file()).forEach((action, ok) -> can.put("enforcement." + action, ok));
		List<NextStep> steps = new ArrayList<>(kinds.options(c.file()));
		steps.addAll(enforcements.options(c.file()));
		model.addAttribute("c", c);
		model.addAttribute("otherPartyNames", cases.otherPartyNames(scope, id));
		model.addAttribute("partyAge", cases.partyAge(c).orElse(null));
		model.addAttribute("partyKinds", PartyType.values());
		// the correction form only while the decision document does not name the party yet (the step's guard)
		model.addAttribute("partyCorrectable", kinds.possible(c.file(), zhifa.penalty.PenaltyActions.PARTY));
		model.addAttribute("partyIdentityOpen", zhifa.penalty.filing.PartyCorrections.identityOpen(c.stage()));
		model.addAttribute("can", can);
		model.addAttribute("open", open);
		model.addAttribute("filingRequest", open.get(zhifa.penalty.PenaltyActions.FILING_REQUEST) ? cases.filingRequest(id).orElse(null) : null);
		model.addAttribute("steps", steps);
		model.addAttribute("timers", timers.of(id));
		model.addAttribute("pauses", timers.pauses(id));
		model.addAttribute("stepper", c.simpleProcedure() ? List.of("当场处罚决定", "当场交付", "缴款与交回", "报机关备案")
				: List.of("案源", "立案", "调查取证", "告知与审核", "决定", "送达与执行", "结案"));
		model.addAttribute("stepIndex", stepIndex(c, c.penalised() && delivery.service(id).isPresent()));
		model.addAttribute("today", today);
		model.addAttribute("evidenceTypes", EvidenceType.values());
		model.addAttribute("evidence", evidence.evidence(id));
		model.addAttribute("transcripts", evidence.transcripts(id));
		model.addAttribute("measures", measures.of(id));
		model.addAttribute("releaseGrounds", zhifa.coercion.Measure.ReleaseGround.chosen());
		model.addAttribute("measureKinds", CaseMeasures.Kind.values());
		model.addAttribute("measureHeads", measures.heads(c.bodyId()));
		model.addAttribute("myAccountId", zhifa.shared.Operator.current().operatorId());
		if (can.get("filing") || can.get("decline") || can.get("officers") || can.get("hearing") || can.get("recusal-decision")) {
			model.addAttribute("officerChoices", officers.choices(c.bodyId(), c.domainCode()));
			model.addAttribute("reviewerOfficers", reviewerOfficers(c.bodyId()));
		}
		if (can.get("decline")) {
			model.addAttribute("outcomes", TriageOutcome.values());
			// a body that enforces (an enforcement domain) can receive a hand-over; not the government itself, not a Party office
			model.addAttribute("bodyChoices", bodies.choices(DataScope.all()).stream().filter(b -> b.id() != c.bodyId() && !b.domainCodes().isEmpty()).toList());
		}
		model.addAttribute("proposal", proposals.proposal(id).orElse(null));
		model.addAttribute("revisedLaws", c.decidedOn() != null ? List.of() : matters.revisedSince(c.matterId(), c.actDate(), java.time.LocalDate.now(clock)));
		model.addAttribute("reviews", proposals.reviews(id));
		model.addAttribute("returnedReview", corrections.awaiting(c.file()).orElse(null));
		model.addAttribute("notice", notices.notice(id).orElse(null));
		if (model.getAttribute("notice") == null && model.getAttribute("proposal") instanceof zhifa.penalty.proposal.Proposal p) {
			// before the notice: whether it will carry the hearing right, and why, so nobody reads the gates as "no hearing"
			model.addAttribute("hearingOutlook", notices.hearingRight(c, p.sanction()));
		}
		model.addAttribute("statements", notices.statements(id));
		model.addAttribute("hearing", hearings.hearing(id).orElse(null));
		model.addAttribute("recusals", investigation.recusals(id));
		model.addAttribute("legalGrounds", proposals.legalReviewGrounds(c.file()));
		model.addAttribute("collectiveGrounds", proposals.collectiveGrounds(id));
		model.addAttribute("allCircumstances", Circumstance.values());
		model.addAttribute("penaltyTypes", zhifa.penalty.Sanction.typesFor(c.domainCode()));
		model.addAttribute("decisionOutcomes", DecisionOutcome.values());
		model.addAttribute("noPenaltyReasons", Arrays.stream(TriageOutcome.values()).filter(TriageOutcome::educationRequired).toList());
		if (c.decisionOutcome() == null && (model.getAttribute("proposal") != null || can.get("decision-no-penalty"))) {
			model.addAttribute("gates", decisions.gates(c));
		}
		// the decision form only when a decision can be made now (the gates that depend on what is typed are checked on submit)
		model.addAttribute("decisionPossible", (can.get("decision") && kinds.possible(c.file(), "decision"))
				|| (can.get("decision-no-penalty") && kinds.possible(c.file(), "decision-no-penalty")));
		if (c.penalised()) {
			model.addAttribute("served", delivery.service(id).orElse(null));
			model.addAttribute("account", payments.account(c, today).orElse(null));
			model.addAttribute("payments", payments.payments(id));
			model.addAttribute("instalments", instalmentLines(payments.instalments(id), payments.account(c, today).map(a -> a.fine() - a.unpaidFine()).orElse(0L)));
			model.addAttribute("remedies", delivery.remedies(id));
			model.addAttribute("openRemedy", delivery.remedies(id).stream().filter(r -> r.endedOn() == null).findFirst().orElse(null));
			model.addAttribute("serviceMethods", ServiceMethod.values());
			model.addAttribute("enforcement", enforcements.enforcement(id).orElse(null));
		}
		if (c.decisionOutcome() != null) {
			model.addAttribute("closureBlockers", kinds.stage(c.file()).open() ? closure.closureBlockers(c) : List.of());
			model.addAttribute("executionNotes", closure.executionNotes(id));
		}
		boolean judicial = c.outcome() == TriageOutcome.JUDICIAL || c.decisionOutcome() == DecisionOutcome.JUDICIAL;
		if (judicial || c.caseNumber() != null) {
			// 移送司法机关 decided here is done in 行刑衔接: the case page says where the transfer stands; a referral made while
			// the case is handled (the team's report from the investigation) says what it means for a fine (none while the
			// judicial organs have it, none after a court's 罚金)
			model.addAttribute(judicial ? "transfers" : "caseReferrals", criminalReferrals.of(id));
			// an officer or head of the case's body may report a crime found while investigating (the referral's own form)
			Operator me = Operator.current();
			model.addAttribute("mayReportCrime", !judicial && c.decisionOutcome() == null && c.bodyId() == (me.bodyId() == null ? -1 : me.bodyId())
					&& me.holdsAnyRole(List.of("OFFICER", "LEADER")));
		}
		model.addAttribute("fileIndex", kinds.stage(c.file()).open() ? List.of() : documents.fileIndex(id));
		model.addAttribute("documents", documents.documents(scope, id));
		model.addAttribute("documentTypes", documents.available(c.file()));
		List<RecordEntry> timeline = new ArrayList<>(record.timeline(scope, c.file()));
		Collections.reverse(timeline);
		model.addAttribute("timeline", timeline);
		return "penalty/case";
	}

	/** The officers of the body whose accounts are its legal reviewers: put on a case, they could not review it later. */
	private java.util.Set<Long> reviewerOfficers(long bodyId) {
		return accounts.search(DataScope.all(), new zhifa.identity.Accounts.Query(null, bodyId, zhifa.identity.Role.LEGAL_REVIEWER), 0, 100).stream()
			.flatMap(a -> officers.officerOfUser(a.id()).stream()).collect(java.util.stream.Collectors.toSet());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/filing-request")
	String requestFiling(@PathVariable long id, @RequestParam(defaultValue = "") String opinion, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			filing.requestFiling(Operator.current().scope(), id, opinion);
			return "已报请立案，等待负责人审批";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/filing")
	String file(@PathVariable long id, @RequestParam(required = false) List<Long> officerIds,
			@RequestParam(defaultValue = "false") boolean acknowledgeEarlierFiling, @RequestParam(defaultValue = "") String opinion,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var c = filing.file(Operator.current().scope(), id, officerIds == null ? List.of() : officerIds, acknowledgeEarlierFiling, opinion);
			var reviewers = reviewerOfficers(c.bodyId());
			List<String> warned = c.officers().stream().filter(o -> reviewers.contains(o.officerId())).map(o -> o.name()).toList();
			return "已批准立案，案件编号 " + c.caseNumber() + (warned.isEmpty() ? ""
					: "。请注意：" + String.join("、", warned) + "是本单位的法制审核人员，作为办案人员后不能再审核本案（行政处罚法第五十八条）");
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) TriageOutcome outcome, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String educationRecord, @RequestParam(required = false) Long handOverBodyId, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id,
				() -> filing.decline(Operator.current().scope(), id, outcome, reason, educationRecord, handOverBodyId).stage().label());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/party")
	String correctParty(@PathVariable long id, @RequestParam(required = false) PartyType partyKind, @RequestParam(defaultValue = "") String partyName,
			@RequestParam(defaultValue = "") String partyIdNumber, @RequestParam(defaultValue = "") String partyUscc,
			@RequestParam(defaultValue = "") String partyAddress, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			partyCorrections.correct(Operator.current().scope(), id, partyKind, partyName, partyIdNumber, partyUscc, partyAddress, reason);
			return "已更正当事人信息";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/triage-extension")
	String extend(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			filing.extendTriage(Operator.current().scope(), id, reason);
			return "已延长立案审查期限";
		});
	}

	/** One approved instalment as the page lists it: its day, amount, and whether what was paid covers it (parts are paid in order). */
	record InstalmentLine(int number, LocalDate due, long amount, boolean covered) {
	}

	static List<InstalmentLine> instalmentLines(List<zhifa.penalty.LateFee.Instalment> parts, long paid) {
		List<InstalmentLine> lines = new ArrayList<>();
		long upTo = 0;
		for (int i = 0; i < parts.size(); i++) {
			upTo += parts.get(i).amount();
			lines.add(new InstalmentLine(i + 1, parts.get(i).due(), parts.get(i).amount(), paid >= upTo));
		}
		return lines;
	}
}
