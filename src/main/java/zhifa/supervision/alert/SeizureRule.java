package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 乱查封 (查封、扣押超期): 查封、扣押 last at most thirty days, extended once by at most thirty with approval
 * (行政强制法第二十五条); past that the property is released or decided on.
 */
final class SeizureRule implements AlertRule {

	static final String ARTICLE = "《中华人民共和国行政强制法》第二十五条";

	public String code() {
		return "SEIZURE_PERIOD";
	}

	public String title() {
		return "查封、扣押超过法定期限";
	}

	public String article() {
		return ARTICLE;
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		return MeasureRules.late(a, c, List.of("SEAL", "DETAIN"), "查封、扣押", true,
				m -> Deadline.of(m.appliedOn(), m.extended() ? 60 : 30, DeadlineUnit.CALENDAR_DAYS, ARTICLE + (m.extended() ? "（已延长三十日）" : "")));
	}
}
