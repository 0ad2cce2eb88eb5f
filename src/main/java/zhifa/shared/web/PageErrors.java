package zhifa.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;

/** Pages: a thing outside the user's scope or missing is a Chinese 404 page; a refused rule is shown, not a server error. */
@ControllerAdvice(annotations = Controller.class)
public class PageErrors {

	/**
	 * Forms bind repeated fields by index ({@code tiers[2].minFine}): an index nobody's form sends — negative, or past any
	 * form's rows — is not bound at all (it had reached the binder's list handling and answered 500).
	 */
	@org.springframework.web.bind.annotation.InitBinder
	void bindingLimits(org.springframework.web.bind.WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
		binder.setDisallowedFields("*[-*");
	}

	static final int MAX_ROWS = 100;

	/** A field the form does not have ({@code roles[0]} of a set, a row past {@link #MAX_ROWS}): a Chinese 400 page. */
	@ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
	String badField(org.springframework.beans.InvalidPropertyException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(model, 400, "表单中有本页没有的内容（" + e.getPropertyName() + "，或超过" + MAX_ROWS + "行），未保存。请从页面重新填写后提交");
	}

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model, jakarta.servlet.http.HttpServletRequest request) {
		// on the public site nobody has rights to lack: a thing not there (or not public) is simply not found
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean pub = path.startsWith("/portal") || path.startsWith("/verify/") || path.startsWith("/complaints") || path.startsWith("/scan/");
		return page(model, 404, pub ? e.getMessage().replace("，或您无权查看", "") : e.getMessage());
	}

	/** What the database refused (a limit the form did not check, a statement that timed out): a Chinese page, not a 500. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	String database(org.springframework.dao.DataAccessException e, Model model, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws org.springframework.dao.DataAccessException {
		var refusal = DatabaseRefusal.of(e).orElseThrow(() -> e);
		// a page's form the database refused (a text longer than its column, which the form did not limit): back to the form
		// with the reason and everything typed, as for a refused rule — the transaction was rolled back, nothing was written
		var back = refusal.status() == HttpStatus.BAD_REQUEST ? formPage(request) : java.util.Optional.<String>empty();
		if (back.isPresent()) {
			var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
			// PostgreSQL names the limit, not the column: the fields typed longer than it are the ones, each marked under itself
			var overlong = overlong(request, DatabaseRefusal.lengthLimit(e));
			flash.put("error", (overlong.isEmpty() ? refusal.detail() : "有内容超过了允许的长度，未保存（已在该栏下标出）") + "。请精简后重新提交，填写的内容已保留。");
			PageActions.keep(flash::put);
			if (!overlong.isEmpty()) {
				flash.put("keptErrors", PageActions.errorsJson(overlong));
			}
			return "redirect:" + back.get();
		}
		response.setStatus(refusal.status().value());
		return page(model, refusal.status().value(), refusal.detail());
	}

	/**
	 * A form's field that cannot be read as what it is (letters in an amount, "5万", a date that is not one): back to the
	 * form with each such field marked under itself and everything typed kept, as for a refused rule — not the generic 400
	 * page, which lost the whole form.
	 */
	@ExceptionHandler(org.springframework.validation.BindException.class)
	String unreadable(org.springframework.validation.BindException e, Model model, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		var fields = new java.util.LinkedHashMap<String, String>();
		for (var f : e.getBindingResult().getFieldErrors()) {
			Class<?> type = e.getBindingResult().getFieldType(f.getField());
			fields.putIfAbsent(f.getField(), type != null && Number.class.isAssignableFrom(type) || type == int.class || type == long.class
					? "应填写数字（如 50000 或 1234.50），不要写“万”等汉字" : type == java.time.LocalDate.class ? "应填写日期，如 2026-12-03" : "格式不正确，请检查");
		}
		var back = formPage(request);
		String what = fields.keySet().stream().map(k -> FieldWords.of(k.replaceAll("^.*\\.", "")).map(w -> "“" + w + "”").orElse(null))
			.filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining("、"));
		String message = (what.isEmpty() ? "有的栏" : what) + "填写的格式不对，未保存（已在该栏下标出）";
		if (back.isPresent()) {
			var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
			flash.put("error", message + "。请改正后重新提交，填写的内容已保留。");
			PageActions.keep(flash::put);
			flash.put("keptErrors", PageActions.errorsJson(fields));
			return "redirect:" + back.get();
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(model, 400, message.replace("（已在该栏下标出）", "") + "。请返回检查后重试");
	}

	/** A stale copy or a state that refuses the change (an archived case). */
	@ExceptionHandler(zhifa.shared.Conflict.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String stale(zhifa.shared.Conflict e, Model model) {
		return page(model, 409, e.getMessage());
	}

	/**
	 * A page asked for without what it needs (an address typed or cut short): a Chinese 400 page saying what is missing
	 * and how the page is reached, not the generic "服务器处理请求时出错".
	 */
	@ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
	String missing(org.springframework.web.bind.MissingServletRequestParameterException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		String what = FieldWords.of(e.getParameterName()).map(w -> "“" + w + "”").orElse("必要的参数（" + e.getParameterName() + "）");
		return page(model, 400, "请求缺少" + what + "。请从页面上的链接或按钮进入，不要直接输入或截短地址");
	}

	/** A parameter of the wrong form in the address (a year with letters, a date that is not one): a Chinese 400 page. */
	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	String badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, Model model,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
		value = value.length() > 20 ? value.substring(0, 20) + "…" : value;
		String what = FieldWords.of(e.getName()).orElse(null);
		Class<?> type = e.getRequiredType();
		// a page form sent with a field of the wrong form (letters in a number): back to the form with the reason and
		// everything typed, as for any other refusal — not an error page that loses the form
		var back = formPage(request);
		if (back.isPresent()) {
			String expected = type != null && Number.class.isAssignableFrom(type) ? (digits(value) ? "超出允许的范围" : "不是数字")
					: type == java.time.LocalDate.class ? "不是有效的日期（如 2026-12-01）" : "不是有效的选择";
			var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
			flash.put("error", (what != null ? what : "填写的内容") + "“" + value + "”" + expected + "，请检查后重试");
			PageActions.keep(flash::put);
			return "redirect:" + back.get();
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		// all digits but too large for the number it is (a year of eleven digits): out of range, not of the wrong form
		if (type != null && Number.class.isAssignableFrom(type) && digits(value)) {
			return page(model, 400, (what != null ? what + "“" + value + "”" : "参数“" + e.getName() + "”") + "超出允许的范围，请检查后重试");
		}
		return page(model, 400, (what != null ? what + "“" + value + "”" : "参数“" + e.getName() + "”") + "的格式不正确，请检查后重试"
				+ (what != null && e.getName().equals("year") ? "（年份只填数字，如 2026）" : ""));
	}

	private static boolean digits(String value) {
		return value.matches("-?[0-9]+…?");
	}

	/**
	 * The fields sent longer than {@code limit} characters, each with what to do: field → message. PostgreSQL names the
	 * limit, not the column: one such field is the one; of several, at least one is (another may have a longer column),
	 * and each is told so.
	 */
	static java.util.Map<String, String> overlong(jakarta.servlet.http.HttpServletRequest request, java.util.OptionalInt limit) {
		var lengths = new java.util.LinkedHashMap<String, Integer>();
		if (limit.isEmpty()) {
			return new java.util.LinkedHashMap<>();
		}
		request.getParameterMap().forEach((name, values) -> {
			for (String v : values) {
				int length = v == null ? 0 : v.strip().codePointCount(0, v.strip().length());
				if (length > limit.getAsInt() && !PageActions.NOT_KEPT.contains(name)) {
					lengths.merge(name, length, Math::max);
				}
			}
		});
		var found = new java.util.LinkedHashMap<String, String>();
		lengths.forEach((name, length) -> found.put(name, lengths.size() == 1 ? "不能超过" + limit.getAsInt() + "个字（现有" + length + "个），请精简"
				: "标出的几栏中至少有一栏不能超过" + limit.getAsInt() + "个字（此栏现有" + length + "个），请精简超长的栏"));
		return found;
	}

	/** The page a form was posted from (the same host's address in the Referer), for a form sent by a browser. */
	private static java.util.Optional<String> formPage(jakarta.servlet.http.HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (!"POST".equals(request.getMethod()) || referer == null || request.getContentType() == null
				|| !request.getContentType().startsWith("application/x-www-form-urlencoded") && !request.getContentType().startsWith("multipart/form-data")) {
			return java.util.Optional.empty();
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName()) || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")
					|| uri.getRawPath().startsWith("//")) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * The error page's model: its status and detail, and the address asked for (the page leads a public page's visitor
	 * back to the public site, not to the login; Spring Boot's own error page has it too).
	 */
	private static String page(Model model, int status, String detail) {
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
			model.addAttribute("path", a.getRequest().getRequestURI());
		}
		return "error";
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String refused(BusinessRuleViolation e, Model model) {
		return page(model, 422, e.getMessage());
	}
}
