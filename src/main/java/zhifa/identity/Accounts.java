package zhifa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.OrganizationDirectory;
import zhifa.record.Changes;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * User accounts: loading for login, scoped listing, creation and editing by administrators, password changes, and
 * the lock-out after repeated failed logins. Every change is recorded.
 */
@Service
public class Accounts implements UserDetailsService {

	private static final String SELECT = """
			select u.*, b.name as body_name,
			  (select string_agg(role, ',') from idn_user_role r where r.user_id = u.id) as roles
			from idn_user u left join body_view b on b.id = u.body_id
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final PasswordEncoder encoder;
	private final OrganizationDirectory directory;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;
	private final LoginThrottle throttle;
	private final Duration passwordMaxAge;

	Accounts(NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder, OrganizationDirectory directory, BodyScopes scopes,
			FullProcessRecord record, Clock clock, LoginThrottle throttle,
			@Value("${zhifa.security.password-max-age:P90D}") Duration passwordMaxAge) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.directory = directory;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
		this.throttle = throttle;
		this.passwordMaxAge = passwordMaxAge;
	}

	@Override
	public ZhifaUser loadUserByUsername(String username) {
		Map<String, Object> row = jdbc.query(SELECT + " where lower(u.username) = lower(:u)", Map.of("u", username),
				rs -> rs.next() ? Map.<String, Object>of("id", rs.getLong("id")) : null);
		if (row == null) {
			throw new UsernameNotFoundException("no such user");
		}
		return principal((Long) row.get("id"));
	}

	/** Builds the session principal with the scope the user's roles and body give. */
	ZhifaUser principal(long userId) {
		return jdbc.query(SELECT + " where u.id = :id", Map.of("id", userId), rs -> {
			if (!rs.next()) {
				throw new UsernameNotFoundException("no such user");
			}
			Set<Role> roles = roles(rs.getString("roles"));
			Long bodyId = (Long) rs.getObject("body_id");
			// the 安全管理员 and the 审计管理员 see no business data (三员分立); accounts and the record they reach by role
			DataScope scope = roles.contains(Role.PLATFORM_ADMIN) ? DataScope.all()
					: bodyId == null ? DataScope.body(-1) : directory.scopeFor(bodyId, roles.contains(Role.SUPERVISOR));
			boolean bodyActive = bodyId == null || directory.facts(bodyId).map(OrganizationDirectory.BodyFacts::active).orElse(false);
			Timestamp locked = rs.getTimestamp("locked_until");
			// stopping repeated failures is the LoginThrottle's (per name and address), so the account itself never locks
			return new ZhifaUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), bodyId,
					rs.getString("body_name"), roles, scope, rs.getString("password_hash"), rs.getBoolean("enabled") && bodyActive,
					locked == null ? null : locked.toInstant(), false,
					rs.getBoolean("must_change_password") || passwordExpired(rs.getTimestamp("password_changed_at"), rs.getBoolean("demo")));
		});
	}

	/** The password is older than {@code zhifa.security.password-max-age} (demo accounts keep the published one). */
	private boolean passwordExpired(Timestamp changedAt, boolean demo) {
		return !demo && !passwordMaxAge.isZero() && changedAt != null && changedAt.toInstant().plus(passwordMaxAge).isBefore(clock.instant());
	}

	/** Whether the user's password has passed its maximum age (the password page says why it must be changed). */
	public boolean passwordExpired(long userId) {
		return jdbc.query("select password_changed_at, demo from idn_user where id = :id", Map.of("id", userId),
				rs -> rs.next() && passwordExpired(rs.getTimestamp(1), rs.getBoolean(2)));
	}

	public Duration passwordMaxAge() {
		return passwordMaxAge;
	}

	/** Criteria for the account list. */
	public record Query(String text, Long bodyId, Role role) {
	}

	public List<Account> search(DataScope scope, Query q, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		String where = scopes.sqlCondition(scope, "u.body_id", p);
		if (q.text() != null && !q.text().isBlank()) {
			where += " and (u.username ilike :t or u.display_name like :t)";
			p.put("t", "%" + q.text().strip() + "%");
		}
		if (q.bodyId() != null) {
			where += " and u.body_id = :bodyId";
			p.put("bodyId", q.bodyId());
		}
		if (q.role() != null) {
			where += " and exists (select 1 from idn_user_role r where r.user_id = u.id and r.role = :role)";
			p.put("role", q.role().name());
		}
		p.put("limit", Math.min(Math.max(size, 1), 100));
		p.put("offset", Math.max(page, 0) * Math.min(Math.max(size, 1), 100));
		return jdbc.query(SELECT + " where " + where + " order by b.name nulls first, u.username limit :limit offset :offset", p,
				(rs, i) -> account(rs));
	}

	public long count(DataScope scope, Query q) {
		Map<String, Object> p = new HashMap<>();
		String where = scopes.sqlCondition(scope, "u.body_id", p);
		if (q.bodyId() != null) {
			where += " and u.body_id = :bodyId";
			p.put("bodyId", q.bodyId());
		}
		return jdbc.queryForObject("select count(*) from idn_user u where " + where, p, Long.class);
	}

	public Optional<Account> find(DataScope scope, long id) {
		return jdbc.query(SELECT + " where u.id = :id", Map.of("id", id), (rs, i) -> account(rs)).stream()
			.filter(a -> scope.kind() == DataScope.Kind.ALL || (a.bodyId() != null && scopes.covers(scope, a.bodyId())))
			.findFirst();
	}

	public Account get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> new NotFound("账号"));
	}

	@Transactional
	public Account create(ZhifaUser actor, AccountForm form, boolean demo) {
		Map<String, String> errors = validate(actor, form, null, Set.of());
		Optional<String> weak = PasswordPolicy.problem(form.getPassword(), form.getUsername(), demo);
		weak.ifPresent(p -> errors.put("password", p));
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Instant now = clock.instant();
		boolean twoPerson = actor != null && platformDuty(form.getRoles());
		long id = jdbc.queryForObject("""
				insert into idn_user (username, display_name, body_id, password_hash, must_change_password, demo, created_at, updated_at,
				  password_changed_at, enabled)
				values (:u, :d, :b, :p, :must, :demo, :now, :now, :now, :enabled) returning id""",
				new MapSqlParameterSource().addValue("u", form.getUsername().strip())
					.addValue("d", form.getDisplayName().strip())
					.addValue("b", form.getBodyId())
					.addValue("p", encoder.encode(form.getPassword()))
					.addValue("must", !demo)
					.addValue("demo", demo)
					.addValue("now", Timestamp.from(now))
					.addValue("enabled", !twoPerson),
				Long.class);
		writeRoles(id, form.getRoles());
		Account created = get(DataScope.all(), id);
		record.append("user", id, created.bodyId(), "user.created", "新建账号“" + created.username() + "”"
				+ (twoPerson ? "（三员账号，待另一名系统管理员启用）" : ""), snapshot(created));
		recordApproval(actor, created, Set.of(), form);
		return created;
	}

	@Transactional
	public Account update(ZhifaUser actor, long id, AccountForm form) {
		Account before = get(actor.accountScope(), id);
		form.setUsername(before.username());
		checkManages(actor, before);
		Map<String, String> errors = validate(actor, form, id, before.roles());
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		jdbc.update("update idn_user set display_name = :d, body_id = :b, updated_at = now() where id = :id",
				new MapSqlParameterSource().addValue("d", form.getDisplayName().strip()).addValue("b", form.getBodyId()).addValue("id", id));
		jdbc.update("delete from idn_user_role where user_id = :id", Map.of("id", id));
		writeRoles(id, form.getRoles());
		Account after = get(DataScope.all(), id);
		Map<String, Object> changes = Changes.between(snapshot(before), snapshot(after));
		if (!changes.isEmpty()) {
			record.append("user", id, after.bodyId(), "user.updated", "修改账号“" + after.username() + "”",
					Map.of("changes", changes));
		}
		recordApproval(actor, after, before.roles(), form);
		return after;
	}

	/** The security administrator's approval of incompatible roles, on the account's record. */
	private void recordApproval(ZhifaUser actor, Account account, Set<Role> before, AccountForm form) {
		var decision = RoleGrantPolicy.check(actor == null ? EnumSet.of(Role.SECURITY_ADMIN) : actor.roles(), false, before, account.roles(),
				form.getApprovalReason());
		if (!decision.conflicts().isEmpty()) {
			record.append("user", account.id(), account.bodyId(), "user.incompatible_roles_approved",
					"安全管理员批准“" + account.username() + "”兼任不相容角色：" + String.join("；",
							decision.conflicts().stream().map(c -> c.a().label() + "与" + c.b().label()).toList()),
					Map.of("roles", account.roleLabels(), "reason", form.getApprovalReason() == null ? "" : form.getApprovalReason().strip()));
		}
	}

	@Transactional
	public void setEnabled(ZhifaUser actor, long id, boolean enabled) {
		Account a = get(actor.accountScope(), id);
		if (actor.id() == id) {
			throw new BusinessRuleViolation("不能停用或启用自己的账号");
		}
		if (enabled && platformDuty(a.roles())) {
			// 三员: what the 安全管理员 creates or resets is put to use by a 系统管理员 — neither alone takes over an account
			if (!actor.has(Role.PLATFORM_ADMIN)) {
				String refusal = "三员账号须由系统管理员启用（安全管理员新建或重置后，由另一名管理员确认）";
				record.appendRefusal(actor, "启用账号“" + a.username() + "”", refusal, Map.of("account", a.id()));
				throw new BusinessRuleViolation(refusal);
			}
		}
		else {
			checkManages(actor, a);
		}
		jdbc.update("update idn_user set enabled = :e, updated_at = now() where id = :id", Map.of("e", enabled, "id", id));
		if (enabled) {
			// enabled again, it starts afresh: failures from before it was disabled do not count toward the next lock
			throttle.clear(a.username());
		}
		record.append("user", id, a.bodyId(), enabled ? "user.enabled" : "user.disabled",
				(enabled ? "启用" : "停用") + "账号“" + a.username() + "”", Map.of());
	}

	@Transactional
	public void unlock(ZhifaUser actor, long id) {
		Account a = get(actor.accountScope(), id);
		checkManages(actor, a);
		jdbc.update("update idn_user set failed_logins = 0, locked_until = null where id = :id", Map.of("id", id));
		throttle.clear(a.username());
		record.append("user", id, a.bodyId(), "user.unlocked", "解除账号“" + a.username() + "”的锁定", Map.of());
	}

	/** An administrator sets a new password; the user must change it at the next login. */
	@Transactional
	public void resetPassword(ZhifaUser actor, long id, String newPassword) {
		Account a = get(actor.accountScope(), id);
		checkManages(actor, a);
		PasswordPolicy.problem(newPassword, a.username()).ifPresent(p -> {
			throw BusinessRuleViolation.onField("password", p);
		});
		refuseReuse(id, newPassword, "password");
		replacePassword(id, newPassword, true);
		throttle.clear(a.username());
		boolean twoPerson = platformDuty(a.roles());
		if (twoPerson) {
			jdbc.update("update idn_user set enabled = false where id = :id", Map.of("id", id));
		}
		record.append("user", id, a.bodyId(), "user.password_reset", "重置账号“" + a.username() + "”的密码"
				+ (twoPerson ? "（三员账号，待系统管理员启用）" : ""), Map.of());
	}

	/** The user changes their own password, proving the current one. */
	@Transactional
	public void changeOwnPassword(ZhifaUser user, String current, String next, String repeat) {
		String hash = jdbc.queryForObject("select password_hash from idn_user where id = :id", Map.of("id", user.id()), String.class);
		if (current == null || !encoder.matches(current, hash)) {
			throw BusinessRuleViolation.onField("current", "当前密码不正确");
		}
		if (next == null || !next.equals(repeat)) {
			throw BusinessRuleViolation.onField("repeat", "两次输入的新密码不一致");
		}
		PasswordPolicy.problem(next, user.getUsername()).ifPresent(p -> {
			throw BusinessRuleViolation.onField("next", p);
		});
		if (encoder.matches(next, hash)) {
			throw BusinessRuleViolation.onField("next", "新密码不能与当前密码相同");
		}
		refuseReuse(user.id(), next, "next");
		replacePassword(user.id(), next, false);
		record.append("user", user.id(), user.bodyId(), "user.password_changed", "修改本人密码", Map.of());
	}

	private static boolean platformDuty(Set<Role> roles) {
		return roles.stream().anyMatch(Role.PLATFORM_DUTIES::contains);
	}

	/** A 三员 account whose authenticator was reset waits for a 系统管理员 to enable it again. */
	@Transactional
	public void suspendAfterReset(long id) {
		Account a = get(DataScope.all(), id);
		if (platformDuty(a.roles())) {
			jdbc.update("update idn_user set enabled = false where id = :id", Map.of("id", id));
			record.append("user", id, a.bodyId(), "user.disabled", "三员账号“" + a.username() + "”的动态口令已重置，待系统管理员启用", Map.of());
		}
	}

	/** The new password may be none of the last {@value PasswordPolicy#HISTORY} (the current one included). */
	private void refuseReuse(long userId, String password, String field) {
		List<String> hashes = new ArrayList<>();
		hashes.add(jdbc.queryForObject("select password_hash from idn_user where id = :id", Map.of("id", userId), String.class));
		hashes.addAll(jdbc.queryForList("select password_hash from idn_password_history where user_id = :id order by id desc limit :n",
				Map.of("id", userId, "n", PasswordPolicy.HISTORY - 1), String.class));
		if (hashes.stream().anyMatch(h -> encoder.matches(password, h))) {
			throw BusinessRuleViolation.onField(field, "新密码不能与最近" + PasswordPolicy.HISTORY + "次使用过的密码相同");
		}
	}

	private void replacePassword(long userId, String password, boolean mustChange) {
		jdbc.update("""
				insert into idn_password_history (user_id, password_hash, replaced_at)
				select id, password_hash, now() from idn_user where id = :id""", Map.of("id", userId));
		jdbc.update("""
				update idn_user set password_hash = :p, must_change_password = :must, failed_logins = 0, locked_until = null,
				  password_changed_at = :now, updated_at = now() where id = :id""",
				new MapSqlParameterSource().addValue("p", encoder.encode(password)).addValue("must", mustChange).addValue("id", userId)
					.addValue("now", Timestamp.from(clock.instant())));
	}

	@Transactional
	public void loginSucceeded(ZhifaUser user, String remoteAddress) {
		jdbc.update("update idn_user set failed_logins = 0, locked_until = null, last_login_at = now() where id = :id",
				Map.of("id", user.id()));
		record.append(user, "user", user.id(), user.bodyId(), "login.succeeded", "登录",
				Map.of("remoteAddress", String.valueOf(remoteAddress)));
	}

	@Transactional
	public void loggedOut(ZhifaUser user) {
		record.append(user, "user", user.id(), user.bodyId(), "logout", "退出登录", Map.of());
	}

	public boolean anyUser() {
		return jdbc.queryForObject("select count(*) from idn_user", Map.of(), Long.class) > 0;
	}

	/** Creates one of the three platform administrators of an empty production database, with a one-time password. */
	@Transactional
	public void createBootstrapAdmin(String username, Role role, String password) {
		Instant now = clock.instant();
		long id = jdbc.queryForObject("""
				insert into idn_user (username, display_name, body_id, password_hash, must_change_password, created_at, updated_at,
				  password_changed_at)
				values (:u, :d, null, :p, true, :now, :now, :now) returning id""",
				new MapSqlParameterSource().addValue("u", username).addValue("d", role.label()).addValue("p", encoder.encode(password))
					.addValue("now", Timestamp.from(now)), Long.class);
		writeRoles(id, EnumSet.of(role));
		record.append(Operator.SYSTEM, "user", id, null, "user.created", "首次启动：创建" + role.label() + "账号“" + username + "”",
				Map.of("username", username, "roles", List.of(role.name())));
	}

	/** Field errors for an account form; also checks that the actor may grant these roles in this body (recorded when not). */
	Map<String, String> validate(ZhifaUser actor, AccountForm f, Long existingId, Set<Role> before) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (existingId == null) {
			if (f.getUsername() == null || !f.getUsername().strip().matches("[A-Za-z0-9_.-]{3,50}")) {
				errors.put("username", "账号应为3至50位字母、数字或 _ . -");
			}
			else if (jdbc.queryForObject("select count(*) from idn_user where lower(username) = lower(:u)",
					Map.of("u", f.getUsername().strip()), Integer.class) > 0) {
				errors.put("username", "账号“" + f.getUsername().strip() + "”已存在");
			}
		}
		if (f.getDisplayName() == null || f.getDisplayName().isBlank() || f.getDisplayName().strip().length() > 50) {
			errors.put("displayName", "请填写姓名（不超过50个字）");
		}
		if (f.getRoles().isEmpty()) {
			errors.put("roles", "请至少选择一个角色");
		}
		boolean platformDuty = f.getRoles().stream().anyMatch(Role.PLATFORM_DUTIES::contains);
		if (f.getBodyId() == null) {
			if (!platformDuty) {
				errors.put("bodyId", "请选择所属单位（只有系统管理员、安全管理员、审计管理员不属于任何单位）");
			}
		}
		else if (platformDuty) {
			errors.put("bodyId", "系统管理员、安全管理员、审计管理员是平台的管理员，不属于任何单位");
		}
		else {
			var facts = directory.facts(f.getBodyId());
			if (facts.isEmpty() || !facts.get().active()) {
				errors.put("bodyId", "所选单位不存在或已停用");
			}
			else if (f.getRoles().contains(Role.SUPERVISOR) && !facts.get().supervisory()) {
				errors.put("roles", "执法监督人员只能设在承担执法监督职责的单位（司法行政机关）");
			}
		}
		List<String> refused = new ArrayList<>();
		if (actor != null) {
			if (!actor.has(Role.SECURITY_ADMIN) && f.getBodyId() != null && !f.getBodyId().equals(actor.bodyId())) {
				refused.add("只能管理本单位的账号");
			}
			refused.addAll(RoleGrantPolicy.check(actor.roles(), existingId != null && existingId == actor.id(), before, f.getRoles(),
					f.getApprovalReason()).refusals());
		}
		if (!refused.isEmpty()) {
			errors.merge("roles", String.join("；", refused), (a, b) -> a + "；" + b);
			record.appendRefusal(actor, (existingId == null ? "新建账号“" : "修改账号“") + f.getUsername() + "”的角色（" + RoleGrantPolicy.labels(
					f.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(f.getRoles())) + "）", String.join("；", refused),
					Map.of("body", String.valueOf(f.getBodyId())));
		}
		return errors;
	}

	/**
	 * The 安全管理员 manages every account; a 单位管理员 those of its own body that hold only roles it may grant (and its
	 * own); nobody else any. A refusal is recorded.
	 */
	private void checkManages(ZhifaUser actor, Account target) {
		if (actor == null || actor.has(Role.SECURITY_ADMIN)) {
			return;
		}
		String refusal = null;
		if (!actor.has(Role.UNIT_ADMIN)) {
			refusal = "只有安全管理员和单位管理员可以管理账号";
		}
		else if (target.bodyId() == null || !target.bodyId().equals(actor.bodyId())) {
			refusal = "只能管理本单位的账号";
		}
		else if (target.id() != actor.id() && !RoleGrantPolicy.UNIT_GRANTABLE.containsAll(target.roles())) {
			refusal = "该账号持有" + target.roleLabels() + "角色，只能由安全管理员管理";
		}
		if (refusal != null) {
			record.appendRefusal(actor, "管理账号“" + target.username() + "”", refusal, Map.of("account", target.id()));
			throw new BusinessRuleViolation(refusal);
		}
	}

	private void writeRoles(long id, Set<Role> roles) {
		jdbc.batchUpdate("insert into idn_user_role (user_id, role) values (:id, :r)", roles.stream()
			.map(r -> new MapSqlParameterSource().addValue("id", id).addValue("r", r.name()))
			.toArray(MapSqlParameterSource[]::new));
	}

	private static Set<Role> roles(String csv) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (csv != null) {
			for (String r : csv.split(",")) {
				roles.add(Role.valueOf(r));
			}
		}
		return roles;
	}

	private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		Timestamp last = rs.getTimestamp("last_login_at");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				(Long) rs.getObject("body_id"), rs.getString("body_name"), roles(rs.getString("roles")),
				rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
				locked == null ? null : locked.toInstant(), last == null ? null : last.toInstant(), rs.getBoolean("demo"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Map<String, Object> snapshot(Account a) {
		Map<String, Object> m = new TreeMap<>();
		m.put("username", a.username());
		m.put("displayName", a.displayName());
		m.put("body", a.bodyName() == null ? "" : a.bodyName());
		m.put("roles", a.roleLabels());
		return m;
	}
}
