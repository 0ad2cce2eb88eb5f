package zhifa.organization.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import zhifa.organization.Bodies;
import zhifa.organization.BodyExcel;
import zhifa.organization.BodyForm;
import zhifa.organization.BodyKind;
import zhifa.organization.Domains;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.ImportReport;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

@Controller
class BodyController {

	private static final int PAGE_SIZE = 20;

	private final Bodies bodies;
	private final Regions regions;
	private final Domains domains;
	private final BodyExcel excel;
	private final BodyAccess access;

	BodyController(Bodies bodies, Regions regions, Domains domains, BodyExcel excel, BodyAccess access) {
		this.bodies = bodies;
		this.regions = regions;
		this.domains = domains;
		this.excel = excel;
		this.access = access;
	}

	@GetMapping("/bodies")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) BodyKind kind, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String domain, @RequestParam(defaultValue = "0") int page, Model model) {
		var query = new Bodies.Query(q, regionId, kind, active, domain);
		model.addAttribute("page", bodies.search(Operator.current().scope(), query, page, PAGE_SIZE));
		model.addAttribute("query", query);
		model.addAttribute("queryString", queryString(query));
		model.addAttribute("regions", regions.tree());
		model.addAttribute("kinds", BodyKind.values());
		model.addAttribute("domains", domains.all());
		return "organization/bodies";
	}

	@GetMapping("/bodies/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) BodyKind kind, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String domain) {
		return Downloads.xlsx("执法主体.xlsx", excel.export(Operator.current().scope(), new Bodies.Query(q, regionId, kind, active, domain)));
	}

	@GetMapping("/bodies/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("body", bodies.get(Operator.current().scope(), id));
		model.addAttribute("domains", domains.all());
		return "organization/body";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@GetMapping("/bodies/new")
	String newForm(Model model) {
		BodyForm form = new BodyForm();
		form.setKind(BodyKind.ADMINISTRATIVE_ORGAN);
		return form(form, null, model);
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies")
	String create(@ModelAttribute("form") BodyForm form, Model model, RedirectAttributes flash) {
		try {
			var created = bodies.create(Operator.current().scope(), form, false);
			flash.addFlashAttribute("message", "已新建执法主体“" + created.name() + "”");
			return "redirect:/bodies/" + created.id();
		}
		catch (BusinessRuleViolation e) {
			return formWithErrors(form, null, e, model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/bodies/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		access.restrict(id, new BodyForm());
		return form(BodyForm.of(bodies.get(Operator.current().scope(), id)), id, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/bodies/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") BodyForm form, Model model, RedirectAttributes flash) {
		try {
			bodies.update(Operator.current().scope(), id, access.restrict(id, form));
			flash.addFlashAttribute("message", "已保存");
			return "redirect:/bodies/" + id;
		}
		catch (BusinessRuleViolation e) {
			return formWithErrors(form, id, e, model);
		}
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies/{id}/{action:activate|deactivate}")
	String setActive(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		// a refusal gives the typed reason back to the form
		return zhifa.shared.web.PageActions.run(flash, "/bodies/" + id, () -> {
			bodies.setActive(Operator.current().scope(), id, action.equals("activate"), reason);
			return action.equals("activate") ? "已启用" : "已停用（主体及其记录保留）";
		});
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@GetMapping("/bodies/import")
	String importForm() {
		return "organization/body-import";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@GetMapping("/bodies/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("执法主体导入模板.xlsx", excel.template());
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies/import")
	String importBodies(@RequestParam(required = false) MultipartFile file, Model model, HttpSession session) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要导入的 Excel 文件");
			return "organization/body-import";
		}
		try {
			var result = excel.importBodies(Operator.current().scope(), file.getInputStream());
			model.addAttribute("result", result);
			session.setAttribute("bodyImport", result);
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return "organization/body-import";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@GetMapping("/bodies/import/errors.xlsx")
	ResponseEntity<byte[]> importErrors(HttpSession session) {
		var report = (ImportReport) session.getAttribute("bodyImport");
		return Downloads.xlsx("导入错误报告.xlsx", (report == null ? new ImportReport(0, List.of()) : report).errorWorkbook());
	}

	private String formWithErrors(BodyForm form, Long id, BusinessRuleViolation e, Model model) {
		model.addAttribute("errors", e.fieldErrors());
		model.addAttribute("error", e.getMessage());
		return form(form, id, model);
	}

	private String form(BodyForm form, Long id, Model model) {
		if (form.getEntrustment() == null) {
			form.setEntrustment(new BodyForm.EntrustmentForm());
		}
		model.addAttribute("form", form);
		model.addAttribute("bodyId", id);
		model.addAttribute("regions", regions.tree());
		model.addAttribute("kinds", BodyKind.values());
		model.addAttribute("domains", domains.active());
		model.addAttribute("organs", bodies.organs());
		model.addAttribute("restricted", Operator.current().scope().kind() != zhifa.shared.DataScope.Kind.ALL);
		return "organization/body-form";
	}

	private static String queryString(Bodies.Query q) {
		StringBuilder sb = new StringBuilder("?");
		append(sb, "q", q.text());
		append(sb, "regionId", q.regionId());
		append(sb, "kind", q.kind());
		append(sb, "active", q.active());
		append(sb, "domain", q.domainCode());
		return sb.toString();
	}

	private static void append(StringBuilder sb, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			sb.append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)).append('&');
		}
	}
}
