package zhifa.officer.web;

import java.time.LocalDate;
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
import zhifa.officer.AuthorityDecision;
import zhifa.officer.Certificate;
import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.OfficerAuthority;
import zhifa.officer.OfficerForm;
import zhifa.officer.OfficerStatus;
import zhifa.officer.Officers;
import zhifa.officer.StaffingType;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.Page;

@Tag(name = "执法人员与证件", description = "人员名录（身份证号只返回脱敏值）、证件、执法资格核验")
@RestController
@RequestMapping("/api/v1/officers")
class OfficerApi {

	private final Officers officers;
	private final Certificates certificates;
	private final OfficerAuthority authority;
	private final java.time.Clock clock;

	OfficerApi(Officers officers, Certificates certificates, OfficerAuthority authority, java.time.Clock clock) {
		this.officers = officers;
		this.certificates = certificates;
		this.authority = authority;
		this.clock = clock;
	}

	@Operation(summary = "执法人员列表（按数据范围）")
	@GetMapping
	Page<Officer> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) OfficerStatus status, @RequestParam(required = false) StaffingType staffing,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return officers.search(Operator.current().scope(), new Officers.Query(q, bodyId, status, staffing), page, size);
	}

	@Operation(summary = "查看执法人员")
	@GetMapping("/{id}")
	Officer get(@PathVariable long id) {
		return officers.get(Operator.current().scope(), id);
	}

	@Operation(summary = "录入执法人员", description = "身份证号按 GB 11643 校验，SM4 加密保存，响应只含脱敏号码")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Officer create(@RequestBody OfficerForm form) {
		if (form.getBodyId() == null) {
			form.setBodyId(Operator.current().bodyId());
		}
		return officers.create(Operator.current().scope(), form, false);
	}

	@Operation(summary = "修改执法人员")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PutMapping("/{id}")
	Officer update(@PathVariable long id, @RequestBody OfficerForm form) {
		return officers.update(Operator.current().scope(), id, form);
	}

	record StatusChange(OfficerStatus status, LocalDate effectiveDate, String reason, String documentNumber) {
	}

	@Operation(summary = "变更人员状态", description = "离开在岗状态时同一事务收回证件，并生成向省证件管理系统的注销申请")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PostMapping("/{id}/status")
	Officer changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
		return officers.changeStatus(Operator.current().scope(), id, change.status(), change.effectiveDate(), change.reason(), change.documentNumber());
	}

	@Operation(summary = "人员的执法证件")
	@GetMapping("/{id}/certificates")
	List<Certificate> certificates(@PathVariable long id) {
		officers.get(Operator.current().scope(), id);
		return certificates.ofOfficer(id);
	}

	@Operation(summary = "执法资格核验：该人员在某日能否在某领域执法", description = "不能时列出全部原因：未持证、过期、暂扣、吊销、收回/注销、辅助人员、领域不符、不在岗")
	@GetMapping("/{id}/authority")
	AuthorityDecision authority(@PathVariable long id, @RequestParam String domain, @RequestParam(required = false) LocalDate date) {
		officers.get(Operator.current().scope(), id);
		if (domain.isBlank()) {
			throw BusinessRuleViolation.onField("domain", "请提供执法领域代码 domain");
		}
		return authority.check(id, domain, date == null ? LocalDate.now(clock) : date);
	}
}
