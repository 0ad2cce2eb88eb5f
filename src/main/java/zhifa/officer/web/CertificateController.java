package zhifa.officer.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.officer.Certificate;
import zhifa.officer.CertificateStatus;
import zhifa.officer.Certificates;
import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

@Controller
class CertificateController {

	private final Certificates certificates;
	private final zhifa.officer.CertificateCancellations cancellations;
	private final Domains domains;
	private final CertificateQr qr;
	private final java.time.Clock clock;

	CertificateController(Certificates certificates, zhifa.officer.CertificateCancellations cancellations, Domains domains, CertificateQr qr,
			java.time.Clock clock) {
		this.cancellations = cancellations;
		this.clock = clock;
		this.certificates = certificates;
		this.domains = domains;
		this.qr = qr;
	}

	@GetMapping("/certificates")
	String overview(Model model) {
		var scope = Operator.current().scope();
		model.addAttribute("pending", certificates.pending(scope));
		model.addAttribute("expiring", certificates.expiringSoon(scope));
		model.addAttribute("cancellations", cancellations.cancellationRequests(scope));
		model.addAttribute("rules", certificates.numberRules());
		model.addAttribute("warningMonths", Certificates.WARNING_MONTHS);
		return "officer/certificates";
	}

	@GetMapping("/certificates/{id}")
	String show(@PathVariable long id, Model model) {
		Certificate c = certificates.get(Operator.current().scope(), id);
		model.addAttribute("certificate", c);
		model.addAttribute("events", certificates.events(id));
		// a change that takes effect later (the old certificate of a renewal, cancelled as of the new one's first day):
		// the page shows the status of today, and says when it changes
		LocalDate today = LocalDate.now(clock);
		var now = certificates.statusOn(id, today).orElse(c.status());
		model.addAttribute("statusToday", now);
		model.addAttribute("pendingChange", now == c.status() ? null
				: certificates.events(id).stream().filter(e -> e.effectiveDate() != null && e.effectiveDate().isAfter(today) && e.to() == c.status())
					.map(e -> "自 " + e.effectiveDate() + " 起" + c.status().label()).findFirst().orElse(null));
		model.addAttribute("domains", domains.all());
		model.addAttribute("qrSvg", c.number() == null ? null : qr.svg(c.number()));
		model.addAttribute("verifyUrl", c.number() == null ? null : qr.url(c.number()));
		model.addAttribute("defaultFrom", LocalDate.now(clock));
		model.addAttribute("defaultTo", LocalDate.now(clock).plusYears(5).minusDays(1));
		return "officer/certificate";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/officers/{officerId}/certificates")
	String apply(@PathVariable long officerId, @RequestParam(required = false) List<String> domainCodes,
			@RequestParam(required = false) String issuingAuthority, RedirectAttributes flash) {
		try {
			var c = certificates.apply(Operator.current().scope(),
					new Certificates.Application(officerId, domainCodes == null ? List.of() : domainCodes, "53", issuingAuthority));
			flash.addFlashAttribute("message", "已提交执法证件申领，等待司法行政机关审核");
			return "redirect:/certificates/" + c.id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/officers/" + officerId;
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/officers/{officerId}/certificates/existing")
	String registerExisting(@PathVariable long officerId, @RequestParam(required = false) List<String> domainCodes,
			@RequestParam(required = false) String issuingAuthority, @RequestParam(required = false) String number,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
			@RequestParam(required = false) String documentNumber, RedirectAttributes flash) {
		try {
			var c = certificates.registerExisting(Operator.current().scope(), officerId, domainCodes, "53",
					issuingAuthority == null || issuingAuthority.isBlank() ? "云南省人民政府" : issuingAuthority,
					new Certificates.Issue(number, validFrom, validTo, documentNumber), false);
			flash.addFlashAttribute("message", "已登记执法证件 " + c.number());
			return "redirect:/certificates/" + c.id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/officers/" + officerId;
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/certificates/{id}/review")
	String review(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> certificates.startReview(Operator.current().scope(), id), "已受理审核");
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/certificates/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate validFrom,
			@RequestParam(required = false) LocalDate validTo, @RequestParam(required = false) String documentNumber, RedirectAttributes flash) {
		return act(id, flash, () -> certificates.approve(Operator.current().scope(), id,
				new Certificates.Issue(number, validFrom, validTo, documentNumber)), "审核通过，证件已生效");
	}

	@PostMapping("/certificates/{id}/change")
	String change(@PathVariable long id, @RequestParam(required = false) CertificateStatus to, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String documentNumber, RedirectAttributes flash) {
		var op = Operator.current();
		boolean issuer = CurrentRoles.hasAny("PLATFORM_ADMIN", "SUPERVISOR");
		boolean unitAdmin = CurrentRoles.hasAny("UNIT_ADMIN");
		if (to == null) {
			flash.addFlashAttribute("error", "请选择操作");
			return "redirect:/certificates/" + id;
		}
		if (!issuer && !(unitAdmin && to == CertificateStatus.WITHDRAWN)) {
			flash.addFlashAttribute("error", "只有发证机关（司法行政机关）可以" + to.label() + "证件；单位管理员只能收回本单位人员的证件");
			return "redirect:/certificates/" + id;
		}
		return act(id, flash, () -> certificates.change(op.scope(), id, to, new Certificates.Change(reason, documentNumber, null)),
				"证件状态已改为“" + to.label() + "”");
	}

	private String act(long id, RedirectAttributes flash, Runnable action, String message) {
		try {
			action.run();
			flash.addFlashAttribute("message", message);
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/certificates/" + id;
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/certificates/number-rules")
	String saveRule(@RequestParam(required = false) String provinceCode, @RequestParam(required = false) String provinceName,
			@RequestParam(required = false) String pattern, @RequestParam(required = false) String example,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		try {
			certificates.saveNumberRule(new Certificates.NumberRule(provinceCode, provinceName, pattern, example, note));
			flash.addFlashAttribute("message", "已保存证件号格式规则");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/certificates";
	}
}
