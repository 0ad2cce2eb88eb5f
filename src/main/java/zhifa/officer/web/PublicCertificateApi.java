package zhifa.officer.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.officer.Certificates;
import zhifa.shared.NotFound;

@Tag(name = "执法证件公开核验", description = "二维码指向的公开核验，无需登录，不含身份证号")
@RestController
class PublicCertificateApi {

	private final Certificates certificates;
	private final CertificateQr qr;
	private final PublicCertificateController page;

	PublicCertificateApi(Certificates certificates, CertificateQr qr, PublicCertificateController page) {
		this.certificates = certificates;
		this.qr = qr;
		this.page = page;
	}

	@Operation(summary = "核验执法证件（公开）", description = "返回姓名、执法主体、执法领域、状态和有效期，不含身份证号")
	@GetMapping(value = "/api/v1/public/certificates/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> api(@PathVariable String number) {
		return page.view(certificates.byNumber(number).orElseThrow(() -> new NotFound("证件号为 " + number + " 的执法证件")));
	}

	@Operation(summary = "执法证件二维码（SVG，指向公开核验页）")
	@GetMapping(value = "/api/v1/public/certificates/{number}/qr.svg")
	ResponseEntity<String> qr(@PathVariable String number) {
		certificates.byNumber(number).orElseThrow(() -> new NotFound("执法证件"));
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(qr.svg(number));
	}

}
