package zhifa.penalty.web;

import java.util.List;
import java.util.Map;

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
import zhifa.penalty.CaseProcedure;
import zhifa.shared.BodyScopes;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

@Tag(name = "法制审核目录清单", description = "本机关列入必须法制审核的执法事项（行政处罚法第五十八条第一款第（四）项）")
@RestController
@RequestMapping("/api/v1/bodies/{bodyId}/review-list")
class ReviewListApi {

	private final CaseProcedure procedure;
	private final BodyScopes scopes;

	ReviewListApi(CaseProcedure procedure, BodyScopes scopes) {
		this.procedure = procedure;
		this.scopes = scopes;
	}

	private void check(long bodyId) {
		if (!scopes.covers(Operator.current().scope(), bodyId)) {
			throw new NotFound("执法主体");
		}
	}

	@Operation(summary = "清单")
	@GetMapping
	List<Map<String, Object>> list(@PathVariable long bodyId) {
		check(bodyId);
		return procedure.reviewList(Operator.current().scope(), bodyId);
	}

	record Entry(Long matterId, String note) {
	}

	@Operation(summary = "列入清单")
	@PreAuthorize("hasAnyRole('UNIT_ADMIN','LEGAL_REVIEWER')")
	@PostMapping
	void add(@PathVariable long bodyId, @RequestBody Entry e) {
		check(bodyId);
		procedure.addToReviewList(Operator.current().scope(), bodyId, e.matterId() == null ? -1 : e.matterId(), e.note());
	}

	@Operation(summary = "移出清单")
	@PreAuthorize("hasAnyRole('UNIT_ADMIN','LEGAL_REVIEWER')")
	@DeleteMapping("/{matterId}")
	void remove(@PathVariable long bodyId, @PathVariable long matterId, @RequestParam(defaultValue = "") String reason) {
		check(bodyId);
		procedure.removeFromReviewList(Operator.current().scope(), bodyId, matterId, reason);
	}
}
