package zhifa.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API address that does not exist: a Chinese problem detail like every other API answer (it was Spring's English
 * {@code {"error":"Not Found"}}). A page address that does not exist goes on to the Chinese 404 page as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<?> unknown(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/")) {
			throw e;
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ApiProblems.problem(HttpStatus.NOT_FOUND, "接口不存在", "没有这个接口：" + request.getMethod() + " " + path
					+ "。可用的接口见 /swagger-ui.html（接口文档）", java.util.Map.of()));
	}
}
