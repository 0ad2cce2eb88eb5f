package zhifa.catalog.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.catalog.LegalLibrary;
import zhifa.shared.NotFound;

@Tag(name = "法律依据库", description = "法律法规规章及其版本、条款项、中文关键词检索")
@RestController
@RequestMapping("/api/v1/legal")
class LegalApi {

	private final LegalLibrary library;
	private final java.time.Clock clock;

	LegalApi(LegalLibrary library, java.time.Clock clock) {
		this.library = library;
		this.clock = clock;
	}

	@Operation(summary = "法律文件（各版本）")
	@GetMapping("/documents")
	List<LegalLibrary.Document> documents() {
		return library.documents();
	}

	@Operation(summary = "某文件的全部条文")
	@GetMapping("/documents/{id}/articles")
	List<LegalLibrary.Provision> articles(@PathVariable long id) {
		library.document(id);
		return library.articles(id);
	}

	@Operation(summary = "导入预览：拆分条款项并报告无法识别的内容（不保存）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/documents/preview")
	LegalLibrary.ImportPreview preview(@RequestBody LegalLibrary.ImportRequest request) {
		return library.preview(request.text());
	}

	@Operation(summary = "导入法规全文", description = "Markdown：# 标题，<!-- INFO END --> 前为沿革，## 第X章，每条以“第X条”开头另起一段")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/documents")
	@ResponseStatus(HttpStatus.CREATED)
	LegalLibrary.Document importStatute(@RequestBody LegalLibrary.ImportRequest request) {
		return library.importStatute(request, false);
	}

	@Operation(summary = "按引用查找条款", description = "如 行政处罚法第五十八条第一款第(二)项；date 为行为发生日，取当日有效的版本（行政处罚法第三十七条）")
	@GetMapping("/provisions")
	LegalLibrary.Provision provision(@RequestParam String citation, @RequestParam(required = false) LocalDate date) {
		return library.resolve(citation, date == null ? LocalDate.now(clock) : date).orElseThrow(() -> new NotFound("条款“" + citation + "”"));
	}

	@Operation(summary = "中文关键词检索条文", description = "多个关键词以空格分隔，须同时出现；按出现次数排序")
	@GetMapping("/search")
	List<LegalLibrary.Hit> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeRepealed,
			@RequestParam(defaultValue = "50") int size) {
		return library.search(q, includeRepealed, size);
	}
}
