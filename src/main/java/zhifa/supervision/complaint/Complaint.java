package zhifa.supervision.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 投诉举报: one complaint or report about enforcement as the pages and the API show it — the complainant's phone
 * only masked, his ID number never.
 */
public record Complaint(long id, String receiptNo, ComplaintChannel channel, ComplaintCategory category, boolean enterpriseRelated,
		String hotlineOrderNo, long supervisingBodyId, String supervisingBodyName, Long subjectBodyId, String subjectBodyName, Long matterId,
		String matterName, String complainantName, String phoneMasked, String title, String content, LocalDate receivedOn,
		ComplaintStatus status, Long assignedBodyId, String assignedBodyName, LocalDate replyDue, boolean replyDueProvisional, String reply,
		Instant repliedAt, Satisfaction satisfaction, int reopenCount, boolean demo, int version, List<Long> caseIds) {

	public Complaint {
		caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
	}

	public Complaint withCases(List<Long> ids) {
		return new Complaint(id, receiptNo, channel, category, enterpriseRelated, hotlineOrderNo, supervisingBodyId, supervisingBodyName,
				subjectBodyId, subjectBodyName, matterId, matterName, complainantName, phoneMasked, title, content, receivedOn, status,
				assignedBodyId, assignedBodyName, replyDue, replyDueProvisional, reply, repliedAt, satisfaction, reopenCount, demo, version, ids);
	}

	/**
	 * As the body a report is about (or assigned to) sees it: a 举报人's name and phone stay with the supervising body —
	 * the reported body must not learn who reported it. A 投诉's complainant is shown (the body answers him).
	 */
	public Complaint seenBy(zhifa.shared.Operator op) {
		boolean supervising = op.operatorKind() != zhifa.shared.Operator.Kind.USER || (op.bodyId() != null && op.bodyId() == supervisingBodyId)
				|| op.holdsAnyRole(List.of("SUPERVISOR", "PLATFORM_ADMIN"));
		if (category != ComplaintCategory.REPORT || supervising) {
			return this;
		}
		return new Complaint(id, receiptNo, channel, category, enterpriseRelated, hotlineOrderNo, supervisingBodyId, supervisingBodyName,
				subjectBodyId, subjectBodyName, matterId, matterName, "（举报人信息保密）", "—", title, content, receivedOn, status, assignedBodyId,
				assignedBodyName, replyDue, replyDueProvisional, reply, repliedAt, satisfaction, reopenCount, demo, version, caseIds);
	}

	/** Whether the reply is late on {@code today}. */
	public boolean lateOn(LocalDate today) {
		return status == ComplaintStatus.ASSIGNED && replyDue != null && today.isAfter(replyDue);
	}

	/** Whether the step is open now (the pages and the API ask this, never the status). */
	public boolean may(ComplaintAction action) {
		return action.allowedFrom(status);
	}
}
