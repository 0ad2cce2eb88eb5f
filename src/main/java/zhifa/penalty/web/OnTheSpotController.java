package zhifa.penalty.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.catalog.MatterStatus;
import zhifa.catalog.Matters;
import zhifa.catalog.TownshipPowers;
import zhifa.casework.PartyType;
import zhifa.discretion.PenaltyType;
import zhifa.organization.Bodies;
import zhifa.organization.Regions;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseOfficers;
import zhifa.casework.EvidenceType;
import zhifa.penalty.filing.Filing;
import zhifa.penalty.simple.OnTheSpot;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** 当场处罚 on a phone: one form, then the case page; the body's number ranges. */
@Controller
class OnTheSpotController {

	private final OnTheSpot onTheSpot;
	private final CaseEvidence evidence;
	private final Matters matters;
	private final TownshipPowers townships;
	private final Regions regions;
	private final Bodies bodies;
	private final CaseOfficers officers;
	private final Clock clock;
	private final org.springframework.transaction.support.TransactionTemplate transactions;

	OnTheSpotController(OnTheSpot onTheSpot, CaseEvidence evidence, Matters matters, TownshipPowers townships, Regions regions, Bodies bodies,
			CaseOfficers officers, Clock clock, org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.onTheSpot = onTheSpot;
		this.evidence = evidence;
		this.matters = matters;
		this.townships = townships;
		this.regions = regions;
		this.bodies = bodies;
		this.officers = officers;
		this.clock = clock;
	}

