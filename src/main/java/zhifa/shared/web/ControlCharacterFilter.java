package zhifa.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Query and form parameters (names and values) with control characters — a NUL byte, which PostgreSQL refuses, or any
 * other C0 control but tab and line breaks — are refused with 400 before anything runs: a problem detail on the API, a
 * short Chinese page otherwise — or, for a page's form, back to that page with the refusal and the typed text kept without
 * those characters. JSON bodies are checked by {@link RequestLimits}.
 */
@Component
// after Spring Session's filter (HIGHEST_PRECEDENCE + 50: the flash of a refused form goes to the user's session), before
// Spring Security's and everything else
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
class ControlCharacterFilter extends OncePerRequestFilter {

	private static boolean hostile(String s) {
		return RequestLimits.hasControlCharacters(s);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
		String bad;
		try {
			// a multipart body is parsed here (its text fields are parameters too); a too-large one is left to the handler (413)
			bad = badParameter(req.getParameterMap());
		}
		catch (IllegalStateException e) {
			bad = badInQuery(req);
		}
		if (bad == null) {
			chain.doFilter(req, res);
			return;
		}
		if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
			ApiProblems.write(res, 400, "请求参数有误", "参数“" + bad + "”含有不允许的控制字符（如 NUL），请删除后重试");
		}
		// a signed-in user's page (he has a session to carry the refusal): back to the page; anyone else gets the short page,
		// and no session is made for him
		else if ("GET".equals(req.getMethod()) && req.getSession(false) != null && cleanedQuery(req) != null) {
			// a search or filter of a page: the same page again, the invisible characters taken out of what was looked for
			String query = cleanedQuery(req);
			org.springframework.web.servlet.FlashMap flash = new org.springframework.web.servlet.FlashMap();
			flash.put("error", "查询条件中含有不允许的控制字符（多为复制时带入的不可见字符），已删除，以下是删除后的查询结果。");
			flash.setTargetRequestPath(req.getRequestURI());
			new org.springframework.web.servlet.support.SessionFlashMapManager().saveOutputFlashMap(flash, req, res);
			res.setStatus(303);
			res.setHeader("Location", req.getRequestURI() + (query.length() == 0 ? "" : "?" + query));
		}
		else if ("POST".equals(req.getMethod()) && req.getSession(false) != null && backTo(req) != null) {
			// a page's form: back to the page with the refusal, and what was typed kept without the invisible characters
			String back = backTo(req);
			org.springframework.web.servlet.FlashMap flash = new org.springframework.web.servlet.FlashMap();
			flash.put("error", "填写的内容中含有不允许的控制字符（多为从其他文档复制时带入的不可见字符），未保存。这些字符已删除，其余内容已保留，请检查后重新提交。");
			var cleaned = new jakarta.servlet.http.HttpServletRequestWrapper(req) {
				@Override
				public Map<String, String[]> getParameterMap() {
					Map<String, String[]> m = new java.util.LinkedHashMap<>();
					super.getParameterMap().forEach((k, v) -> m.put(strip(k),
							java.util.Arrays.stream(v).map(ControlCharacterFilter::strip).toArray(String[]::new)));
					return m;
				}
			};
			var previous = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
			org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
					new org.springframework.web.context.request.ServletRequestAttributes(cleaned));
			try {
				PageActions.keep(flash::put);
			}
			finally {
				org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(previous);
			}
			flash.setTargetRequestPath(back.replaceFirst("\\?.*", ""));
			new org.springframework.web.servlet.support.SessionFlashMapManager().saveOutputFlashMap(flash, req, res);
			res.setStatus(303);
			res.setHeader("Location", back);
		}
		else {
			res.setStatus(400);
			res.setCharacterEncoding(StandardCharsets.UTF_8.name());
			res.setContentType(MediaType.TEXT_HTML_VALUE);
			res.getWriter().write(shortPage(req));
		}
	}

	/**
	 * The page for a visitor who cannot be sent back to his form (no session, no referring page): what was refused in words
	 * he knows, and — for a form he sent — each text he typed without those characters, to copy back, so nothing is lost.
	 */
	private static String shortPage(HttpServletRequest req) {
		StringBuilder typed = new StringBuilder();
		if ("POST".equals(req.getMethod())) {
			try {
				req.getParameterMap().forEach((name, values) -> {
					// never a password, a secret or a one-time code (what a refused form does not give back either)
					if (PageActions.NOT_KEPT.contains(name) || name.toLowerCase(java.util.Locale.ROOT).contains("password") || name.equals("code")) {
						return;
					}
					for (String v : values) {
						String text = strip(v).strip();
						// the texts typed; a choice's code (a number, a word of capitals) means nothing to him
						if (!text.isEmpty() && !text.matches("[0-9A-Z_.-]{1,40}|true|false")) {
							// each under its field's name where it is a common one (the page does not know the form's own labels)
							String label = org.springframework.web.util.HtmlUtils.htmlEscape(FieldWords.of(name).orElse("其他内容"));
							typed.append("<label class=\"form-label small text-muted mb-1\">").append(label).append("</label>")
								.append("<textarea class=\"form-control mb-2\" rows=\"").append(Math.min(8, 1 + text.length() / 40))
								.append("\" readonly aria-label=\"").append(label).append("\">").append(org.springframework.web.util.HtmlUtils.htmlEscape(text)).append("</textarea>");
						}
					}
				});
			}
			catch (RuntimeException e) {
				typed.setLength(0);
			}
		}
		String css = req.getContextPath();
		String back = backTo(req);
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>请求有误</title><link rel=\"stylesheet\" href=\"" + css + "/webjars/bootstrap/css/bootstrap.min.css\"><link rel=\"stylesheet\" href=\"" + css
				+ "/css/app.css\"></head><body><main class=\"container py-4\" style=\"max-width: 720px\"><h1 class=\"h5\">请求有误（400）</h1>"
				+ "<p>填写或查询的内容中含有不允许的控制字符或不可见字符（多为从其他文档、聊天软件复制时带入），未处理。</p>"
				+ (typed.length() == 0 ? ""
						: "<p>以下是您填写的内容（已删除这些字符），请复制后返回原页面重新填写提交：</p>" + typed)
				+ "<p>" + (back == null ? "" : "<a class=\"btn btn-outline-primary btn-sm\" href=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(back) + "\">返回原页面</a> ")
				+ "<a class=\"btn btn-link btn-sm\" href=\"" + css + "/portal\">公开网站首页</a></p></main></body></html>";
	}

	/** The query's parameters without the refused characters, encoded again; null when the parameters cannot be read. */
	private static String cleanedQuery(HttpServletRequest req) {
		if (req.getQueryString() == null) {
			return null;
		}
		try {
			StringBuilder query = new StringBuilder();
			req.getParameterMap().forEach((k, values) -> {
				for (String v : values) {
					query.append(query.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(strip(k), StandardCharsets.UTF_8)).append('=')
						.append(java.net.URLEncoder.encode(strip(v), StandardCharsets.UTF_8));
				}
			});
			return query.toString();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** The same site's page the form was sent from (its path and query), if the browser said so. */
	private static String backTo(HttpServletRequest req) {
		String referer = req.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(req.getServerName()) || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith(req.getContextPath() + "/") || uri.getRawPath().startsWith(req.getContextPath() + "/api/")
					// "//elsewhere" or a backslash would leave the site
					|| uri.getRawPath().startsWith("//") || uri.getRawPath().contains("\\") || uri.getRawPath().contains("%5C") || uri.getRawPath().contains("%5c")) {
				return null;
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The text without the characters refused here (tabs and line breaks stay). */
	static String strip(String s) {
		return RequestLimits.visible(s);
	}

	private static String badParameter(Map<String, String[]> parameters) {
		for (var e : parameters.entrySet()) {
			if (hostile(e.getKey())) {
				return "（参数名）";
			}
			for (String v : e.getValue()) {
				if (hostile(v)) {
					return e.getKey();
				}
			}
		}
		return null;
	}

	/** When the body cannot be parsed here: the query string alone (one that cannot be decoded is refused too). */
	private static String badInQuery(HttpServletRequest req) {
		String q = req.getQueryString();
		if (q == null) {
			return null;
		}
		try {
			return hostile(java.net.URLDecoder.decode(q.replace("+", "%2B"), StandardCharsets.UTF_8)) ? "（查询参数）" : null;
		}
		catch (IllegalArgumentException e) {
			return "（查询参数）";
		}
	}
}
