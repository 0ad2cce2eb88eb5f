package zhifa.inspection.visits;

import zhifa.casework.TimerType;
import zhifa.shared.DeadlineUnit;

/** The timers of an inspection case. */
public enum InspectionTimer implements TimerType {

	/** 检查结果公示: within 20 working days of the inspection (国办发〔2019〕5号; “谁检查、谁录入、谁公开”). */
	RESULT_PUBLICATION(new Rule("检查结果公示期限", DeadlineUnit.WORKING_DAYS, 20, "《关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）：抽查结果自检查结束之日起20个工作日内公示"));

	private final Rule rule;

	InspectionTimer(Rule rule) {
		this.rule = rule;
	}

	@Override
	public Rule rule() {
		return rule;
	}
}
