package zhifa.casework.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import zhifa.casework.CaseDocuments;
import zhifa.casework.VerificationCodes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Sm3;

/**
 * The public page a document's QR code opens (no login): the issuing body, the 文号, the date and the version of the
 * document a verification code was printed on, and a check of a file — uploaded, or its SM3 digest — against it ("是当前
 * 版本" / "不是本机关出具的当前版本"). Nothing about the party is shown. The upload is treated as hostile: at most
 * {@value #MAX_BYTES} bytes, only hashed, never parsed or kept.
 */
@Controller
class DocumentVerificationController {

	/** No generated document comes near this: 10 MB. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	private final CaseDocuments documents;

	DocumentVerificationController(CaseDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/verify/documents")
	String start(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		if (code == null || code.isBlank()) {
			return "casework/verify-document";
		}
		String canonical = VerificationCodes.normalise(code);
		if (canonical == null) {
			return refused(model, response, code, "验证码应为10位字母和数字（不含0、1、I、L、O），请核对文书上的验证码");
		}
		return "redirect:/verify/documents/" + URLEncoder.encode(canonical, StandardCharsets.UTF_8);
	}

	@GetMapping("/verify/documents/{code}")
	String page(@PathVariable String code, Model model, HttpServletResponse response) {
		return show(code, model, response);
	}

	@PostMapping("/verify/documents/{code}")
	String check(@PathVariable String code, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String digest, Model model,
			HttpServletResponse response) throws IOException {
		String sm3;
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > MAX_BYTES) {
				return refused(model, response, code, "文件超过10MB，不是本平台出具的执法文书");
			}
			sm3 = Sm3.hex(file.getBytes());
		}
		else if (digest != null && !digest.isBlank()) {
			sm3 = digest.strip();
		}
		else {
			return refused(model, response, code, "请选择要核对的文件，或填写文件的 SM3 摘要");
		}
		try {
			model.addAttribute("check", documents.check(code, sm3));
		}
		catch (BusinessRuleViolation e) {
			return refused(model, response, code, e.getMessage());
		}
		return show(code, model, response);
	}

	private String show(String code, Model model, HttpServletResponse response) {
		try {
			var found = documents.verify(code);
			model.addAttribute("code", code);
			found.ifPresentOrElse(d -> model.addAttribute("document", d), () -> response.setStatus(HttpStatus.NOT_FOUND.value()));
			return "casework/verify-document";
		}
		catch (BusinessRuleViolation e) {
			return refused(model, response, code, e.getMessage());
		}
	}

	private static String refused(Model model, HttpServletResponse response, String code, String error) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("code", code);
		model.addAttribute("error", error);
		return "casework/verify-document";
	}
}
