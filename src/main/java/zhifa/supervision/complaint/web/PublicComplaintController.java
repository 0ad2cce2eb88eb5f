package zhifa.supervision.complaint.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.Complaints;

/**
 * The public page (no login): a citizen or an enterprise files a complaint about enforcement, gets a receipt number,
 * and later looks up its status by that number and the phone he gave.
 */
@Controller
class PublicComplaintController {

	private final Complaints complaints;
	private final IntakeThrottle throttle;

	PublicComplaintController(Complaints complaints, IntakeThrottle throttle) {
		this.complaints = complaints;
		this.throttle = throttle;
	}

	@GetMapping("/complaints/new")
	String form(Model model) {
		model.addAttribute("supervisors", complaints.supervisoryBodies());
		model.addAttribute("formKey", java.util.UUID.randomUUID().toString());
		return "supervision/complaint/public-new";
	}

	/** The complaints this browser session filed, by the one-time key of the form that filed each (a few at most). */
	private static final String FILED = PublicComplaintController.class.getName() + ".filed";

	@SuppressWarnings("unchecked")
	private static java.util.LinkedHashMap<String, Long> filed(jakarta.servlet.http.HttpSession session) {
		var map = (java.util.LinkedHashMap<String, Long>) session.getAttribute(FILED);
		return map == null ? new java.util.LinkedHashMap<>() : map;
	}

	/** The receipt, once, after the redirect (a reload finds no receipt and goes back to the form: nothing is filed twice). */
	@GetMapping("/complaints/received")
	String received(Model model, HttpServletRequest request) {
		// the receipt of this browser's last complaint: a reload shows it again (the number must not be lost), files nothing
		var session = request.getSession(false);
		Object last = session == null ? null : session.getAttribute(LAST);
		if (!model.containsAttribute("receipt") && last != null) {
			model.addAttribute("receipt", last);
		}
		model.addAttribute("replyWorkingDays", complaints.replyWorkingDays());
		return model.containsAttribute("receipt") ? "supervision/complaint/public-receipt" : "redirect:/complaints/new";
	}

	private static final String LAST = PublicComplaintController.class.getName() + ".last";

	/** The same complaint typed again (the back button brings a fresh form): what identifies it, hashed. */
	private static String sameContent(String category, Long supervisingBodyId, String complainantName, String phone, String title, String content) {
		String text = String.join("\u0000", String.valueOf(category), String.valueOf(supervisingBodyId), String.valueOf(complainantName).strip(),
				String.valueOf(zhifa.supervision.complaint.ComplaintForm.phone(phone)), String.valueOf(title).strip(), String.valueOf(content).strip());
		return "content:" + zhifa.shared.Sm3.hex(text);
	}

