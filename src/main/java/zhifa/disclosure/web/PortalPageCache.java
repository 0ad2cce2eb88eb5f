package zhifa.disclosure.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import zhifa.disclosure.DecisionDisclosures;

/**
 * The published decisions' pages, rendered once and served from memory until a decision is drafted, published or
 * withdrawn (the generation moves) or thirty seconds pass: every visitor sees the same public page, so the portal
 * serves them at close to the rate of a static file. Only successful GETs are kept, at most 2,000 pages.
 */
class PortalPageCache extends OncePerRequestFilter {

	private static final long TTL_NANOS = 30_000_000_000L;

	private record Page(byte[] body, String contentType, long generation, long at) {
	}

	private final DecisionDisclosures decisions;
	private final Map<String, Page> pages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
			return size() > 2_000;
		}
	});

	PortalPageCache(DecisionDisclosures decisions) {
		this.decisions = decisions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
		if (!"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		// the key is the address and the parameters the pages read, nothing else (junk parameters share one entry)
		StringBuilder k = new StringBuilder(request.getRequestURI());
		for (String name : java.util.List.of("bodyId", "q", "from", "to", "page")) {
			String v = request.getParameter(name);
			if (v != null) {
				k.append('|').append(name).append('=').append(v);
			}
		}
		String key = k.toString();
		long generation = decisions.generation();
		long now = System.nanoTime();
		Page page = pages.get(key);
		if (page != null && page.generation() == generation && now - page.at() < TTL_NANOS) {
			response.setContentType(page.contentType());
			response.setContentLength(page.body().length);
			response.getOutputStream().write(page.body());
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() == 200 && wrapper.getContentType() != null && key.length() < 500) {
			pages.put(key, new Page(wrapper.getContentAsByteArray(), wrapper.getContentType(), generation, now));
		}
		wrapper.copyBodyToResponse();
	}
}
