package zhifa.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.catalog.LegalDocumentKind;
import zhifa.catalog.LegalLibrary;
import zhifa.shared.BusinessRuleViolation;

/** 法律依据库 pages: the library, one document with its articles, search, and import with a preview. */
@Controller
class LegalController {

	private final LegalLibrary library;
	private final java.time.Clock clock;

	LegalController(LegalLibrary library, java.time.Clock clock) {
		this.library = library;
		this.clock = clock;
	}

	@GetMapping("/legal")
	String library(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean repealed, Model model) {
		model.addAttribute("documents", library.documents());
		model.addAttribute("q", q);
		model.addAttribute("repealed", repealed);
		model.addAttribute("today", LocalDate.now(clock));
		if (q != null && !q.isBlank()) {
			// a citation (a matter's 违反条款 links here): its article in its law, not a keyword search that finds nothing
			var cited = library.resolve(q, LocalDate.now(clock))
				.or(() -> library.resolve(q.strip().replaceFirst("(第[零〇一二三四五六七八九十百千0-9]+条)(之[一二三四五六七八九十]+)?.*$", "$1$2"), LocalDate.now(clock)));
			if (cited.isPresent()) {
				return "redirect:/legal/" + cited.get().documentId() + "#a" + cited.get().articleNo();
			}
			long start = System.nanoTime();
			model.addAttribute("hits", library.search(q, repealed, 100));
			model.addAttribute("millis", (System.nanoTime() - start) / 1_000_000);
		}
		return "catalog/legal";
	}

	@GetMapping("/legal/{id}")
	String document(@PathVariable long id, Model model) {
		model.addAttribute("document", library.document(id));
		model.addAttribute("articles", library.articles(id));
		return "catalog/legal-document";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@GetMapping("/legal/import")
	String importForm(Model model) {
		model.addAttribute("kinds", LegalDocumentKind.values());
		return "catalog/legal-import";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/legal/import")
	String importStatute(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			@RequestParam(required = false) LegalDocumentKind kind, @RequestParam(required = false) String issuingBody,
			@RequestParam(required = false) String documentNumber, @RequestParam(required = false) LocalDate effectiveFrom,
			@RequestParam(required = false) LocalDate repealedOn, @RequestParam(defaultValue = "false") boolean confirm, Model model,
			RedirectAttributes flash) throws IOException {
		String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
		model.addAttribute("kinds", LegalDocumentKind.values());
		model.addAttribute("text", content);
		model.addAttribute("kind", kind);
		model.addAttribute("issuingBody", issuingBody);
		model.addAttribute("documentNumber", documentNumber);
		model.addAttribute("repealedOn", repealedOn);
		try {
			var preview = library.preview(content);
			model.addAttribute("preview", preview);
			model.addAttribute("effectiveFrom", effectiveFrom != null ? effectiveFrom : preview.suggestedEffectiveFrom());
			if (confirm) {
				var doc = library.importStatute(new LegalLibrary.ImportRequest(content, kind, issuingBody, documentNumber, effectiveFrom, repealedOn), false);
				flash.addFlashAttribute("message", "已导入《" + doc.title() + "》" + doc.articles() + " 条");
				return "redirect:/legal/" + doc.id();
			}
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return "catalog/legal-import";
	}
}
