package zhifa.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.supervision.campaign.Campaigns;

/**
 * The 2024 campaign of the seed plan (方案任务5: lists and plans by 2024-03-31, the rectification reported by 2024-09-30,
 * special supervision by 2024-10-31), with 市场监管局's list entered afterwards as done on time, 综合执法局's late and the
 * other bodies' missing (their duties are alerted).
 */
@Component
class CampaignDemoData {

	private final Campaigns campaigns;

	CampaignDemoData(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	void load(Map<String, Long> ids) {
		long id = campaigns.openOnBehalf(ids.get("司法局"), "ZXZZ-2024", "2024年行政执法突出问题专项整治", Campaigns.PLAN_CATEGORIES, LocalDate.of(2024, 3, 31),
				LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 31));
		var duties = campaigns.duties(Operator.SYSTEM, id);
		long market = ids.get("市场监管局");
		long urban = ids.get("综合执法局");
		for (var d : duties) {
			if (d.bodyId() == market) {
				campaigns.backfill(Operator.SYSTEM, d.id(), List.of(
						new Campaigns.PastProblem(new Campaigns.ProblemForm("“一刀切”执法", "节日前对辖区餐饮店统一要求停业整顿（演示）", "取消统一停业要求，按风险等级分类检查",
								"不得以停业代替监管；检查按双随机抽取", LocalDate.of(2024, 5, 31)), LocalDate.of(2024, 5, 20), "已印发分类监管工作指引（演示）"),
						new Campaigns.PastProblem(new Campaigns.ProblemForm("逐利执法", "对轻微标签瑕疵一律罚款（演示）", "落实首违不罚和减免责清单", "轻微违法首次发现的责令改正、不予处罚",
								LocalDate.of(2024, 8, 31)), null, "已培训，仍有个案待复核（演示）")),
						LocalDate.of(2024, 3, 28), LocalDate.of(2024, 9, 27), "梳理突出问题2个，已整改1个，其余正在整改（演示）。");
			}
			else if (d.bodyId() == urban) {
				campaigns.backfill(Operator.SYSTEM, d.id(), List.of(new Campaigns.PastProblem(new Campaigns.ProblemForm("简单粗暴执法", "占道经营劝离时言语生硬（演示）",
						"规范执法用语，全程执法记录仪记录", "执法用语规范，投诉下降", LocalDate.of(2024, 12, 31)), null, null)), LocalDate.of(2024, 4, 15), null, null);
			}
		}
	}
}
