package zhifa.coercion;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for 行政强制措施 and 行政强制执行. */
@Component
class CoercionRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("case.measure_applied", "采取证据保全或强制措施", "case.measure_extended", "延长强制措施期限",
				"case.measure_closed", "解除或处理措施", "case.urged", "送达催告书", "case.enforcement_statement", "复核对催告的陈述申辩",
				"case.enforcement_decided", "作出强制执行决定", "case.enforcement_fulfilled", "当事人履行义务",
				"case.court_applied", "申请法院强制执行", "case.court_result", "强制执行结果");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("proof", "送达凭证"), Map.entry("obligation", "义务"), Map.entry("review", "复核意见"), Map.entry("stage", "阶段"),
				Map.entry("powerBasis", "强制执行权依据"), Map.entry("items", "物品"), Map.entry("court", "人民法院"), Map.entry("measureId", "措施"),
				Map.entry("avRecorded", "现场笔录和全程音像记录"), Map.entry("reminderDue", "提醒期限"), Map.entry("carriedOutBy", "实施的执法人员"),
				Map.entry("policeOrgan", "公安机关"), Map.entry("handedOverOn", "移交日期"), Map.entry("partyToldOn", "书面告知当事人日期"));
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		for (Measure.Kind k : Measure.Kind.values()) {
			values.put(k.name(), k.label());
		}
		for (Enforcement.Step s : Enforcement.Step.values()) {
			values.put(s.name(), s.label());
		}
		return values;
	}
}
