package zhifa.supervision.exchange.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpSession;
import zhifa.organization.Bodies;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.ImportReport;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;
import zhifa.supervision.exchange.ActExcel;
import zhifa.supervision.exchange.ActExchange;
import zhifa.shared.DataScope;
import zhifa.shared.web.PageActions;
import zhifa.supervision.exchange.CodeClass;
import zhifa.supervision.exchange.SourceSystems;

/**
 * 数据交换 — the platform administrator keeps the systems that report acts (their bodies) and each system's code
 * mappings; supervisors may look. The same service as {@code /api/v1/exchange/sources}.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
class ExchangeController {

	private final SourceSystems sources;
	private final Bodies bodies;
	private final ActExchange exchange;

	ExchangeController(SourceSystems sources, Bodies bodies, ActExchange exchange) {
		this.sources = sources;
		this.bodies = bodies;
		this.exchange = exchange;
	}

	/** Excel 导入 for a body without a system of its own: the template, the upload, the result row by row. */
	@GetMapping("/supervision/exchange/{code}/import")
	String importForm(@PathVariable String code, Model model) {
		model.addAttribute("source", sources.get(code));
		return "supervision/exchange/import";
	}

	@GetMapping("/supervision/exchange/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("执法行为报送模板.xlsx", ActExcel.template());
	}

	/**
	 * The sheet's rows go through the same checks as a system's report ({@link ActExchange#receiveAll}): the good rows
	 * are saved, each refused row is listed with its row number and reasons (and kept for the error workbook), and a sheet
	 * that cannot be read is refused whole, nothing written.
	 */
	@PostMapping("/supervision/exchange/{code}/import")
	String importActs(@PathVariable String code, @RequestParam(required = false) MultipartFile file, Model model, HttpSession session)
			throws java.io.IOException {
		model.addAttribute("source", sources.get(code));
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "请选择要导入的 Excel 文件（.xlsx，按模板填写）");
			return "supervision/exchange/import";
		}
		try {
			ActExchange.BatchResult result = exchange.receiveAll(Operator.current(), code, ActExcel.read(file.getBytes()), ActExchange.Channel.EXCEL, false);
			model.addAttribute("result", result);
			model.addAttribute("refused", result.results().stream().filter(r -> r.status() == ActExchange.Status.REFUSED).toList());
			model.addAttribute("warned", result.results().stream().filter(r -> r.status() != ActExchange.Status.REFUSED && !r.warnings().isEmpty()).toList());
			session.setAttribute("actImport", new ImportReport(result.accepted(), result.results().stream().filter(r -> r.status() == ActExchange.Status.REFUSED)
				.map(r -> new ImportReport.RowError(r.index(), r.externalId(), reasons(r))).toList()));
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return "supervision/exchange/import";
	}

	/** The refused rows of the last import, with their reasons. */
	@GetMapping("/supervision/exchange/import/errors.xlsx")
	ResponseEntity<byte[]> importErrors(HttpSession session) {
		ImportReport report = session.getAttribute("actImport") instanceof ImportReport r ? r : new ImportReport(0, List.of());
		return Downloads.xlsx("执法行为导入错误报告.xlsx", report.errorWorkbook());
	}

	/** A refused row's reasons in one line: 字段：原因；…. */
	static String reasons(ActExchange.RecordResult r) {
		return String.join("；", r.errors().stream().map(e -> e.message()).toList());
	}

	@GetMapping("/supervision/exchange")
	String list(Model model) {
		model.addAttribute("sources", sources.list());
		model.addAttribute("bodyChoices", bodies.choices(DataScope.all()));
		return "supervision/exchange/sources";
	}

	@GetMapping("/supervision/exchange/{code}")
	String source(@PathVariable String code, Model model) {
		model.addAttribute("source", sources.get(code));
		model.addAttribute("mappings", sources.mappings(code));
		model.addAttribute("codeClasses", CodeClass.values());
		model.addAttribute("bodyChoices", bodies.choices(DataScope.all()));
		return "supervision/exchange/source";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/supervision/exchange")
	String save(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) List<Long> bodyIds, RedirectAttributes flash) {
		String c = code.strip().toUpperCase();
		return PageActions.run(flash, c.isEmpty() ? "/supervision/exchange" : "/supervision/exchange/" + c, () -> {
			var s = sources.save(c, new SourceSystems.SourceForm(name, active, bodyIds == null ? List.of() : bodyIds), false);
			return "已保存报送系统“" + s.name() + "”（" + s.code() + "）";
		});
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/supervision/exchange/{code}/mappings")
	String map(@PathVariable String code, @RequestParam(required = false) String codeClass, @RequestParam(defaultValue = "") String externalCode,
			@RequestParam(defaultValue = "") String ourCode, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/exchange/" + code, () -> {
			CodeClass k = Arrays.stream(CodeClass.values()).filter(x -> x.name().equals(codeClass)).findFirst()
				.orElseThrow(() -> zhifa.shared.BusinessRuleViolation.onField("codeClass", "请选择代码类别"));
			var m = sources.map(code, new SourceSystems.MappingForm(k, externalCode, ourCode));
			return "已保存映射：" + k.label() + " “" + m.externalCode() + "” → “" + m.ourCode() + "”";
		});
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/supervision/exchange/{code}/mappings/delete")
	String unmap(@PathVariable String code, @RequestParam(required = false) CodeClass codeClass, @RequestParam(defaultValue = "") String externalCode,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/exchange/" + code, () -> {
			if (codeClass == null) {
				throw zhifa.shared.BusinessRuleViolation.onField("codeClass", "请选择代码类别");
			}
			sources.unmap(code, codeClass, externalCode);
			return "已删除映射：" + codeClass.label() + " “" + externalCode + "”";
		});
	}
}
