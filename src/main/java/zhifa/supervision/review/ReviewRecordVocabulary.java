package zhifa.supervision.review;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for case-file review. */
@Component
class ReviewRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(Map.entry("review.rubric_drafted", "起草评查标准"), Map.entry("review.rubric_published", "发布评查标准"),
				Map.entry("review.programme_created", "设立评查活动"), Map.entry("review.reviewer_added", "确定评查人员"),
				Map.entry("review.reviewer_removed", "移除评查人员"), Map.entry("review.programme_committed", "公布案卷名录和承诺值"),
				Map.entry("review.programme_drawn", "抽取评查案卷"), Map.entry("review.programme_closed", "结束评查活动"),
				Map.entry("review.file_uploaded", "上传评查案卷"), Map.entry("review.scored", "提交评查意见"), Map.entry("review.differs", "评查意见不一致"),
				Map.entry("review.final", "评查结果"), Map.entry("review.rectification", "发出整改通知"), Map.entry("review.not_provided", "逾期未提供案卷"));
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("code", "编号"), Map.entry("version", "版本"), Map.entry("sm3", "SM3摘要"), Map.entry("bodies", "被评查单位数"),
				Map.entry("account", "评查人员账号"), Map.entry("conflicts", "申报回避单位数"), Map.entry("commitment", "承诺值"), Map.entry("pool", "案卷总数"),
				Map.entry("strata", "各单位抽取"), Map.entry("anchorSeqAtCommit", "公布时的锚定序号"), Map.entry("files", "抽取案卷数"), Map.entry("seed", "种子"),
				Map.entry("resultDigest", "结果摘要"), Map.entry("beaconSeq", "信标锚定序号"), Map.entry("act", "执法行为"), Map.entry("late", "逾期"),
				Map.entry("total", "得分"), Map.entry("programme", "评查活动"), Map.entry("grade", "等次"), Map.entry("document", "监督文书"));
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(Rubrics.SUBJECT, "评查标准", CaseFileReviews.PROGRAMME, "案卷评查活动");
	}
}
