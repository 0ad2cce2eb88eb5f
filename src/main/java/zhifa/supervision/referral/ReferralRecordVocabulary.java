package zhifa.supervision.referral;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for referrals. */
@Component
class ReferralRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(Map.entry("referral.reported", "报告涉嫌犯罪"), Map.entry("referral.decided", "负责人决定是否移送"),
				Map.entry("referral.transferred", "移送公安机关"), Map.entry("referral.police_answered", "登记公安机关决定"),
				Map.entry("referral.reconsideration", "提请复议"), Map.entry("referral.handed_over", "移交涉案物品和材料"), Map.entry("referral.closed", "移送办结"),
				Map.entry("referral.procuratorate", "检察机关监督"), Map.entry("referral.clue_referred", "移送纪检监察问题线索"),
				Map.entry("referral.clue_answered", "纪检监察机关答复"));
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("act", "执法行为"), Map.entry("team", "专案组"), Map.entry("decision", "决定"), Map.entry("organ", "接受机关"),
				Map.entry("answer", "决定"), Map.entry("on", "日期"), Map.entry("late", "逾期"), Map.entry("receivedOn", "接到通知书日期"),
				Map.entry("courtFined", "人民法院判处罚金"), Map.entry("measures", "随案移送的查封、扣押"), Map.entry("partyToldOn", "书面告知当事人日期"));
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(Referrals.SUBJECT, "移送");
	}

	@Override
	public Map<String, String> values() {
		return Map.of("TRANSFER", "批准移送", "NOT_TRANSFER", "不批准移送", "FILED", "立案", "NOT_FILED", "不予立案");
	}
}
