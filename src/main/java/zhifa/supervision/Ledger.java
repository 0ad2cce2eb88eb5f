package zhifa.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseChanged;
import zhifa.supervision.persistence.ActRows;

/**
 * 执法行为台账: every enforcement act in one ledger, whatever system handled it. This platform's cases arrive through
 * {@link LedgerQueue} (each {@link CaseChanged} queued in the change's transaction, reported after it commits, in
 * batches; a failure is tried again), other systems' reports through the exchange API. A report older than the
 * ledger's row changes nothing, so repeats and re-deliveries are harmless.
 */
@Service
public class Ledger {

	private final ActRows rows;
	private final ObjectProvider<ActSource> sources;
	private final ObjectProvider<zhifa.casework.Cases> cases;
	private final ObjectProvider<PublicationSource> publications;
	private final zhifa.shared.Followers<ActFollower> followers;
	private final Clock clock;

	private final ObjectProvider<LedgerQueue> queue;

	Ledger(ActRows rows, ObjectProvider<ActSource> sources, ObjectProvider<zhifa.casework.Cases> cases, ObjectProvider<PublicationSource> publications,
			ObjectProvider<ActFollower> followers, Clock clock, ObjectProvider<LedgerQueue> queue) {
		this.cases = cases;
		this.publications = publications;
		this.queue = queue;
		this.rows = rows;
		this.sources = sources;
		this.followers = new zhifa.shared.Followers<>(followers);
		this.clock = clock;
	}

	/** Takes a report; returns the act's id and whether the ledger changed (false for an older or repeated report). */
	@Transactional
	public Recorded record(ActReport report) {
		Recorded r = rows.upsert(report, clock.instant());
		if (r.changed()) {
			followed(new ActRecorded(r.actId(), report.bodyId()));
		}
		return r;
	}

	/**
	 * {@link #record} for many reports of one source, each external id once (a bulk import's chunk), in one statement:
	 * the result of each report in the order given.
	 */
	@Transactional
	public List<Recorded> recordAll(String source, List<ActReport> reports) {
		if (reports.stream().anyMatch(r -> !r.source().equals(source))) {
			throw new IllegalArgumentException("reports of another source");
		}
		if (reports.isEmpty()) {
			return List.of();
		}
		java.util.Map<String, Recorded> recorded = rows.upsertAll(source, reports, clock.instant());
		List<Recorded> out = reports.stream().map(r -> recorded.get(r.externalId())).toList();
		for (int n = 0; n < reports.size(); n++) {
			if (out.get(n).changed()) {
				followed(new ActRecorded(out.get(n).actId(), reports.get(n).bodyId()));
			}
		}
		return out;
	}

	/** Tells the {@link ActFollower}s, in this transaction. */
	private void followed(ActRecorded recorded) {
		followers.all().forEach(f -> f.recorded(recorded));
	}

	/** The id of the act in the ledger and whether this report changed it. */
	public record Recorded(long actId, boolean changed) {
	}

	/** Reports the platform case as it stands now (also for re-building the ledger). */
	@Transactional
	public void refresh(long caseId) {
		cases.getObject().find(caseId).ifPresent(file -> sources.orderedStream()
			.forEach(s -> s.report(file).map(r -> withPublication(r, caseId)).ifPresent(this::record)));
	}

