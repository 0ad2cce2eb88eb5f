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
	 * source's own due days, the party's written waivers of the statement and hearing windows (第四十四条、第六十四条), and
	 * the 行政复议 / 行政诉讼 brought against the decision with their outcomes, and the amount involved in the violation
	 * (涉案金额) that crime indicators are measured on.
	 */
	public record Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
			boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn, Dues dues, LocalDate statementWaivedOn,
			LocalDate hearingWaivedOn, List<Remedy> remedies, Long involvedAmount, Inspection inspection, Publication publication) {

		public static final Details NONE = new Details(List.of(), List.of(), null, false, false, false, List.of(), false, null, null, null, null,
				List.of(), null, null, null);

		public Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
				boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn, Dues dues, LocalDate statementWaivedOn,
				LocalDate hearingWaivedOn, List<Remedy> remedies, Long involvedAmount) {
			this(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn, dues,
					statementWaivedOn, hearingWaivedOn, remedies, involvedAmount, null, null);
		}

		public Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
				boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn, Dues dues, LocalDate statementWaivedOn,
				LocalDate hearingWaivedOn) {
			this(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn, dues,
					statementWaivedOn, hearingWaivedOn, List.of(), null);
		}

		public Details(List<String> penaltyTypes, List<String> notifiedTypes, Long notifiedMoney, boolean partyArgued, boolean deviates,
				boolean deviationReasoned, List<Measure> measures, boolean collectedOnSpot, LocalDate handedInOn) {
			this(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn, null, null,
					null);
		}

		public Details {
			penaltyTypes = penaltyTypes == null ? List.of() : List.copyOf(penaltyTypes);
			notifiedTypes = notifiedTypes == null ? List.of() : List.copyOf(notifiedTypes);
			measures = measures == null ? List.of() : List.copyOf(measures);
			remedies = remedies == null ? List.of() : List.copyOf(remedies);
		}

		/** The same details with the remedies brought against the decision. */
		public Details withRemedies(List<Remedy> r) {
			return new Details(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn,
					dues, statementWaivedOn, hearingWaivedOn, r, involvedAmount, inspection, publication);
		}

		/** The same details with the amount involved (涉案金额: 销售金额、货值、盗窃数额…, in fen) as the source reported it. */
		public Details withInvolvedAmount(Long amount) {
			return new Details(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn,
					dues, statementWaivedOn, hearingWaivedOn, remedies, amount, inspection, publication);
		}

		/** The same details with an inspection's facts. */
		public Details withInspection(Inspection i) {
			return new Details(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn,
					dues, statementWaivedOn, hearingWaivedOn, remedies, involvedAmount, i, publication);
		}

		/** The same details with the decision's publication on the portal. */
		public Details withPublication(Publication p) {
			return new Details(penaltyTypes, notifiedTypes, notifiedMoney, partyArgued, deviates, deviationReasoned, measures, collectedOnSpot, handedInOn,
					dues, statementWaivedOn, hearingWaivedOn, remedies, involvedAmount, inspection, p);
		}
	}

	/**
	 * The decision's publication (事后公开): the day it must be published by (7 working days) and was, whether it is exempt
	 * (a warning alone, when configured), and — once changed, revoked or confirmed illegal — the day it must be withdrawn
	 * by (3 working days) and was; and the case's other decisions published on their own (查封、扣押, 强制执行决定: 20
	 * working days). {@code publishBy} is {@code null} when the case has no penalty decision to publish.
	 */
	public record Publication(LocalDate publishBy, LocalDate publishedOn, boolean exempt, LocalDate withdrawBy, LocalDate withdrawnOn, List<Other> others) {

		public Publication {
			others = others == null ? List.of() : List.copyOf(others);
		}

		public Publication(LocalDate publishBy, LocalDate publishedOn, boolean exempt, LocalDate withdrawBy, LocalDate withdrawnOn) {
			this(publishBy, publishedOn, exempt, withdrawBy, withdrawnOn, List.of());
		}
	}

	/** Another decision of the case published on its own: what it is (行政强制措施决定…), by when and when it was published. */
	public record Other(long id, String label, LocalDate decidedOn, LocalDate publishBy, LocalDate publishedOn) {
	}

	/**
	 * A 行政检查 (kind {@code INSPECTION}): whether it was drawn at random, the day it was carried out, the day its result
	 * must be published by (20 working days), the day it was, and the acts it was merged with into one joint visit.
	 */
	public record Inspection(boolean random, String bodyName, LocalDate checkedOn, LocalDate publishBy, LocalDate publishedOn, List<String> jointWith) {

		public Inspection {
			jointWith = jointWith == null ? List.of() : List.copyOf(jointWith);
		}
	}

	/**
	 * 行政复议 ({@code REVIEW}) or 行政诉讼 ({@code LITIGATION}) against the decision: started, ended, and its outcome —
	 * {@code UPHELD} 维持 (including 驳回), {@code CHANGED} 变更, {@code REVOKED} 撤销, {@code CONFIRMED_ILLEGAL} 确认违法,
	 * {@code CONFIRMED_INVALID} 确认无效, {@code WITHDRAWN} 撤回或终止; null while under way.
	 */
	public record Remedy(String kind, LocalDate startedOn, LocalDate endedOn, String outcome) {

		public static final List<String> OUTCOMES = List.of("UPHELD", "CHANGED", "REVOKED", "CONFIRMED_ILLEGAL", "CONFIRMED_INVALID", "WITHDRAWN");

		/** 变更、撤销、确认违法、确认无效 correct the decision; 维持（驳回） and 撤回或终止 end the challenge without. */
		public boolean corrected() {
			return outcome != null && List.of("CHANGED", "REVOKED", "CONFIRMED_ILLEGAL", "CONFIRMED_INVALID").contains(outcome);
		}

		/** An outcome in words: 维持、变更、撤销、确认违法、确认无效、撤回或终止 (进行中 for none). */
		public static String outcomeLabel(String outcome) {
			return outcome == null ? "进行中" : switch (outcome) {
				case "UPHELD" -> "维持";
				case "CHANGED" -> "变更";
				case "REVOKED" -> "撤销";
				case "CONFIRMED_ILLEGAL" -> "确认违法";
				case "CONFIRMED_INVALID" -> "确认无效";
				case "WITHDRAWN" -> "撤回或终止";
				default -> outcome;
			};
		}

		/** E.g. 行政复议：撤销（2026-05-06 至 2026-07-01）. */
		public String label() {
			String what = outcomeLabel(outcome);
			String when = startedOn == null ? "" : "（" + startedOn + (endedOn == null ? " 起" : " 至 " + endedOn) + "）";
			return ("LITIGATION".equals(kind) ? "行政诉讼" : "行政复议") + "：" + what + when;
		}
	}

	/**
	 * The due days the source itself computed with what the ledger does not carry — approved extensions, pauses for
	 * hearings and tests (行政处罚法第六十条), deferred or instalment payment (第六十六条) — preferred by the rules to their
	 * own plain count when present.
	 */
	public record Dues(LocalDate filing, LocalDate decision, LocalDate payment, boolean paymentApproved) {

		/**
		 * {@code payment}: the day the earliest part of the fine still unpaid falls due (that instalment's, the deferred
		 * day, or fifteen days after service); {@code paymentApproved}: the fine's payment was deferred or split with
		 * approval (第六十六条), so what else is owed (没收违法所得) falls due before it.
		 */
		public Dues(LocalDate filing, LocalDate decision, LocalDate payment) {
			this(filing, decision, payment, false);
		}
	}

	/**
	 * A 先行登记保存 ({@code PRESERVATION}) or 查封/扣押 ({@code SEAL}, {@code DETAIN}): applied, ended (null: still on),
	 * extended, and the day an officer reported it to a head whose confirmation is still awaited (null: approved, or not
	 * known — a reporting system that does not say).
	 */
	public record Measure(String kind, LocalDate appliedOn, LocalDate endedOn, boolean extended, LocalDate unapprovedSince) {

		public Measure(String kind, LocalDate appliedOn, LocalDate endedOn, boolean extended) {
			this(kind, appliedOn, endedOn, extended, null);
		}
	}
}
