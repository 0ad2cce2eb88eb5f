package zhifa.supervision.actionplan;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the tracked action plan. */
@Component
class ActionPlanRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("actionplan.loaded", "导入行动方案", "actionplan.reported", "报告方案事项进展", "actionplan.evaluated", "生成评估报告");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("code", "编号", "tasks", "任务数", "items", "事项数", "state", "进展", "kind", "评估", "done", "已完成", "late", "逾期");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(ActionPlans.SUBJECT, "行动方案");
	}

	@Override
	public Map<String, String> values() {
		return Map.of("IN_PROGRESS", "进行中", "DONE", "已完成", "MIDTERM", "中期评估", "FINAL", "终期评估");
	}
}
