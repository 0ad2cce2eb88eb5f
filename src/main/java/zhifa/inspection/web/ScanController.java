package zhifa.inspection.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.inspection.visits.Scans;
import zhifa.shared.BusinessRuleViolation;

/**
 * 扫码入企, without login: the enterprise scans the team's code and sees who inspects (names, certificates and whether
 * they are valid today), the items and their legal basis and its rights; it can confirm the visit or report a problem
 * (a complaint to the supervising body). Every scan is kept on the inspection case.
 */
@Controller
class ScanController {

	private final Scans scans;

	ScanController(Scans scans) {
		this.scans = scans;
	}

	@GetMapping("/scan/{token}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("v", scans.scanned(token));
		return "inspection/scan";
	}

	@PostMapping("/scan/{token}/confirmation")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("v", scans.confirm(token));
			model.addAttribute("message", "已确认。感谢配合，检查结果将在检查结束后20个工作日内公示。");
		}
		catch (BusinessRuleViolation e) {
			response.setStatus(400);
			model.addAttribute("v", scans.visit(token));
			model.addAttribute("error", e.getMessage());
		}
		return "inspection/scan";
	}

	@PostMapping("/scan/{token}/problem")
	String problem(@PathVariable String token, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String content, Model model, HttpServletResponse response) {
		try {
			String no = scans.problem(token, name, phone, content);
			model.addAttribute("message", "已转交行政执法监督机构办理，受理编号 " + no + "，可在“投诉举报”页面凭编号和手机号查询进度。");
		}
		catch (BusinessRuleViolation e) {
			response.setStatus(400);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draft", new String[] { name, phone, content });
		}
		model.addAttribute("v", scans.visit(token));
		return "inspection/scan";
	}
}
