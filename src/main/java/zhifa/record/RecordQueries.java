package zhifa.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

/**
 * Reads the record within a {@link View}: an entry is visible when its owner body is in the view's scope; entries
 * without an owner (platform data: regions, the calendar, administrators' logins, failed logins) only to the 系统管理员
 * and the 审计管理员. The 审计管理员 reads the whole record; the 安全管理员 the record of accounts, tokens and logins.
 */
@Service
public class RecordQueries {

	/** What part of the record someone may read. {@code subjectTypes} {@code null}: every kind of subject. */
	public record View(DataScope scope, boolean platformEntries, Set<String> subjectTypes) {

		/** The subjects of account security: what the 安全管理员 reads. */
		public static final Set<String> ACCOUNT_SUBJECTS = Set.of("user", "api_token", "login");

		/** The view of whoever makes the current request. */
		public static View current() {
			Operator op = Operator.current();
			if (CurrentRoles.hasAny("AUDIT_ADMIN", "PLATFORM_ADMIN")) {
				return new View(DataScope.all(), true, null);
			}
			if (CurrentRoles.hasAny("SECURITY_ADMIN")) {
				return new View(DataScope.all(), true, ACCOUNT_SUBJECTS);
			}
			return of(op.scope());
		}

		/** A data scope's view: the bodies in it, no platform entries (unless the scope is everything). */
		public static View of(DataScope scope) {
			return new View(scope, scope.kind() == DataScope.Kind.ALL, null);
		}
	}

	private final JdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Clock clock;

	RecordQueries(JdbcTemplate jdbc, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * Subject types written under another name before they were unified: a body's entries were {@code org_body} in the
	 * penalty module until V27 and are {@code body} everywhere since. The chain keeps what was written; the timeline
	 * shows both.
	 */
	static final Map<String, List<String>> ALIASES = Map.of("body", List.of("body", "org_body"));

	/** A subject's entries, oldest first; refused as not found when the subject is outside the scope. */
	public List<RecordEntry> timeline(DataScope scope, String subjectType, String subjectId) {
		return timeline(View.of(scope), subjectType, subjectId);
	}

	public List<RecordEntry> timeline(View view, String subjectType, String subjectId) {
		List<RecordEntry> entries = jdbc.query(con -> {
			var ps = con.prepareStatement("select " + RecordRows.COLUMNS + " from record_entry where subject_type = any(?) and subject_id = ? order by seq");
			ps.setArray(1, con.createArrayOf("varchar", ALIASES.getOrDefault(subjectType, List.of(subjectType)).toArray()));
			ps.setString(2, subjectId);
			return ps;
		}, RecordRows.ENTRY);
		if (entries.isEmpty() || !visible(view, subjectType, entries.get(entries.size() - 1).ownerBodyId())) {
			throw new NotFound("该对象的全过程记录");
		}
		return entries;
	}

	public boolean visible(View view, String subjectType, Long ownerBodyId) {
		if (view.subjectTypes() != null && !view.subjectTypes().contains(subjectType)) {
			return false;
		}
		if (ownerBodyId == null) {
			return view.platformEntries();
		}
		return view.scope().kind() == DataScope.Kind.ALL || scopes.covers(view.scope(), ownerBodyId);
	}

	/** Which entries a list shows: all, or the login log (logins, logouts, failures, lock-outs). */
	public enum Kind {
		ALL, LOGINS
	}

	/** The newest entries visible in the view, newest first, before the given id (keyset pagination). */
	public List<RecordEntry> latest(View view, Kind kind, Long beforeId, int limit) {
		return latest(view, kind, beforeId, limit, null, null);
	}

	/**
	 * The same, narrowed for an auditor: by who acted ({@code actor}: part of the name the entry was written under) and on
	 * which day (Asia/Shanghai) — what one administrator did one day, without paging through everybody's work.
	 */
	public List<RecordEntry> latest(View view, Kind kind, Long beforeId, int limit, String actor, LocalDate day) {
		int size = Math.min(Math.max(limit, 1), 200);
		String who = actor == null || actor.isBlank() ? null : "%" + actor.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		Timestamp from = day == null ? null : Timestamp.from(day.atStartOfDay(DailyAnchors.ZONE).toInstant());
		Timestamp to = day == null ? null : Timestamp.from(day.plusDays(1).atStartOfDay(DailyAnchors.ZONE).toInstant());
		long before = beforeId == null ? Long.MAX_VALUE : beforeId;
		boolean all = view.scope().kind() == DataScope.Kind.ALL;
		Long[] ids = all ? new Long[0] : scopes.visibleBodyIds(view.scope()).toArray(Long[]::new);
		String[] types = view.subjectTypes() == null ? null : view.subjectTypes().toArray(String[]::new);
		return jdbc.query(con -> {
			var ps = con.prepareStatement("select " + RecordRows.COLUMNS + " from record_entry where id < ?"
					+ " and (owner_body_id is null and ? or owner_body_id is not null and (? or owner_body_id = any(?)))"
					+ " and (?::varchar[] is null or subject_type = any(?::varchar[]))"
					+ (kind == Kind.LOGINS ? " and (action like 'login.%' or action in ('logout', 'user.locked', 'user.unlocked'))" : "")
					+ (who == null ? "" : " and actor_name like ?")
					+ (from == null ? "" : " and occurred_at >= ? and occurred_at < ?")
					+ " order by id desc limit ?");
			ps.setLong(1, before);
			ps.setBoolean(2, view.platformEntries());
			ps.setBoolean(3, all);
			ps.setArray(4, con.createArrayOf("bigint", ids));
			ps.setArray(5, types == null ? null : con.createArrayOf("varchar", types));
			ps.setArray(6, types == null ? null : con.createArrayOf("varchar", types));
			int i = 7;
			if (who != null) {
				ps.setString(i++, who);
			}
			if (from != null) {
				ps.setTimestamp(i++, from);
				ps.setTimestamp(i++, to);
			}
			ps.setInt(i, size);
			return ps;
		}, RecordRows.ENTRY);
	}

	/** Entries written today (Asia/Shanghai) that the scope can see. */
	public long countToday(DataScope scope) {
		LocalDate today = LocalDate.now(clock.withZone(DailyAnchors.ZONE));
		Timestamp from = Timestamp.from(today.atStartOfDay(DailyAnchors.ZONE).toInstant());
		if (scope.kind() == DataScope.Kind.ALL) {
			return jdbc.queryForObject("select count(*) from record_entry where occurred_at >= ?", Long.class, from);
		}
		Long[] ids = scopes.visibleBodyIds(scope).toArray(Long[]::new);
		return jdbc.query(con -> {
			var ps = con.prepareStatement("select count(*) from record_entry where occurred_at >= ? and owner_body_id = any(?)");
			ps.setTimestamp(1, from);
			ps.setArray(2, con.createArrayOf("bigint", ids));
			return ps;
		}, rs -> {
			rs.next();
			return rs.getLong(1);
		});
	}
}
