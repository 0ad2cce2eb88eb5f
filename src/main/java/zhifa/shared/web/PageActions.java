package zhifa.shared.web;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;

/**
 * The one way a page form acts: run the action, put its message (or the rule it broke, in Chinese) into the flash, and
 * redirect back to the page. Amounts typed in yuan become fen here.
 */
public final class PageActions {

	private PageActions() {
	}

	public static String run(RedirectAttributes flash, String redirect, Supplier<String> action) {
		try {
			flash.addFlashAttribute("message", action.get());
		}
		catch (BusinessRuleViolation e) {
			refuse(flash, e);
		}
		return "redirect:" + redirect;
	}

	/**
	 * A page form refused: the rule it broke for the top of the page, each input it names for its own field
	 * ({@code keptErrors}: field → message, which {@code app.js} puts under the field), and what was typed.
	 */
	public static void refuse(RedirectAttributes flash, BusinessRuleViolation e) {
		flash.addFlashAttribute("error", e.getMessage());
		keep(flash::addFlashAttribute);
		if (!e.fieldErrors().isEmpty()) {
			flash.addFlashAttribute("keptErrors", errorsJson(e.fieldErrors()));
		}
	}

	/** Field → message as the page's {@code keptErrors} ({@code app.js} puts each under its field). */
	static String errorsJson(java.util.Map<String, String> errors) {
		StringBuilder json = new StringBuilder("{");
		errors.forEach((field, message) -> {
			if (field != null && message != null && field.length() <= 100) {
				json.append(json.length() > 1 ? "," : "").append(quote(field)).append(':').append(quote(message));
			}
		});
		return json.append('}').toString();
	}

	/** Fields never given back to the page: the CSRF token, one-time keys, secrets, and confirmations (made afresh each time). */
	static final Set<String> NOT_KEPT = Set.of("_csrf", "formKey", "password", "newPassword", "current", "next", "repeat", "secret",
			"confirmed", "acknowledgeEarlierFiling");

	/**
	 * After a refusal, what the user typed goes back to the page he returns to: the form's fields as JSON and the form's
	 * address ({@code keptJson}, {@code keptAction}); the layout puts them on the page and {@code app.js} fills the form
	 * with the same address again — text, dates, choices and boxes (a chosen file cannot be given back by a browser).
	 */
	public static void keep(BiConsumer<String, Object> model) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		// a one-time code of the second factor is not given back; a form's 编号 (a campaign's, a matter's) is
		boolean oneTimeCode = request.getRequestURI().contains("two-factor");
		StringBuilder json = new StringBuilder("{");
		request.getParameterMap().forEach((name, values) -> {
			if (NOT_KEPT.contains(name) || name.length() > 100 || (oneTimeCode && name.equals("code"))) {
				return;
			}
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(name)).append(":[");
			for (int i = 0; i < values.length && i < 200; i++) {
				json.append(i > 0 ? "," : "").append(quote(values[i].length() > 20_000 ? values[i].substring(0, 20_000) : values[i]));
			}
			json.append(']');
		});
		model.accept("keptJson", json.append('}').toString());
		model.accept("keptAction", request.getRequestURI().substring(request.getContextPath().length()));
	}

	private static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	/**
	 * Yuan as typed into a form, in fen ({@link zhifa.shared.Money#fen}). An amount typed as "1e5" is refused: nobody writes a
	 * fine so, and a slip of one letter would make 100,000 yuan of it.
	 */
	public static Long fen(BigDecimal yuan) {
		if (yuan != null && yuan.scale() < 0) {
			throw BusinessRuleViolation.onField("amount", "金额请直接填写数字（如 100000 或 100000.00），不要使用科学计数法（如 1e5）");
		}
		return zhifa.shared.Money.fen(yuan, "amount");
	}
}
