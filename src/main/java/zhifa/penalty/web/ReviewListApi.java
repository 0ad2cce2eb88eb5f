package zhifa.penalty.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.penalty.proposal.ReviewList;
import zhifa.penalty.proposal.ReviewListItem;
import zhifa.shared.Operator;

@Tag(name = "法制审核目录清单", description = "本机关列入必须法制审核的执法事项（行政处罚法第五十八条第一款第（四）项）")
@RestController
@RequestMapping("/api/v1/bodies/{bodyId}/review-list")
class ReviewListApi {

	private final ReviewList reviewList;

	ReviewListApi(ReviewList reviewList) {
		this.reviewList = reviewList;
	}

	@Operation(summary = "清单", description = "字段：matterId、code、name、note、addedBy（此前为数据库列名 matter_id、added_by，已改为驼峰命名）")
	@GetMapping
	List<ReviewListItem> list(@PathVariable long bodyId) {
		return reviewList.list(Operator.current().scope(), bodyId);
	}

	record Entry(Long matterId, String note) {
	}

	@Operation(summary = "列入清单")
	@PreAuthorize("hasAnyRole('UNIT_ADMIN','LEGAL_REVIEWER')")
	@PostMapping
	void add(@PathVariable long bodyId, @RequestBody Entry e) {
		reviewList.add(Operator.current().scope(), bodyId, e.matterId() == null ? -1 : e.matterId(), e.note());
	}

	@Operation(summary = "移出清单")
	@PreAuthorize("hasAnyRole('UNIT_ADMIN','LEGAL_REVIEWER')")
	@DeleteMapping("/{matterId}")
	void remove(@PathVariable long bodyId, @PathVariable long matterId, @RequestParam(defaultValue = "") String reason) {
		reviewList.remove(Operator.current().scope(), bodyId, matterId, reason);
	}
}
