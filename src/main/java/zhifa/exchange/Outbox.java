package zhifa.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;
import zhifa.officer.CertificateCancellations;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.Sm3;

/**
 * The outbox of the push to the provincial / national system. A change is queued in its own transaction
 * ({@link ElementChanges}), at most one waiting row per element — a further change raises its version. Delivery
 * leases due rows (so a second node or a crashed round does not send them twice at once), reads each element as it
 * stands, posts it with an {@code Idempotency-Key}, and records the outcome: delivered; refused by the receiver (4xx:
 * dead-lettered at once with its reason); or failed (5xx, timeout, no connection: retried with a doubling back-off,
 * dead-lettered after the configured attempts). A dead letter is sent again by the platform administrator. A process
 * that dies after the receiver took an element but before the outcome was written sends it again after the lease
 * with the same key: at least once, never lost, and the receiver can drop the repeat.
 */
@Service
public class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String SUBJECT = "ex_element";
	public static final String FORMAT = "zhifa-exchange-v1";

	/** Where and how elements are pushed; an empty URL keeps them waiting (待推送). */
	public record Settings(String url, String token, int attempts, Duration backoff, Duration timeout, Duration lease, String sender) {

		public Settings {
			attempts = Math.max(1, attempts);
			backoff = backoff == null || backoff.isNegative() ? Duration.ZERO : backoff;
			timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
			lease = lease == null || lease.compareTo(timeout.multipliedBy(2)) < 0 ? timeout.multipliedBy(2) : lease;
		}

		public boolean enabled() {
			return url != null && !url.isBlank();
		}

		/** When the next attempt is due after {@code attempts} failures: backoff × 2^(attempts−1), at most a day. */
		public Instant nextAfter(Instant now, int attempts) {
			return zhifa.shared.Backoff.next(now, backoff, attempts);
		}

		public Settings withUrl(String other) {
			return new Settings(other, token, attempts, backoff, timeout, lease, sender);
		}
	}

	/** What one round did. */
	public record Round(int delivered, int retried, int rejected, int failed) {
	}

	private final JdbcClient jdbc;
	private final FullProcessRecord record;
	private final Elements elements;
	private final CodeTables codes;
	private final CertificateCancellations certificates;
	private final ElementChanges changes;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final Settings configured;
	private final ReceiverClient receiver = new ReceiverClient();

	Outbox(JdbcClient jdbc, FullProcessRecord record, Elements elements, CodeTables codes, CertificateCancellations certificates, PlatformTransactionManager transactions,
			Clock clock, @Value("${zhifa.exchange.push-url:}") String url, @Value("${zhifa.exchange.push-token:}") String token,
			@Value("${zhifa.exchange.push-attempts:8}") int attempts, @Value("${zhifa.exchange.push-backoff:PT1M}") Duration backoff,
			@Value("${zhifa.exchange.push-timeout:PT10S}") Duration timeout, @Value("${zhifa.exchange.push-lease:PT2M}") Duration lease,
			@Value("${zhifa.exchange.sender:533103}") String sender, ElementChanges changes) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.record = record;
		this.elements = elements;
		this.codes = codes;
		this.certificates = certificates;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.configured = new Settings(url, token, attempts, backoff, timeout, lease, sender);
	}

	public Settings settings() {
		return configured;
	}

	/** The platform administrator queues every current element of a class (the first full push, or after a receiver's reset). */
	@Transactional
	public int queueAll(Operator op, ElementClass c) {
		CodeTables.requireAdmin(op);
		Map<String, Long> keys = elements.all(c);
		keys.forEach((k, body) -> changes.queue(c, k, body, "exchange.full_queued"));
		record.append(op, SUBJECT, "ALL:" + c.name(), null, "exchange.full_queued", "全量推送" + c.label() + "：" + keys.size() + " 条排队",
				Map.of("elementClass", c.name(), "count", keys.size()));
		return keys.size();
	}

	// ---- delivery

	@Scheduled(fixedDelayString = "${zhifa.exchange.push-interval:PT30S}", initialDelayString = "${zhifa.exchange.push-interval:PT30S}")
	@SchedulerLock(name = "exchange-push", lockAtMostFor = "PT10M")
	public void scheduledPush() {
		if (configured.enabled()) {
			// bounded by time, well inside the scheduler lock
			Instant stop = Instant.now().plus(Duration.ofMinutes(5));
			Round r;
			do {
				r = push(configured, 200);
			} while (r.delivered() + r.rejected() + r.failed() + r.retried() == 200 && Instant.now().isBefore(stop));
		}
	}

	/**
	 * Pushes up to {@code limit} due elements once with these settings; nothing when the URL is empty. Each element is
	 * leased just before it is sent, so a lease never runs out while the element waits its turn in a batch.
	 */
	public Round push(Settings settings, int limit) {
		if (!settings.enabled()) {
			return new Round(0, 0, 0, 0);
		}
		CodeTables.Snapshot mapping = codes.snapshot();
		int delivered = 0;
		int retried = 0;
		int rejected = 0;
		int failed = 0;
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (int n = 0; n < limit; n++) {
			List<Outbound> leased = lease(settings, 1);
			if (leased.isEmpty()) {
				break;
			}
			Outbound o = leased.get(0);
			if (!seen.add(o.id())) {
				// tried once in this round already (due again at once): the next round takes it
				tx.executeWithoutResult(s -> jdbc.sql("update ex_outbound set lease_until = null where id = :id").param("id", o.id()).update());
				break;
			}
			int attempts = o.attempts() + 1;
			try {
				Elements.Built built;
				String body;
				try {
					built = tx.execute(s -> elements.build(o.elementClass(), o.elementKey(), mapping));
					body = envelope(settings, o, built.data());
				}
				catch (RuntimeException e) {
					log.warn("Outbound {} could not be read", o.idempotencyKey(), e);
					ReceiverClient.Result unread = new ReceiverClient.Result(ReceiverClient.Outcome.TRANSIENT, "读取数据失败：" + e.getClass().getSimpleName());
					if (attempts >= settings.attempts()) {
						failed += finish(o, OutboundState.FAILED, attempts, unread.error(), null, List.of()) ? 1 : 0;
					}
					else {
						retry(o, attempts, settings.nextAfter(clock.instant(), attempts), unread.error());
						retried++;
					}
					continue;
				}
				ReceiverClient.Result res = receiver.post(settings, o, body);
				switch (res.kind()) {
					case ACCEPTED -> delivered += finish(o, OutboundState.DELIVERED, attempts, null, Sm3.hex(body), built.cancellations()) ? 1 : 0;
					case REJECTED -> rejected += finish(o, OutboundState.REJECTED, attempts, res.error(), Sm3.hex(body), List.of()) ? 1 : 0;
					case TRANSIENT -> {
						if (attempts >= settings.attempts()) {
							failed += finish(o, OutboundState.FAILED, attempts, res.error(), Sm3.hex(body), List.of()) ? 1 : 0;
						}
						else {
							retry(o, attempts, settings.nextAfter(clock.instant(), attempts), res.error());
							retried++;
						}
					}
				}
			}
			catch (RuntimeException e) {
				// writing the outcome failed: the row counts the attempt and waits its back-off, it does not block the others
				log.warn("Outbound {}: outcome not written", o.idempotencyKey(), e);
				try {
					retry(o, attempts, settings.nextAfter(clock.instant(), attempts), "写入推送结果失败：" + e.getClass().getSimpleName());
				}
				catch (RuntimeException again) {
					log.warn("Outbound {}: retry not written either; the lease expires and it is sent again", o.idempotencyKey(), again);
				}
				retried++;
			}
		}
		return new Round(delivered, retried, rejected, failed);
	}

	List<Outbound> lease(Settings settings, int limit) {
		Instant now = clock.instant();
		return tx.execute(s -> jdbc.sql("""
				update ex_outbound set lease_until = :until where id in (
				  select id from ex_outbound where state = 'PENDING' and next_attempt_at <= :now and (lease_until is null or lease_until < :now)
				  order by next_attempt_at, id limit :n for update skip locked)
				returning *, null as body_name""")
			.param("until", Timestamp.from(now.plus(settings.lease()))).param("now", Timestamp.from(now)).param("n", Math.max(1, limit))
			.query(Outbox::row).list().stream().sorted(java.util.Comparator.comparingLong(Outbound::id)).toList());
	}

	/**
	 * Writes the outcome — only for the version that was sent: a change made meanwhile keeps the row waiting, due now, so
	 * the newer state goes next.
	 */
	private boolean finish(Outbound o, OutboundState state, int attempts, String error, String digest, List<Long> cancellations) {
		Instant now = clock.instant();
		return Boolean.TRUE.equals(tx.execute(s -> {
			int n = jdbc.sql("""
					update ex_outbound set state = :st, attempts = :a, last_error = :e, sent_digest = :d, finished_at = :now, lease_until = null
					where id = :id and version = :v and state = 'PENDING'""")
				.param("st", state.name()).param("a", attempts).param("e", error).param("d", digest).param("now", Timestamp.from(now)).param("id", o.id())
				.param("v", o.version()).update();
			if (n == 0) {
				// changed while being sent: the sent version is superseded by the waiting one
				jdbc.sql("update ex_outbound set lease_until = null, attempts = 0, last_error = null, next_attempt_at = :now where id = :id and state = 'PENDING'")
					.param("now", Timestamp.from(now)).param("id", o.id()).update();
				return false;
			}
			if (state == OutboundState.DELIVERED) {
				// older refusals of the element are answered by this delivery
				jdbc.sql("""
						update ex_outbound set state = 'SUPERSEDED', finished_at = :now
						where element_class = :c and element_key = :k and id < :id and state in ('REJECTED', 'FAILED')""")
					.param("now", Timestamp.from(now)).param("c", o.elementClass().name()).param("k", o.elementKey()).param("id", o.id()).update();
			}
			if (state == OutboundState.DELIVERED && o.elementClass() == ElementClass.CERTIFICATE) {
				certificates.cancellationsSent(Long.parseLong(o.elementKey()), cancellations, "省级执法证件管理系统");
			}
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("elementClass", o.elementClass().name());
			payload.put("version", o.version());
			payload.put("attempts", attempts);
			payload.put("idempotencyKey", o.idempotencyKey());
			if (error != null) {
				payload.put("error", error);
			}
			String what = o.elementClass().label() + " " + o.elementKey();
			switch (state) {
				case DELIVERED -> record.append(Operator.SYSTEM, SUBJECT, o.elementClass().name() + ":" + o.elementKey(), o.bodyId(), "exchange.pushed",
						what + " 已推送（第" + attempts + "次尝试）", payload);
				case REJECTED -> record.append(Operator.SYSTEM, SUBJECT, o.elementClass().name() + ":" + o.elementKey(), o.bodyId(), "exchange.push_rejected",
						what + " 被接收方拒绝，转入推送失败清单：" + error, payload);
				default -> record.append(Operator.SYSTEM, SUBJECT, o.elementClass().name() + ":" + o.elementKey(), o.bodyId(), "exchange.push_failed",
						what + " 推送 " + attempts + " 次仍失败，转入推送失败清单：" + error, payload);
			}
			return true;
		}));
	}

	/** The attempt failed: back-off for the version that was sent; a newer version waiting in the same row goes now. */
	private void retry(Outbound o, int attempts, Instant next, String error) {
		tx.executeWithoutResult(s -> {
			int n = jdbc.sql("""
					update ex_outbound set attempts = :a, next_attempt_at = :next, last_error = :e, lease_until = null
					where id = :id and version = :v and state = 'PENDING'""")
				.param("a", attempts).param("next", Timestamp.from(next)).param("e", error).param("id", o.id()).param("v", o.version()).update();
			if (n == 0) {
				jdbc.sql("update ex_outbound set lease_until = null where id = :id and state = 'PENDING'").param("id", o.id()).update();
			}
		});
	}

	String envelope(Settings settings, Outbound o, Map<String, Object> data) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", FORMAT);
		m.put("sender", settings.sender());
		m.put("elementClass", o.elementClass().name());
		m.put("elementKey", o.elementKey());
		m.put("version", o.version());
		m.put("idempotencyKey", o.idempotencyKey());
		m.put("changedAt", o.changedAt());
		m.put("deleted", data == null);
		m.put("data", data);
		return JSON.writeValueAsString(m);
	}

	// ---- the administrator's view

	/** 重新推送: a dead letter goes back to the queue, due now, attempts from zero — unless a newer change already waits. */
	public Outbound requeue(Operator op, long id) {
		CodeTables.requireAdmin(op);
		return tx.execute(s -> {
			Outbound o = find(id).orElseThrow(() -> new NotFound("推送记录 " + id));
			if (!o.state().dead()) {
				throw new Conflict("该记录当前为“" + o.state().label() + "”，只有被拒绝或推送失败的记录才能重新推送");
			}
			Instant now = clock.instant();
			Optional<Outbound> waiting = waiting(o.elementClass(), o.elementKey());
			String what = o.elementClass().label() + " " + o.elementKey();
			if (waiting.isPresent()) {
				jdbc.sql("update ex_outbound set state = 'SUPERSEDED', finished_at = :now where id = :id").param("now", Timestamp.from(now)).param("id", id)
					.update();
				jdbc.sql("update ex_outbound set next_attempt_at = :now, attempts = 0 where id = :w").param("now", Timestamp.from(now))
					.param("w", waiting.get().id()).update();
				record.append(op, SUBJECT, o.elementClass().name() + ":" + o.elementKey(), o.bodyId(), "exchange.push_requeued",
						"重新推送" + what + "（已有更新的待推送记录，按最新数据推送）", Map.of("elementClass", o.elementClass().name(), "attempts", o.attempts()));
				return find(waiting.get().id()).orElseThrow();
			}
			// a refused element goes with a new key (the receiver answered the old one); a failed one keeps its key (it may have taken it)
			try {
				jdbc.sql("""
						update ex_outbound set state = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = null, finished_at = null,
						  version = version + :bump where id = :id""").param("now", Timestamp.from(now)).param("bump", o.state() == OutboundState.REJECTED ? 1 : 0)
					.param("id", id).update();
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				throw new Conflict("该数据刚有新的变更已在排队，请刷新后再看");
			}
			record.append(op, SUBJECT, o.elementClass().name() + ":" + o.elementKey(), o.bodyId(), "exchange.push_requeued", "重新推送" + what,
					Map.of("elementClass", o.elementClass().name(), "attempts", o.attempts()));
			return find(id).orElseThrow();
		});
	}

	/** 全部重新推送: every dead letter back to the queue (after the receiver or the configuration was put right). */
	public int requeueAll(Operator op) {
		CodeTables.requireAdmin(op);
		int n = 0;
		for (Outbound o : dead(100_000)) {
			try {
				requeue(op, o.id());
				n++;
			}
			catch (Conflict | NotFound changed) {
				// moved on meanwhile
			}
		}
		return n;
	}

	private static final String SELECT = """
			select o.*, b.name as body_name from ex_outbound o left join body_view b on b.id = o.body_id""";

	public Optional<Outbound> find(long id) {
		return jdbc.sql(SELECT + " where o.id = ?").param(id).query(Outbox::row).optional();
	}

	Optional<Outbound> waiting(ElementClass c, String key) {
		return jdbc.sql(SELECT + " where o.element_class = ? and o.element_key = ? and o.state = 'PENDING'").params(c.name(), key).query(Outbox::row)
			.optional();
	}

	/** An element's deliveries, newest first: its status is the first. */
	public List<Outbound> history(ElementClass c, String key) {
		return jdbc.sql(SELECT + " where o.element_class = ? and o.element_key = ? order by o.id desc limit 50").params(c.name(), key)
			.query(Outbox::row).list();
	}

	/** The outbox, newest first, filtered by class, state and element key. */
	public Page<Outbound> list(Operator op, ElementClass c, OutboundState state, boolean dead, String key, int page, int size) {
		CodeTables.requireAdmin(op);
		if (key != null && key.length() > 64) {
			throw BusinessRuleViolation.onField("key", "对象编号不能超过64个字符");
		}
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 200);
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (c != null) {
			where.append(" and o.element_class = :c");
			params.put("c", c.name());
		}
		if (state != null) {
			where.append(" and o.state = :s");
			params.put("s", state.name());
		}
		if (dead) {
			where.append(" and o.state in ('REJECTED', 'FAILED')");
		}
		if (key != null && !key.isBlank()) {
			where.append(" and o.element_key = :k");
			params.put("k", key.strip());
		}
		long total = jdbc.sql("select count(*) from ex_outbound o" + where).params(params).query(Long.class).single();
		List<Outbound> items = jdbc.sql(SELECT + where + " order by o.id desc limit :lim offset :off").params(params).param("lim", s)
			.param("off", (long) p * s).query(Outbox::row).list();
		return new Page<>(items, total, p, s);
	}

	/** Count per class and state, for the page's summary. */
	public Map<ElementClass, Map<OutboundState, Long>> counts() {
		Map<ElementClass, Map<OutboundState, Long>> m = new LinkedHashMap<>();
		for (ElementClass c : ElementClass.values()) {
			m.put(c, new LinkedHashMap<>());
		}
		jdbc.sql("select element_class, state, count(*) from ex_outbound group by 1, 2").query((rs, i) -> {
			m.get(ElementClass.valueOf(rs.getString(1))).put(OutboundState.valueOf(rs.getString(2)), rs.getLong(3));
			return null;
		}).list();
		return m;
	}

	public long deadCount() {
		return jdbc.sql("select count(*) from ex_outbound where state in ('REJECTED', 'FAILED')").query(Long.class).single();
	}

	public List<Outbound> dead(int limit) {
		return jdbc.sql(SELECT + " where o.state in ('REJECTED', 'FAILED') order by o.id desc limit ?").param(limit).query(Outbox::row).list();
	}

	/** Readable names of the elements on a page of the outbox, by row id. */
	public Map<Long, String> labels(List<Outbound> rows) {
		Map<Long, String> m = new LinkedHashMap<>();
		rows.forEach(o -> m.put(o.id(), elements.label(o.elementClass(), o.elementKey())));
		return m;
	}

	/** What would be sent now for this element (the administrator's preview). */
	public String preview(Operator op, long id) {
		CodeTables.requireAdmin(op);
		Outbound o = find(id).orElseThrow(() -> new NotFound("推送记录 " + id));
		Elements.Built built = tx.execute(s -> elements.build(o.elementClass(), o.elementKey(), codes.snapshot()));
		return envelope(configured, o, built.data());
	}

	private static Outbound row(ResultSet rs, int i) throws SQLException {
		return new Outbound(rs.getLong("id"), ElementClass.valueOf(rs.getString("element_class")), rs.getString("element_key"),
				(Long) rs.getObject("body_id", Long.class), rs.getString("body_name"), rs.getInt("version"), OutboundState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getString("first_change"), rs.getString("last_change"), instant(rs, "changed_at"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "finished_at"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String col) throws SQLException {
		Timestamp t = rs.getTimestamp(col);
		return t == null ? null : t.toInstant();
	}

}
