package zhifa.supervision;

import java.util.Optional;

/**
 * Where a platform case's publication on the portal stands (事后公开), added to its act in the ledger so the alert rules
 * see late publications and withdrawals. The disclosure module implements it.
 */
public interface PublicationSource {

	Optional<ActReport.Publication> publication(long caseId);

	/** The same for many cases, by case (a case with nothing to publish has no entry). */
	default java.util.Map<Long, ActReport.Publication> publications(java.util.Collection<Long> caseIds) {
		java.util.Map<Long, ActReport.Publication> m = new java.util.HashMap<>();
		caseIds.forEach(id -> publication(id).ifPresent(p -> m.put(id, p)));
		return m;
	}
}
