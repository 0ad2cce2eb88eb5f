package zhifa.inspection.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

import jakarta.servlet.http.HttpSession;
import zhifa.inspection.objects.InspectionObjects;
import zhifa.inspection.objects.ObjectKind;
import zhifa.inspection.objects.RiskClass;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.ImportReport;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;
import zhifa.shared.web.PageActions;

/**
 * 检查对象名录库 pages: every staff member may look objects up; the platform and unit administrators keep the pool (one by
 * one or by Excel).
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL_REVIEWER','UNIT_ADMIN','SUPERVISOR','PLATFORM_ADMIN')")
class ObjectController {

	static final int PAGE_SIZE = 50;

	private final InspectionObjects objects;
	private final zhifa.inspection.visits.Conflicts conflicts;
	private final Regions regions;

	ObjectController(InspectionObjects objects, zhifa.inspection.visits.Conflicts conflicts, Regions regions) {
		this.objects = objects;
		this.conflicts = conflicts;
		this.regions = regions;
	}

	private static InspectionObjects.Query query(String q, Long regionId, String risk, String industry) {
		if (q != null && q.length() > 100) {
			throw BusinessRuleViolation.onField("q", "查询内容不超过100个字");
		}
		RiskClass r = risk == null || risk.isBlank() ? null : RiskClass.read(risk).orElseThrow(() -> BusinessRuleViolation.onField("risk", "信用风险分类应为 A、B、C 或 D"));
		return new InspectionObjects.Query(q, regionId, r, industry);
	}

	@GetMapping("/inspection/objects")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long regionId, @RequestParam(required = false) String risk,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "0") int page, Model model) {
		if (page < 0 || page > 100_000) {
			throw BusinessRuleViolation.onField("page", "页码超出范围");
		}
		var query = query(q, regionId, risk, industry);
		model.addAttribute("page", objects.search(query, page, PAGE_SIZE));
		model.addAttribute("query", query);
		model.addAttribute("queryString", queryString(q, regionId, risk, industry));
		model.addAttribute("regions", regions.tree());
		model.addAttribute("risks", RiskClass.values());
		model.addAttribute("industries", objects.industries());
		model.addAttribute("counts", objects.countsByRisk());
		return "inspection/objects";
	}

	@GetMapping("/inspection/objects/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String risk, @RequestParam(required = false) String industry) {
		return Downloads.xlsx("检查对象名录.xlsx", objects.export(query(q, regionId, risk, industry)));
	}

	@GetMapping("/inspection/objects/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("o", objects.get(id));
		model.addAttribute("history", objects.riskHistory(id));
		model.addAttribute("conflicts", conflicts.conflicts(Operator.current().scope(), id));
		model.addAttribute("declarable", conflicts.declarable(Operator.current()));
		return "inspection/object";
	}

	/** 申报利害关系: the officer (or his head or administrator for him) is left out of every draw for this object. */
	@PostMapping("/inspection/objects/{id}/conflicts")
	String conflict(@PathVariable long id, @RequestParam(required = false) Long officerId, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/objects/" + id + "#conflicts", () -> {
			if (officerId == null) {
				throw BusinessRuleViolation.onField("officerId", "请选择执法人员");
			}
			conflicts.declareConflict(Operator.current(), officerId, id, reason);
			return "已申报利害关系：今后抽取检查人员时回避该对象";
		});
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@GetMapping("/inspection/objects/new")
	String newForm(Model model) {
		return form(null, model);
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@GetMapping("/inspection/objects/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(objects.get(id), model);
	}

	private String form(InspectionObjects.InspectionObject o, Model model) {
		model.addAttribute("o", o);
		model.addAttribute("regions", regions.tree());
		model.addAttribute("kinds", ObjectKind.values());
		model.addAttribute("risks", RiskClass.values());
		// the industries already used, offered as the officer types: a task draws from one industry by its exact name
		model.addAttribute("industries", objects.industries());
		return "inspection/object-form";
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/objects")
	String create(@RequestParam(required = false) String uscc, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Long regionId, @RequestParam(required = false) String address,
			@RequestParam(required = false) String licences, @RequestParam(required = false) String riskClass,
			@RequestParam(required = false) String riskSource, RedirectAttributes flash) {
		long[] id = { 0 };
		String back = PageActions.run(flash, "/inspection/objects/new", () -> {
			var o = objects.create(Operator.current(), new InspectionObjects.ObjectForm(uscc, name, kind, industry, regionId, address, licences, riskClass,
					riskSource), false);
			id[0] = o.id();
			return "已加入名录：" + o.name();
		});
		return id[0] == 0 ? back : "redirect:/inspection/objects/" + id[0];
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/objects/{id}")
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String industry, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String address, @RequestParam(required = false) String licences,
			@RequestParam(required = false) String riskClass, @RequestParam(required = false) String riskSource, RedirectAttributes flash) {
		boolean[] ok = { false };
		String back = PageActions.run(flash, "/inspection/objects/" + id + "/edit", () -> {
			objects.update(Operator.current(), id, version, new InspectionObjects.ObjectForm(null, name, kind, industry, regionId, address, licences, riskClass,
					riskSource));
			ok[0] = true;
			return "已保存";
		});
		return ok[0] ? "redirect:/inspection/objects/" + id : back;
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@GetMapping("/inspection/objects/import")
	String importForm() {
		return "inspection/object-import";
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@GetMapping("/inspection/objects/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("检查对象导入模板.xlsx", objects.template());
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/objects/import")
	String importObjects(@RequestParam(required = false) MultipartFile file, Model model, HttpSession session) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要导入的 Excel 文件");
			return "inspection/object-import";
		}
		try {
			var result = objects.importObjects(Operator.current(), file.getInputStream());
			model.addAttribute("result", result);
			session.setAttribute("objectImport", result.report());
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return "inspection/object-import";
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@GetMapping("/inspection/objects/import/errors.xlsx")
	ResponseEntity<byte[]> importErrors(HttpSession session) {
		var report = (ImportReport) session.getAttribute("objectImport");
		return Downloads.xlsx("导入错误报告.xlsx", (report == null ? new ImportReport(0, List.of()) : report).errorWorkbook());
	}

	private static String queryString(String q, Long regionId, String risk, String industry) {
		StringBuilder sb = new StringBuilder("?");
		append(sb, "q", q);
		append(sb, "regionId", regionId);
		append(sb, "risk", risk);
		append(sb, "industry", industry);
		return sb.toString();
	}

	private static void append(StringBuilder sb, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			sb.append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)).append('&');
		}
	}
}
