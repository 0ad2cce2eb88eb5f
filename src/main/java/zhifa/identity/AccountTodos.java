package zhifa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * Locked accounts (paused after repeated failed logins) on the home pages of those who look after accounts: the unit
 * administrator (his body's), the security administrator (every account: he may unlock them) and the platform
 * administrator (every account, to notice an attack).
 */
@Component
class AccountTodos implements TodoSource {

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Clock clock;

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Shanghai"));

	AccountTodos(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		for (String role : List.of("UNIT_ADMIN", "SECURITY_ADMIN", "PLATFORM_ADMIN")) {
			if (TodoSource.holds(me, role)) {
				boolean unit = role.equals("UNIT_ADMIN");
				lists.add(locked(role, unit ? me.scope() : DataScope.all(), !role.equals("PLATFORM_ADMIN")));
			}
		}
		if (TodoSource.holds(me, "UNIT_ADMIN")) {
			// shown only when there is one: a list that is almost always empty would only crowd the page
			Todo heads = withoutHead(me.scope());
			if (heads.count() > 0) {
				lists.add(heads);
			}
		}
		return lists;
	}

	/**
	 * A body that enforces (has matters or cases) without an enabled 负责人 account: a clue reported for filing, a measure or
	 * a decision waits there for an approval nobody can give, so the unit administrator is told to open one.
	 */
	private Todo withoutHead(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		String condition = scopes.sqlCondition(scope, "b.id", p);
		List<Todo.Item> items = jdbc.query("""
				select b.id, b.name from body_view b where b.status = 'ACTIVE' and %s
				and (exists (select 1 from matter_view m where m.body_id = b.id) or exists (select 1 from case_view c where c.body_id = b.id))
				and not exists (select 1 from idn_user u join idn_user_role r on r.user_id = u.id where u.body_id = b.id and u.enabled and r.role = 'LEADER')
				order by b.name limit 200""".formatted(condition), p,
				(rs, i) -> new Todo.Item(rs.getString(2), "没有负责人账号：报请立案、措施报批和处罚决定无人审批，请为负责人开设账号（角色“负责人”）",
						"/accounts/new", true));
		return new Todo("UNIT_ADMIN", 11, "缺少负责人账号的单位", items.size(), "/accounts", items);
	}

	private Todo locked(String role, DataScope scope, boolean actsOnAccounts) {
		Map<String, Object> p = new HashMap<>();
		String condition = scope.kind() == DataScope.Kind.ALL ? "true" : scopes.sqlCondition(scope, "u.body_id", p);
		p.put("now", Timestamp.from(clock.instant()));
		List<Todo.Item> items = jdbc.query("select u.id, u.display_name, u.locked_until from idn_user u where u.locked_until > :now and " + condition
				+ " order by u.locked_until desc limit 200", p,
				(rs, i) -> new Todo.Item(rs.getString(2), "连续登录失败，暂停登录至 "
						+ MINUTE.format(rs.getTimestamp(3).toInstant()),
						actsOnAccounts ? "/accounts/" + rs.getLong(1) : "/records/user/" + rs.getLong(1), true));
		return new Todo(role, 10, "被暂停登录的账号", items.size(), actsOnAccounts ? "/accounts" : "/records", items);
	}
}
