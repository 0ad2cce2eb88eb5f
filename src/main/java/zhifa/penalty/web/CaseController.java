package zhifa.penalty.web;

import java.time.Clock;
import java.time.LocalDate;
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

import zhifa.catalog.MatterStatus;
import zhifa.catalog.Matters;
import zhifa.discretion.Benchmarks.PartyType;
import zhifa.organization.Bodies;
import zhifa.organization.Regions;
import zhifa.penalty.CaseStage;
import zhifa.penalty.ClueSource;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TriageOutcome;
import zhifa.record.RecordQueries;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** 办案工作台 and the case page: the procedure as a stepper, what blocks the next step, every timer, the record. */
@Controller
class CaseController {

	private final PenaltyCases cases;
	private final Matters matters;
	private final Regions regions;
	private final Bodies bodies;
	private final RecordQueries records;
	private final Clock clock;
	private final zhifa.catalog.TownshipPowers townships;

	private final zhifa.penalty.CaseProcedure procedure;
	private final zhifa.penalty.CaseExecution execution;
	private final zhifa.penalty.OnTheSpot onTheSpot;
	private final zhifa.penalty.CaseDocuments caseDocuments;

	CaseController(PenaltyCases cases, Matters matters, Regions regions, Bodies bodies, RecordQueries records, Clock clock,
			zhifa.catalog.TownshipPowers townships, zhifa.penalty.CaseProcedure procedure, zhifa.penalty.CaseExecution execution,
			zhifa.penalty.OnTheSpot onTheSpot, zhifa.penalty.CaseDocuments caseDocuments) {
		this.onTheSpot = onTheSpot;
		this.caseDocuments = caseDocuments;
		this.execution = execution;
		this.procedure = procedure;
		this.townships = townships;
		this.cases = cases;
		this.matters = matters;
		this.regions = regions;
		this.bodies = bodies;
		this.records = records;
		this.clock = clock;
	}

	/** One line of the workbench. */
	record Row(PenaltyCase c, String nextAction, zhifa.penalty.CaseTimer nearest) {
	}