	@PostMapping("/complaints")
	String submit(@RequestParam(required = false) String category, @RequestParam(required = false) Boolean enterpriseRelated,
			@RequestParam(required = false) Long supervisingBodyId, @RequestParam(required = false) String subjectBody,
			@RequestParam(required = false) String complainantName, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String title,
			@RequestParam(required = false) String content, @RequestParam(required = false) String formKey, HttpServletRequest request,
			HttpServletResponse response, Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
		model.addAttribute("supervisors", complaints.supervisoryBodies());
		// a refused form comes back with what was typed, the ID number included: not for any cache
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("formKey", formKey == null || formKey.isBlank() || formKey.length() > 60 ? java.util.UUID.randomUUID().toString() : formKey);
		var session = request.getSession();
		synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
			// the same form sent again (a double tap, the back button): its receipt, not a second complaint
			String same = sameContent(category, supervisingBodyId, complainantName, phone, title, content);
			Long already = formKey == null ? null : filed(session).get(formKey);
			if (already == null) {
				already = filed(session).get(same);
			}
			if (already != null) {
				Receipt r = Receipt.of(complaints.get(Operator.SYSTEM, already));
				flash.addFlashAttribute("receipt", r);
				session.setAttribute(LAST, r);
				return "redirect:/complaints/received";
			}
			String page = file(category, enterpriseRelated, supervisingBodyId, subjectBody, complainantName, phone, idNumber, title, content, request,
					response, model, flash);
			if (page.startsWith("redirect:")) {
				var map = filed(session);
				Receipt r = (Receipt) flash.getFlashAttributes().get("receipt");
				if (formKey != null && !formKey.isBlank() && formKey.length() <= 60) {
					map.put(formKey, r.id());
				}
				map.put(same, r.id());
				session.setAttribute(LAST, r);
				while (map.size() > 20) {
					map.remove(map.keySet().iterator().next());
				}
				session.setAttribute(FILED, map);
			}
			return page;
		}
	}

	private String file(String category, Boolean enterpriseRelated, Long supervisingBodyId, String subjectBody, String complainantName, String phone,
			String idNumber, String title, String content, HttpServletRequest request, HttpServletResponse response, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
		if (!throttle.permits("submit", request.getRemoteAddr(), IntakeThrottle.SUBMISSIONS)) {
			response.setStatus(429);
			model.addAttribute("error", "提交过于频繁，请一小时后再试；紧急情况请拨打12345热线");
			return "supervision/complaint/public-new";
		}
		if (subjectBody != null && subjectBody.strip().length() > 100) {
			response.setStatus(400);
			model.addAttribute("error", "被投诉的单位或执法人员不超过100个字");
			model.addAttribute("errors", java.util.Map.of("subjectBody", "被投诉的单位或执法人员不超过100个字"));
			model.addAttribute("draft", new Draft(category, Boolean.TRUE.equals(enterpriseRelated), supervisingBodyId, subjectBody, complainantName,
					phone, idNumber, title, content));
			return "supervision/complaint/public-new";
		}
		String text = ComplaintForm.withSubject(subjectBody, content);
		try {
			var form = new ComplaintForm(null, category == null || category.isBlank() ? null : Inputs.category(category), enterpriseRelated,
					supervisingBodyId, null, null, null, complainantName, phone, idNumber, title, text);
			var receipt = complaints.receive(Operator.SYSTEM, ComplaintChannel.PUBLIC, form, false);
			throttle.count("submit", request.getRemoteAddr());
			flash.addFlashAttribute("receipt", Receipt.of(receipt.complaint()));
			return "redirect:/complaints/received";
		}
		catch (BusinessRuleViolation e) {
			response.setStatus(400);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("draft", new Draft(category, Boolean.TRUE.equals(enterpriseRelated), supervisingBodyId, subjectBody, complainantName,
					phone, idNumber, title, content));
			return "supervision/complaint/public-new";
		}
	}

	/** What the receipt page shows, kept in the session across the redirect (sessions are stored in the database). */
	record Receipt(long id, String receiptNo, String supervisingBodyName, String phoneMasked) implements java.io.Serializable {

		static Receipt of(zhifa.supervision.complaint.Complaint c) {
			return new Receipt(c.id(), c.receiptNo(), c.supervisingBodyName(), c.phoneMasked());
		}
	}

	/**
	 * What the citizen typed, given back to him after a refusal — the ID number too, so that a digit typed wrong can be
	 * corrected (the answer is his own form's, not stored, and not cached: see {@link #submit}).
	 */
	record Draft(String category, boolean enterpriseRelated, Long supervisingBodyId, String subjectBody, String complainantName, String phone,
			String idNumber, String title, String content) {
	}

	/** The lookup form; the receipt number and phone are posted, never put in the address (logs, history). */
	@GetMapping("/complaints/status")
	String statusForm(@RequestParam(required = false) String receiptNo, Model model) {
		// the receipt page's link fills the number in (a receipt number alone reveals nothing: the phone is still asked)
		if (receiptNo != null && receiptNo.length() <= 30 && receiptNo.matches("[A-Za-z0-9]*")) {
			model.addAttribute("receiptNo", receiptNo);
		}
		return "supervision/complaint/public-status";
	}

	@org.springframework.web.bind.annotation.PostMapping("/complaints/status")
	String status(@RequestParam(required = false) String receiptNo, @RequestParam(required = false) String phone, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("receiptNo", receiptNo);
		if (receiptNo == null || receiptNo.isBlank()) {
			model.addAttribute("error", "请填写受理编号");
			return "supervision/complaint/public-status";
		}
		if (!throttle.allow("lookup", request.getRemoteAddr(), IntakeThrottle.LOOKUPS)) {
			response.setStatus(429);
			model.addAttribute("error", "查询过于频繁，请一小时后再试");
			return "supervision/complaint/public-status";
		}
		complaints.lookup(receiptNo, phone).ifPresentOrElse(c -> model.addAttribute("complaint", c),
				() -> model.addAttribute("error", "未查到：请核对受理编号和提交时填写的联系电话"));
		return "supervision/complaint/public-status";
	}
}
