package zhifa.exchange.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.exchange.CodeTables;
import zhifa.exchange.ElementClass;
import zhifa.exchange.Outbound;
import zhifa.exchange.Outbox;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.Page;

@Tag(name = "向上级系统推送", description = "推送队列、每条数据的推送状态（待推送/已推送/被拒绝/推送失败）、重新推送、全量推送和代码映射；仅系统管理员")
@RestController
@RequestMapping("/api/v1/exchange/outbound")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class OutboundApi {

	private final Outbox outbox;
	private final CodeTables codes;

	OutboundApi(Outbox outbox, CodeTables codes) {
		this.outbox = outbox;
		this.codes = codes;
	}

	@Operation(summary = "推送队列（新的在前）", description = "elementClass、state 可选；dead=true 只列被拒绝和推送失败的；key 为对象编号")
	@GetMapping
	Page<Outbound> list(@RequestParam(required = false) String elementClass, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "false") boolean dead, @RequestParam(required = false) String key, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return outbox.list(Operator.current(), ElementClass.parse(elementClass), zhifa.exchange.OutboundState.parse(state), dead, key, page, size);
	}

	@Operation(summary = "一条数据的推送状态与历次推送（新的在前，第一条即当前状态）")
	@GetMapping("/status")
	List<Outbound> status(@RequestParam(required = false) String elementClass, @RequestParam(required = false) String key) {
		ElementClass c = ElementClass.parse(elementClass);
		if (c == null || key == null || key.isBlank() || key.length() > 64) {
			throw BusinessRuleViolation.onField(c == null ? "elementClass" : "key", c == null ? "请给出数据类别 elementClass" : "请给出对象编号 key（不超过64个字符）");
		}
		return outbox.history(c, key.strip());
	}

	@Operation(summary = "重新推送一条被拒绝或推送失败的数据", description = "其他状态 409")
	@PostMapping("/{id}/requeue")
	Outbound requeue(@PathVariable long id) {
		return outbox.requeue(Operator.current(), id);
	}

	record Requeued(int count) {
	}

	record Confirm(Boolean confirm) {
	}

	@Operation(summary = "全部重新推送：失败清单中的每一条重新排队（接收方或配置修复后）", description = "请求体 {\"confirm\":true}")
	@PostMapping("/requeue-all")
	Requeued requeueAll(@RequestBody(required = false) Confirm body) {
		if (body == null || !Boolean.TRUE.equals(body.confirm())) {
			throw BusinessRuleViolation.onField("confirm", "请确认全部重新推送（confirm 为 true）");
		}
		return new Requeued(outbox.requeueAll(Operator.current()));
	}

	record QueueAll(String elementClass) {
	}

	record Queued(String elementClass, int count) {
	}

	@Operation(summary = "全量推送某类数据（首次对接或对方重置后）")
	@PostMapping("/queue-all")
	Queued queueAll(@RequestBody(required = false) QueueAll body) {
		ElementClass c = ElementClass.parse(body == null ? null : body.elementClass());
		if (c == null) {
			throw BusinessRuleViolation.onField("elementClass", "请给出要全量推送的数据类别");
		}
		return new Queued(c.name(), outbox.queueAll(Operator.current(), c));
	}

	@Operation(summary = "代码映射（本平台代码 → 对方代码）")
	@GetMapping("/codes")
	List<CodeTables.Mapping> mappings() {
		return codes.all();
	}

	record MappingInput(String codeClass, String localCode, String remoteCode, String note) {
	}

	@Operation(summary = "保存一条代码映射（新增或替换）")
	@PutMapping("/codes")
	CodeTables.Mapping save(@RequestBody(required = false) MappingInput in) {
		if (in == null) {
			throw BusinessRuleViolation.onField("codeClass", "请求体为空");
		}
		return codes.save(Operator.current(), in.codeClass(), in.localCode(), in.remoteCode(), in.note());
	}

	@Operation(summary = "删除一条代码映射（此后按本平台代码推送）")
	@DeleteMapping("/codes")
	ResponseEntity<Void> remove(@RequestParam(required = false) String codeClass, @RequestParam(required = false) String localCode) {
		codes.remove(Operator.current(), codeClass, localCode);
		return ResponseEntity.noContent().build();
	}
}
