package zhifa.supervision.complaint;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;
import zhifa.supervision.complaint.persistence.ComplaintRows;

/** The record's words for complaints and the 12345 hotline. */
@Component
class ComplaintRecordVocabulary implements RecordVocabulary {

	private final ComplaintRows rows;

	ComplaintRecordVocabulary(ComplaintRows rows) {
		this.rows = rows;
	}

	@Override
	public Map<String, String> actions() {
		return Map.of("complaint.received", "收到投诉举报", "complaint.assigned", "分办投诉举报", "complaint.replied", "答复投诉举报",
				"complaint.closed", "办结投诉举报", "complaint.phone_viewed", "查看投诉举报人电话（回访）", "complaint.reopened", "重办投诉举报", "hotline.reply_delivered", "答复推送至12345",
				"hotline.reply_dead", "答复推送失败", "hotline.reply_requeued", "重新推送答复");
	}

	@Override
	public Map<String, String> fields() {
		Map<String, String> f = new HashMap<>();
		f.put("receiptNo", "受理编号");
		f.put("channel", "渠道");
		f.put("category", "类别");
		f.put("enterpriseRelated", "涉企");
		f.put("title", "标题");
		f.put("orderNo", "12345工单编号");
		f.put("receivedOn", "收到日期");
		f.put("registeredOn", "登记日期");
		f.put("subjectBody", "被投诉单位");
		f.put("assignedBody", "承办单位");
		f.put("replyDue", "答复期限");
		f.put("caseIds", "关联案件");
		f.put("reply", "答复内容");
		f.put("late", "逾期答复");
		f.put("satisfaction", "满意度");
		f.put("reason", "原因");
		f.put("attempts", "推送次数");
		f.put("error", "失败原因");
		return f;
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("sv_complaint", "投诉举报");
	}

	@Override
	public Map<String, String> values() {
		return RecordVocabulary.labelsOf(ComplaintChannel.class, ComplaintCategory.class, Satisfaction.class);
	}

	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		return "sv_complaint".equals(subjectType) ? rows.receipts(ids) : Map.of();
	}
}
