package zhifa.discretion;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for 裁量基准, 减免责清单 and hearing thresholds. */
@Component
class DiscretionRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("discretion.created", "新增裁量基准", "discretion.updated", "修改裁量基准", "leniency.added", "新增减免责事项",
				"hearing.threshold_added", "设置听证标准", "discretion.superseded", "由修订版取代");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("tiers", "裁量阶次"), Map.entry("tier", "阶次"), Map.entry("circumstances", "情节"),
				Map.entry("penaltyType", "处罚种类"), Map.entry("minFen", "下限（分）"), Map.entry("maxFen", "上限（分）"),
				Map.entry("threshold", "标准"), Map.entry("thresholdFen", "标准（分）"), Map.entry("leniencyType", "减免责类型"),
				Map.entry("condition", "适用条件"), Map.entry("benchmarkLevel", "基准层级"),
				Map.entry("revisedBy", "修订版"), Map.entry("effectiveTo", "停止施行日期"));
	}

	@Override
	public Map<String, String> values() {
		return RecordVocabulary.labelsOf(BenchmarkLevel.class, LeniencyType.class, PenaltyType.class, Tier.class, Circumstance.class);
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("discretion_benchmark", "裁量基准", "leniency_item", "减免责事项", "hearing_threshold", "听证标准");
	}
}
