package zhifa.supervision.alert;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for alerts and supervision documents. */
@Component
class SupervisionRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		Map<String, String> m = new HashMap<>();
		m.put("alert.raised", "发出预警");
		m.put("alert.reopened", "重新预警");
		m.put("alert.updated", "更新预警理由");
		m.put("alert.condition_ended", "预警条件消除");
		m.put("alert.supervised", "督办");
		m.put("alert.answered", "单位答复");
		m.put("alert.returned", "答复被退回");
		m.put("alert.verified", "核实关闭");
		m.put("alert.false_alarm", "标记误报");
		m.put("supervision.document_issued", "发出监督文书");
		m.put("supervision.document_replied", "答复监督文书");
		m.put("supervision.document_accepted", "采纳答复");
		m.put("supervision.document_returned", "退回答复");
		m.put("supervision.decision_recorded", "记录行政执法监督决定");
		return m;
	}

	@Override
	public Map<String, String> fields() {
		Map<String, String> m = new HashMap<>();
		m.put("rule", "预警规则");
		m.put("reasoning", "预警理由");
		m.put("answerDue", "答复期限");
		m.put("severity", "预警等级");
		m.put("from", "原状态");
		m.put("to", "新状态");
		m.put("document", "监督文书");
		m.put("explanation", "说明");
		m.put("verification", "核实情况");
		m.put("standingAlerts", "采纳时仍存在情形的预警");
		m.put("reason", "理由");
		m.put("type", "文书种类");
		m.put("number", "文号");
		m.put("alerts", "预警");
		m.put("replyDue", "答复期限");
		m.put("finding", "发现的问题");
		m.put("requiredAction", "要求");
		m.put("kind", "答复类型");
		m.put("file", "附件");
		m.put("decisionKind", "监督决定种类");
		m.put("decision", "监督决定");
		m.put("outcome", "结果");
		m.put("acts", "涉及的执法行为");
		return m;
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(Alert.RECORD_SUBJECT, "监督预警", "sv_document", "监督文书");
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> m = new HashMap<>(RecordVocabulary.labelsOf(AlertState.class, Severity.class));
		AlertRules.all().forEach(r -> m.put(r.code(), r.title()));
		m.put(AlertRules.REPLY_OVERDUE, AlertRules.title(AlertRules.REPLY_OVERDUE));
		m.put("EXPLAINED", "情况说明");
		m.put("RECTIFIED", "已整改");
		return m;
	}
}
