package zhifa.catalog.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.catalog.CatalogueCleanup;
import zhifa.catalog.CatalogueExcel;
import zhifa.catalog.Matter;
import zhifa.catalog.MatterStatus;
import zhifa.catalog.MatterType;
import zhifa.catalog.Matters;
import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.ImportReport;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

/** 执法事项: the working catalogue of each body — list, compile and edit, status with history, Excel, clean-up proposals. */
@Controller
class MatterController {

	private final Matters matters;
	private final CatalogueCleanup cleanup;
	private final CatalogueExcel excel;
	private final Bodies bodies;
	private final Domains domains;

	MatterController(Matters matters, CatalogueCleanup cleanup, CatalogueExcel excel, Bodies bodies, Domains domains) {
		this.matters = matters;
		this.cleanup = cleanup;
		this.excel = excel;
		this.bodies = bodies;
		this.domains = domains;
	}

	@GetMapping("/matters")
	String list(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) MatterStatus status, Model model) {
		var scope = Operator.current().scope();
		model.addAttribute("matters", matters.list(scope, bodyId, status));
		model.addAttribute("withoutBasis", matters.withoutBasis(scope));
		model.addAttribute("statuses", MatterStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("bodyChoices", bodies.choices(scope));
		return "catalog/matters";
	}

	@GetMapping("/matters/cleanup")
	String cleanup(Model model) {
		var scope = Operator.current().scope();
		model.addAttribute("withoutBasis", cleanup.withoutBasis(scope));
		model.addAttribute("inactivity", cleanup.inactive(scope));
		model.addAttribute("overlaps", cleanup.overlaps(scope));
		return "catalog/cleanup";
	}

	@GetMapping("/matters/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("matter", matters.get(Operator.current().scope(), id));
		model.addAttribute("history", matters.history(id));
		model.addAttribute("statuses", MatterStatus.values());
		return "catalog/matter";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/matters/new")
	String createForm(@RequestParam(required = false) Long bodyId, Model model) {
		Long body = bodyId != null ? bodyId : Operator.current().bodyId();
		return form(new Matters.MatterForm(body, "", "", MatterType.PENALTY, null, false, List.of(), List.of()), null, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/matters/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Matter m = matters.get(Operator.current().scope(), id);
		return form(new Matters.MatterForm(m.bodyId(), m.code(), m.name(), m.type(), m.domainCode(), m.township(), m.otherBasis(), m.violationCodes(),
				m.violatedClauses(), m.penaltyClauses()), m,
				model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping({ "/matters/new", "/matters/{id}/edit" })
	String save(@PathVariable(required = false) Long id, @RequestParam(required = false) Long bodyId, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) MatterType type,
			@RequestParam(required = false) String domainCode, @RequestParam(defaultValue = "false") boolean township,
			@RequestParam(defaultValue = "") String basis, @RequestParam(defaultValue = "") String violationCodes,
			@RequestParam(defaultValue = "") String violatedClauses, @RequestParam(defaultValue = "") String penaltyClauses, Model model,
			RedirectAttributes flash) {
		var form = new Matters.MatterForm(bodyId, code, name, type, domainCode, township, lines(basis), lines(violationCodes), lines(violatedClauses),
				lines(penaltyClauses));
		var scope = Operator.current().scope();
		try {
			Matter saved = id == null ? matters.create(scope, form, false) : matters.update(scope, id, form);
			flash.addFlashAttribute("message", id == null ? "已编制事项“" + saved.name() + "”（草稿，随目录报备审查发布后生效）" : "已保存");
			return "redirect:/matters/" + saved.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(form, id == null ? null : matters.get(scope, id), model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/matters/{id}/status")
	String status(@PathVariable long id, @RequestParam(required = false) MatterStatus status, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		try {
			Matter m = matters.changeStatus(Operator.current().scope(), id, status, reason);
			flash.addFlashAttribute("message", "事项状态已变为“" + m.status().label() + "”");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/matters/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/matters/import")
	String importForm(@RequestParam(required = false) Long bodyId, Model model) {
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("bodyId", bodyId != null ? bodyId : Operator.current().bodyId());
		return "catalog/matter-import";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/matters/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("执法事项目录导入模板.xlsx", excel.template());
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/matters/import")
	String importMatters(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) MultipartFile file, Model model,
			HttpSession session) throws IOException {
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("bodyId", bodyId);
		if (bodyId == null) {
			model.addAttribute("error", "请选择执法主体");
		}
		else if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要导入的 Excel 文件");
		}
		else {
			try {
				var result = excel.importInto(Operator.current().scope(), bodyId, file.getInputStream());
				model.addAttribute("result", result);
				session.setAttribute("matterImport", result);
			}
			catch (BusinessRuleViolation e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		return "catalog/matter-import";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@GetMapping("/matters/import/errors.xlsx")
	ResponseEntity<byte[]> importErrors(HttpSession session) {
		var report = (ImportReport) session.getAttribute("matterImport");
		return Downloads.xlsx("导入错误报告.xlsx", (report == null ? new ImportReport(0, List.of()) : report).errorWorkbook());
	}

	private String form(Matters.MatterForm form, Matter existing, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("types", MatterType.values());
		model.addAttribute("domainChoices", domains.active());
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return "catalog/matter-form";
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("[\\n；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
