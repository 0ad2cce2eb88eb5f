package zhifa.supervision.alert;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 监督预警: what a rule found on its subject (an act of the ledger, or a supervision document whose reply is overdue),
 * the reasoning with its article, its state, and by when the body must answer.
 */
public record Alert(long id, String ruleCode, String title, String article, Severity severity, AlertState state, String subjectKind, long subjectId,
		Long actId, String occurrence, long bodyId, String bodyName, String reasoning, LocalDate raisedOn, LocalDate answerDue, Instant raisedAt,
		Instant updatedAt, Instant closedAt, long version, String subjectLabel) {

	/**
	 * What the alert is about, in words: the act's or document's label; for a body's duty, which one (2026年度, the
	 * campaign's 问题清单 or 整改情况); empty when there is nothing more to say than the body.
	 */
	public String subjectText() {
		if (subjectLabel != null && !subjectLabel.isEmpty()) {
			return subjectLabel;
		}
		if (!"BODY".equals(subjectKind)) {
			return "";
		}
		if (occurrence == null || occurrence.isEmpty()) {
			return "本单位整体情况";
		}
		if (occurrence.matches("[0-9]{4}")) {
			return occurrence + "年度";
		}
		if (occurrence.endsWith("/LIST")) {
			return occurrence.substring(0, occurrence.length() - 5) + " 问题清单和整改方案";
		}
		if (occurrence.endsWith("/REPORT")) {
			return occurrence.substring(0, occurrence.length() - 7) + " 专项整治情况";
		}
		if (occurrence.matches(".+/PROBLEM[0-9]+")) {
			return occurrence.substring(0, occurrence.lastIndexOf("/PROBLEM")) + " 清单所列问题的整改";
		}
		if ("NON_LOCAL".equals(occurrence)) {
			return "对外地当事人的罚款";
		}
		return occurrence;
	}

	public static final String SUBJECT_ACT = "ACT";
	public static final String SUBJECT_DOCUMENT = "DOCUMENT";
	/** An alert about a body as a whole (趋利性执法). */
	public static final String SUBJECT_BODY = "BODY";

	/** The record's subject type of alerts. */
	public static final String RECORD_SUBJECT = "sv_alert";

	public boolean overdue(LocalDate today) {
		return state.open() && answerDue.isBefore(today);
	}
}
