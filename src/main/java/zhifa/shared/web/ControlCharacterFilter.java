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
		String detail = "参数“" + bad + "”含有不允许的控制字符（如 NUL），请删除后重试";
		if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
			ApiProblems.write(res, 400, "请求参数有误", detail);
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
			res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求有误</title></head><body><p>"
					+ org.springframework.web.util.HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"javascript:history.back()\">返回</a></p></body></html>");
		}
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
