package zhifa.officer.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import zhifa.officer.Certificate;
import zhifa.officer.Certificates;
import zhifa.organization.Domains;

/**
 * Public certificate verification (亮证 — what the QR code on a card leads to): name, body, domains, status and
 * validity, never the ID number.
 */
@Controller
class PublicCertificateController {

	private final Certificates certificates;
	private final Domains domains;
	private final CertificateQr qr;
	private final java.time.Clock clock;

	PublicCertificateController(Certificates certificates, Domains domains, CertificateQr qr, java.time.Clock clock) {
		this.certificates = certificates;
		this.domains = domains;
		this.qr = qr;
		this.clock = clock;
	}

	/** The form for a citizen who holds an officer's card (or reads its number): the number typed, the card checked. */
	@GetMapping("/verify/certificates")
	String search(@org.springframework.web.bind.annotation.RequestParam(required = false) String number, Model model) {
		if (number == null || number.isBlank()) {
			return "officer/verify";
		}
		// the number as printed on a card may be read out in groups (5300 0020 2300 001)
		String n = typed(number).replaceAll("\\s", "");
		if (n.length() > 40 || zhifa.shared.web.RequestLimits.hasControlCharacters(n)) {
			model.addAttribute("searchError", "证件号不超过40个字符");
			return "officer/verify";
		}
		return "redirect:/verify/certificates/" + org.springframework.web.util.UriUtils.encodePathSegment(n, java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/verify/certificates/{number}")
	String page(@PathVariable String number, Model model, jakarta.servlet.http.HttpServletResponse response) {
		String shown = number.length() > 40 ? number.substring(0, 40) + "…" : number;
		model.addAttribute("number", shown);
		// as printed, typed in full-width digits, or read out with dashes between its groups (5300-0020-2300-001)
		String n = typed(number);
		var found = number.length() > 40 || zhifa.shared.web.RequestLimits.hasControlCharacters(number) ? java.util.Optional.<Certificate>empty()
				: certificates.byNumber(number).or(() -> n.equals(number) ? java.util.Optional.empty() : certificates.byNumber(n))
					.or(() -> n.matches(".*[-—].*") ? certificates.byNumber(n.replaceAll("[-—]", "")) : java.util.Optional.empty());
		found.ifPresentOrElse(c -> model.addAttribute("view", view(c)), () -> response.setStatus(404));
		return "officer/verify";
	}

	/** A number as a phone's keyboard may give it: full-width digits and letters (５３００) read as the usual ones. */
	private static String typed(String number) {
		return java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).strip();
	}

	Map<String, Object> view(Certificate c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("number", c.number());
		m.put("name", c.officerName());
		m.put("body", c.bodyName());
		m.put("domains", c.domainCodes().stream().map(d -> domains.byCodeOrName(d).map(Domains.Domain::name).orElse(d)).toList());
		m.put("status", c.status().name());
		m.put("statusLabel", c.status().label());
		m.put("validFrom", c.validFrom() == null ? null : c.validFrom().toString());
		m.put("validTo", c.validTo() == null ? null : c.validTo().toString());
		m.put("issuingAuthority", c.issuingAuthority());
		m.put("validToday", c.usableOn(LocalDate.now(clock)));
		return m;
	}
}
