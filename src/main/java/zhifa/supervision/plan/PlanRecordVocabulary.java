package zhifa.supervision.plan;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for yearly supervision plans. */
@Component
class PlanRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("plan.drafted", "编制监督计划", "plan.item_added", "增加监督事项", "plan.item_removed", "删除监督事项", "plan.filed", "报备监督计划",
				"plan.progress", "报告监督事项进展");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("year", "年度", "title", "监督事项", "items", "事项数", "late", "逾期", "progress", "进展", "note", "说明");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(SupervisionPlans.SUBJECT, "监督计划");
	}

	@Override
	public Map<String, String> values() {
		return Map.of("NOT_STARTED", "未开始", "IN_PROGRESS", "进行中", "DONE", "已完成");
	}
}
