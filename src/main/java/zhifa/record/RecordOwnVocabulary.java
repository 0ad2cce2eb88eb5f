package zhifa.record;

import java.util.Map;

import org.springframework.stereotype.Component;

/** The record's own words: refused attempts, and the fields every module writes (changes, reasons). */
@Component
class RecordOwnVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("access.refused", "拒绝越权操作");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("changes", "变更", "reason", "原因", "what", "操作", "data", "数据", "system", "系统");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("system", "系统");
	}
}
