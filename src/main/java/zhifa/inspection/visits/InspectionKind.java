package zhifa.inspection.visits;

import static zhifa.inspection.visits.VisitStage.CHECKED;
import static zhifa.inspection.visits.VisitStage.PLANNED;
import static zhifa.inspection.visits.VisitStage.PUBLISHED;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseKind;
import zhifa.casework.Lifecycle;
import zhifa.casework.Transition;

/**
 * 行政检查 as a case kind: one case per visit to one object (a 双随机 draw makes them; a joint task's visit covers every
 * participating body's items). 抽取 → 检查（逐项记录：合格、责令整改、发现违法） → 完成检查 → 结果公示 (20 working days).
 * The workbench, the record, timers and numbers are the kernel's.
 */
@Component
public class InspectionKind implements CaseKind {

	public static final String CODE = "INSPECTION";
	public static final String DRAW = "inspection.draw";
	public static final String CHECK = "inspection.check";
	public static final String COMPLETE = "inspection.complete";
	public static final String PUBLISH = "inspection.publish";
	public static final String RECHECK = "inspection.recheck";

	private final ObjectProvider<Visits> visits;
	private volatile Lifecycle lifecycle;

	InspectionKind(ObjectProvider<Visits> visits) {
		this.visits = visits;
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public String label() {
		return "行政检查";
	}

	@Override
	public String recordSubject() {
		return "inspection_case";
	}

	@Override
	public String handlers() {
		return "检查组成员";
	}

	@Override
	public String joinHint() {
		return "";
	}

	/** The inspection team: the lead body's officers (the case's) and a joint task's partners' inspectors. */
	@Override
	public boolean onTheCase(zhifa.casework.CaseFile c, long officerId) {
		return c.officerIds().contains(officerId) || visits.getObject().load(visits.getObject().idOfCase(c.id()))
			.map(v -> v.team().stream().anyMatch(m -> m.officerId() == officerId)).orElse(false);
	}

	/** An inspection is no 案源 (a penalty case's lead): lists name it 检查第N号 until it has a number. */
	@Override
	public String caseLabel(zhifa.casework.CaseFile c) {
		return c.caseNumber() != null ? c.caseNumber() : "检查第" + c.id() + "号";
	}

	@Override
	public String pagePath(long caseId) {
		return "/inspection/visits/case/" + caseId;
	}

	@Override
	public List<InspectionTimer> timerTypes() {
		return List.of(InspectionTimer.values());
	}

	@Override
	public Lifecycle lifecycle() {
		Lifecycle l = lifecycle;
		if (l == null) {
			lifecycle = l = declare();
		}
		return l;
	}

	private Lifecycle declare() {
		List<Transition> steps = List.of(
				Transition.step(DRAW, "随机抽取检查对象和检查人员").to(PLANNED).by("抽查任务所属机关", "LEADER", "UNIT_ADMIN")
					.basis("国发〔2019〕5号；国办发〔2024〕54号（双随机、一公开）").guard("任务已批准、已公布承诺值、未抽取过", Transition.Guard.NONE).build(),
				Transition.step(CHECK, "记录检查结果").from(PLANNED).by("检查组执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十五条（出示证件、制作笔录）；国发〔2019〕5号、国办发〔2024〕54号").todo("OFFICER", "实施检查").build(),
				Transition.step(COMPLETE, "完成检查").from(PLANNED).to(CHECKED).by("检查组执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十五条（制作笔录，逐项记录检查结果）").guard("每个检查事项都已记录结果", c -> visits.getObject().completionRefusals(c)).build(),
				Transition.step(PUBLISH, "公示检查结果").from(CHECKED).to(PUBLISHED).by("机关负责人或单位管理员", "LEADER", "UNIT_ADMIN")
					.basis("国发〔2019〕5号（20个工作日内公示）").todo("LEADER", "待公示检查结果").build(),
				Transition.step(RECHECK, "整改复查").from(CHECKED, PUBLISHED).by("检查组执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第二十八条第一款（责令改正或者限期改正后复查）").unlisted().build(),
				Transition.step(zhifa.casework.CaseActions.EVIDENCE, "收集证据（照片、视频、材料）").from(PLANNED, CHECKED).by("检查组执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第四十六条、第五十五条").unlisted().build(),
				Transition.step(zhifa.casework.CaseActions.TRANSCRIPT, "制作询问笔录、现场检查笔录").from(PLANNED, CHECKED).by("检查组执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十五条").unlisted().build(),
				Transition.step(zhifa.casework.CaseActions.DOCUMENT, "生成检查记录").from(CHECKED, PUBLISHED).by("检查组执法人员或负责人", "OFFICER", "LEADER")
					.basis("行政处罚法第五十五条（制作笔录）").unlisted().build());
		return new Lifecycle(CODE, "行政检查", "检查", Arrays.stream(VisitStage.values()).map(VisitStage::stage).toList(), steps);
	}
}
