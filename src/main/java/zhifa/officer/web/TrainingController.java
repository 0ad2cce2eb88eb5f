package zhifa.officer.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.officer.Officers;
import zhifa.officer.TrainingCategory;
import zhifa.officer.TrainingKind;
import zhifa.officer.Training;
import zhifa.organization.Bodies;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

@Controller
class TrainingController {

	private final Training training;
	private final Officers officers;
	private final Bodies bodies;
	private final java.time.Clock clock;

	TrainingController(Training training, Officers officers, Bodies bodies, java.time.Clock clock) {
		this.training = training;
		this.officers = officers;
		this.bodies = bodies;
		this.clock = clock;
	}

	@GetMapping("/training")
	String overview(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		var op = Operator.current();
		model.addAttribute("year", y);
		model.addAttribute("target", training.target(y));
		model.addAttribute("planDue", training.planDue(y));
		model.addAttribute("completionDue", training.completionDue(y));
		model.addAttribute("plans", training.plans(op.scope(), y));
		model.addAttribute("notFiled", CurrentRoles.hasAny("PLATFORM_ADMIN", "SUPERVISOR") ? training.notFiled(op.scope(), y) : List.of());
		model.addAttribute("planLate", LocalDate.now(clock).isAfter(training.planDue(y)));
		model.addAttribute("myPlan", op.bodyId() == null ? null : training.plan(op.bodyId(), y).orElse(null));
		model.addAttribute("sessions", training.sessions(op.scope(), y));
		model.addAttribute("categories", TrainingCategory.values());
		model.addAttribute("kinds", TrainingKind.values());
		model.addAttribute("bodyChoices", bodies.choices(DataScope.all()));
		return "officer/training";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/training/targets")
	String saveTarget(@RequestParam int year, @RequestParam(required = false) BigDecimal total, @RequestParam(required = false) BigDecimal publicLaw,
			@RequestParam(required = false) BigDecimal business, @RequestParam(required = false) LocalDate planDue,
			@RequestParam(required = false) LocalDate completionDue, @RequestParam(required = false) String source, RedirectAttributes flash) {
		try {
			training.saveTarget(year, total, publicLaw, business, planDue, completionDue, source);
			flash.addFlashAttribute("message", "已保存" + year + "年学时目标");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/training?year=" + year;
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN')")
	@PostMapping("/training/plans")
	String savePlan(@RequestParam int year, @RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(defaultValue = "false") boolean file, RedirectAttributes flash) {
		try {
			var op = Operator.current();
			var plan = training.savePlan(op.scope(), op.bodyId(), year, title, content, file);
			flash.addFlashAttribute("message", plan.filed() ? "已向司法局报备轮训计划" + (plan.late() ? "（逾期报备）" : "") : "已保存计划草稿");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/training?year=" + year;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/training/sessions")
	String createSession(@RequestParam(required = false) String title, @RequestParam(required = false) TrainingCategory category,
			@RequestParam(required = false) TrainingKind kind, @RequestParam(required = false) LocalDate heldOn,
			@RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String place,
			@RequestParam(required = false) Long organiserBodyId, @RequestParam(required = false) List<Long> coOrganiserIds,
			RedirectAttributes flash) {
		var op = Operator.current();
		Long organiser = op.bodyId() != null ? op.bodyId() : organiserBodyId;
		try {
			if (organiser == null) {
				throw BusinessRuleViolation.onField("organiserBodyId", "请选择组织单位");
			}
			var s = training.createSession(organiser, new Training.NewSession(title, category, kind, heldOn, hours, place, coOrganiserIds), false);
			flash.addFlashAttribute("message", "已创建培训，请登记参训人员");
			return "redirect:/training/sessions/" + s.id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/training";
		}
	}

	@GetMapping("/training/sessions/{id}")
	String session(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		var s = training.session(Operator.current().scope(), id);
		model.addAttribute("ts", s);
		model.addAttribute("attendees", training.attendees(Operator.current().scope(), id));
		boolean manages = training.manages(Operator.current().scope(), id) && CurrentRoles.hasAny("PLATFORM_ADMIN", "SUPERVISOR", "UNIT_ADMIN");
		model.addAttribute("manages", manages);
		// attendance is of a training held (Training.addAttendees)
		model.addAttribute("held", !s.heldOn().isAfter(java.time.LocalDate.now(clock)));
		model.addAttribute("q", q);
		if (manages && q != null && !q.isBlank()) {
			// attendees may come from any body (township staff attend department training)
			model.addAttribute("found", officers.search(DataScope.all(), new Officers.Query(q, null, zhifa.officer.OfficerStatus.ON_DUTY, null), 0, 20).items());
		}
		return "officer/training-session";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/training/sessions/{id}/attendees")
	String addAttendees(@PathVariable long id, @RequestParam(required = false) List<Long> officerIds,
			@RequestParam(required = false) BigDecimal hours, RedirectAttributes flash) {
		try {
			int n = training.addAttendees(Operator.current().scope(), id, officerIds == null ? List.of() : officerIds, hours);
			long asked = officerIds == null ? 0 : officerIds.stream().distinct().count();
			if (n == 0) {
				flash.addFlashAttribute("error", "所选人员已登记过本次培训，未重复登记");
			}
			else {
				flash.addFlashAttribute("message", "已登记 " + n + " 名参训人员" + (asked > n ? "（另有 " + (asked - n) + " 名此前已登记，未重复登记）" : ""));
			}
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/training/sessions/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/training/sessions/{id}/attendees/{officerId}/removal")
	String removeAttendee(@PathVariable long id, @PathVariable long officerId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		try {
			training.removeAttendee(Operator.current().scope(), id, officerId, reason);
			flash.addFlashAttribute("message", "已删除这条参训登记；如学时登记有误，请重新登记");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/training/sessions/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/training/sessions/{id}/attendance-import")
	String importAttendance(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessRuleViolation("请选择要导入的 Excel 文件（列：姓名、身份证号、学时）");
			}
			var result = training.importAttendance(Operator.current().scope(), id, file.getInputStream());
			flash.addFlashAttribute("message", "已导入 " + result.created() + " 名参训人员");
			flash.addFlashAttribute("importErrors", result.errors());
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/training/sessions/" + id;
	}
}
