package zhifa.officer.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;
import zhifa.officer.Certificates;
import zhifa.officer.Exams;
import zhifa.officer.Officer;
import zhifa.officer.OfficerExcel;
import zhifa.officer.OfficerForm;
import zhifa.officer.OfficerStatus;
import zhifa.officer.Officers;
import zhifa.officer.StaffingType;
import zhifa.officer.Training;
import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

@Controller
class OfficerController {

	private final Officers officers;
	private final Certificates certificates;
	private final Training training;
	private final Exams exams;
	private final OfficerExcel excel;
	private final Bodies bodies;
	private final Domains domains;
	private final java.time.Clock clock;

	OfficerController(Officers officers, Certificates certificates, Training training, Exams exams, OfficerExcel excel, Bodies bodies,
			Domains domains, java.time.Clock clock) {
		this.officers = officers;
		this.certificates = certificates;
		this.training = training;
		this.exams = exams;
		this.excel = excel;
		this.bodies = bodies;
		this.domains = domains;
		this.clock = clock;
	}

	@GetMapping("/officers")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) OfficerStatus status, @RequestParam(required = false) StaffingType staffing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = new Officers.Query(q, bodyId, status, staffing);
		var found = officers.search(Operator.current().scope(), query, page, 20);
		model.addAttribute("page", found);
		// who may enforce today: the certificate each holds, on the list
		model.addAttribute("held", certificates.held(found.items().stream().map(zhifa.officer.Officer::id).toList()));
		model.addAttribute("soon", java.time.LocalDate.now(clock).plusMonths(6));
		model.addAttribute("query", query);
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("statuses", OfficerStatus.values());
		model.addAttribute("staffings", StaffingType.values());
		model.addAttribute("queryString", "?" + (q == null ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&")
				+ (bodyId == null ? "" : "bodyId=" + bodyId + "&") + (status == null ? "" : "status=" + status + "&")
				+ (staffing == null ? "" : "staffing=" + staffing + "&"));
		return "officer/officers";
	}

	@GetMapping("/officers/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) OfficerStatus status, @RequestParam(required = false) StaffingType staffing) {
		return Downloads.xlsx("执法人员.xlsx", excel.export(Operator.current().scope(), new Officers.Query(q, bodyId, status, staffing)));
	}

	@GetMapping("/officers/{id}")
	String show(@PathVariable long id, Model model) {
		Officer officer = officers.get(Operator.current().scope(), id);
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("officer", officer);
		model.addAttribute("history", officers.statusHistory(id));
		model.addAttribute("certificates", certificates.ofOfficer(id));
		model.addAttribute("hours", training.hours(List.of(id), year).get(id));
		model.addAttribute("year", year);
		model.addAttribute("papers", exams.papersOf(id));
		model.addAttribute("qualified", exams.qualifiedDomains(id));
		model.addAttribute("domains", domains.all());
		model.addAttribute("statuses", OfficerStatus.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "officer/officer";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/officers/new")
	String newForm(Model model) {
		OfficerForm form = new OfficerForm();
		form.setBodyId(Operator.current().bodyId());
		return form(form, null, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/officers")
	String create(@ModelAttribute("form") OfficerForm form, Model model, RedirectAttributes flash) {
		try {
			Officer o = officers.create(Operator.current().scope(), form, false);
			flash.addFlashAttribute("message", "已录入执法人员“" + o.name() + "”");
			return "redirect:/officers/" + o.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(form, null, model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/officers/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(OfficerForm.of(officers.get(Operator.current().scope(), id)), id, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/officers/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") OfficerForm form, Model model, RedirectAttributes flash) {
		try {
			officers.update(Operator.current().scope(), id, form);
			flash.addFlashAttribute("message", "已保存");
			return "redirect:/officers/" + id;
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(form, id, model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/officers/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam(required = false) OfficerStatus status,
			@RequestParam(required = false) LocalDate effectiveDate, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String documentNumber, RedirectAttributes flash) {
		try {
			Officer o = officers.changeStatus(Operator.current().scope(), id, status, effectiveDate, reason, documentNumber);
			flash.addFlashAttribute("message", "人员状态已改为“" + o.status().label() + "”"
					+ (o.status() != OfficerStatus.ON_DUTY ? "；执法证件已收回，注销申请已排队推送省证件管理系统" : ""));
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/officers/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/officers/import")
	String importForm() {
		return "officer/officer-import";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/officers/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("执法人员导入模板.xlsx", excel.template());
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/officers/import")
	String importOfficers(@RequestParam(required = false) MultipartFile file, Model model, HttpSession session) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要导入的 Excel 文件");
			return "officer/officer-import";
		}
		try {
			var result = excel.importOfficers(Operator.current().scope(), Operator.current().bodyId(), file.getInputStream());
			model.addAttribute("result", result);
			session.setAttribute("officerImport", result);
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return "officer/officer-import";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/officers/import/errors.xlsx")
	ResponseEntity<byte[]> importErrors(HttpSession session) {
		var report = (zhifa.shared.ImportReport) session.getAttribute("officerImport");
		return Downloads.xlsx("导入错误报告.xlsx", (report == null ? new zhifa.shared.ImportReport(0, List.of()) : report).errorWorkbook());
	}

	private String form(OfficerForm form, Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("officerId", id);
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("staffings", StaffingType.values());
		model.addAttribute("domains", domains.active());
		return "officer/officer-form";
	}
}
