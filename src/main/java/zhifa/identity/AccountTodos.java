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
		return lists;
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
