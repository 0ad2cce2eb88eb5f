package zhifa.supervision.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * One enforcement act as another system reports it (the element classes of RULES.md §10): the body, the officers by
 * certificate number, the party (kind, name, and either the full identifier — checked, then kept only as a masked form
 * and a key — or the masked form alone), the matter, the dates of each step, the decision with its amounts in fen, and
 * the documents' numbers. Codes may be the source system's own: they are mapped before validation.
 *
 * @param externalId the act's id in the source system
 * @param version    the act's version there; a version not newer than the ledger's changes nothing
 * @param bodyCode   the body: its 统一社会信用代码, or the source's code mapped under {@code BODY}
 * @param reviewOutcome     行政复议 against the decision: {@code PENDING} 进行中, {@code UPHELD} 维持（驳回）, {@code CHANGED} 变更,
 *                          {@code REVOKED} 撤销, {@code CONFIRMED_ILLEGAL} 确认违法 (or the Chinese words); empty: none
 * @param litigationOutcome 行政诉讼 against the decision, the same codes
 * @param involvedAmount    涉案金额 in fen (销售金额、货值、盗窃数额…): what crime indicators (以罚代刑) are measured on
 */
public record ReportedAct(String externalId, Long version, String bodyCode, String kind, String matterCode, String caseNumber, String partyKind,
		String partyName, String partyUscc, String partyIdNumber, String partyMasked, String stage, LocalDate actDate, LocalDate receivedOn,
		LocalDate filedOn, LocalDate noticeServedOn, LocalDate statementDue, LocalDate hearingDue, Boolean hearingRight, Boolean hearingRequested,
		Boolean hearingHeld, Boolean legalReviewRequired, Boolean legalReviewPassed, LocalDate decidedOn, String decisionOutcome, String decisionNumber,
		Long fine, Long gains, Long propertyValue, LocalDate decisionServedOn, Long paidTotal, LocalDate closedOn, List<String> officerCertificates,
		String reviewOutcome, String litigationOutcome, Long involvedAmount) {

	/** The date the body acted, on which its officers' certificates and its catalogue are judged: decision, else filing, else receipt. */
	public LocalDate actedOn() {
		return decidedOn != null ? decidedOn : filedOn != null ? filedOn : receivedOn != null ? receivedOn : actDate;
	}
}
