package zhifa.supervision.special;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for special supervision. */
@Component
class SpecialRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("special.opened", "列入专项监督", "special.answered", "报告纠正和整改情况", "special.closed", "专项监督办结", "special.returned",
				"退回整改情况");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("answerDue", "答复期限", "late", "逾期", "reason", "理由", "kind", "类别");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(SpecialSupervision.SUBJECT, "专项监督事项");
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> v = new HashMap<>();
		for (SpecialItem.Kind k : SpecialItem.Kind.values()) {
			v.put(k.name(), k.label());
		}
		return v;
	}
}
