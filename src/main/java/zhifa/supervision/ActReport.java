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
		LocalDate closedOn, List<String> officerCertificates, int validOfficers, boolean demo, Details details) {

	public static final String PLATFORM = "PLATFORM";

	public ActReport {
		officerCertificates = officerCertificates == null ? List.of() : List.copyOf(officerCertificates);
		details = details == null ? Details.NONE : details;
	}

	/** A report without the further details (another system that does not send them). */
	public ActReport(String source, String externalId, long version, long bodyId, String kind, String matterCode, String matterName, String caseNumber,
			String partyKind, String partyName, String partyMasked, String partyKey, Long placeRegionId, String stage, LocalDate actDate,
			LocalDate receivedOn, LocalDate filedOn, LocalDate noticeServedOn, LocalDate statementDue, LocalDate hearingDue, boolean hearingRight,
			boolean hearingRequested, boolean hearingHeld, boolean legalReviewRequired, boolean legalReviewPassed, LocalDate decidedOn,
			String decisionOutcome, String decisionNumber, Long fine, Long gains, Long propertyValue, LocalDate decisionServedOn, long paidTotal,
			LocalDate closedOn, List<String> officerCertificates, int validOfficers, boolean demo) {
		this(source, externalId, version, bodyId, kind, matterCode, matterName, caseNumber, partyKind, partyName, partyMasked, partyKey, placeRegionId, stage,
				actDate, receivedOn, filedOn, noticeServedOn, statementDue, hearingDue, hearingRight, hearingRequested, hearingHeld, legalReviewRequired,
				legalReviewPassed, decidedOn, decisionOutcome, decisionNumber, fine, gains, propertyValue, decisionServedOn, paidTotal, closedOn,
				officerCertificates, validOfficers, demo, Details.NONE);
	}

	/**
	 * What some rules need beyond the steps' dates, when the source knows it: the kinds of penalty decided (行政处罚法第九条
	 * codes) and notified, whether the party stated a defence, the amount notified, a deviation from the discretion
	 * benchmark and whether it was reasoned, 先行登记保存 / 查封 / 扣押 with their dates, money collected on the spot, the
	 * source's own due days, and the party's written waivers of the statement and hearing windows (第四十四条、第六十四条).
	 */
	public record Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
			boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn, Dues dues, LocalDate statementWaivedOn,
			LocalDate hearingWaivedOn) {

		public static final Details NONE = new Details(List.of(), List.of(), null, false, false, false, List.of(), false, null, null, null, null);

		public Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
				boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn) {
			this(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn, null, null,
					null);
		}

		public Details {
			penaltyTypes = penaltyTypes == null ? List.of() : List.copyOf(penaltyTypes);
			notifiedTypes = notifiedTypes == null ? List.of() : List.copyOf(notifiedTypes);
			measures = measures == null ? List.of() : List.copyOf(measures);
		}
	}

	/**
	 * The due days the source itself computed with what the ledger does not carry — approved extensions, pauses for
	 * hearings and tests (行政处罚法第六十条), deferred or instalment payment (第六十六条) — preferred by the rules to their
	 * own plain count when present.
	 */
	public record Dues(LocalDate filing, LocalDate decision, LocalDate payment) {
	}

	/** A 先行登记保存 ({@code PRESERVATION}) or 查封/扣押 ({@code SEAL}, {@code DETAIN}): applied, ended (null: still on), extended. */
	public record Measure(String kind, LocalDate appliedOn, LocalDate endedOn, boolean extended) {
	}
}