	/** A range the officer may use, with its next free number. */
	record RangeChoice(long id, String label, Integer next) {
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@GetMapping("/onspot/new")
	String form(Model model) {
		Long body = Operator.current().bodyId();
		if (body == null) {
			throw new BusinessRuleViolation("当场处罚须由执法主体的执法人员办理");
		}
		var scope = Operator.current().scope();
		var matterChoices = new java.util.ArrayList<>(matters.list(scope, body, MatterStatus.ACTIVE));
		matterChoices.addAll(townships.delegatedMatters(body));
		// a decision on the spot is a 行政处罚: only the penalty matters in force (not inspection items and other types)
		matterChoices.removeIf(m -> m.type() != zhifa.catalog.MatterType.PENALTY || m.status() != MatterStatus.ACTIVE);
		model.addAttribute("matterChoices", matterChoices);
		// the place among the regions of the body's jurisdiction (行政处罚法第二十二条), its own region first chosen (a
		// township's officers act in the township, not in 芒市 at large)
		var own = bodies.get(scope, body);
		model.addAttribute("regionChoices", regions.tree().stream().filter(r -> r.path().startsWith(own.regionPath())).toList());
		model.addAttribute("placeRegionDefault", own.regionId());
		model.addAttribute("mayAllocate", Operator.current().holdsAnyRole(List.of("UNIT_ADMIN")));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("bodyId", body);
		Long me = officers.officerOfUser(Operator.current().operatorId()).orElse(null);
		model.addAttribute("myOfficerId", me);
		if (me != null && !matterChoices.isEmpty()) {
			// one who may not enforce at all (no usable certificate, not in post) is told before he fills the form in, not after
			var mine = officers.authority(me, matterChoices.get(0).domainCode(), LocalDate.now(clock));
			if (!mine.enforcesSomewhere()) {
				model.addAttribute("meBarred", mine.explanation() + "。当场处罚须由两名以上持有有效执法证件的执法人员作出（行政处罚法第四十二条、第五十二条），您不能作为执法人员办理。");
			}
		}
		model.addAttribute("officerChoices", officers.choices(body, matterChoices.isEmpty() ? "" : matterChoices.get(0).domainCode()));
		model.addAttribute("rangeChoices", onTheSpot.ranges(scope, body).stream().filter(r -> r.officerId() == null || r.officerId().equals(me))
			.map(r -> new RangeChoice(r.id(), r.prefix() + r.first() + "–" + r.last() + (r.officerName() == null ? "" : "（" + r.officerName() + "）"),
					onTheSpot.nextFree(r.id()).orElse(null)))
			.filter(r -> r.next() != null).toList());
		return "penalty/onspot-form";
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/onspot/new")
	String decide(@RequestParam(required = false) Long matterId, @RequestParam(required = false) PartyType partyKind,
			@RequestParam(defaultValue = "") String partyName, @RequestParam(defaultValue = "") String partyIdNumber,
			@RequestParam(defaultValue = "") String partyUscc, @RequestParam(defaultValue = "") String partyAddress, @RequestParam(required = false) Long placeRegionId,
			@RequestParam(defaultValue = "") String placeDetail, @RequestParam(required = false) List<Long> officerIds,
			@RequestParam(required = false) Set<PenaltyType> types, @RequestParam(required = false) BigDecimal fineYuan,
			@RequestParam(required = false) Long rangeId, @RequestParam(required = false) Integer formNumber,
			@RequestParam(defaultValue = "false") boolean collectOnSpot, @RequestParam(defaultValue = "false") boolean hardToCollect,
			@RequestParam(defaultValue = "") String receiptNo, @RequestParam(defaultValue = "") String decisionText,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes flash) throws IOException {
		var scope = Operator.current().scope();
		// a photo chosen goes to the evidence, which refuses an empty one; no photo chosen is none
		byte[] picture = photo == null || photo.getOriginalFilename() == null || photo.getOriginalFilename().isBlank() ? null : photo.getBytes();
		try {
			// the decision and its photo in one transaction: a photo refused takes the decision (and its form number) back with it
			var c = transactions.execute(tx -> {
				var decided = onTheSpot.decide(scope, new OnTheSpot.OnSpotForm(new Filing.ClueForm(Operator.current().bodyId(), matterId, null, partyKind, partyName,
						partyIdNumber, partyUscc, partyAddress, placeRegionId, placeDetail, LocalDate.now(clock), null, false, decisionText, LocalDate.now(clock)),
						officerIds == null ? List.of() : officerIds, types, PageActions.fen(fineYuan), rangeId, formNumber,
						collectOnSpot, hardToCollect, receiptNo, decisionText));
				if (picture != null) {
					evidence.addEvidence(scope, decided.id(), EvidenceType.AUDIOVISUAL, "现场照片", picture, photo.getOriginalFilename(), photo.getContentType(),
							LocalDate.now(clock), "");
				}
				return decided;
			});
			flash.addFlashAttribute("message", "已作出当场处罚决定（" + c.decisionNumber() + "），请将决定书当场交付当事人");
			return "redirect:/cases/" + c.id();
		}
		catch (BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			// what was typed on site goes back into the form (the photo must be chosen again)
			zhifa.shared.web.PageActions.keep(flash::addFlashAttribute);
			return "redirect:/onspot/new";
		}
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/hand-in")
	String handIn(@PathVariable long id, @RequestParam(required = false) LocalDate on, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			onTheSpot.handIn(Operator.current().scope(), id, on);
			return "已登记罚款交回";
		});
	}

	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/cases/{id}/onspot-report")
	String report(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			onTheSpot.report(Operator.current().scope(), id);
			return "已备案";
		});
	}

	@GetMapping("/onspot/ranges")
	String ranges(@RequestParam(required = false) Long bodyId, Model model) {
		var scope = Operator.current().scope();
		long body = bodyId != null ? bodyId : Operator.current().bodyId() != null ? Operator.current().bodyId()
				: bodies.choices(scope).stream().findFirst().orElseThrow(() -> new zhifa.shared.NotFound("可查看的执法主体")).id();
		model.addAttribute("ranges", onTheSpot.ranges(scope, body));
		model.addAttribute("bodyId", body);
		model.addAttribute("bodyChoices", bodies.choices(scope));
		// a range is for an enforcement officer: 辅助人员 are not offered
		model.addAttribute("officers", officers.choices(body, "").stream()
			.filter(o -> !o.refusals().contains(zhifa.officer.AuthorityDecision.Refusal.AUXILIARY_STAFF)).toList());
		return "penalty/onspot-ranges";
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/onspot/ranges")
	String allocate(@RequestParam long bodyId, @RequestParam(required = false) Long officerId, @RequestParam(defaultValue = "") String prefix,
			@RequestParam(required = false) Integer first, @RequestParam(required = false) Integer last, RedirectAttributes flash) {
		return PageActions.run(flash, "/onspot/ranges?bodyId=" + bodyId, () -> {
			onTheSpot.allocate(Operator.current().scope(), bodyId, officerId, prefix, first, last);
			return "已分配号段";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@PostMapping("/onspot/ranges/{rangeId}/void")
	String voidNumber(@PathVariable long rangeId, @RequestParam long bodyId, @RequestParam(required = false) Integer number,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/onspot/ranges?bodyId=" + bodyId, () -> {
			onTheSpot.voidNumber(Operator.current().scope(), rangeId, number == null ? -1 : number, reason);
			return "已作废";
		});
	}
}
