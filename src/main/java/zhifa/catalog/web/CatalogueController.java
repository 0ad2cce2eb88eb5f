package zhifa.catalog.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.catalog.CatalogueExcel;
import zhifa.catalog.Catalogues;
import zhifa.catalog.ItemReview;
import zhifa.organization.Bodies;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

/** 执法事项目录: each body's catalogue, 报备, the justice bureau's review of every item, numbered versions and their diff. */
@Controller
class CatalogueController {

	private final Catalogues catalogues;
	private final CatalogueExcel excel;
	private final Bodies bodies;
	private final zhifa.catalog.CatalogueCleanup cleanup;

	CatalogueController(Catalogues catalogues, CatalogueExcel excel, Bodies bodies, zhifa.catalog.CatalogueCleanup cleanup) {
		this.cleanup = cleanup;
		this.catalogues = catalogues;
		this.excel = excel;
		this.bodies = bodies;
	}

	/** Bodies' catalogues shown on one page of the list (each overview is a few reads). */
	static final int OVERVIEWS_PER_PAGE = 50;

	@GetMapping("/catalogues")
	String list(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
		var scope = Operator.current().scope();
		var bodyList = bodies.choices(scope);
		if (bodyList.size() == 1) {
			return "redirect:/catalogues/" + bodyList.get(0).id();
		}
		int pages = Math.max(1, (bodyList.size() + OVERVIEWS_PER_PAGE - 1) / OVERVIEWS_PER_PAGE);
		int p = Math.max(0, Math.min(page, pages - 1));
		model.addAttribute("overviews", bodyList.subList(p * OVERVIEWS_PER_PAGE, Math.min(bodyList.size(), (p + 1) * OVERVIEWS_PER_PAGE)).stream()
			.map(b -> catalogues.overview(scope, b.id())).toList());
		model.addAttribute("page", p);
		model.addAttribute("pages", pages);
		model.addAttribute("bodyCount", bodyList.size());
		model.addAttribute("queue", catalogues.submissions(scope, Catalogues.SubmissionStatus.SUBMITTED));
		return "catalog/catalogues";
	}

	@GetMapping("/catalogues/{bodyId}")
	String body(@PathVariable long bodyId, Model model) {
		var scope = Operator.current().scope();
		model.addAttribute("o", catalogues.overview(scope, bodyId));
		model.addAttribute("versions", catalogues.versions(scope, bodyId));
		model.addAttribute("submissions", catalogues.submissions(bodyId));
		return "catalog/catalogue";
	}

	@GetMapping("/catalogues/{bodyId}/working.xlsx")
	ResponseEntity<byte[]> exportWorking(@PathVariable long bodyId) {
		var o = catalogues.overview(Operator.current().scope(), bodyId);
		return Downloads.xlsx(o.bodyName() + "执法事项目录（工作稿）.xlsx", excel.export(catalogues.working(Operator.current().scope(), bodyId), "工作稿"));
	}

	@GetMapping("/catalogues/{bodyId}/versions/{number}")
	String version(@PathVariable long bodyId, @PathVariable int number, Model model) {
		var scope = Operator.current().scope();
		var v = catalogues.version(scope, bodyId, number);
		model.addAttribute("v", v);
		model.addAttribute("entries", catalogues.entries(v.id()));
		model.addAttribute("diff", catalogues.changesIn(scope, bodyId, number));
		return "catalog/catalogue-version";
	}

	@GetMapping("/catalogues/{bodyId}/versions/{number}.xlsx")
	ResponseEntity<byte[]> exportVersion(@PathVariable long bodyId, @PathVariable int number) {
		var v = catalogues.version(Operator.current().scope(), bodyId, number);
		return Downloads.xlsx(v.bodyName() + "执法事项目录第" + number + "版.xlsx", excel.export(catalogues.entries(v.id()), "第" + number + "版"));
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/catalogues/{bodyId}/submit")
	String submit(@PathVariable long bodyId, @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		try {
			var s = catalogues.submit(Operator.current().scope(), bodyId, note);
			flash.addFlashAttribute("message", "已报司法局备案审查");
			return "redirect:/catalogues/submissions/" + s.id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/catalogues/" + bodyId;
		}
	}

	/**
	 * For the reviewer, each item's articles that another body's matters also rest on (a sign of 职责交叉 to check): item
	 * code → "食品安全法第一百二十二条：芒市综合行政执法局 ZF-CF-003 …".
	 */
	private Map<String, List<String>> sharedArticles(long bodyId, List<zhifa.catalog.Catalogues.ReviewedEntry> items) {
		Map<String, List<zhifa.catalog.Matter>> byArticle = new java.util.HashMap<>();
		cleanup.overlaps(zhifa.shared.DataScope.all()).forEach(o -> byArticle.put(o.article(), o.matters()));
		Map<String, List<String>> out = new java.util.HashMap<>();
		java.util.regex.Pattern article = java.util.regex.Pattern.compile("^(.*?第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)");
		for (var i : items) {
			java.util.Set<String> seen = new java.util.LinkedHashSet<>();
			for (String citation : i.entry().basis()) {
				var m = article.matcher(citation.replace(" ", ""));
				if (m.find() && seen.add(m.group(1))) {
					List<String> others = byArticle.getOrDefault(m.group(1), List.of()).stream().filter(x -> x.bodyId() != bodyId)
						.map(x -> x.bodyName() + " " + x.code() + "“" + x.name() + "”").toList();
					if (!others.isEmpty()) {
						out.computeIfAbsent(i.entry().code(), k -> new java.util.ArrayList<>()).add(m.group(1) + "：" + String.join("；", others));
					}
				}
			}
		}
		return out;
	}

	@GetMapping("/catalogues/submissions/{id}")
	String submission(@PathVariable long id, Model model) {
		var s = catalogues.submission(Operator.current().scope(), id);
		model.addAttribute("s", s);
		model.addAttribute("items", catalogues.submissionItems(id));
		model.addAttribute("diff", catalogues.submissionDiff(s));
		model.addAttribute("shared", sharedArticles(s.bodyId(), catalogues.submissionItems(id)));
		return "catalog/submission";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/catalogues/submissions/{id}/items/{code}")
	String review(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Boolean legality,
			@RequestParam(required = false) Boolean reasonableness, @RequestParam(required = false) Boolean necessity,
			@RequestParam(defaultValue = "") String opinion, RedirectAttributes flash) {
		try {
			catalogues.review(Operator.current().scope(), id, code, new ItemReview(legality, reasonableness, necessity, opinion));
			flash.addFlashAttribute("message", "已保存事项 " + code + " 的审查意见");
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("error", code + "：" + e.getMessage());
		}
		return "redirect:/catalogues/submissions/" + id + "#item-" + code;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/catalogues/submissions/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(defaultValue = "") String opinion, RedirectAttributes flash) {
		try {
			var v = catalogues.publish(Operator.current().scope(), id, opinion);
			flash.addFlashAttribute("message", "已发布第" + v.number() + "版");
			return "redirect:/catalogues/" + v.bodyId() + "/versions/" + v.number();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/catalogues/submissions/" + id;
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/catalogues/submissions/{id}/return")
	String returnToBody(@PathVariable long id, @RequestParam(defaultValue = "") String opinion, RedirectAttributes flash) {
		try {
			catalogues.returnToBody(Operator.current().scope(), id, opinion);
			flash.addFlashAttribute("message", "已退回修改");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/catalogues/submissions/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/catalogues/submissions/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		try {
			catalogues.withdraw(Operator.current().scope(), id, reason);
			flash.addFlashAttribute("message", "已撤回报备");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/catalogues/submissions/" + id;
	}
}
