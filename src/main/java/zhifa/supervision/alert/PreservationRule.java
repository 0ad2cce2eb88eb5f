package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/** 先行登记保存超期: a decision on the items kept within seven working days (行政处罚法第五十六条). */
final class PreservationRule implements AlertRule {

	public String code() {
		return "PRESERVATION_PERIOD";
	}

	public String title() {
		return "先行登记保存超过七个工作日未作处理决定";
	}

	public String article() {
		return Rules.LAW + "第五十六条";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		return MeasureRules.late(a, c, List.of("PRESERVATION"), "先行登记保存", false,
				m -> Deadline.of(m.appliedOn(), 7, DeadlineUnit.WORKING_DAYS, article()));
	}
}
