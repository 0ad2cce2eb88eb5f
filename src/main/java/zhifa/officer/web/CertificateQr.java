package zhifa.officer.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;


/** The QR code printed on a certificate: it leads to the public verification page. Rendered as SVG. */
@Component
class CertificateQr {

	private final String baseUrl;

	CertificateQr(@Value("${zhifa.public-base-url:http://localhost:${server.port:8080}}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String url(String number) {
		return baseUrl + "/verify/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8);
	}

	String svg(String number) {
		return zhifa.shared.QrCode.svg(url(number));
	}
}
