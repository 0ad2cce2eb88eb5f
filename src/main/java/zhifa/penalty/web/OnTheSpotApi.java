package zhifa.penalty.web;

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
import zhifa.penalty.simple.FormRange;
import zhifa.penalty.simple.OnTheSpot;
import zhifa.penalty.PenaltyCase;
import zhifa.shared.Operator;

@Tag(name = "当场处罚（简易程序）", description = "警告或罚款（公民≤200元、组织≤3000元）；预定格式、编有号码的决定书号段；当场收缴≤100元（或事后难以执行）两个工作日内交回；报本机关备案。金额单位：分")
@RestController
@RequestMapping("/api/v1/onspot")
class OnTheSpotApi {

	private final OnTheSpot onTheSpot;

	OnTheSpotApi(OnTheSpot onTheSpot) {
		this.onTheSpot = onTheSpot;
	}

	@Operation(summary = "当场作出行政处罚决定")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/penalties")
	@ResponseStatus(HttpStatus.CREATED)
	PenaltyCase decide(@RequestBody OnTheSpot.OnSpotForm f) {
		return onTheSpot.decide(Operator.current().scope(), f);
	}

	@Operation(summary = "罚款交至行政机关")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/penalties/{caseId}/hand-in")
	PenaltyCase handIn(@PathVariable long caseId, @RequestParam(required = false) LocalDate on) {
		return onTheSpot.handIn(Operator.current().scope(), caseId, on);
	}

	@Operation(summary = "报本机关备案")
	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/penalties/{caseId}/report")
	PenaltyCase report(@PathVariable long caseId) {
		return onTheSpot.report(Operator.current().scope(), caseId);
	}

	@Operation(summary = "本机关的决定书号段")
	@GetMapping("/ranges")
	List<FormRange> ranges(@RequestParam long bodyId) {
		return onTheSpot.ranges(Operator.current().scope(), bodyId);
	}

	record Allocation(Long bodyId, Long officerId, String prefix, Integer first, Integer last) {
	}

	@Operation(summary = "分配号段（可指定领用的执法人员）")
	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/ranges")
	@ResponseStatus(HttpStatus.CREATED)
	FormRange allocate(@RequestBody Allocation a) {
		return onTheSpot.allocate(Operator.current().scope(), a.bodyId() == null ? -1 : a.bodyId(), a.officerId(), a.prefix(), a.first(), a.last());
	}

	record Void(Integer number, String reason) {
	}

	@Operation(summary = "作废决定书编号")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@PostMapping("/ranges/{rangeId}/void")
	void voidNumber(@PathVariable long rangeId, @RequestBody Void v) {
		onTheSpot.voidNumber(Operator.current().scope(), rangeId, v.number() == null ? -1 : v.number(), v.reason());
	}
}
