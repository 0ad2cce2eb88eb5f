package zhifa.inspection.objects;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the 检查对象名录库 and the 随机抽查事项清单. */
@Component
class InspectionRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("inspection.object_created", "检查对象名录新增对象", "inspection.object_updated", "修改检查对象",
				"inspection.objects_generated", "生成演示检查对象", "inspection.item_created", "随机抽查事项清单新增事项", "inspection.item_published", "公布随机抽查事项",
				"inspection.item_withdrawn", "撤回随机抽查事项");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("industry", "行业", "address", "地址", "licences", "许可证件", "riskClass", "信用风险分类", "count", "数量", "matter", "执法事项",
				"objectScope", "检查对象范围", "method", "检查方式");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("insp_object", "检查对象", "insp_item", "随机抽查事项");
	}
}
