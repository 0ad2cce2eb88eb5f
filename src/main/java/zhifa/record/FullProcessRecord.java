package zhifa.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
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
	private final ApplicationEventPublisher events;

	FullProcessRecord(JdbcTemplate jdbc, Clock clock, RecordKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
		this.events = events;
	}

	/** Appends an entry attributed to the current operator. */
	@Transactional(propagation = Propagation.MANDATORY)
	public RecordEntry append(String subjectType, Object subjectId, Long ownerBodyId, String action, String summary,
			Map<String, ?> payload) {
		return append(Operator.current(), subjectType, subjectId, ownerBodyId, action, summary, payload);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public RecordEntry append(Operator actor, String subjectType, Object subjectId, Long ownerBodyId, String action,
			String summary, Map<String, ?> payload) {
		String id = String.valueOf(subjectId);
		// one statement creates the chain or locks its head, and reads it
		Map<String, Object> head = jdbc.queryForMap("""
				insert into record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) values (?, ?, 0, ?, now())
				on conflict (subject_type, subject_id) do update set updated_at = record_chain.updated_at
				returning last_seq, last_hash""", subjectType, id, RecordEntry.GENESIS);
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prevHash = ((String) head.get("last_hash")).trim();
		// no entry is dated inside a period already signed (SignedAnchors takes this lock exclusively)
		Timestamp anchoredUntil = jdbc.queryForObject("select pg_advisory_xact_lock_shared(" + ANCHOR_LOCK + "), (select max(period_end) from record_seal)",
				(rs, i) -> rs.getTimestamp(2));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (anchoredUntil != null && now.isBefore(anchoredUntil.toInstant())) {
			now = anchoredUntil.toInstant();
		}
		String json = canonicalJson(payload);
		RecordEntry draft = new RecordEntry(0, subjectType, id, seq, now, actor.operatorKind().name(), actor.operatorId(),
				actor.operatorName(), actor.bodyId(), ownerBodyId, action, summary, json, prevHash, "", null);
		String hash = RecordEntry.hash(prevHash, draft.canonical());
		String mac = keys.mac(hash);
		// the entry and the chain's new head in one statement
		Long entryId = jdbc.queryForObject("""
				with entry as (
				  insert into record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name,
				    actor_body_id, owner_body_id, action, summary, payload, prev_hash, hash, mac)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id),
				head as (
				  update record_chain set last_seq = ?, last_hash = ?, updated_at = now() where subject_type = ? and subject_id = ?)
				select id from entry""", Long.class, subjectType, id, seq,
				Timestamp.from(now), draft.actorKind(), draft.actorId(), draft.actorName(), draft.actorBodyId(), ownerBodyId,
				action, summary, json, prevHash, hash, mac, seq, hash, subjectType, id);
		events.publishEvent(new RecordAppended(subjectType, id, ownerBodyId, action, payload == null ? Map.of() : payload));
		return new RecordEntry(entryId, subjectType, id, seq, now, draft.actorKind(), draft.actorId(), draft.actorName(),
				draft.actorBodyId(), ownerBodyId, action, summary, json, prevHash, hash, mac);
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
		return append(actor, subjectType, subjectId, actor.bodyId(), "access.refused", "拒绝：" + what + "（" + reason + "）", data);
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
