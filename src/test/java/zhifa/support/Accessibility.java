package zhifa.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from its webjar) run in the page the browser shows, with the WCAG 2.0/2.1 A and AA rules. Each page is
 * checked once (a mark on its {@code window} says it was); serious and critical violations are collected with the
 * page's address, so that a test fails with every one of them listed rather than with the first.
 */
public final class Accessibility {

	static final String AXE_RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static final String SOURCE = load();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			window.__zhifaAxeChecked = true;
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
			  .then(function (r) {
			    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
			      .map(function (v) {
			        return v.impact + ' ' + v.id + ' (' + v.help + '): '
			          + v.nodes.slice(0, 8).map(function (n) { return n.target.join(' ') + (n.any.length && n.any[0].data && n.any[0].data.contrastRatio ? ' [' + n.any[0].data.fgColor + ' on ' + n.any[0].data.bgColor + ' = ' + n.any[0].data.contrastRatio + ']' : ''); }).join(', ')
			          + (v.nodes.length > 8 ? ' … ' + v.nodes.length + ' in all' : '');
			      }));
			  })
			  .catch(function (e) { done(['axe-core failed: ' + e]); });
			""";

	private final Set<String> violations = Collections.synchronizedSet(new LinkedHashSet<>());

	/** Checks the page shown now, unless it was checked already or has not finished loading. */
	public void check(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		List<?> s = List.of();
		for (int i = 0; i < 30; i++) {
			s = (List<?>) js.executeScript("return [document.readyState, window.__zhifaAxeChecked === true, document.contentType]");
			if ("complete".equals(s.get(0))) {
				break;
			}
			sleep(100);
		}
		if (!"complete".equals(s.get(0)) || Boolean.TRUE.equals(s.get(1)) || !"text/html".equals(s.get(2))) {
			return;
		}
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(SOURCE);
		}
		Object found = js.executeAsyncScript(RUN);
		String url = driver.getCurrentUrl();
		for (Object v : (List<?>) found) {
			violations.add(url.replaceFirst("^https?://[^/]+", "") + " — " + v);
		}
	}

	/** Every serious or critical violation found so far, one per line with its page. */
	public List<String> violations() {
		return new ArrayList<>(violations);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test class path: " + AXE_RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
