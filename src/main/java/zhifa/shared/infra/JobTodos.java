package zhifa.shared.infra;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * Background work that failed, on the platform administrator's home page: events handed to a listener in another module
 * through the event publication registry that are still not completed ten minutes later — a listener failed, and the
 * event waits to be re-delivered. (The supervision ledger's own queue shows its failures beside these.)
 */
@Component
class JobTodos implements TodoSource {

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Shanghai"));

	JobTodos(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "PLATFORM_ADMIN")) {
			return List.of();
		}
		Map<String, Object> p = Map.of("before", Timestamp.from(clock.instant().minusSeconds(600)));
		long count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null and publication_date < :before", p, Long.class);
		List<Todo.Item> items = jdbc.query("select listener_id, event_type, publication_date, completion_attempts from event_publication "
				+ "where completion_date is null and publication_date < :before order by publication_date limit 8", p, (rs, i) -> {
					String event = rs.getString(2);
					return new Todo.Item("后台任务未完成：" + event.substring(event.lastIndexOf('.') + 1),
							MINUTE.format(rs.getTimestamp(3).toInstant()) + " 发出，已尝试" + rs.getInt(4) + "次；重新启动平台时会再次处理，仍失败请查看运行日志", "/records",
							true);
				});
		return List.of(new Todo("PLATFORM_ADMIN", 20, "失败的后台任务", count, "/records", items));
	}
}
