package zhifa.penalty;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the steps of a 行政处罚 case, 当场处罚 and the procedure settings. */
@Component
class PenaltyRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(Map.entry("case.clue_registered", "登记案源"), Map.entry("case.triage_extended", "延长立案审查期限"),
				Map.entry("case.filing_requested", "报请立案"),
				Map.entry("case.party_corrected", "更正当事人信息"),
				Map.entry("case.declined", "不予立案"), Map.entry("case.filed", "批准立案"), Map.entry("case.officers_changed", "变更办案人员"),
				Map.entry("case.recusal_applied", "申请回避"), Map.entry("case.recusal_decided", "决定回避"),
				Map.entry("case.period_paused", "办案期限中止"), Map.entry("case.period_resumed", "办案期限恢复"),
				Map.entry("case.decision_extended", "延长办案期限"), Map.entry("case.proposed", "提出处罚建议"), Map.entry("case.proposal_revised", "告知后重新裁量"),
				Map.entry("case.legal_review", "法制审核"), Map.entry("case.collective_discussion", "集体讨论"),
				Map.entry("case.notice_issued", "制作事先告知书"), Map.entry("case.notice_served", "送达事先告知书"),
				Map.entry("case.right_waived", "放弃陈述申辩或听证"), Map.entry("case.statement", "陈述、申辩"),
				Map.entry("case.statement_reexamined", "复核陈述、申辩"), Map.entry("case.hearing_requested", "要求听证"),
				Map.entry("case.hearing_scheduled", "安排听证"), Map.entry("case.hearing_held", "举行听证"),
				Map.entry("case.decided", "作出处理决定"), Map.entry("case.decision_served", "送达处罚决定书"),
				Map.entry("case.payment", "缴纳罚款"), Map.entry("case.payment_deferred", "暂缓缴纳罚款"),
				Map.entry("case.payment_instalments", "分期缴纳罚款"), Map.entry("case.remedy_started", "申请复议或提起诉讼"),
				Map.entry("case.remedy_ended", "复议或诉讼结果"), Map.entry("case.executed", "执行处罚"), Map.entry("case.closed", "结案"),
				Map.entry("case.archived", "归档"), Map.entry("case.onspot_decided", "当场处罚决定"),
				Map.entry("case.handed_in", "当场收缴罚款交付"), Map.entry("case.onspot_reported", "当场处罚备案"),
				Map.entry("onspot.range_allocated", "分配当场处罚决定书号段"), Map.entry("onspot.number_voided", "作废当场处罚决定书号"),
				Map.entry("review_list.added", "列入法制审核目录清单"), Map.entry("review_list.removed", "移出法制审核目录清单"),
				Map.entry("procedure_profile.saved", "设置办案期限"));
	}

	@Override
	public java.util.Set<String> moneyFields() {
		return java.util.Set.of("fine", "confiscation", "gains", "propertyValue", "amount", "outstanding", "illegalGains", "paid", "fee");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("hearingDue", "听证申请期限"), Map.entry("statementDue", "陈述申辩期限"),
				Map.entry("recusal", "回避申请"), Map.entry("officerId", "办案人员"), Map.entry("granted", "准予回避"),
				Map.entry("outcome", "处理结果"), Map.entry("educationRecord", "教育记录"), Map.entry("handOverBodyId", "移送机关"),
				Map.entry("opinion", "意见"), Map.entry("conclusion", "结论"), Map.entry("sanction", "处罚内容"),
				Map.entry("fine", "罚款"), Map.entry("confiscation", "没收金额"), Map.entry("gains", "没收违法所得"), Map.entry("property", "没收非法财物"), Map.entry("propertyValue", "没收非法财物价值"), Map.entry("statement", "陈述申辩"),
				Map.entry("result", "结果"), Map.entry("endedOn", "结束日期"), Map.entry("noticeOn", "通知日期"), Map.entry("hearingOn", "听证日期"),
				Map.entry("presiding", "主持人"), Map.entry("on", "日期"), Map.entry("method", "方式"), Map.entry("servedOn", "送达日期"),
				Map.entry("amount", "金额"), Map.entry("paidOn", "缴纳日期"), Map.entry("receiptNo", "票据号"),
				Map.entry("parts", "期数"), Map.entry("newDue", "新的缴纳期限"), Map.entry("report", "结案报告"), Map.entry("files", "案卷文件数"),
				Map.entry("collected", "当场收缴"), Map.entry("matter", "执法事项"), Map.entry("matterId", "执法事项"),
				Map.entry("decisionNumber", "决定书文号"), Map.entry("passed", "通过"), Map.entry("domain", "执法领域"),
				Map.entry("first", "起始号"), Map.entry("last", "终止号"), Map.entry("officerIds", "办案人员"), Map.entry("actDate", "违法行为发生日期"), Map.entry("party", "当事人"), Map.entry("place", "地点"),
				Map.entry("receivedOn", "收到日期"), Map.entry("violation", "违法行为"), Map.entry("education", "教育"),
				Map.entry("form", "决定书"), Map.entry("collectedOnSpot", "当场收缴"), Map.entry("gates", "审查事项"),
				Map.entry("hearingRight", "告知听证权利"), Map.entry("benchmark", "裁量基准"), Map.entry("reasoning", "裁量说理"),
				Map.entry("paymentDue", "缴纳期限"), Map.entry("announceFrom", "发出公告日期"), Map.entry("announceDays", "公告期（日）"), Map.entry("receipt", "票据"), Map.entry("outstanding", "未缴金额"),
				Map.entry("before", "变更前"), Map.entry("revisionReason", "重新裁量的理由"), Map.entry("deviations", "偏离裁量基准"), Map.entry("deviationReason", "偏离理由"), Map.entry("violatedArticle", "违反条款"), Map.entry("penaltyArticle", "处罚条款"));
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		for (ClueSource v : ClueSource.values()) {
			values.put(v.name(), v.label());
		}
		for (DecisionOutcome v : DecisionOutcome.values()) {
			values.put(v.name(), v.label());
		}
		for (TriageOutcome v : TriageOutcome.values()) {
			values.put(v.name(), v.label());
		}
		for (CaseStage v : CaseStage.values()) {
			values.put(v.name(), v.label());
		}
		return values;
	}
}
