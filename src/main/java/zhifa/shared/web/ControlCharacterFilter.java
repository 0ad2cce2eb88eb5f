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
 * short Chinese page otherwise. JSON bodies are checked by {@link RequestLimits}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
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
		else {
			res.setStatus(400);
			res.setCharacterEncoding(StandardCharsets.UTF_8.name());
			res.setContentType(MediaType.TEXT_HTML_VALUE);
			res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求有误</title></head><body><p>"
					+ org.springframework.web.util.HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"javascript:history.back()\">返回</a></p></body></html>");
		}
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