	@GetMapping("/cases")
	String workbench(@RequestParam(required = false) PenaltyCases.Filter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		PenaltyCases.Filter f = filter == null ? PenaltyCases.Filter.OPEN : filter;
		var result = cases.page(Operator.current().scope(), f, page, 30);
		var nearest = cases.nearest(result.items().stream().map(PenaltyCase::id).toList());
		model.addAttribute("rows", result.items().stream().map(c -> new Row(c, nextAction(c), nearest.get(c.id()))).toList());
		model.addAttribute("page", result);
		model.addAttribute("filter", f);
		model.addAttribute("filters", PenaltyCases.Filter.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "penalty/cases";
	}

	private static String nextAction(PenaltyCase c) {
		return switch (c.stage()) {
			case CLUE -> "立案审查：立案、不予立案或移交";
			case FILED -> "调查取证、提出处罚建议";
			case PROPOSED -> "审核、讨论，制作事先告知书";
			case NOTIFIED -> "送达告知书、复核陈述申辩、听证，作出决定";
			case DECIDED -> "送达、缴款或执行，结案";
			case CLOSED -> "归档";
			default -> "已办结";
		};
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@GetMapping("/cases/new")
	String clueForm(Model model) {
		return clueForm(model, Map.of());
	}

	private String clueForm(Model model, Map<String, String> errors) {
		var scope = Operator.current().scope();
		model.addAttribute("bodyChoices", bodies.choices(scope));
		var matterChoices = new java.util.ArrayList<>(matters.list(scope, null, MatterStatus.ACTIVE));
		if (Operator.current().bodyId() != null) {
			matterChoices.addAll(townships.delegatedMatters(Operator.current().bodyId()));
		}
		model.addAttribute("matterChoices", matterChoices);
		model.addAttribute("sources", ClueSource.values());
		model.addAttribute("partyTypes", PartyType.values());
		model.addAttribute("regionChoices", regions.tree());
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
			@RequestParam(defaultValue = "") String partyUscc, @RequestParam(required = false) Long placeRegionId,
			@RequestParam(defaultValue = "") String placeDetail, @RequestParam(required = false) LocalDate actDate,
			@RequestParam(required = false) LocalDate actEndDate, @RequestParam(defaultValue = "false") boolean seriousHarm,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) LocalDate receivedOn,
			@RequestParam(defaultValue = "") String formKey, Model model, RedirectAttributes flash) {
		try {
			var c = cases.registerClue(Operator.current().scope(), new PenaltyCases.ClueForm(bodyId, matterId, source, partyKind, partyName, partyIdNumber,
					partyUscc, placeRegionId, placeDetail, actDate, actEndDate, seriousHarm, description, receivedOn), formKey, false);
			flash.addFlashAttribute("message", "已登记案源，请在立案审查期限内作出处理");
			return "redirect:/cases/" + c.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("form", Map.ofEntries(Map.entry("partyName", partyName), Map.entry("placeDetail", placeDetail),
					Map.entry("description", description), Map.entry("partyUscc", partyUscc)));
			return clueForm(model, e.fieldErrors());
		}
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		var scope = Operator.current().scope();
		PenaltyCase c = cases.get(scope, id);
		model.addAttribute("c", c);
		model.addAttribute("timers", cases.timers(id));
		model.addAttribute("steps", procedure.nextSteps(c));
		model.addAttribute("stepper", c.simpleProcedure() ? List.of("当场处罚决定", "当场交付", "缴款与交回", "报机关备案")
				: List.of("案源", "立案", "调查取证", "告知与审核", "决定", "送达与执行", "结案"));
		model.addAttribute("stepIndex", switch (c.stage()) {
			case CLUE -> 0;
			case FILED -> 2;
			case PROPOSED, NOTIFIED -> 3;
			case CLOSED, ARCHIVED -> c.simpleProcedure() ? 4 : 7;
			case DECIDED -> c.simpleProcedure() ? (onTheSpot.status(id).reportedOn() != null ? 4 : 2) : 4;
			default -> 1;
		});
		model.addAttribute("today", LocalDate.now(clock));
		if (c.stage() == CaseStage.CLUE) {
			model.addAttribute("officerChoices", cases.officerChoices(c));
			model.addAttribute("outcomes", TriageOutcome.values());
			model.addAttribute("bodyChoices", bodies.choices(zhifa.shared.DataScope.all()).stream().filter(b -> b.id() != c.bodyId()).toList());
		}
		if (c.stage() == CaseStage.CLUE) {
			model.addAttribute("clueEvidence", procedure.evidence(id));
			model.addAttribute("evidenceTypes", zhifa.penalty.EvidenceType.values());
		}
		if (c.stage().ordinal() >= CaseStage.FILED.ordinal()) {
			model.addAttribute("evidence", procedure.evidence(id));
			model.addAttribute("transcripts", procedure.transcripts(id));
			model.addAttribute("proposal", procedure.proposal(id).orElse(null));
			model.addAttribute("reviews", procedure.reviews(id));
			model.addAttribute("notice", procedure.notice(id).orElse(null));
			model.addAttribute("statements", procedure.statements(id));
			model.addAttribute("hearing", procedure.hearing(id).orElse(null));
			model.addAttribute("pauses", procedure.pauses(id));
			model.addAttribute("legalGrounds", procedure.legalReviewGrounds(id));
			model.addAttribute("collectiveGrounds", procedure.collectiveGrounds(id));
			model.addAttribute("evidenceTypes", zhifa.penalty.EvidenceType.values());
			model.addAttribute("measures", procedure.measures(id));
			model.addAttribute("measureKinds", zhifa.penalty.CaseProcedure.MeasureKind.values());
			model.addAttribute("allCircumstances", zhifa.discretion.Circumstance.values());
			model.addAttribute("penaltyTypes", zhifa.discretion.PenaltyType.values());
			model.addAttribute("decisionOutcomes", zhifa.penalty.DecisionOutcome.values());
			model.addAttribute("noPenaltyReasons", java.util.Arrays.stream(TriageOutcome.values()).filter(TriageOutcome::educationRequired).toList());
			model.addAttribute("officerChoices", cases.officerChoices(c));
			if (c.stage() != CaseStage.DECIDED) {
				var proposed = procedure.proposal(id).map(zhifa.penalty.CaseProcedure.Proposal::sanction)
					.orElse(new zhifa.penalty.Sanction(java.util.Set.of(), null, null));
				model.addAttribute("gates", procedure.gates(c, zhifa.penalty.DecisionOutcome.PENALTY, proposed));
			}
		}
		if (c.stage() == CaseStage.DECIDED && c.decisionOutcome() == zhifa.penalty.DecisionOutcome.PENALTY) {
			model.addAttribute("executionShown", true);
			model.addAttribute("onspot", onTheSpot.status(id));
			model.addAttribute("served", execution.service(id).orElse(null));
			model.addAttribute("account", execution.account(id, LocalDate.now(clock)).orElse(null));
			model.addAttribute("payments", execution.payments(id));
			model.addAttribute("remedies", execution.remedies(id));
			model.addAttribute("openRemedy", execution.remedies(id).stream().filter(r -> r.endedOn() == null).findFirst().orElse(null));
			model.addAttribute("serviceMethods", zhifa.penalty.CaseExecution.ServiceMethod.values());
		}
		if (c.stage() == CaseStage.DECIDED || c.stage() == CaseStage.CLOSED || c.stage() == CaseStage.ARCHIVED) {
			model.addAttribute("closureBlockers", c.stage() == CaseStage.DECIDED ? execution.closureBlockers(c) : List.of());
			model.addAttribute("fileIndex", c.stage() == CaseStage.DECIDED ? List.of() : execution.fileIndex(id));
			model.addAttribute("enforcement", execution.enforcement(id).orElse(null));
			model.addAttribute("executionNotes", execution.executionNotes(id));
		}
		model.addAttribute("documents", caseDocuments.documents(scope, id));
		model.addAttribute("documentTypes", caseDocuments.available(c));
		List<zhifa.record.RecordEntry> timeline = new java.util.ArrayList<>(records.timeline(scope, "penalty_case", String.valueOf(id)));
		java.util.Collections.reverse(timeline);
		model.addAttribute("timeline", timeline);
		return "penalty/case";
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/filing")
	String file(@PathVariable long id, @RequestParam(required = false) List<Long> officerIds,
			@RequestParam(defaultValue = "false") boolean acknowledgeEarlierFiling, @RequestParam(defaultValue = "") String opinion,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var c = cases.file(Operator.current().scope(), id, officerIds == null ? List.of() : officerIds, acknowledgeEarlierFiling, opinion);
			return "已批准立案，案件编号 " + c.caseNumber();
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) TriageOutcome outcome, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String educationRecord, @RequestParam(required = false) Long handOverBodyId, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> cases.decline(Operator.current().scope(), id, outcome, reason, educationRecord, handOverBodyId).stage().label());
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/triage-extension")
	String extend(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			cases.extendTriage(Operator.current().scope(), id, reason);
			return "已延长立案审查期限";
		});
	}

}
