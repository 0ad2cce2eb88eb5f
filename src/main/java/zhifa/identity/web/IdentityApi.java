package zhifa.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import zhifa.identity.Account;
import zhifa.identity.AccountForm;
import zhifa.identity.Accounts;
import zhifa.identity.ApiTokens;
import zhifa.identity.Role;
import zhifa.identity.ZhifaUser;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;

@Tag(name = "账号与令牌")
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

	private final Accounts accounts;
	private final ApiTokens tokens;

	IdentityApi(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Operation(summary = "当前调用者（用户或API令牌）及其数据范围")
	@GetMapping("/me")
	Map<String, Object> me() {
		Operator op = Operator.current();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", op.operatorKind());
		m.put("id", op.operatorId());
		m.put("name", op.operatorName());
		m.put("bodyId", op.bodyId());
		m.put("scope", op.scope().kind());
		if (op instanceof ZhifaUser u) {
			m.put("roles", u.roles());
		}
		return m;
	}

	@Operation(summary = "账号列表（按数据范围）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','UNIT_ADMIN','SUPERVISOR')")
	@GetMapping("/users")
	List<Account> users(@AuthenticationPrincipal ZhifaUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "30") int size) {
		return accounts.search(me.accountScope(), new Accounts.Query(q, bodyId, role), page, size);
	}

	@Operation(summary = "查看账号")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','UNIT_ADMIN','SUPERVISOR')")
	@GetMapping("/users/{id}")
	Account user(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id) {
		return accounts.get(me.accountScope(), id);
	}

	@Operation(summary = "新建账号", description = "密码须至少8位并包含大写字母、小写字母、数字、特殊字符中的三类；首次登录须修改")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	Account createUser(@AuthenticationPrincipal ZhifaUser me, @RequestBody AccountForm form) {
		return accounts.create(me, form, false);
	}

	@Operation(summary = "修改账号（姓名、单位、角色）")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@PutMapping("/users/{id}")
	Account updateUser(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, @RequestBody AccountForm form) {
		return accounts.update(me, id, form);
	}

	@Operation(summary = "API令牌列表")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@GetMapping("/tokens")
	List<ApiTokens.ApiToken> tokens(@AuthenticationPrincipal ZhifaUser me) {
		return tokens.list(me.accountScope());
	}

	record NewToken(Long bodyId, String name) {
	}

	@Operation(summary = "创建API令牌", description = "响应中的 secret 只出现这一次，平台只保存其 SM3 摘要")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	ApiTokens.IssuedToken issue(@AuthenticationPrincipal ZhifaUser me, @RequestBody NewToken body) {
		Long bodyId = body.bodyId() != null ? body.bodyId() : me.bodyId();
		if (bodyId == null) {
			throw BusinessRuleViolation.onField("bodyId", "请指定令牌所属单位");
		}
		return tokens.issue(me, bodyId, body.name());
	}

	@Operation(summary = "吊销API令牌")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id) {
		tokens.revoke(me, id);
	}
}
