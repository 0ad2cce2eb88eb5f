package zhifa.supervision.complaint.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import zhifa.shared.Operator;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.Complaints;
import zhifa.supervision.complaint.HotlineOutbox;
import zhifa.supervision.complaint.HotlineReply;

@Tag(name = "12345热线", description = "12345政务服务便民热线的工单交换：接收工单（按工单编号幂等）、读取答复（轮询）、回访结果（满意度、重办）。须以执法监督机构（司法局）的API令牌调用。")
@RestController
@RequestMapping("/api/v1/exchange/hotline-orders")
class HotlineApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Complaints complaints;
	private final HotlineOutbox outbox;

	HotlineApi(Complaints complaints, HotlineOutbox outbox) {
		this.complaints = complaints;
		this.outbox = outbox;
	}

	/** A 12345 work order (工单). */
	record HotlineOrder(String orderNo, String category, Boolean enterpriseRelated, Long subjectBodyId, Long matterId,
			String complainantName, String phone, String idNumber, String title, String content) {
	}

	@Operation(summary = "接收12345工单", description = """
			按 orderNo（工单编号）幂等：首次接收返回 201，同一编号再次提交返回 200 和首次的受理编号，不会产生第二条投诉举报。
			category：COMPLAINT（投诉）或 REPORT（举报）；enterpriseRelated：是否涉企；phone 必填（加密保存，只显示掩码）；idNumber 可选（校验后加密保存）。
			字段有误时返回 400，errors 逐项说明。""")
	@PreAuthorize("hasRole('API_CLIENT')")
	@PostMapping
	ResponseEntity<?> receive(@RequestBody HotlineOrder o) {
		var form = new ComplaintForm(o.orderNo(), Inputs.category(o.category()), o.enterpriseRelated(), null,
				o.subjectBodyId(), o.matterId(), null, o.complainantName(), o.phone(), o.idNumber(), o.title(), o.content());
		var receipt = complaints.receive(Operator.current(), ComplaintChannel.HOTLINE, form, false);
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Inputs.receipt(receipt));
	}

	/** One reply as the 12345 system reads it. */
	record Reply(long id, String orderNo, String receiptNo, JsonNode reply, Instant createdAt) {
	}

	/** A page of replies and the cursor to ask with next time. */
	record Replies(List<Reply> items, long next) {
	}

	@Operation(summary = "读取答复（轮询）", description = "返回 id 大于 since 的答复，按 id 升序，最多 limit 条（默认 100，最多 500）；next 为下次轮询的 since。答复按提交顺序编号，不会跳过。")
	@PreAuthorize("hasAnyRole('API_CLIENT','PLATFORM_ADMIN')")
	@GetMapping("/replies")
	Replies replies(@Parameter(description = "上次取到的最后一条答复的 id；首次为 0") @RequestParam(defaultValue = "0") long since,
			@RequestParam(defaultValue = "100") int limit) {
		List<HotlineReply> list = outbox.since(Operator.current(), since, limit);
		List<Reply> items = list.stream().map(r -> new Reply(r.id(), r.orderNo(), r.receiptNo(), JSON.readTree(r.payload()), r.createdAt())).toList();
		return new Replies(items, items.isEmpty() ? since : items.get(items.size() - 1).id());
	}

	record Evaluation(String satisfaction, Boolean reopen, String reason) {
	}

	@Operation(summary = "回访结果", description = "satisfaction：SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED；reopen 为 true 时重办（须填 reason），否则办结。须在答复之后。")
	@PreAuthorize("hasRole('API_CLIENT')")
	@PostMapping("/{orderNo}/evaluation")
	Object evaluate(@PathVariable String orderNo, @RequestBody Evaluation e) {
		var c = complaints.evaluate(Operator.current(), orderNo, Inputs.satisfaction(e.satisfaction()), Boolean.TRUE.equals(e.reopen()), e.reason());
		return java.util.Map.of("receiptNo", c.receiptNo(), "status", c.status().name(), "reopenCount", c.reopenCount());
	}
}
