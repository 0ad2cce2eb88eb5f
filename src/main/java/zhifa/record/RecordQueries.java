package zhifa.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/**
 * Reads the record within a data scope: an entry is visible when its owner body is in scope; entries without an
 * owner (platform data such as regions, the calendar, failed logins) are visible to the platform administrator and
 * to supervisors.
 */
@Service
public class RecordQueries {

	private final JdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Clock clock;

	RecordQueries(JdbcTemplate jdbc, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** A subject's entries, oldest first; refused as not found when the subject is outside the scope. */
	public List<RecordEntry> timeline(DataScope scope, String subjectType, String subjectId) {
		List<RecordEntry> entries = jdbc.query("select " + RecordRows.COLUMNS
				+ " from record_entry where subject_type = ? and subject_id = ? order by seq", RecordRows.ENTRY, subjectType,
				subjectId);
		if (entries.isEmpty() || !visible(scope, entries.get(entries.size() - 1).ownerBodyId())) {
			throw new NotFound("该对象的全过程记录");
		}
		return entries;
	}

	public boolean visible(DataScope scope, Long ownerBodyId) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return true;
		}
		if (ownerBodyId == null) {
			return scope.kind() == DataScope.Kind.REGION_SUBTREE;
		}
		return scopes.covers(scope, ownerBodyId);
	}

	/** The newest entries visible in the scope, newest first, before the given id (keyset pagination). */
	public List<RecordEntry> latest(DataScope scope, Long beforeId, int limit) {
		int size = Math.min(Math.max(limit, 1), 200);
		long before = beforeId == null ? Long.MAX_VALUE : beforeId;
		if (scope.kind() == DataScope.Kind.ALL) {
			return jdbc.query("select " + RecordRows.COLUMNS + " from record_entry where id < ? order by id desc limit ?",
					RecordRows.ENTRY, before, size);
		}
		Long[] ids = scopes.visibleBodyIds(scope).toArray(Long[]::new);
		boolean includeUnowned = scope.kind() == DataScope.Kind.REGION_SUBTREE;
		return jdbc.query(con -> {
			var ps = con.prepareStatement("select " + RecordRows.COLUMNS + " from record_entry where id < ? and "
					+ "(owner_body_id = any(?) or (? and owner_body_id is null)) order by id desc limit ?");
			ps.setLong(1, before);
			ps.setArray(2, con.createArrayOf("bigint", ids));
			ps.setBoolean(3, includeUnowned);
			ps.setInt(4, size);
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
		boolean includeUnowned = scope.kind() == DataScope.Kind.REGION_SUBTREE;
		return jdbc.query(con -> {
			var ps = con.prepareStatement("select count(*) from record_entry where occurred_at >= ? and "
					+ "(owner_body_id = any(?) or (? and owner_body_id is null))");
			ps.setTimestamp(1, from);
			ps.setArray(2, con.createArrayOf("bigint", ids));
			ps.setBoolean(3, includeUnowned);
			return ps;
		}, rs -> {
			rs.next();
			return rs.getLong(1);
		});
	}
}
