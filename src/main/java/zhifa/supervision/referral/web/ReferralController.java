package zhifa.supervision.referral.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.supervision.referral.Referrals;

/** 移送 pages: the body's referrals (and the supervisor's view of 行刑衔接), a new referral, one referral with its timers and next step. */
@Controller
class ReferralController {

	private final Referrals referrals;
	private final zhifa.supervision.referral.DisciplineClues clues;
	private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
	private final java.time.Clock clock;
	private final zhifa.supervision.referral.ReferralTeams teams;
	private final zhifa.supervision.Ledger ledger;
	private final zhifa.supervision.referral.ReferralPeriods periods;

	ReferralController(Referrals referrals, zhifa.supervision.referral.DisciplineClues clues,
			org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, java.time.Clock clock, zhifa.supervision.referral.ReferralTeams teams,
			zhifa.supervision.Ledger ledger, zhifa.supervision.referral.ReferralPeriods periods) {
		this.periods = periods;
		this.teams = teams;
		this.ledger = ledger;
		this.clues = clues;
		this.referrals = referrals;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/referrals")
	String list(@RequestParam(defaultValue = "false") boolean all, Model model) {
		Operator me = Operator.current();
		model.addAttribute("items", referrals.list(me, !all));
		model.addAttribute("all", all);
		model.addAttribute("canReport", me.bodyId() != null && me.holdsAnyRole(List.of("OFFICER", "LEADER", "UNIT_ADMIN")));
		model.addAttribute("leader", me.bodyId() != null && me.holdsAnyRole(List.of("LEADER")));
		return "supervision/referral/list";
	}

	@GetMapping("/referrals/new")
	String form(@RequestParam(defaultValue = "CRIMINAL") String kind, @RequestParam(required = false) String caseNumber,
			@RequestParam(required = false) Long caseId, Model model) {
		Operator me = Operator.current();
		if (me.bodyId() == null) {
			throw new org.springframework.security.access.AccessDeniedException("移送由案件所属单位办理");
		}
		if ("DISCIPLINE".equals(kind) && !me.holdsAnyRole(List.of("LEADER"))) {
			throw new org.springframework.security.access.AccessDeniedException("问题线索由负责人移送");
		}
		if (!me.holdsAnyRole(List.of("OFFICER", "LEADER", "UNIT_ADMIN"))) {
			throw new org.springframework.security.access.AccessDeniedException("移送由案件所属单位的执法人员、负责人或单位管理员办理");
		}
		model.addAttribute("kind", "DISCIPLINE".equals(kind) ? "DISCIPLINE" : "CRIMINAL");
		model.addAttribute("caseNumber", caseNumber);
		// opened from a case page: the way back is to the case (whose page checks the scope itself)
		model.addAttribute("caseId", caseId);
		model.addAttribute("officers", teams.choices(me.bodyId(), LocalDate.now(clock)));
		model.addAttribute("caseNumbers", jdbc.queryForList("""
				select case_number from sv_act where body_id = :b and case_number is not null order by received_at desc limit 200""",
				java.util.Map.of("b", me.bodyId()), String.class));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/referral/new";
	}

	@PostMapping("/referrals")
	String create(@RequestParam(defaultValue = "CRIMINAL") String kind, @RequestParam(required = false) String caseNumber,
			@RequestParam(required = false) List<Long> officerIds, @RequestParam(required = false) String suspicion,
			@RequestParam(required = false) String official, @RequestParam(required = false) String clue, @RequestParam(required = false) String organ,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) Long caseId, RedirectAttributes flash) {
		try {
			var r = "DISCIPLINE".equals(kind) ? clues.referClue(Operator.current(), caseNumber, official, clue, organ, on)
					: referrals.report(Operator.current(), caseNumber, officerIds, suspicion);
			flash.addFlashAttribute("message", r.criminal() ? "已报告，待负责人在3日内决定是否移送" : "已登记向纪检监察机关移送的问题线索");
			return "redirect:/referrals/" + r.id();
		}
		catch (BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			return "redirect:/referrals/new?kind=" + ("DISCIPLINE".equals(kind) ? "DISCIPLINE" : "CRIMINAL") + (caseId == null ? "" : "&caseId=" + caseId);
		}
	}

