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

	/** Whether the reply is late on {@code today}. */
	public boolean lateOn(LocalDate today) {
		return status == ComplaintStatus.ASSIGNED && replyDue != null && today.isAfter(replyDue);
	}

	/** Whether the step is open now (the pages and the API ask this, never the status). */
	public boolean may(ComplaintAction action) {
		return action.allowedFrom(status);
	}
}
