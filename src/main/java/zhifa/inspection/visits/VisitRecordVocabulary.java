package zhifa.inspection.visits;

import static java.util.Map.entry;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for plans, draws and visits. */
@Component
class VisitRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(entry("inspection.plan_created", "建立随机抽查计划"), entry("inspection.plan_filed", "报备随机抽查计划"),
				entry("inspection.plan_approved", "批准随机抽查计划"), entry("inspection.plan_returned", "退回随机抽查计划"),
				entry("inspection.task_added", "添加抽查任务"), entry("inspection.task_committed", "公布抽查任务承诺值"), entry("inspection.task_drawn", "抽取抽查任务"), entry("inspection.inspectors_fixed", "确定检查人员库"),
				entry("inspection.visit_drawn", "随机抽中检查对象"), entry("inspection.item_checked", "记录检查结果"),
				entry("inspection.over_cap_approved", "批准超限检查"), entry("inspection.completed", "完成检查"), entry("inspection.result_published", "公示检查结果"),
				entry("inspection.rechecked", "整改复查"), entry("inspection.scanned", "企业扫码查看"), entry("inspection.confirmed", "企业确认接受检查"),
				entry("inspection.problem_reported", "企业扫码反映问题"), entry("inspection.conflict_declared", "申报利害关系"), entry("inspection.recused", "检查人员回避"), entry("inspection.approved", "批准实施检查"),
				entry("inspection.visit_registered", "登记非随机检查"), entry("inspection.merge_declined", "不同意合并检查"),
				entry("inspection.merge_accepted", "同意合并检查"), entry("inspection.merged", "合并为联合检查"), entry("inspection.expert_added", "邀请专家协助检查"), entry("inspection.noticed", "检查通知"),
				entry("inspection.draw", "随机抽取检查对象和检查人员"), entry("inspection.check", "记录检查结果"), entry("inspection.complete", "完成检查"),
				entry("inspection.publish", "公示检查结果"), entry("inspection.recheck", "整改复查"),
				entry("inspection.partner_accepted", "同意参加联合检查"));
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(entry("year", "年度"), entry("late", "逾期"), entry("deadline", "期限"), entry("lateReason", "逾期原因"), entry("note", "意见"), entry("code", "任务编号"),
				entry("items", "检查事项"), entry("ratios", "抽查比例"), entry("period", "检查期间"), entry("commitment", "承诺值"), entry("pool", "对象名录户数"),
				entry("strata", "各类抽取数"), entry("anchorSeqAtCommit", "公布时最后的签名锚定"), entry("beaconAnchor", "信标锚定"), entry("beacon", "信标"),
				entry("seed", "种子"), entry("result", "结果"), entry("drawn", "抽中户数"), entry("overCap", "超过年度上限"), entry("task", "抽查任务"),
				entry("uscc", "统一社会信用代码"), entry("stratum", "类别"), entry("rank", "名次"), entry("inspectors", "检查人员"), entry("item", "检查事项"),
				entry("rectifyBy", "整改期限"), entry("clueCaseId", "处罚案源"), entry("publishBy", "公示期限"), entry("endedOn", "检查结束日"),
				entry("otherBodiesWithin30Days", "30日内检查过的其他机关"), entry("outcome", "检查结果"), entry("passed", "已整改"), entry("receiptNo", "受理编号"), entry("officer", "执法人员"), entry("replacement", "替换人员"), entry("origin", "检查来源"), entry("plannedOn", "计划检查日期"), entry("mergeProposals", "合并检查建议"), entry("expert", "专家"), entry("expertise", "专业领域"), entry("notice", "通知方式"), entry("partner", "参加单位"),
				entry("inspectorPools", "检查人员库（机关编号：人员编号）"), entry("inspectorCaps", "每名检查人员最多抽中户数（机关编号：户数）"),
				entry("inspectorConflicts", "回避的检查人员（统一社会信用代码：人员编号）"), entry("poolDay", "确定人员库所依据的检查日"), entry("poolsFixedAtCommit", "人员库在公布承诺值时确定"));
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("insp_plan", "随机抽查计划", "insp_task", "抽查任务");
	}
}
