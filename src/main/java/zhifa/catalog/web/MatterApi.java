package zhifa.catalog.web;

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
import zhifa.catalog.Matter;
import zhifa.catalog.MatterStatus;
import zhifa.catalog.Matters;
import zhifa.shared.Operator;

@Tag(name = "执法事项", description = "各执法主体工作目录中的执法事项及其法律依据；对外生效以已发布的目录版本为准")
@RestController
@RequestMapping("/api/v1/matters")
class MatterApi {

	private final Matters matters;

	MatterApi(Matters matters) {
		this.matters = matters;
	}

	@Operation(summary = "执法事项（按数据范围）")
	@GetMapping
	List<Matter> list(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) MatterStatus status) {
		return matters.list(Operator.current().scope(), bodyId, status);
	}

	@Operation(summary = "编制执法事项", description = "法律依据为法律依据库中的条款引用，如 食品安全法第一百二十四条")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Matter create(@RequestBody Matters.MatterForm form) {
		return matters.create(Operator.current().scope(), form, false);
	}

	@Operation(summary = "修改执法事项（工作目录）", description = "编码不可修改；调整随下一次报备发布为新版本")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@org.springframework.web.bind.annotation.PutMapping("/{id}")
	Matter update(@PathVariable long id, @RequestBody Matters.MatterForm form) {
		return matters.update(Operator.current().scope(), id, form);
	}

	@Operation(summary = "事项状态变化历史")
	@GetMapping("/{id}/history")
	List<Matters.StatusChange> history(@PathVariable long id) {
		matters.get(Operator.current().scope(), id);
		return matters.history(id);
	}

	record StatusChange(MatterStatus status, String reason) {
	}

	@Operation(summary = "变更事项状态（有效⇄暂停、取消）", description = "草稿随目录发布生效；没有法律依据的事项不能生效")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/{id}/status")
	Matter changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
		return matters.changeStatus(Operator.current().scope(), id, change.status(), change.reason());
	}

	@Operation(summary = "清理建议：没有法律依据的事项")
	@GetMapping("/without-basis")
	List<Matter> withoutBasis() {
		return matters.withoutBasis(Operator.current().scope());
	}
}
