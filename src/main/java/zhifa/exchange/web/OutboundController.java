package zhifa.exchange.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.exchange.CodeTables;
import zhifa.exchange.ElementClass;
import zhifa.exchange.OutboundCodeClass;
import zhifa.exchange.OutboundState;
import zhifa.exchange.Outbox;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** 数据推送: the outbox with each element's status, the dead letters, a full push, and the code tables. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class OutboundController {

	private final Outbox outbox;
	private final CodeTables codes;

	OutboundController(Outbox outbox, CodeTables codes) {
		this.outbox = outbox;
		this.codes = codes;
	}

	@GetMapping("/exchange/outbound")
	String list(@RequestParam(required = false) String elementClass, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "false") boolean dead, @RequestParam(required = false) String key, @RequestParam(defaultValue = "0") int page,
			Model model) {
		ElementClass c = ElementClass.parse(elementClass);
		OutboundState s = zhifa.exchange.OutboundState.parse(state);
		var found = outbox.list(Operator.current(), c, s, dead, key, page, 50);
		model.addAttribute("page", found);
		model.addAttribute("labels", outbox.labels(found.items()));
		model.addAttribute("counts", outbox.counts());
		model.addAttribute("classes", ElementClass.values());
		model.addAttribute("states", OutboundState.values());
		model.addAttribute("elementClass", c);
		model.addAttribute("state", s);
		model.addAttribute("dead", dead);
		model.addAttribute("key", key == null ? "" : key);
		model.addAttribute("settings", outbox.settings());
		var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/exchange/outbound");
		if (c != null) {
			b.queryParam("elementClass", c.name());
		}
		if (s != null) {
			b.queryParam("state", s.name());
		}
		if (dead) {
			b.queryParam("dead", "true");
		}
		if (key != null && !key.isBlank()) {
			b.queryParam("key", key.strip());
		}
		String base = b.encode().build().toUriString();
		model.addAttribute("baseUrl", base + (base.contains("?") ? "&" : "?"));
		return "exchange/outbound";
	}

	@GetMapping("/exchange/outbound/{id}")
	String one(@PathVariable long id, Model model) {
		var o = outbox.find(id).orElseThrow(() -> new zhifa.shared.NotFound("推送记录 " + id));
		model.addAttribute("o", o);
		model.addAttribute("label", outbox.labels(java.util.List.of(o)).get(o.id()));
		model.addAttribute("history", outbox.history(o.elementClass(), o.elementKey()));
		model.addAttribute("preview", outbox.preview(Operator.current(), id));
		return "exchange/outbound-one";
	}

	@PostMapping("/exchange/outbound/{id}/requeue")
	String requeue(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/exchange/outbound?dead=true", () -> {
			var o = outbox.requeue(Operator.current(), id);
			return o.elementClass().label() + " " + o.elementKey() + " 已重新排队推送";
		});
	}

	@PostMapping("/exchange/outbound/requeue-all")
	String requeueAll(RedirectAttributes flash) {
		return PageActions.run(flash, "/exchange/outbound", () -> outbox.requeueAll(Operator.current()) + " 条失败记录已重新排队推送");
	}

	@PostMapping("/exchange/outbound/queue-all")
	String queueAll(@RequestParam(required = false) String elementClass, RedirectAttributes flash) {
		return PageActions.run(flash, "/exchange/outbound", () -> {
			ElementClass c = ElementClass.parse(elementClass);
			if (c == null) {
				throw zhifa.shared.BusinessRuleViolation.onField("elementClass", "请选择要全量推送的数据类别");
			}
			int n = outbox.queueAll(Operator.current(), c);
			return c.label() + "：" + n + " 条已排队推送";
		});
	}

	@GetMapping("/exchange/codes")
	String codes(Model model) {
		model.addAttribute("mappings", codes.all());
		model.addAttribute("codeClasses", OutboundCodeClass.values());
		return "exchange/codes";
	}

	@PostMapping("/exchange/codes")
	String save(@RequestParam(required = false) String codeClass, @RequestParam(required = false) String localCode,
			@RequestParam(required = false) String remoteCode, @RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/exchange/codes", () -> {
			var m = codes.save(Operator.current(), codeClass, localCode, remoteCode, note);
			return m.codeClass().label() + "：" + m.localCode() + " → " + m.remoteCode() + " 已保存";
		});
	}

	@PostMapping("/exchange/codes/remove")
	String remove(@RequestParam(required = false) String codeClass, @RequestParam(required = false) String localCode, RedirectAttributes flash) {
		return PageActions.run(flash, "/exchange/codes", () -> {
			codes.remove(Operator.current(), codeClass, localCode);
			return "已删除 " + localCode + " 的映射";
		});
	}
}
