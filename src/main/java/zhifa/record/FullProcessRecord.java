package zhifa.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zhifa.shared.Operator;

/**
 * The one way to write the full-process record. Call it inside the transaction that makes the change, so the change
 * and its entry commit or roll back together. Each entry links to the previous one of its subject by SM3 and carries
 * HMAC-SM3 of its hash under the key of {@link RecordKeys}.
 */
@Service
public class FullProcessRecord {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The advisory lock between appending entries (shared) and signing an anchor (exclusive). */
	static final long ANCHOR_LOCK = 0x7a686966614c4b31L;

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final RecordKeys keys;
	private final zhifa.shared.Followers<RecordFollower> followers;

	/** The followers of each subject type, found at its first entry (subject types are the platform's own few). */
	private final Map<String, java.util.List<RecordFollower>> following = new java.util.concurrent.ConcurrentHashMap<>();

	FullProcessRecord(JdbcTemplate jdbc, Clock clock, RecordKeys keys, ObjectProvider<RecordFollower> followers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
		this.followers = new zhifa.shared.Followers<>(followers);
	}

	/** Tells the followers of the entry's subject type, if any (a follower that fails fails the change). */
	private void followed(String subjectType, String id, Long ownerBodyId, String action, Map<String, ?> payload) {
		java.util.List<RecordFollower> those = following.get(subjectType);
		if (those == null) {
			// found outside the map's own lock: creating a follower may itself append an entry
			those = followers.all().stream().filter(f -> f.follows(subjectType)).toList();
			following.putIfAbsent(subjectType, those);
		}
		if (!those.isEmpty()) {
			RecordAppended e = new RecordAppended(subjectType, id, ownerBodyId, action, payload == null ? Map.of() : payload);
			those.forEach(f -> f.appended(e));
		}
	}

	/** Appends an entry attributed to the current operator. */
	public RecordEntry append(String subjectType, Object subjectId, Long ownerBodyId, String action, String summary,
			Map<String, ?> payload) {
		zhifa.shared.Transactions.requireActive();
		return append(Operator.current(), subjectType, subjectId, ownerBodyId, action, summary, payload);
	}

	public RecordEntry append(Operator actor, String subjectType, Object subjectId, Long ownerBodyId, String action,
			String summary, Map<String, ?> payload) {
		zhifa.shared.Transactions.requireActive();
		String id = String.valueOf(subjectId);
		// one statement creates the chain or locks its head, reads it, and takes the anchor lock shared (signing takes
		// it exclusively: no anchor is signed while this transaction may still add entries)
		Map<String, Object> head = jdbc.queryForMap("""
				insert into record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) values (?, ?, 0, ?, now())
				on conflict (subject_type, subject_id) do update set updated_at = record_chain.updated_at
				returning last_seq, last_hash, pg_advisory_xact_lock_shared(""" + ANCHOR_LOCK + ") is null as locked", subjectType, id, RecordEntry.GENESIS);
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prevHash = ((String) head.get("last_hash")).trim();
		String json = canonicalJson(payload);
		// dated now; the insert checks (a statement after the lock, so it sees every anchor signed before) that no anchor
		// covers that time — after an anchor signed up to a moment ahead of this clock, dated at its end instead
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		RecordEntry entry = sealed(actor, subjectType, id, seq, now, ownerBodyId, action, summary, json, prevHash);
		Long entryId = insert(entry);
		if (entryId == null) {
			entry = sealed(actor, subjectType, id, seq, entryTime(), ownerBodyId, action, summary, json, prevHash);
			entryId = insert(entry);
		}
		followed(subjectType, id, ownerBodyId, action, payload);
		return new RecordEntry(entryId, subjectType, id, seq, entry.occurredAt(), entry.actorKind(), entry.actorId(), entry.actorName(),
				entry.actorBodyId(), ownerBodyId, action, entry.summary(), json, prevHash, entry.hash(), entry.mac());
	}

	/** The longest summary kept (the column's length); the payload keeps every detail. */
	static final int SUMMARY_MAX = 500;

