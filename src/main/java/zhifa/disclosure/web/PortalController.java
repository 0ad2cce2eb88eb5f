package zhifa.disclosure.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import zhifa.disclosure.Portal;

/** 行政执法公示, without login: the bodies, each body's officers, catalogue, inspection items; benchmarks; procedures. */
@Controller
class PortalController {

	private final Portal portal;
	private final zhifa.disclosure.PublishedDecisions decisions;
	private final zhifa.record.SignedAnchors anchors;
	private final zhifa.record.RecordKeys keys;
	private final zhifa.inspection.visits.VisitLists visits;
	private final zhifa.disclosure.YearlyStatistics yearly;
	private final java.time.Clock clock;

	PortalController(Portal portal, zhifa.disclosure.PublishedDecisions decisions, zhifa.record.SignedAnchors anchors, zhifa.record.RecordKeys keys,
			zhifa.inspection.visits.VisitLists visits, zhifa.disclosure.YearlyStatistics yearly, java.time.Clock clock) {
		this.clock = clock;
		this.visits = visits;
		this.yearly = yearly;
		this.portal = portal;
		this.decisions = decisions;
		this.anchors = anchors;
		this.keys = keys;
	}

	/** The portal's pages carry an ETag: a browser or proxy that has the page gets 304 without the body. */
	@Bean
	static FilterRegistrationBean<ShallowEtagHeaderFilter> portalEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> f = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		f.addUrlPatterns("/portal", "/portal/*");
		f.setName("portalEtags");
		f.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 20);
		return f;
	}

	/** After the ETag filter (a cached page still answers 304 to a browser that has it). */
	@Bean
	static FilterRegistrationBean<PortalPageCache> portalPageCache(zhifa.disclosure.DecisionDisclosures decisions) {
		FilterRegistrationBean<PortalPageCache> f = new FilterRegistrationBean<>(new PortalPageCache(decisions));
		f.addUrlPatterns("/portal/decisions", "/portal/decisions/*");
		f.setName("portalPageCache");
		f.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10);
		return f;
	}

	@GetMapping("/portal")
	String home(Model model) {
		model.addAttribute("bodies", portal.bodies());
		return "disclosure/home";
	}

	@GetMapping("/portal/bodies/{id}")
	String body(@PathVariable long id, Model model) {
		var b = portal.body(id);
		model.addAttribute("b", b);
		var names = portal.domainNames();
		model.addAttribute("bodyDomains", b.domainCodes().stream().map(c -> names.getOrDefault(c, c)).toList());
		model.addAttribute("officers", portal.officers(id));
		var catalogue = portal.catalogue(id);
		model.addAttribute("catalogue", catalogue.orElse(null));
		model.addAttribute("entries", catalogue.map(portal::entries).orElse(java.util.List.of()));
		model.addAttribute("versions", portal.versions(id));
		model.addAttribute("items", portal.inspectionItems(id));
		return "disclosure/body";
	}

	@GetMapping("/portal/bodies/{id}/catalogues/{number}")
	String version(@PathVariable long id, @PathVariable int number, Model model) {
		var b = portal.body(id);
		var v = portal.version(id, number);
		model.addAttribute("b", b);
		model.addAttribute("v", v);
		model.addAttribute("entries", portal.entries(v));
		return "disclosure/catalogue";
	}

	@GetMapping("/portal/benchmarks")
	String benchmarks(Model model) {
		model.addAttribute("benchmarks", portal.benchmarks());
		model.addAttribute("leniency", portal.leniency());
		model.addAttribute("domainNames", portal.domainNames());
		return "disclosure/benchmarks";
	}

	/** The visitor's search words, or {@code null} and a Chinese 400 on the page when they are too long or carry control characters. */
	private static String searchWords(String q, Model model, jakarta.servlet.http.HttpServletResponse response) {
		String words = q == null ? null : q.strip();
		if (words != null && (words.length() > 50 || zhifa.shared.web.RequestLimits.hasControlCharacters(words))) {
			response.setStatus(400);
			model.addAttribute("error", "检索词不超过50个字，且不能含控制字符");
			return null;
		}
		return words;
	}

	/** What a visitor searches for, as the search form shows it back (body, words, period, page). */
	private record Search(Long bodyId, String words, java.time.LocalDate from, java.time.LocalDate to, int page) {
	}

	private Search search(Long bodyId, String q, java.time.LocalDate from, java.time.LocalDate to, int page, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		if (from != null && to != null && from.isAfter(to)) {
			// a period typed the wrong way round: searched the right way, and said so (not an empty list to puzzle over)
			model.addAttribute("error", "起始日期晚于截止日期，已按 " + to + " 至 " + from + " 查询");
			java.time.LocalDate earlier = to;
			to = from;
			from = earlier;
		}
		Search s = new Search(bodyId, searchWords(q, model, response), from, to, Math.max(0, Math.min(page, 10_000)));
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("q", s.words());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("bodies", portal.bodies());
		return s;
	}

	@GetMapping("/portal/decisions")
	String decisions(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String q,
			@RequestParam(required = false) java.time.LocalDate from, @RequestParam(required = false) java.time.LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, jakarta.servlet.http.HttpServletResponse response) {
		Search s = search(bodyId, q, from, to, page, model, response);
		model.addAttribute("page", decisions.search(s.bodyId(), s.words(), s.from(), s.to(), s.page(), 20));
		return "disclosure/portal-decisions";
	}

	/** Every public page, for search engines. */
	@GetMapping("/portal/sitemap.xml")
	org.springframework.http.ResponseEntity<String> sitemap(jakarta.servlet.http.HttpServletRequest request) {
		String base = request.getScheme() + "://" + request.getServerName() + (request.getServerPort() == 80 || request.getServerPort() == 443 ? ""
				: ":" + request.getServerPort());
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		java.util.function.Consumer<String> url = path -> xml.append("  <url><loc>").append(base).append(path).append("</loc></url>\n");
		java.util.List.of("/portal", "/portal/decisions", "/portal/inspections", "/portal/statistics", "/portal/benchmarks", "/portal/procedures", "/portal/record",
				"/verify/certificates", "/verify/documents", "/complaints/new", "/complaints/status").forEach(url);
		portal.bodies().forEach(b -> url.accept("/portal/bodies/" + b.id()));
		decisions.publishedIds().forEach(id -> url.accept("/portal/decisions/" + id));
		return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_XML)
			.body(xml.append("</urlset>\n").toString());
	}

	@GetMapping("/portal/decisions/{id}")
	String decision(@PathVariable long id, Model model) {
		model.addAttribute("d", decisions.publicItem(id));
		return "disclosure/portal-decision";
	}

	@GetMapping("/portal/statistics")
	String statistics(@RequestParam(required = false) Integer year, Model model, jakarta.servlet.http.HttpServletResponse response) {
		int lastYear = java.time.LocalDate.now(clock).getYear() - 1;
		int y = year == null || year < 2000 || year > 2100 ? lastYear : year;
		if (year != null && y != year) {
			response.setStatus(400);
			model.addAttribute("error", "年度“" + year + "”不在2000至2100之间，以下是" + lastYear + "年度的数据");
		}
		model.addAttribute("year", y);
		model.addAttribute("tables", yearly.publishedIn(y));
		return "disclosure/portal-statistics";
	}

	@GetMapping("/portal/inspections")
	String inspections(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String q,
			@RequestParam(required = false) java.time.LocalDate from, @RequestParam(required = false) java.time.LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, jakarta.servlet.http.HttpServletResponse response) {
		Search s = search(bodyId, q, from, to, page, model, response);
		model.addAttribute("page", visits.published(s.bodyId(), s.words(), s.from(), s.to(), s.page(), 20));
		return "disclosure/portal-inspections";
	}

	/** The signed anchors of the full-process record, with the public key: anyone can check a signature and a document. */
	@GetMapping("/portal/record")
	String record(@org.springframework.web.bind.annotation.RequestParam(required = false) Long seq, Model model) {
		// one anchor by its number (a random draw names its beacon so), or the latest two days'
		model.addAttribute("seq", seq);
		model.addAttribute("anchors", seq == null ? anchors.latest(48) : anchors.find(seq).map(java.util.List::of).orElse(java.util.List.of()));
		model.addAttribute("publicKey", keys.publicKeyHex());
		model.addAttribute("keyId", keys.keyId());
		return "disclosure/record";
	}

	@GetMapping("/portal/procedures")
	String procedures(Model model) {
		model.addAttribute("procedures", portal.procedures());
		return "disclosure/procedures";
	}
}
