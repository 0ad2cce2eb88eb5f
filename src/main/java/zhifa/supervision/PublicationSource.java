package zhifa.supervision;

import java.util.Optional;

/**
 * Where a platform case's publication on the portal stands (事后公开), added to its act in the ledger so the alert rules
 * see late publications and withdrawals. The disclosure module implements it.
 */
public interface PublicationSource {

	Optional<ActReport.Publication> publication(long caseId);
}
