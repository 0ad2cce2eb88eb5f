package zhifa.casework.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.casework.CaseDocuments;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.shared.web.Downloads;

/** 执法文书 from the case page. */
@Controller
class CaseDocumentsController {

	private final CaseDocuments documents;

	CaseDocumentsController(CaseDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/cases/{id}/documents/{documentId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long documentId) {
		var pdf = documents.pdf(Operator.current().scope(), id, documentId);
		return Downloads.file(pdf.fileName(), MediaType.APPLICATION_PDF, pdf.bytes());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/documents/{type}")
	String generateFromPage(@PathVariable long id, @PathVariable String type, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id + "#documents", () -> {
			var d = documents.generate(Operator.current().scope(), id, type);
			return "已生成" + d.label() + "（第" + d.version() + "版，" + d.pages() + "页）";
		});
	}
}
