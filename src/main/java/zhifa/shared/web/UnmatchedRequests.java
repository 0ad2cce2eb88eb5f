package zhifa.shared.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request no handler takes because of its content type (JSON sent where a file is uploaded): refused before any
 * controller is chosen, so the advice scoped to controllers ({@link ApiProblems}) never sees it and Spring answered in
 * English. A Chinese problem detail naming what the address takes.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequests {

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		var takes = e.getSupportedMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
		return ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
				takes.contains("multipart/form-data") ? "该地址用于上传文件，请以 multipart/form-data 提交" : "请以 " + (takes.isEmpty() ? "application/json" : String.join("、", takes)) + " 提交",
				Map.of());
	}
}
