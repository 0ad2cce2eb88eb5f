package zhifa.casework;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import zhifa.record.FullProcessRecord;
import zhifa.record.RecordEntry;
import zhifa.record.RecordQueries;
import zhifa.shared.DataScope;

/**
 * The one writer of the full-process record for case changes (行政处罚法第四十七条): every change to a case, of any kind
 * and from any module, is written here, under its kind's subject type, inside the transaction of the change.
 */
@Service
public class CaseRecord {

	private final FullProcessRecord record;
	private final RecordQueries queries;
	private final CaseKinds kinds;
	private final zhifa.shared.Followers<CaseFollower> followers;

	CaseRecord(FullProcessRecord record, RecordQueries queries, CaseKinds kinds, org.springframework.beans.factory.ObjectProvider<CaseFollower> followers) {
		this.record = record;
		this.queries = queries;
		this.kinds = kinds;
		this.followers = new zhifa.shared.Followers<>(followers);
	}

	/** Writes the entry and tells the {@link CaseFollower}s of the {@link CaseChanged}, both inside the change's transaction. */
	public RecordEntry append(CaseFile c, String action, String summary, Map<String, ?> data) {
		zhifa.shared.Transactions.requireActive();
		RecordEntry entry = record.append(kinds.of(c.kind()).recordSubject(), c.id(), c.bodyId(), action, summary, data);
		CaseChanged change = new CaseChanged(c.id(), c.kind(), c.bodyId(), action);
		followers.all().forEach(f -> f.changed(change));
		return entry;
	}

	/** The case's entries, oldest first. */
	public List<RecordEntry> timeline(DataScope scope, CaseFile c) {
		return queries.timeline(scope, kinds.of(c.kind()).recordSubject(), String.valueOf(c.id()));
	}
}
