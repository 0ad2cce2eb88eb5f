package zhifa.casework.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.CaseDocuments;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

/** 执法文书: generate (a new version each time) and download, over the API and from the case page. */
@Tag(name = "执法文书", description = "由案件数据生成 PDF（内嵌中文字体），按内容 SM3 保存；重新生成为新版本，不覆盖")
@org.springframework.web.bind.annotation.RestController
class CaseDocumentsApi {

	private final CaseDocuments documents;

	CaseDocumentsApi(CaseDocuments documents) {
		this.documents = documents;
	}

	@Operation(summary = "案件的文书及各版本")
	@GetMapping("/api/v1/cases/{id}/documents")
	List<CaseDocuments.Document> list(@PathVariable long id) {
		return documents.documents(Operator.current().scope(), id);
	}

	@Operation(summary = "生成文书（type 如 FILING_APPROVAL 立案审批表、NOTICE 事先告知书、DECISION 处罚决定书、ONSPOT_DECISION 当场处罚决定书、URGE 催告书、SEIZURE-措施编号 该项查封或扣押的决定书及清单；案件页列出当前可生成的文书）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/api/v1/cases/{id}/documents/{type}")
	CaseDocuments.Document generate(@PathVariable long id, @PathVariable String type) {
		return documents.generate(Operator.current().scope(), id, type);
	}

	@Operation(summary = "下载文书 PDF")
	@GetMapping("/api/v1/cases/{id}/documents/{documentId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long documentId) {
		var pdf = documents.pdf(Operator.current().scope(), id, documentId);
		return Downloads.file(pdf.fileName(), MediaType.APPLICATION_PDF, pdf.bytes());
	}

}
