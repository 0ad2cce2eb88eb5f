package zhifa.casework.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.CaseDocuments;
import zhifa.shared.NotFound;

/** The verification of documents for other systems (a court's, say): public, read-only, no personal data. */
@Tag(name = "文书核验", description = "按文书上的验证码查询出具机关、文号、日期和版本，并按 SM3 摘要核对文件是否为当前版本（无需登录）")
@RestController
class DocumentVerificationApi {

	private final CaseDocuments documents;

	DocumentVerificationApi(CaseDocuments documents) {
		this.documents = documents;
	}

	@Operation(summary = "按验证码查询文书")
	@GetMapping("/api/v1/public/documents/{code}")
	CaseDocuments.Verified document(@PathVariable String code) {
		return documents.verify(code).orElseThrow(() -> new NotFound("验证码对应的文书"));
	}

	@Operation(summary = "按 SM3 摘要核对文件是否为该验证码文书的当前版本")
	@GetMapping("/api/v1/public/documents/{code}/check")
	CaseDocuments.Check check(@PathVariable String code, @RequestParam String sm3) {
		return documents.check(code, sm3);
	}
}