	/**
	 * {@link #refresh} for many cases (the ledger queue's batch): the cases, and each source's facts of them, read once
	 * for all; reported in ascending case order.
	 */
	@Transactional
	public void refreshAll(java.util.Collection<Long> caseIds) {
		List<Long> ids = caseIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return;
		}
		List<zhifa.casework.CaseFile> files = cases.getObject().load(ids);
		java.util.Map<Long, ActReport.Publication> published = new java.util.HashMap<>();
		publications.orderedStream().forEach(s -> s.publications(ids).forEach(published::putIfAbsent));
		java.util.Map<Long, List<ActReport>> reports = new java.util.TreeMap<>();
		sources.orderedStream().forEach(s -> s.reports(files).forEach((id, r) -> reports.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(r)));
		List<ActReport> all = new java.util.ArrayList<>();
		reports.forEach((id, rs) -> rs.forEach(r -> all.add(withPublication(r, java.util.Optional.ofNullable(published.get(id))))));
		// one statement per source (in case order, as one by one); a source reporting an act twice in the batch one by one
		java.util.Map<String, List<ActReport>> bySource = new java.util.LinkedHashMap<>();
		all.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new java.util.ArrayList<>()).add(r));
		bySource.forEach((source, rs) -> {
			if (rs.size() > 1 && rs.stream().map(ActReport::externalId).distinct().count() == rs.size()) {
				recordAll(source, rs);
			}
			else {
				rs.forEach(this::record);
			}
		});
	}

	private ActReport withPublication(ActReport r, long caseId) {
		return withPublication(r, publications.orderedStream().map(s -> s.publication(caseId)).flatMap(java.util.Optional::stream).findFirst());
	}

	private ActReport withPublication(ActReport r, java.util.Optional<ActReport.Publication> p) {
		if (p.isEmpty()) {
			return r;
		}
		return new ActReport(r.source(), r.externalId(), r.version(), r.bodyId(), r.kind(), r.matterCode(), r.matterName(), r.caseNumber(), r.partyKind(),
				r.partyName(), r.partyMasked(), r.partyKey(), r.placeRegionId(), r.stage(), r.actDate(), r.receivedOn(), r.filedOn(), r.noticeServedOn(),
				r.statementDue(), r.hearingDue(), r.hearingRight(), r.hearingRequested(), r.hearingHeld(), r.legalReviewRequired(), r.legalReviewPassed(),
				r.decidedOn(), r.decisionOutcome(), r.decisionNumber(), r.fine(), r.gains(), r.propertyValue(), r.decisionServedOn(), r.paidTotal(),
				r.closedOn(), r.officerCertificates(), r.validOfficers(), r.demo(), r.details().withPublication(p.get()));
	}

	/**
	 * Platform cases not in the ledger yet (cases from before the ledger existed, on an upgraded database) are queued
	 * once after the platform is ready, and reported by the queue's batches.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	@org.springframework.scheduling.annotation.Async
	public void backfill() {
		long after = 0;
		List<Long> missing;
		do {
			missing = rows.platformCasesMissing(after, 5000);
			if (!missing.isEmpty()) {
				queue.getObject().enqueueCases(missing);
				after = missing.get(missing.size() - 1);
			}
		} while (missing.size() == 5000);
	}

	public Optional<Act> find(String source, String externalId) {
		return rows.find(source, externalId);
	}

	/** The acts of one party (by its key), newest decision first, at most {@code limit}. */
	public java.util.List<Act> ofParty(String partyKey, int limit) {
		return rows.ofParty(partyKey, limit);
	}

	/** {@link #ofParty} for many parties in one read: each key's acts, newest decision first, at most {@code limit} each. */
	public java.util.Map<String, List<Act>> ofParties(java.util.Collection<String> partyKeys, int limit) {
		return partyKeys.isEmpty() ? java.util.Map.of() : rows.ofParties(partyKeys, limit);
	}

	/** A body's acts that count in the year (decided or done, inspected, a measure applied), grouped for the yearly tables. */
	public List<YearTally> yearTallies(long bodyId, int year) {
		return rows.yearTallies(bodyId, year);
	}

	/**
	 * The same for many bodies at once (the county summary), from the tally refreshed with the dashboard's figures
	 * (every minute and after changes): readers never scan the ledger.
	 */
	public java.util.Map<Long, List<YearTally>> yearTallies(java.util.Collection<Long> bodyIds, int year) {
		return rows.yearTallies(bodyIds, year);
	}

	/** Every act's id with its body, ascending after {@code after}, at most {@code limit} (for a full push upward). */
	public java.util.Map<Long, Long> idsAfter(long after, int limit) {
		return rows.idsAfter(after, limit);
	}

	public Optional<Act> find(long id) {
		return rows.find(id);
	}

	/** Those of the ids that are acts of the ledger. */
	public java.util.Set<Long> existing(java.util.Collection<Long> ids) {
		return rows.existing(ids);
	}

	/** The acts of the ids that exist, in one read, by id. */
	public java.util.Map<Long, Act> find(java.util.Collection<Long> ids) {
		java.util.Map<Long, Act> m = new java.util.HashMap<>();
		rows.find(ids).forEach(a -> m.put(a.id(), a));
		return m;
	}
}
