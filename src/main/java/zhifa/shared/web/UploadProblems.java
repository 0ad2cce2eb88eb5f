package zhifa.shared.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Uploads refused before any handler runs (the request is parsed first): too large — 413, the limit being the one the
 * API documentation states (50MB, {@code spring.servlet.multipart.max-file-size}) — or not a readable multipart body,
 * 400. A problem detail on the API, a short Chinese page otherwise.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传的文件超过 50MB，请压缩或分段上传");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadable(MultipartException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "请求参数有误", "上传的内容不完整或格式不正确，请重新选择文件上传");
	}

	private static ResponseEntity<Object> answer(HttpServletRequest request, HttpStatus status, String title, String detail) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblems.problem(status, title, detail, Map.of()));
		}
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><p>"
					+ HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"javascript:history.back()\">返回</a></p></body></html>");
	}
}
