package zhifa.supervision.campaign;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for rectification campaigns. */
@Component
class CampaignRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("campaign.opened", "部署专项整治", "campaign.problem_added", "列出突出问题", "campaign.list_submitted", "报送问题清单和整改方案",
				"campaign.progress", "报告整改进展", "campaign.reported", "报送专项整治情况", "campaign.backfilled", "补录报送情况", "campaign.returned", "退回报送材料",
				"campaign.problem_removed", "删除清单中的问题");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("code", "编号", "duties", "单位数", "category", "问题类别", "problems", "问题数", "late", "逾期", "rectified", "已整改", "returned", "退回的材料",
				"reason", "理由");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of(Campaigns.SUBJECT, "专项整治", Campaigns.DUTY_SUBJECT, "专项整治任务");
	}
}
