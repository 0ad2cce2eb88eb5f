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

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("detail", e.getMessage());
		return "error";
	}

	/** What the database refused (a limit the form did not check, a statement that timed out): a Chinese page, not a 500. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	String database(org.springframework.dao.DataAccessException e, Model model, jakarta.servlet.http.HttpServletResponse response)
			throws org.springframework.dao.DataAccessException {
		var refusal = DatabaseRefusal.of(e).orElseThrow(() -> e);
		response.setStatus(refusal.status().value());
		model.addAttribute("status", refusal.status().value());
		model.addAttribute("detail", refusal.detail());
		return "error";
	}

	/** A stale copy or a state that refuses the change (an archived case). */
	@ExceptionHandler(zhifa.shared.Conflict.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String stale(zhifa.shared.Conflict e, Model model) {
		model.addAttribute("status", 409);
		model.addAttribute("detail", e.getMessage());
		return "error";
	}

	/** A parameter of the wrong form in the address (a year with letters, a date that is not one): a Chinese 400 page. */
	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("detail", "参数“" + e.getName() + "”的格式不正确，请检查后重试");
		return "error";
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String refused(BusinessRuleViolation e, Model model) {
		model.addAttribute("status", 422);
		model.addAttribute("detail", e.getMessage());
		return "error";
	}
}
