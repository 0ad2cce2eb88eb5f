package zhifa.supervision.campaign.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;
import zhifa.shared.web.PageActions;
import zhifa.supervision.campaign.CampaignReport;
import zhifa.supervision.campaign.Campaigns;

/** 专项整治 pages: campaigns, one campaign's duties, one body's duty with its problems, the special-supervision report. */
@Controller
class CampaignController {

	private final zhifa.supervision.campaign.CampaignReturns returns;
	private final Campaigns campaigns;
	private final CampaignReport report;
	private final java.time.Clock clock;

	CampaignController(Campaigns campaigns, CampaignReport report, java.time.Clock clock, zhifa.supervision.campaign.CampaignReturns returns) {
		this.returns = returns;
		this.campaigns = campaigns;
		this.report = report;
		this.clock = clock;
	}

	@GetMapping("/campaigns")
	String list(Model model) {
		Operator me = Operator.current();
		model.addAttribute("campaigns", campaigns.campaigns());
		model.addAttribute("supervisor", me.holdsAnyRole(List.of("SUPERVISOR")));
		model.addAttribute("categories", String.join("\n", Campaigns.PLAN_CATEGORIES));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/campaign/list";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/campaigns")
	String open(@RequestParam(required = false) String code, @RequestParam(required = false) String title, @RequestParam(required = false) String categories,
			@RequestParam(required = false) LocalDate listDue, @RequestParam(required = false) LocalDate reportDue,
			@RequestParam(required = false) LocalDate supervisionDue, RedirectAttributes flash) {
		try {
			long id = campaigns.open(Operator.current(), code, title, categories == null ? List.of() : Arrays.asList(categories.split("\\R")), listDue, reportDue,
					supervisionDue);
			flash.addFlashAttribute("message", "已部署专项整治");
			return "redirect:/campaigns/" + id;
		}
		catch (BusinessRuleViolation e) {
			return PageActions.run(flash, "/campaigns", () -> {
				throw e;
			});
		}
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var c = campaigns.campaign(id);
		var own = campaigns.ownDutyIn(me, id);
		var duties = campaigns.duties(me, id);
		if (duties.size() == 1 && own.isPresent() && !me.holdsAnyRole(List.of("SUPERVISOR"))) {
			return "redirect:/campaigns/duties/" + own.get().id();
		}
		model.addAttribute("c", c);
		model.addAttribute("duties", duties);
		model.addAttribute("supervisor", me.holdsAnyRole(List.of("SUPERVISOR")));
		model.addAttribute("lead", campaigns.leads(me, id));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/campaign/campaign";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/campaigns/{id}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable long id) {
		var c = campaigns.campaign(id);
		if (!campaigns.leads(Operator.current(), id)) {
			throw new org.springframework.security.access.AccessDeniedException("专项监督情况报告由组织专项整治的" + c.leadBodyName() + "报送");
		}
		return Downloads.file("关于" + c.title() + "专项监督情况的报告.pdf", MediaType.APPLICATION_PDF, report.pdf(Operator.current(), id));
	}

	@GetMapping("/campaigns/duties/{dutyId}")
	String duty(@PathVariable long dutyId, Model model) {
		Operator me = Operator.current();
		var d = campaigns.visibleDuty(me, dutyId);
		model.addAttribute("d", d);
		model.addAttribute("c", campaigns.campaign(d.campaignId()));
		model.addAttribute("mine", me.bodyId() != null && me.bodyId() == d.bodyId() && me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER")));
		model.addAttribute("mayReturn", returns.mayReturn(me, d));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/campaign/duty";
	}

	@PostMapping("/campaigns/duties/{dutyId}/return")
	String returnSubmission(@PathVariable long dutyId, @RequestParam int version, @RequestParam(required = false) String what,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			var d = returns.returnSubmission(Operator.current(), dutyId, version, what, reason);
			return "已退回" + d.bodyName() + "，待其修改后重新报送";
		});
	}

	@PostMapping("/campaigns/duties/{dutyId}/problems")
	String addProblem(@PathVariable long dutyId, @RequestParam(required = false) String category, @RequestParam(required = false) String manifestation,
			@RequestParam(required = false) String measures, @RequestParam(required = false) String standard, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			campaigns.addProblem(Operator.current(), dutyId, new Campaigns.ProblemForm(category, manifestation, measures, standard, deadline));
			return "已列出问题和整改方案";
		});
	}

	@PostMapping("/campaigns/duties/{dutyId}/problems/{problemId}/removal")
	String removeProblem(@PathVariable long dutyId, @PathVariable long problemId, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			returns.removeProblem(Operator.current(), dutyId, problemId, version);
			return "已从清单中删除该问题";
		});
	}

	@PostMapping("/campaigns/duties/{dutyId}/list")
	String submitList(@PathVariable long dutyId, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			var d = campaigns.submitList(Operator.current(), dutyId, version);
			return "已报送" + d.reportToName() + (d.copyToName() == null ? "" : "，并抄送" + d.copyToName());
		});
	}

	@PostMapping("/campaigns/duties/{dutyId}/problems/{problemId}/progress")
	String progress(@PathVariable long dutyId, @PathVariable long problemId, @RequestParam int version, @RequestParam(required = false) String progress,
			@RequestParam(defaultValue = "false") boolean rectified, RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			campaigns.progress(Operator.current(), dutyId, problemId, version, progress, rectified);
			return "已报告整改进展";
		});
	}

	@PostMapping("/campaigns/duties/{dutyId}/report")
	String submitReport(@PathVariable long dutyId, @RequestParam int version, @RequestParam(required = false) String report, RedirectAttributes flash) {
		return PageActions.run(flash, "/campaigns/duties/" + dutyId, () -> {
			campaigns.submitReport(Operator.current(), dutyId, version, report);
			return "已报送专项整治情况";
		});
	}
}
