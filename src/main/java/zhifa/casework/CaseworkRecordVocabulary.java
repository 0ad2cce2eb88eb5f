package zhifa.casework;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for what the kernel writes on any case, and cases named by their number (or party, before filing). */
@Component
class CaseworkRecordVocabulary implements RecordVocabulary {

	private final Cases cases;
	private final CaseKinds kinds;

	CaseworkRecordVocabulary(Cases cases, CaseKinds kinds) {
		this.cases = cases;
		this.kinds = kinds;
	}

	@Override
	public Map<String, String> actions() {
		return Map.of("case.deadline_missed", "期限届满未完成", "case.document_generated", "生成文书", "case.evidence_added", "收集证据",
				"case.measure_applied", "采取证据保全或强制措施", "case.measure_closed", "解除或处理措施", "case.number_pattern", "设置编号格式",
				"case.transcript_added", "制作笔录", "case.measure_approved", "负责人确认批准措施", "case.measure_refused", "负责人不予批准措施");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("evidence", "证据"), Map.entry("transcript", "笔录"), Map.entry("document", "文书"),
				Map.entry("template", "文书种类"), Map.entry("version", "版本"), Map.entry("pages", "页数"), Map.entry("sm3", "SM3摘要"),
				Map.entry("pattern", "格式规则"), Map.entry("timer", "期限"), Map.entry("due", "届满日期"), Map.entry("measure", "措施"),
				Map.entry("approvedBy", "批准人"), Map.entry("officers", "办案人员"), Map.entry("caseNumber", "案件编号"),
				Map.entry("size", "文件大小（字节）"), Map.entry("verificationCode", "验证码"), Map.entry("type", "证据种类"), Map.entry("before", "变更前"),
				Map.entry("after", "变更后"), Map.entry("reason", "理由"), Map.entry("approval", "批准"), Map.entry("note", "意见"));
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		for (EvidenceType t : EvidenceType.values()) {
			values.put(t.name(), t.label());
		}
		for (PartyType t : PartyType.values()) {
			values.put(t.name(), t.label());
		}
		return values;
	}

	@Override
	public Map<String, String> subjectTypes() {
		Map<String, String> types = new HashMap<>();
		kinds.all().forEach(k -> types.put(k.recordSubject(), k.label() + "案件"));
		return types;
	}

	/** A filed case by its 案件编号, a clue by its party (案源：某某). */
	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		List<Long> numeric = ids.stream().filter(i -> i.matches("\\d{1,18}")).map(Long::valueOf).toList();
		if (numeric.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new HashMap<>();
		cases.recordNames(numeric).forEach((id, name) -> names.put(String.valueOf(id), name));
		return names;
	}
}
