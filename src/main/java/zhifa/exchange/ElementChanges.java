package zhifa.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zhifa.officer.Certificates;
import zhifa.record.RecordAppended;
import zhifa.supervision.ActRecorded;
import zhifa.supervision.Ledger;

/**
 * Which elements of the push changed, queued in the transaction of the change itself ({@link Outbox} delivers them):
 * follows the record for bodies (and their yearly statistics), officers, certificates and published catalogues, and
 * the ledger for acts. At most one waiting row per element; a further change raises its version.
 */
@Component
class ElementChanges implements zhifa.record.RecordFollower, zhifa.supervision.ActFollower {

	private final JdbcClient jdbc;
	private final Certificates certificates;
	private final ObjectProvider<Ledger> ledger;
	private final Clock clock;

	ElementChanges(JdbcClient jdbc, Certificates certificates, ObjectProvider<Ledger> ledger, Clock clock) {
		this.jdbc = jdbc;
		this.certificates = certificates;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The subjects whose entries may change an element: bodies (and their yearly statistics), officers, certificates, catalogues. */
	private static final java.util.Set<String> FOLLOWED = java.util.Set.of("body", "officer", "certificate", "catalogue_version");

	@Override
	public boolean follows(String subjectType) {
		return FOLLOWED.contains(subjectType);
	}

	/** A recorded change of a body, an officer, a certificate, a published catalogue or a body's yearly statistics. */
	@Override
	public void appended(RecordAppended e) {
		zhifa.shared.Transactions.requireActive();
		String a = e.action();
		switch (e.subjectType()) {
			case "body" -> {
				if (a.startsWith("body.")) {
					queue(ElementClass.ORGANIZATION, e.subjectId(), Long.valueOf(e.subjectId()), a);
				}
				else if (a.equals("disclosure.yearly_published") && e.payload().get("year") instanceof Number y) {
					queue(ElementClass.STATISTICS, e.subjectId() + "-" + y.intValue(), Long.valueOf(e.subjectId()), a);
				}
			}
			case "officer" -> {
				if (a.startsWith("officer.")) {
					queue(ElementClass.PERSON, e.subjectId(), e.ownerBodyId(), a);
				}
			}
			case "certificate" -> {
				if (a.startsWith("certificate.") && !a.equals("certificate.cancellation_sent")) {
					queue(ElementClass.CERTIFICATE, e.subjectId(), e.ownerBodyId(), a);
					// the officer's element lists his certificates
					certificates.find(zhifa.shared.DataScope.all(), Long.parseLong(e.subjectId()))
						.ifPresent(c -> queue(ElementClass.PERSON, String.valueOf(c.officerId()), c.bodyId(), a));
				}
			}
			case "catalogue_version" -> {
				if (a.equals("catalogue.published") && e.ownerBodyId() != null) {
					queue(ElementClass.CATALOGUE, String.valueOf(e.ownerBodyId()), e.ownerBodyId(), a);
				}
			}
			default -> {
			}
		}
	}

	/** An act entered the ledger or changed there (this platform's cases and other systems' reports alike). */
	@Override
	public void recorded(ActRecorded e) {
		zhifa.shared.Transactions.requireActive();
		// written with the transaction's other acts just before it commits: one statement for a batch of acts
		zhifa.shared.BeforeCommit.add(ACTS, e, this::queueActs);
	}

	/** The kind of the acts' before-commit batch. */
	private static final Object ACTS = new Object();

	/**
	 * {@link #queue} for many acts at once (each once, with its last body); an act that no longer exists (its change was
	 * rolled back to a savepoint) is left out.
	 */
	private void queueActs(List<ActRecorded> recorded) {
		Map<Long, Long> bodies = new java.util.TreeMap<>();
		recorded.forEach(e -> bodies.put(e.actId(), e.bodyId()));
		bodies.keySet().retainAll(ledger.getObject().existing(bodies.keySet()));
		if (bodies.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into ex_outbound (element_class, element_key, body_id, first_change, last_change, changed_at, next_attempt_at, created_at)
				select :c, k.act_id::text, k.body_id, :ch, :ch, :now, :now, :now
				from unnest(cast(:ids as bigint[]), cast(:bodies as bigint[])) as k(act_id, body_id)
				on conflict (element_class, element_key) where state = 'PENDING'
				do update set version = ex_outbound.version + 1, last_change = excluded.last_change, changed_at = excluded.changed_at,
				  body_id = coalesce(excluded.body_id, ex_outbound.body_id), attempts = 0, next_attempt_at = excluded.next_attempt_at""")
			.param("c", ElementClass.ACT.name()).param("ch", "ledger.act_recorded").param("now", now)
			.param("ids", bodies.keySet().toArray(Long[]::new)).param("bodies", bodies.values().toArray(Long[]::new)).update();
	}

	/** One element changed: queued, or its waiting row's version raised. */
	void queue(ElementClass c, String key, Long bodyId, String change) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into ex_outbound (element_class, element_key, body_id, first_change, last_change, changed_at, next_attempt_at, created_at)
				values (:c, :k, :b, :ch, :ch, :now, :now, :now)
				on conflict (element_class, element_key) where state = 'PENDING'
				do update set version = ex_outbound.version + 1, last_change = excluded.last_change, changed_at = excluded.changed_at,
				  body_id = coalesce(excluded.body_id, ex_outbound.body_id), attempts = 0, next_attempt_at = excluded.next_attempt_at""")
			.param("c", c.name()).param("k", key).param("b", bodyId).param("ch", change).param("now", now).update();
	}
}