	/**
	 * The entry chained to {@code prevHash} with its hash and MAC. A summary longer than {@link #SUMMARY_MAX} (a head's
	 * 500-character reason quoted in a sentence) is cut there with "…" before it is sealed, not refused.
	 */
	private RecordEntry sealed(Operator actor, String subjectType, String id, long seq, Instant at, Long ownerBodyId, String action, String summary,
			String json, String prevHash) {
		String kept = summary != null && summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX - 1) + "…" : summary;
		RecordEntry draft = new RecordEntry(0, subjectType, id, seq, at, actor.operatorKind().name(), actor.operatorId(), actor.operatorName(),
				actor.bodyId(), ownerBodyId, action, kept, json, prevHash, "", null);
		String hash = RecordEntry.hash(prevHash, draft.canonical());
		return new RecordEntry(0, subjectType, id, seq, at, draft.actorKind(), draft.actorId(), draft.actorName(), draft.actorBodyId(), ownerBodyId,
				action, kept, json, prevHash, hash, keys.mac(hash));
	}

	/**
	 * The entry and the chain's new head in one statement, unless an anchor covers the entry's time (then nothing is
	 * written and the answer is null).
	 */
	private Long insert(RecordEntry e) {
		return jdbc.query("""
				with entry as (
				  insert into record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name,
				    actor_body_id, owner_body_id, action, summary, payload, prev_hash, hash, mac)
				  select ?, ?, ?::bigint, ?::timestamptz, ?, ?::bigint, ?, ?::bigint, ?::bigint, ?, ?, ?, ?, ?, ?
				  where not exists (select 1 from record_seal where period_end > ?) returning id),
				head as (
				  update record_chain set last_seq = ?, last_hash = ?, updated_at = now() where subject_type = ? and subject_id = ?
				  and exists (select 1 from entry))
				select id from entry""", (java.sql.ResultSet rs) -> rs.next() ? rs.getLong(1) : null, e.subjectType(), e.subjectId(), e.seq(),
				Timestamp.from(e.occurredAt()), e.actorKind(), e.actorId(), e.actorName(), e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(),
				e.payload(), e.prevHash(), e.hash(), e.mac(), Timestamp.from(e.occurredAt()), e.seq(), e.hash(), e.subjectType(), e.subjectId());
	}

	/**
	 * The time of entries appended now, never inside a period already signed. The caller holds the anchor lock shared
	 * (signing takes it exclusively), taken by an earlier statement: a statement sees what was committed when it began,
	 * so a read in the statement that waited for the lock would miss an anchor signed meanwhile.
	 */
	private Instant entryTime() {
		// (prepared: the driver keeps it, where a plain statement is parsed anew each time)
		Timestamp anchoredUntil = jdbc.query(c -> c.prepareStatement("select max(period_end) from record_seal"), rs -> rs.next() ? rs.getTimestamp(1) : null);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		return anchoredUntil != null && now.isBefore(anchoredUntil.toInstant()) ? anchoredUntil.toInstant() : now;
	}

	/** An entry to append with others ({@link #appendAll}). */
	public record NewEntry(String subjectType, Object subjectId, Long ownerBodyId, String action, String summary, Map<String, ?> payload) {
	}

	/**
	 * Appends many entries by one actor in a few statements whatever their number (a bulk import's thousand acts): the
	 * anchor lock is taken shared; each entry is chained and sealed in Java exactly as {@link #append} does it, entries of
	 * the same subject in the order given, first as if every subject were new; one statement then creates each new
	 * subject's chain at its final head (one write of its row, not a creation and a move) and locks each existing one, in
	 * the order of their keys (two bulk writers never wait on each other in a cycle; a chain another transaction is
	 * creating is waited for and then found existing); the entries of existing subjects are sealed again after their
	 * heads, all entries inserted in one statement and each existing head moved once. Returns the entries in the order
	 * given.
	 */
	public java.util.List<RecordEntry> appendAll(Operator actor, java.util.List<NewEntry> entries) {
		zhifa.shared.Transactions.requireActive();
		if (entries.size() <= 1) {
			return entries.stream().map(e -> append(actor, e.subjectType(), e.subjectId(), e.ownerBodyId(), e.action(), e.summary(), e.payload())).toList();
		}
		java.util.SortedMap<String, String[]> subjects = new TreeMap<>();
		for (NewEntry e : entries) {
			String id = String.valueOf(e.subjectId());
			subjects.put(e.subjectType() + "\u0000" + id, new String[] { e.subjectType(), id });
		}
		// no anchor is signed while this transaction may still add entries (signing takes the lock exclusively); the time
		// is read by a later statement, so it sees every anchor signed before
		jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> {
		}, ANCHOR_LOCK);
		Instant now = entryTime();
		java.util.List<RecordEntry> drafts = sealAll(actor, entries, Map.of(), now);
		Map<String, Object[]> asNew = lastOf(drafts);
		// the heads of the subjects that already had a chain (locked), by key
		Map<String, Object[]> heads = new java.util.HashMap<>();
		int[] answered = { 0 };
		jdbc.query("""
				insert into record_chain (subject_type, subject_id, last_seq, last_hash, updated_at)
				select k.t, k.i, k.s, k.h, now() from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[]) with ordinality as k(t, i, s, h, n)
				order by k.n
				on conflict (subject_type, subject_id) do update set updated_at = record_chain.updated_at
				returning subject_type, subject_id, last_seq, last_hash, xmax = 0 as created""", rs -> {
			answered[0]++;
			if (!rs.getBoolean(5)) {
				heads.put(rs.getString(1) + "\u0000" + rs.getString(2), new Object[] { rs.getLong(3), rs.getString(4).trim() });
			}
		}, subjects.values().stream().map(k -> k[0]).toArray(String[]::new), subjects.values().stream().map(k -> k[1]).toArray(String[]::new),
				subjects.keySet().stream().map(k -> asNew.get(k)[0]).toArray(Long[]::new), subjects.keySet().stream().map(k -> (String) asNew.get(k)[1]).toArray(String[]::new));
		if (answered[0] != subjects.size()) {
			throw new IllegalStateException("record chains: " + answered[0] + " of " + subjects.size() + " created or locked");
		}
		if (!heads.isEmpty()) {
			drafts = sealAll(actor, entries, heads, now);
		}
		Timestamp at = Timestamp.from(now);
		// the new ids by subject and sequence number (each entry's own key), whatever order the rows come back in
		Map<String, Long> ids = new java.util.HashMap<>();
		jdbc.query("""
				insert into record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id, owner_body_id,
				  action, summary, payload, prev_hash, hash, mac)
				select k.t, k.i, k.s, ?, ?, ?, ?, ?, k.o, k.a, k.m, k.p, k.ph, k.h, k.c
				from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[])
				  with ordinality as k(t, i, s, o, a, m, p, ph, h, c, n)
				order by k.n
				returning id, subject_type, subject_id, seq""", rs -> {
			ids.put(rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000" + rs.getLong(4), rs.getLong(1));
		}, at, actor.operatorKind().name(), actor.operatorId(), actor.operatorName(), actor.bodyId(),
				drafts.stream().map(RecordEntry::subjectType).toArray(String[]::new), drafts.stream().map(RecordEntry::subjectId).toArray(String[]::new),
				drafts.stream().map(RecordEntry::seq).toArray(Long[]::new), drafts.stream().map(RecordEntry::ownerBodyId).toArray(Long[]::new),
				drafts.stream().map(RecordEntry::action).toArray(String[]::new), drafts.stream().map(RecordEntry::summary).toArray(String[]::new),
				drafts.stream().map(RecordEntry::payload).toArray(String[]::new), drafts.stream().map(RecordEntry::prevHash).toArray(String[]::new),
				drafts.stream().map(RecordEntry::hash).toArray(String[]::new), drafts.stream().map(RecordEntry::mac).toArray(String[]::new));
		if (!heads.isEmpty()) {
			Map<String, Object[]> last = lastOf(drafts);
			java.util.List<String> moved = subjects.keySet().stream().filter(heads::containsKey).toList();
			jdbc.update("""
					update record_chain c set last_seq = k.s, last_hash = k.h, updated_at = now()
					from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[]) as k(t, i, s, h)
					where c.subject_type = k.t and c.subject_id = k.i""", moved.stream().map(k -> subjects.get(k)[0]).toArray(String[]::new),
					moved.stream().map(k -> subjects.get(k)[1]).toArray(String[]::new), moved.stream().map(k -> last.get(k)[0]).toArray(Long[]::new),
					moved.stream().map(k -> (String) last.get(k)[1]).toArray(String[]::new));
		}
		java.util.List<RecordEntry> out = new java.util.ArrayList<>();
		for (int n = 0; n < drafts.size(); n++) {
			RecordEntry d = drafts.get(n);
			NewEntry e = entries.get(n);
			followed(d.subjectType(), d.subjectId(), d.ownerBodyId(), d.action(), e.payload());
			out.add(new RecordEntry(ids.get(d.subjectType() + "\u0000" + d.subjectId() + "\u0000" + d.seq()), d.subjectType(), d.subjectId(), d.seq(), now, d.actorKind(), d.actorId(), d.actorName(), d.actorBodyId(),
					d.ownerBodyId(), d.action(), d.summary(), d.payload(), d.prevHash(), d.hash(), d.mac()));
		}
		return out;
	}

	/** The entries chained in the order given, each subject after its head (a subject without one is new: from the start). */
	private java.util.List<RecordEntry> sealAll(Operator actor, java.util.List<NewEntry> entries, Map<String, Object[]> heads, Instant now) {
		Map<String, Object[]> at = new java.util.HashMap<>();
		java.util.List<RecordEntry> drafts = new java.util.ArrayList<>();
		for (NewEntry e : entries) {
			String id = String.valueOf(e.subjectId());
			String key = e.subjectType() + "\u0000" + id;
			Object[] head = at.computeIfAbsent(key, k -> heads.containsKey(k) ? heads.get(k).clone() : new Object[] { 0L, RecordEntry.GENESIS });
			long seq = (Long) head[0] + 1;
			RecordEntry sealed = sealed(actor, e.subjectType(), id, seq, now, e.ownerBodyId(), e.action(), e.summary(), canonicalJson(e.payload()),
					(String) head[1]);
			drafts.add(sealed);
			head[0] = seq;
			head[1] = sealed.hash();
		}
		return drafts;
	}

	/** Each subject's last entry among the drafts: its sequence number and hash, by key. */
	private static Map<String, Object[]> lastOf(java.util.List<RecordEntry> drafts) {
		Map<String, Object[]> last = new java.util.HashMap<>();
		drafts.forEach(d -> last.put(d.subjectType() + "\u0000" + d.subjectId(), new Object[] { d.seq(), d.hash() }));
		return last;
	}

	/**
	 * Records a refused attempt (最小权限: every refusal of an authorisation rule is on record) on the actor's own chain,
	 * in a transaction of its own, so that it stays when the request's transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public RecordEntry appendRefusal(Operator actor, String what, String reason, Map<String, ?> payload) {
		Map<String, Object> data = new TreeMap<>(payload);
		data.put("what", what);
		data.put("reason", reason);
		String subjectType = actor.operatorKind() == Operator.Kind.TOKEN ? "api_token" : actor.operatorKind() == Operator.Kind.USER ? "user" : "system";
		Object subjectId = actor.operatorId() == null ? "0" : actor.operatorId();
		return append(actor, subjectType, subjectId, actor.bodyId(), "access.refused", (what.length() > 200 ? what.substring(0, 200) + "…" : what) + "，被拒绝（" + reason + "）", data);
	}

	/** JSON with object keys sorted at every level, so equal payloads give equal text. */
	static String canonicalJson(Object payload) {
		return JSON.writeValueAsString(sorted(payload == null ? Map.of() : payload));
	}

	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new TreeMap<>();
			map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
			return out;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(FullProcessRecord::sorted).toList();
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		if (value instanceof java.time.temporal.TemporalAccessor t) {
			return t.toString();
		}
		return value;
	}
}
