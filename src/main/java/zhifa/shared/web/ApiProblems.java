package zhifa.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;

/** RFC 9457 problem details with a Chinese {@code detail} (and {@code errors} per field) for every API error. */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final org.springframework.context.ApplicationEventPublisher events;

	ApiProblems(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	ProblemDetail rule(BusinessRuleViolation e) {
		HttpStatus status = e.fieldErrors().isEmpty() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
		return problem(status, status == HttpStatus.BAD_REQUEST ? "请求参数有误" : "业务规则不允许", e.getMessage(),
				e.fieldErrors());
	}

	/** Someone changed the thing since it was read (the optimistic version check): 409, nothing was written. */
	@ExceptionHandler(zhifa.shared.StaleWrite.class)
	ProblemDetail stale(zhifa.shared.StaleWrite e) {
		return problem(HttpStatus.CONFLICT, "数据已被修改", e.getMessage(), Map.of());
	}

	/** The thing's state refuses the change (an archived case): 409, nothing was written. */
	@ExceptionHandler(zhifa.shared.Conflict.class)
	ProblemDetail conflict(zhifa.shared.Conflict e) {
		return problem(HttpStatus.CONFLICT, "当前状态不允许", e.getMessage(), Map.of());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), Map.of());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
		return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "提交的数据有 " + errors.size() + " 处错误：" + String.join("；", errors.values()),
				errors);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "缺少参数 " + e.getParameterName(),
				Map.of(e.getParameterName(), "缺少参数"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确",
				Map.of(e.getName(), "格式不正确"));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		// a value of the wrong type: which field (in a batch of a thousand acts, which act), what it should be
		for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
			if (c instanceof JsonBodyLimit.TooLarge) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, "请求体过大", JsonBodyLimit.DETAIL, Map.of());
			}
			if (c instanceof tools.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
				String path = jsonPath(m.getPath());
				String value = m instanceof tools.jackson.databind.exc.InvalidFormatException f && f.getValue() != null
						? "“" + shortened(RequestLimits.visible(String.valueOf(f.getValue()))) + "”" : "";
				String should = "应为" + typeWords(m.getTargetType());
				return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "字段 " + path + " 的值" + value + "不正确：" + should, Map.of(path, should));
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "请求体不是有效的 JSON，或字段类型不正确", Map.of());
	}

	/** A value echoed back at most 20 characters long (a 10 MB string sent in a number's place is not sent back whole). */
	private static String shortened(String value) {
		return value.codePointCount(0, value.length()) <= 20 ? value : value.substring(0, value.offsetByCodePoints(0, 20)) + "…";
	}

	/** {@code acts[3].fine}: the JSON path of a value (array positions from 0, as in the request). */
	static String jsonPath(java.util.List<tools.jackson.core.JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (var r : path) {
			if (r.getIndex() >= 0) {
				out.append('[').append(r.getIndex()).append(']');
			}
			else if (r.getPropertyName() != null) {
				out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
			}
		}
		return out.isEmpty() ? "(根)" : out.toString();
	}

	static String typeWords(Class<?> type) {
		if (type == null) {
			return "正确的类型";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
			return "整数";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "数字（如 2000.00）";
		}
		if (type == java.time.LocalDate.class) {
			return "日期（如 2026-12-03）";
		}
		if (type == java.time.LocalTime.class) {
			return "时刻（如 09:30）";
		}
		if (type == java.time.LocalDateTime.class || type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return "时间（如 2026-12-03T09:30:00）";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true 或 false";
		}
		if (type.isEnum()) {
			Object[] values = type.getEnumConstants();
			return values.length <= 20 ? "以下之一：" + String.join("、", java.util.Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toList()) : "规定的代码";
		}
		if (type == String.class) {
			return "文本";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "数组";
		}
		return "对象";
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "请以 application/json 提交", Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法", "该地址不支持 " + e.getMethod() + " 请求", Map.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ProblemDetail denied(Exception e, jakarta.servlet.http.HttpServletRequest request) {
		events.publishEvent(new zhifa.shared.AccessRefused(zhifa.shared.Operator.current(), zhifa.shared.AccessRefused.request(request.getMethod(), request.getRequestURI()),
				"没有执行此操作的角色"));
		return problem(HttpStatus.FORBIDDEN, "无权操作", "您没有执行此操作的权限", Map.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		var refusal = DatabaseRefusal.of(e);
		if (refusal.isPresent()) {
			log.info("Database refused an API request: {}{}", refusal.get().logLine(), DatabaseRefusal.table(e).map(t -> ", table " + t).orElse(""));
			return problem(refusal.get().status(), refusal.get().title(), refusal.get().detail(), Map.of());
		}
		log.error("Unexpected API error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器处理请求时出错，请稍后重试或联系管理员", Map.of());
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** Writes a problem detail straight to the response, for filters that answer before any controller runs. */
	public static void write(jakarta.servlet.http.HttpServletResponse res, int status, String title, String detail) throws java.io.IOException {
		res.setStatus(status);
		res.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		res.getWriter().write(JSON.writeValueAsString(body));
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, String> errors) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		p.setType(URI.create("about:blank"));
		if (!errors.isEmpty()) {
			p.setProperty("errors", errors);
		}
		return p;
	}
}
