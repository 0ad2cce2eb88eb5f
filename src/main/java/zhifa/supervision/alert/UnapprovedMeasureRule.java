package zhifa.supervision.alert;

import java.util.ArrayList;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 强制措施未经批准: a measure an officer took and reported to a head who has not confirmed it by the end of the next day
 * — 行政强制法第十九条 (当场实施的，二十四小时内向负责人报告并补办批准手续), and for 先行登记保存 行政处罚法第五十六条
 * (经行政机关负责人批准).
 */
final class UnapprovedMeasureRule implements AlertRule {

	/** 当场实施的，二十四小时内向行政机关负责人报告，并补办批准手续；负责人认为不应当采取的，应当立即解除. */
	static final String ARTICLE = "《中华人民共和国行政强制法》第十九条（当场实施的，二十四小时内向行政机关负责人报告并补办批准手续）";

	public String code() {
		return "MEASURE_UNAPPROVED";
	}

	public String title() {
		return "先行登记保存、查封、扣押未经负责人确认批准";
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
		List<Finding> found = new ArrayList<>();
		for (ActReport.Measure m : a.details().measures()) {
			if (m.unapprovedSince() != null && c.today().isAfter(m.unapprovedSince().plusDays(1))) {
				String what = "PRESERVATION".equals(m.kind()) ? "先行登记保存" : "SEAL".equals(m.kind()) ? "查封" : "扣押";
				found.add(new Finding(m.kind() + ":" + m.appliedOn(), what + "于 " + m.appliedOn() + " 实施，" + m.unapprovedSince() + " 报请负责人批准，至 " + c.today()
						+ " 负责人仍未确认；负责人认为不应当采取的应当立即解除（依据" + article() + "）。"));
			}
		}
		return found;
	}
}