	@GetMapping("/referrals/{id}")
	String one(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var r = referrals.visible(me, id);
		model.addAttribute("r", r);
		model.addAttribute("timers", periods.of(r));
		// the act the referral is about, as the ledger holds it: its matter, party and stage
		var act = r.criminal() ? ledger.find(r.actId()).map(zhifa.supervision.Act::report).orElse(null) : null;
		model.addAttribute("act", act);
		model.addAttribute("actStage", act == null ? "" : zhifa.supervision.Stages.label(act.stage()));
		model.addAttribute("mine", me.bodyId() != null && me.bodyId() == r.bodyId() && me.holdsAnyRole(List.of("OFFICER", "LEADER", "UNIT_ADMIN")));
		model.addAttribute("leader", me.holdsAnyRole(List.of("LEADER")));
		model.addAttribute("supervisor", me.holdsAnyRole(List.of("SUPERVISOR")));
		model.addAttribute("materials", Referrals.MATERIALS);
		model.addAttribute("materialLabels", r.materials().stream().map(m -> Referrals.MATERIALS.getOrDefault(m, m)).toList());
		model.addAttribute("today", LocalDate.now(clock));
		// what the case still holds under 查封、扣押: handed over with the goods (行政强制法第二十一条)
		model.addAttribute("held", r.status() == Referrals.Status.FILED && Boolean.TRUE.equals(model.getAttribute("mine")) ? referrals.heldBy(r) : List.of());
		return "supervision/referral/referral";
	}

	@PostMapping("/referrals/{id}/decision")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reasons, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.decide(Operator.current(), id, version, decision, reasons);
			return "已记录负责人的决定";
		});
	}

	@PostMapping("/referrals/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String policeOrgan,
			@RequestParam(required = false) List<String> materials, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.transfer(Operator.current(), id, version, policeOrgan, materials);
			return "已移送公安机关，公安机关应在3日内决定是否立案";
		});
	}

	@PostMapping("/referrals/{id}/police-answer")
	String police(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String answer,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) LocalDate receivedOn, @RequestParam(required = false) String reasons,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			var r = referrals.policeAnswer(Operator.current(), id, version, answer, on, receivedOn, reasons);
			return r.status() == Referrals.Status.FILED ? "已登记立案，涉案物品和材料应在3日内移交" : "已登记不予立案，可在3日内提请复议";
		});
	}

	@PostMapping("/referrals/{id}/reconsideration")
	String reconsider(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) LocalDate on, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.reconsideration(Operator.current(), id, version, on);
			return "已登记提请复议";
		});
	}

	@PostMapping("/referrals/{id}/handover")
	String handover(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) LocalDate on,
			@RequestParam(required = false) String items, @RequestParam(required = false) List<Long> measureIds,
			@RequestParam(required = false) LocalDate partyToldOn, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.handover(Operator.current(), id, version, on, items, measureIds, partyToldOn);
			return "已登记移交";
		});
	}

	@PostMapping("/referrals/{id}/closing")
	String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
			@RequestParam(required = false) String courtFined, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.close(Operator.current(), id, version, note, "true".equals(courtFined) ? Boolean.TRUE : "false".equals(courtFined) ? Boolean.FALSE : null);
			return "已办结";
		});
	}

	@PostMapping("/referrals/{id}/procuratorate")
	String procuratorate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			referrals.procuratorate(Operator.current(), id, version, note);
			return "已登记检察机关的监督";
		});
	}

	@PostMapping("/referrals/{id}/clue-answer")
	String clueAnswer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) LocalDate on,
			@RequestParam(required = false) String answer, RedirectAttributes flash) {
		return PageActions.run(flash, "/referrals/" + id, () -> {
			clues.clueAnswer(Operator.current(), id, version, on, answer);
			return "已登记纪检监察机关的答复";
		});
	}
}
