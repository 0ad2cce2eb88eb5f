package zhifa.catalog.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.catalog.CatalogueCleanup;
import zhifa.catalog.CatalogueDiff;
import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.catalog.ItemReview;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

@Tag(name = "执法事项目录", description = "编制 → 报备 → 逐项审查（合法性、合理性、必要性）→ 发布编号版本；版本差异；清理建议")
@RestController
@RequestMapping("/api/v1/catalogues")
class CatalogueApi {

	private final Catalogues catalogues;
	private final CatalogueCleanup cleanup;

	CatalogueApi(Catalogues catalogues, CatalogueCleanup cleanup) {
		this.catalogues = catalogues;
		this.cleanup = cleanup;
	}

	private static DataScope scope() {
		return Operator.current().scope();
	}

	@Operation(summary = "单位目录概况：现行版本、审查中的报备、工作目录相对现行版本的调整")
	@GetMapping("/{bodyId}")
	Catalogues.Overview overview(@PathVariable long bodyId) {
		return catalogues.overview(scope(), bodyId);
	}

	@Operation(summary = "已发布版本")
	@GetMapping("/{bodyId}/versions")
	List<Catalogues.Version> versions(@PathVariable long bodyId) {
		return catalogues.versions(scope(), bodyId);
	}

	record VersionView(Catalogues.Version version, List<CatalogueEntry> items, CatalogueDiff changes) {
	}

	@Operation(summary = "某一版本的事项及其与上一版本的差异")
	@GetMapping("/{bodyId}/versions/{number}")
	VersionView version(@PathVariable long bodyId, @PathVariable int number) {
		var v = catalogues.version(scope(), bodyId, number);
		return new VersionView(v, catalogues.entries(v.id()), catalogues.changesIn(scope(), bodyId, number));
	}

	record SubmitRequest(String note) {
	}

	@Operation(summary = "报司法局备案审查", description = "工作目录中不得有无法律依据的事项；与现行版本没有变化的不能报备")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/{bodyId}/submissions")
	@ResponseStatus(HttpStatus.CREATED)
	Catalogues.Submission submit(@PathVariable long bodyId, @RequestBody(required = false) SubmitRequest r) {
		return catalogues.submit(scope(), bodyId, r == null ? null : r.note());
	}

	record SubmissionView(Catalogues.Submission submission, List<Catalogues.ReviewedEntry> items, CatalogueDiff changes) {
	}

	@Operation(summary = "报备详情：逐项审查情况与本次调整")
	@GetMapping("/submissions/{id}")
	SubmissionView submission(@PathVariable long id) {
		var s = catalogues.submission(scope(), id);
		return new SubmissionView(s, catalogues.submissionItems(id), catalogues.submissionDiff(s));
	}

	@Operation(summary = "逐项审查", description = "任何一项不通过须填写审查意见")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/submissions/{id}/items/{code}/review")
	Catalogues.ReviewedEntry review(@PathVariable long id, @PathVariable String code, @RequestBody ItemReview review) {
		return catalogues.review(scope(), id, code, review);
	}

	record Opinion(String opinion) {
	}

	@Operation(summary = "发布为新版本", description = "全部事项审查通过后才能发布")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/submissions/{id}/publish")
	Catalogues.Version publish(@PathVariable long id, @RequestBody(required = false) Opinion o) {
		return catalogues.publish(scope(), id, o == null ? null : o.opinion());
	}

	@Operation(summary = "退回修改")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/submissions/{id}/return")
	Catalogues.Submission returnToBody(@PathVariable long id, @RequestBody Opinion o) {
		return catalogues.returnToBody(scope(), id, o.opinion());
	}

	record Reason(String reason) {
	}

	@Operation(summary = "撤回报备")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/submissions/{id}/withdraw")
	Catalogues.Submission withdraw(@PathVariable long id, @RequestBody Reason r) {
		return catalogues.withdraw(scope(), id, r.reason());
	}

	record CleanupView(List<zhifa.catalog.Matter> withoutBasis, CatalogueCleanup.Inactivity inactive, List<CatalogueCleanup.Overlap> overlaps) {
	}

	@Operation(summary = "清理建议", description = "无法律依据；近5年无执法活动（inactive.connected=false 表示尚未接入执法活动数据，不是0次）；多个单位依据同一法条")
	@GetMapping("/cleanup")
	CleanupView cleanup() {
		return new CleanupView(cleanup.withoutBasis(scope()), cleanup.inactive(scope()), cleanup.overlaps(scope()));
	}
}
