package zhifa.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * One enforcement act as a system reports it (the element classes of RULES.md §10: body, officers by certificate
 * number, party kind and masked identifier, matter, the dates of each step, decision, amounts, document numbers) — the
 * same shape whether this platform or another department's system is the source. Amounts in fen.
 *
 * @param source     the reporting system ({@link #PLATFORM} for this one)
 * @param externalId the act's id in that system
 * @param version    the act's version there: a report older than the ledger's is ignored
 * @param partyKey   a key that identifies the party across acts without disclosing it (USCC, or a fingerprint of the ID number)
 */
public record ActReport(String source, String externalId, long version, long bodyId, String kind, String matterCode, String matterName,
		String caseNumber, String partyKind, String partyName, String partyMasked, String partyKey, Long placeRegionId, String stage, LocalDate actDate,
		LocalDate receivedOn, LocalDate filedOn, LocalDate noticeServedOn, LocalDate statementDue, LocalDate hearingDue, boolean hearingRight,
		boolean hearingRequested, boolean hearingHeld, boolean legalReviewRequired, boolean legalReviewPassed, LocalDate decidedOn,
		String decisionOutcome, String decisionNumber, Long fine, Long gains, Long propertyValue, LocalDate decisionServedOn, long paidTotal,
		LocalDate closedOn, List<String> officerCertificates, int validOfficers, boolean demo) {

	public static final String PLATFORM = "PLATFORM";

	public ActReport {
		officerCertificates = officerCertificates == null ? List.of() : List.copyOf(officerCertificates);
	}
}
