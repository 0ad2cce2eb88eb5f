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

import zhifa.organization.Bodies;
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

	ExchangeController(SourceSystems sources, Bodies bodies) {
		this.sources = sources;
		this.bodies = bodies;
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
