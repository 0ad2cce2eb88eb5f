package zhifa.supervision.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import zhifa.record.FullProcessRecord;
import zhifa.shared.Operator;
import zhifa.supervision.alert.persistence.AlertRows;

/**
 * How the rules' changes of alerts are written with their record entries (subject {@code sv_alert}, actor the system):
 * at once, or — inside {@link #inBatch}, the ledger queue's batch — kept and written together at its end: the new alerts
 * in one statement, then every entry of the batch in a few.
 */
@Component
class AlertWrites {

	private final AlertRows rows;
	private final FullProcessRecord record;
	private final Clock clock;

	/** What the running batch writes at its end (on its thread). */
	private final ThreadLocal<Batch> pending = new ThreadLocal<>();

	AlertWrites(AlertRows rows, FullProcessRecord record, Clock clock) {
		this.rows = rows;
		this.record = record;
		this.clock = clock;
	}

	private record Batch(List<FullProcessRecord.NewEntry> entries, List<Raised> raised) {
	}

	private record Raised(AlertRows.NewAlert alert, String summary, Map<String, ?> payload) {
	}

	/** Runs {@code work}, keeping what it raises and notes, and writes all of it once the work is done. */
	<T> T inBatch(Supplier<T> work) {
		Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
		T result;
		try {
			pending.set(batch);
			result = work.get();
		}
		finally {
			pending.remove();
		}
		List<Long> ids = rows.insertAll(batch.raised().stream().map(Raised::alert).toList(), clock.instant());
		for (int n = 0; n < batch.raised().size(); n++) {
			Raised r = batch.raised().get(n);
			batch.entries().add(new FullProcessRecord.NewEntry(Alert.RECORD_SUBJECT, ids.get(n), r.alert().bodyId(), "alert.raised", r.summary(),
					r.payload()));
		}
		record.appendAll(Operator.SYSTEM, batch.entries());
		return result;
	}

	/** A new alert with its record entry ({@code alert.raised}): at once, or with the running batch's others. */
	void raise(AlertRows.NewAlert alert, String summary, Map<String, ?> payload) {
		Batch batch = pending.get();
		if (batch != null) {
			batch.raised().add(new Raised(alert, summary, payload));
		}
		else {
			note(rows.insert(alert, clock.instant()), alert.bodyId(), "alert.raised", summary, payload);
		}
	}

	/** An existing alert's record entry: at once, or with the running batch's others. */
	void note(long alertId, Long bodyId, String action, String summary, Map<String, ?> payload) {
		Batch batch = pending.get();
		if (batch != null) {
			batch.entries().add(new FullProcessRecord.NewEntry(Alert.RECORD_SUBJECT, alertId, bodyId, action, summary, payload));
		}
		else {
			record.append(Operator.SYSTEM, Alert.RECORD_SUBJECT, alertId, bodyId, action, summary, payload);
		}
	}
}
