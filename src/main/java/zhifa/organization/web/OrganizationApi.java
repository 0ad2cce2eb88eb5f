package zhifa.organization.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.organization.Bodies;
import zhifa.organization.BodyForm;
import zhifa.organization.BodyKind;
import zhifa.organization.Domains;
import zhifa.organization.EnforcementBody;
import zhifa.organization.Region;
import zhifa.organization.Regions;
import zhifa.shared.Operator;

@Tag(name = "组织机构", description = "行政区划、执法主体、执法领域；查询结果按调用者的数据范围过滤")
@RestController
@RequestMapping("/api/v1")
class OrganizationApi {

	private final Regions regions;
	private final Bodies bodies;
	private final Domains domains;
	private final BodyAccess access;

	OrganizationApi(Regions regions, Bodies bodies, Domains domains, BodyAccess access) {
		this.regions = regions;
		this.bodies = bodies;
		this.domains = domains;
		this.access = access;
	}

	@Operation(summary = "行政区划（树序）")
	@GetMapping("/regions")
	List<Region> regions() {
		return regions.tree();
	}

	@Operation(summary = "新增行政区划（平台管理员）", description = "区划代码按上级区划校验；乡级区划代码未知时可留空")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/regions")
	@ResponseStatus(HttpStatus.CREATED)
	Region createRegion(@RequestBody Regions.NewRegion input) {
		return regions.create(input);
	}

	@Operation(summary = "执法领域代码表")
	@GetMapping("/domains")
	List<Domains.Domain> domains() {
		return domains.all();
	}

	@Operation(summary = "执法主体列表（分页）")
	@GetMapping("/bodies")
	zhifa.shared.Page<EnforcementBody> bodies(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) BodyKind kind,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String domain,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return bodies.search(Operator.current().scope(), new Bodies.Query(q, regionId, kind, active, domain), page, size);
	}

	@Operation(summary = "查看执法主体")
	@GetMapping("/bodies/{id}")
	EnforcementBody body(@PathVariable long id) {
		return bodies.get(Operator.current().scope(), id);
	}

	@Operation(summary = "新建执法主体（平台管理员）", description = "统一社会信用代码按 GB 32100-2015 校验；受委托组织须同时提交委托书")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies")
	@ResponseStatus(HttpStatus.CREATED)
	EnforcementBody create(@RequestBody BodyForm form) {
		return bodies.create(Operator.current().scope(), form, false);
	}

	@Operation(summary = "修改执法主体（平台管理员，或本单位管理员修改本单位）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PutMapping("/bodies/{id}")
	EnforcementBody update(@PathVariable long id, @RequestBody BodyForm form) {
		return bodies.update(Operator.current().scope(), id, access.restrict(id, form));
	}

	record Reason(String reason) {
	}

	@Operation(summary = "停用执法主体（平台管理员）；主体不会被删除")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies/{id}/deactivation")
	EnforcementBody deactivate(@PathVariable long id, @RequestBody Reason reason) {
		return bodies.setActive(Operator.current().scope(), id, false, reason.reason());
	}

	@Operation(summary = "重新启用执法主体（平台管理员）")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/bodies/{id}/activation")
	EnforcementBody activate(@PathVariable long id) {
		return bodies.setActive(Operator.current().scope(), id, true, null);
	}

}
