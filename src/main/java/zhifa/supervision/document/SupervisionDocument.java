package zhifa.supervision.document;

import java.time.LocalDate;
import java.util.List;

/** A supervision document as issued, with its state, the alerts it acts on, the body's replies and any 监督决定. */
public record SupervisionDocument(long id, long issuerBodyId, String issuerName, long bodyId, String bodyName, Long actId, DocumentType type, String number,
		String finding, String requiredAction, int replyDays, LocalDate issuedOn, LocalDate replyDue, DocumentState state, String issuedBy, int pages,
		DecisionKind decisionKind, String decisionText, String decisionOutcome, long version, List<Long> alertIds, List<Reply> replies) {

	public static final String RECORD_SUBJECT = "sv_document";

	/** One reply of the body and the supervisor's answer to it. */
	public record Reply(long id, String kind, String explanation, String repliedBy, java.time.Instant repliedAt, String fileName, String outcome,
			String outcomeReason, String outcomeBy, java.time.Instant outcomeAt) {

		public String kindLabel() {
			return "RECTIFIED".equals(kind) ? "已整改" : "情况说明";
		}

		public String outcomeLabel() {
			return outcome == null ? "待审核" : "ACCEPTED".equals(outcome) ? "已采纳" : "已退回";
		}
	}

	public boolean overdue(LocalDate today) {
		return state.awaitingReply() && replyDue.isBefore(today);
	}
}
