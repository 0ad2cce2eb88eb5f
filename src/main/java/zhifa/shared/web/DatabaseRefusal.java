package zhifa.shared.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * What the database refused, told in Chinese: the last line of defence behind the validation at the edge. The
 * transaction that hit it is rolled back, so nothing was written; the request gets a 4xx (or 503 for a statement that
 * ran past {@code zhifa.db.statement-timeout}), never a 500.
 */
public record DatabaseRefusal(HttpStatus status, String title, String detail, String sqlState, String constraint) {

	private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

	/** The refusal behind the exception, when it is one the database made about the data or the time it took. */
	public static Optional<DatabaseRefusal> of(Throwable e) {
		SQLException sql = sqlException(e);
		if (sql == null) {
			return Optional.empty();
		}
		String state = sql.getSQLState();
		String message = String.valueOf(sql.getMessage());
		String constraint = sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
				? p.getServerErrorMessage().getConstraint() : null;
		DatabaseRefusal r = switch (state) {
			case "23503" -> bad("提交的数据引用了不存在的对象（如单位、人员、事项或代码），请核对后重试");
			case "23505" -> new DatabaseRefusal(HttpStatus.CONFLICT, "与已有数据冲突", "与已有数据重复，未保存", null, null);
			case "23514", "23P01" -> bad("提交的数据不符合取值范围或规则，未保存");
			case "23502" -> bad("缺少必填的内容，未保存");
			case "22001" -> {
				Matcher m = VARCHAR.matcher(message);
				yield bad(m.find() ? "有内容超过了允许的长度（" + m.group(1) + "个字符），未保存" : "有内容超过了允许的长度，未保存");
			}
			case "22003" -> bad("数值超出允许的范围，未保存");
			case "22007", "22008" -> bad("日期或时间超出允许的范围，未保存");
			case "22P02", "22P05", "22021" -> bad("提交的内容含有无法保存的字符或格式，未保存");
			case "57014" -> new DatabaseRefusal(HttpStatus.SERVICE_UNAVAILABLE, "处理超时",
					"查询时间过长，已被中止。请缩小查询范围后重试", null, null);
			case "40001", "40P01", "55P03" -> new DatabaseRefusal(HttpStatus.CONFLICT, "并发冲突", "有其他人同时在修改这些数据，请刷新后重试", null, null);
			default -> null;
		};
		return Optional.ofNullable(r).map(x -> new DatabaseRefusal(x.status(), x.title(), x.detail(), state, constraint));
	}

	private static SQLException sqlException(Throwable e) {
		for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException s && s.getSQLState() != null) {
				return s;
			}
		}
		return null;
	}

	/**
	 * The length a text went over, when the database refused one as too long ({@code character varying(n)}: PostgreSQL
	 * names the limit, not the column; the page finds the field by it).
	 */
	public static java.util.OptionalInt lengthLimit(Throwable e) {
		SQLException sql = sqlException(e);
		if (sql == null || !"22001".equals(sql.getSQLState())) {
			return java.util.OptionalInt.empty();
		}
		Matcher m = VARCHAR.matcher(String.valueOf(sql.getMessage()));
		return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
	}

	/** For the log: the SQL state and the constraint only — the database's own message may quote the row (personal data). */
	private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)");

	/** The table the refused statement wrote, as the statement names it (for the log: the database does not say which column was too long). */
	static java.util.Optional<String> table(Throwable e) {
		var m = WRITTEN.matcher(String.valueOf(e.getMessage()));
		return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
	}

	public String logLine() {
		return "SQL state " + sqlState + (constraint == null ? "" : ", constraint " + constraint);
	}

	private static DatabaseRefusal bad(String detail) {
		return new DatabaseRefusal(HttpStatus.BAD_REQUEST, "请求参数有误", detail, null, null);
	}
}
