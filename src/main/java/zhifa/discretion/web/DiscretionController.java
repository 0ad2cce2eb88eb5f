package zhifa.discretion.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.discretion.BenchmarkForm;
import zhifa.discretion.BenchmarkLevel;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.Circumstance;
import zhifa.discretion.PenaltyType;
import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/** 裁量基准 pages: the list, one item with its chain, editing (validated against the chain) and the assessment. */
@Controller
class DiscretionController {

	private final Benchmarks benchmarks;
	private final BenchmarkAccess access;
	private final Regions regions;
	private final Bodies bodies;
	private final Domains domains;
	private final zhifa.discretion.LeniencyLists lists;
	private final zhifa.discretion.BenchmarkExcel excel;

	private final zhifa.catalog.Matters matters;
	private final java.time.Clock clock;

	DiscretionController(Benchmarks benchmarks, BenchmarkAccess access, Regions regions, Bodies bodies, Domains domains,
			zhifa.discretion.LeniencyLists lists, zhifa.discretion.BenchmarkExcel excel, zhifa.catalog.Matters matters, java.time.Clock clock) {
		this.clock = clock;
		this.matters = matters;
		this.lists = lists;
		this.excel = excel;
		this.benchmarks = benchmarks;
		this.access = access;
		this.regions = regions;
		this.bodies = bodies;
		this.domains = domains;
	}

	@GetMapping("/discretion")
	String list(@RequestParam(required = false) String domain, @RequestParam(required = false) String violation, Model model) {
		model.addAttribute("benchmarks", benchmarks.all(domain, violation));
		model.addAttribute("domains", domains.active());
		model.addAttribute("domain", domain);
		return "discretion/benchmarks";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@GetMapping("/discretion/import/template.xlsx")
	org.springframework.http.ResponseEntity<byte[]> template() {
		return zhifa.shared.web.Downloads.xlsx("裁量基准导入模板.xlsx", excel.template());
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/discretion/import")
	String importBenchmarks(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, RedirectAttributes flash)
			throws java.io.IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessRuleViolation("请选择要导入的 Excel 文件（先下载模板）");
			}
			var report = excel.importBenchmarks(file.getInputStream(), access::check);
			flash.addFlashAttribute("message", "已导入 " + report.created() + " 条基准");
			flash.addFlashAttribute("importErrors", report.errors());
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/discretion";
	}

