package zhifa.disclosure;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for publication on the portal. */
@Component
class DisclosureRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("case.disclosure_drafted", "起草执法决定公开文本", "case.disclosed", "公开执法决定", "case.disclosure_withdrawn", "撤回已公开的执法决定",
				"disclosure.yearly_published", "公开年度行政执法数据", "case.disclosure_cancelled", "处罚决定不再公开", "disclosure.setting_changed", "修改公开设置");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("publishBy", "公开期限", "code", "验证码", "late", "逾期", "reason", "原因", "year", "年度", "kind", "公开类别", "exemptWarningOnly", "仅处警告的不予公开");
	}

	@Override
	public Map<String, String> values() {
		Map<String, String> v = new java.util.HashMap<>();
		for (DecisionDisclosures.Kind k : DecisionDisclosures.Kind.values()) {
			v.put(k.name(), k.label());
		}
		return v;
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of();
	}
}
