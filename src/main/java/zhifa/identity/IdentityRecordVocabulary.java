package zhifa.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for accounts, logins and API tokens; an account is named by the person's name. */
@Component
class IdentityRecordVocabulary implements RecordVocabulary {

	private final NamedParameterJdbcTemplate jdbc;

	IdentityRecordVocabulary(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(Map.entry("user.created", "新增账号"), Map.entry("user.updated", "修改账号"), Map.entry("user.enabled", "启用账号"),
				Map.entry("user.disabled", "停用账号"), Map.entry("user.locked", "锁定账号"), Map.entry("user.unlocked", "解锁账号"),
				Map.entry("user.password_changed", "修改密码"), Map.entry("user.password_reset", "重置密码"),
				Map.entry("user.two_factor_enabled", "启用动态口令"), Map.entry("user.two_factor_reset", "重置动态口令"),
				Map.entry("user.recovery_code_used", "使用恢复码登录"), Map.entry("user.incompatible_roles_approved", "批准兼任不相容角色"),
				Map.entry("login.succeeded", "登录"), Map.entry("login.failed", "登录失败"), Map.entry("logout", "退出登录"),
				Map.entry("token.issued", "签发API令牌"), Map.entry("token.revoked", "吊销API令牌"));
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("username", "账号"), Map.entry("displayName", "姓名"), Map.entry("body", "所属单位"),
				Map.entry("bodyId", "所属单位"), Map.entry("roles", "角色"), Map.entry("reason", "原因"), Map.entry("remoteAddress", "来源地址"), Map.entry("refusedDuringStop", "暂停期间被拒绝的次数"),
				Map.entry("consecutiveFailures", "连续失败次数"), Map.entry("prefix", "令牌前缀"), Map.entry("enabled", "启用"),
				Map.entry("approvedBy", "批准人"), Map.entry("scopes", "权限范围"), Map.entry("expiresAt", "有效期至"),
				Map.entry("what", "操作"), Map.entry("method", "方式"), Map.entry("path", "地址"));
	}

	@Override
	public Map<String, String> values() {
		return RecordVocabulary.labelsOf(Role.class);
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("user", "账号", "api_token", "API令牌", "login", "登录");
	}

	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		List<Long> numeric = ids.stream().filter(i -> i.matches("\\d{1,18}")).map(Long::valueOf).toList();
		Map<String, String> names = new HashMap<>();
		String sql = switch (subjectType) {
			case "user" -> "select id, display_name as name from idn_user where id in (:ids)";
			case "api_token" -> "select id, name from idn_api_token where id in (:ids)";
			default -> null;
		};
		if (sql != null && !numeric.isEmpty()) {
			jdbc.query(sql, Map.of("ids", numeric), rs -> {
				names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
			});
		}
		return names;
	}
}