	@GetMapping("/discretion/leniency")
	String leniency(Model model) {
		model.addAttribute("items", lists.all());
		model.addAttribute("thresholds", lists.thresholds());
		model.addAttribute("leniencyTypes", zhifa.discretion.LeniencyType.values());
		model.addAttribute("regions", regions.tree().stream().filter(r -> r.level() != zhifa.organization.RegionLevel.TOWNSHIP).toList());
		model.addAttribute("allCircumstances", Circumstance.values());
		model.addAttribute("domains", domains.active());
		model.addAttribute("partyTypes", zhifa.casework.PartyType.values());
		return "discretion/leniency";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/discretion/leniency/items")
	String addLeniency(@RequestParam(required = false) zhifa.discretion.LeniencyType type, @RequestParam(required = false) Long regionId,
			@RequestParam(defaultValue = "") String violationCode, @RequestParam(defaultValue = "") String matter,
			@RequestParam(defaultValue = "") String legalBasis, @RequestParam(required = false) Set<Circumstance> required,
			@RequestParam(defaultValue = "") String conditions, @RequestParam(defaultValue = "") String exclusions,
			@RequestParam(defaultValue = "") String measures, @RequestParam(defaultValue = "") String issuer,
			@RequestParam(defaultValue = "") String documentNumber, @RequestParam(required = false) LocalDate validFrom,
			@RequestParam(required = false) LocalDate validTo, RedirectAttributes flash) {
		try {
			var item = lists.add(new zhifa.discretion.LeniencyLists.NewItem(type, regionId, violationCode, matter, legalBasis,
					required == null ? Set.of() : required, conditions, exclusions, measures, issuer, documentNumber, validFrom, validTo), false);
			flash.addFlashAttribute("message", "已新增清单条目“" + item.matter() + "”");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/discretion/leniency";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/discretion/leniency/thresholds")
	String addThreshold(@RequestParam(defaultValue = "") String domainCode, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) zhifa.casework.PartyType partyType, @RequestParam(required = false) java.math.BigDecimal amountYuan,
			@RequestParam(defaultValue = "") String sourceDocument, @RequestParam(required = false) LocalDate effectiveFrom,
			@RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		try {
			lists.addThreshold(domainCode, regionId, partyType, zhifa.shared.Money.fen(amountYuan, "amountYuan"), sourceDocument,
					effectiveFrom, note.isBlank() ? null : note.strip(), false);
			flash.addFlashAttribute("message", "已设定听证“较大数额”标准");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/discretion/leniency";
	}

	@GetMapping("/discretion/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		var b = benchmarks.get(id);
		model.addAttribute("b", b);
		model.addAttribute("inForce", zhifa.discretion.Benchmarks.inForceSince(b, LocalDate.now(clock)));
		model.addAttribute("revisable", zhifa.discretion.Benchmarks.revisable(b, LocalDate.now(clock)));
		model.addAttribute("parent", benchmarks.parentOf(b).orElse(null));
		model.addAttribute("children", benchmarks.childrenOf(b));
		model.addAttribute("matters", matters.withViolation(Operator.current().scope(), b.violationCode()));
		return "discretion/benchmark";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@GetMapping("/discretion/new")
	String newForm(@RequestParam(required = false) Long revises, Model model) {
		if (revises != null) {
			// a revision: the content of the one in force to change, with its own 文号 and day to come
			var old = benchmarks.get(revises);
			access.check(BenchmarkForm.of(old));
			BenchmarkForm f = BenchmarkForm.of(old);
			f.setRevises(revises);
			f.setDocumentNumber(null);
			f.setEffectiveFrom(null);
			f.setEffectiveTo(null);
			model.addAttribute("revised", old);
			return form(f, null, model);
		}
		BenchmarkForm f = BenchmarkForm.blank();
		f.setLevel(Operator.current().scope().kind() == DataScope.Kind.ALL ? BenchmarkLevel.PROVINCE : BenchmarkLevel.BODY);
		f.setBodyId(Operator.current().bodyId());
		f.setEffectiveFrom(LocalDate.now(clock));
		return form(f, null, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@GetMapping("/discretion/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(BenchmarkForm.of(benchmarks.get(id)), id, model);
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping({ "/discretion", "/discretion/{id}" })
	String save(@PathVariable(required = false) Long id, @ModelAttribute("form") BenchmarkForm form, Model model, RedirectAttributes flash) {
		try {
			if (id != null) {
				access.check(BenchmarkForm.of(benchmarks.get(id)));
			}
			access.check(form);
			var saved = benchmarks.save(id, form);
			flash.addFlashAttribute("message", "已保存" + saved.title() + "（已按上级基准校验）");
			return "redirect:/discretion/" + saved.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(form, id, model);
		}
	}

	@GetMapping("/discretion/assess")
	String assess(@RequestParam(required = false) String violationCode, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) LocalDate actDate, @RequestParam(required = false) Set<Circumstance> circumstances,
			@RequestParam(required = false) java.math.BigDecimal illegalGainsYuan, Model model) {
		model.addAttribute("codes", benchmarks.all(null, null).stream().map(b -> b.violationCode() + "｜" + b.violation()).distinct().toList());
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("allCircumstances", Circumstance.values());
		model.addAttribute("violationCode", violationCode);
		model.addAttribute("bodyId", bodyId == null ? Operator.current().bodyId() : bodyId);
		model.addAttribute("actDate", actDate == null ? LocalDate.now(clock) : actDate);
		model.addAttribute("circumstances", circumstances == null ? Set.of() : circumstances);
		model.addAttribute("illegalGainsYuan", illegalGainsYuan);
		if (violationCode != null && !violationCode.isBlank() && bodyId != null) {
			try {
				model.addAttribute("assessment", benchmarks.assess(new Benchmarks.AssessmentRequest(violationCode.split("｜")[0], bodyId, actDate,
						null, circumstances == null ? EnumSet.noneOf(Circumstance.class) : EnumSet.copyOf(circumstances),
						zhifa.shared.Money.fen(illegalGainsYuan, "illegalGainsYuan"))));
			}
			catch (BusinessRuleViolation | zhifa.shared.NotFound e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		return "discretion/assess";
	}

	private String form(BenchmarkForm form, Long id, Model model) {
		// a row the page never sends (no tier: an index typed into the request) is not shown back
		form.getTiers().removeIf(row -> row == null || row.getTier() == null);
		model.addAttribute("form", form);
		if (id != null) {
			model.addAttribute("inForce", zhifa.discretion.Benchmarks.inForceSince(benchmarks.get(id), LocalDate.now(clock)));
		}
		if (form.getRevises() != null && !model.containsAttribute("revised")) {
			model.addAttribute("revised", benchmarks.get(form.getRevises()));
		}
		model.addAttribute("benchmarkId", id);
		model.addAttribute("levels", BenchmarkLevel.values());
		model.addAttribute("regions", regions.tree().stream().filter(r -> r.level() != zhifa.organization.RegionLevel.TOWNSHIP).toList());
		model.addAttribute("bodyChoices", bodies.choices(Operator.current().scope()));
		model.addAttribute("domains", domains.active());
		model.addAttribute("types", PenaltyType.values());
		return "discretion/benchmark-form";
	}
}
