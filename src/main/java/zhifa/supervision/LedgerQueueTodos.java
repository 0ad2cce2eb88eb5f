package zhifa.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * Work of the ledger's queue that failed (a case not reported to the ledger, an act the alert rules could not look at),
 * on the platform administrator's home page with the error; each is tried again by itself with a growing wait.
 */
@Component
class LedgerQueueTodos implements TodoSource {

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Shanghai"));

	private final JdbcTemplate jdbc;

	LedgerQueueTodos(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "PLATFORM_ADMIN")) {
			return List.of();
		}
		long count = jdbc.queryForObject("select count(*) from sv_ledger_queue where attempts > 0", Long.class);
		List<Todo.Item> items = jdbc.query("""
				select kind, ref, attempts, due_at, last_error from sv_ledger_queue where attempts > 0 order by queued_at limit 8""", (rs, i) -> {
			String what = LedgerQueue.CASE.equals(rs.getString(1)) ? "案件 " + rs.getLong(2) + " 未进入执法行为台账" : "台账行为 " + rs.getLong(2) + " 未完成预警检查";
			String error = rs.getString(5) == null ? "" : "：" + rs.getString(5);
			return new Todo.Item(what, "已尝试" + rs.getInt(3) + "次，" + MINUTE.format(rs.getTimestamp(4).toInstant()) + " 再试" + error, "/records", true);
		});
		return List.of(new Todo("PLATFORM_ADMIN", 21, "台账后台处理失败", count, "/records", items));
	}
}
