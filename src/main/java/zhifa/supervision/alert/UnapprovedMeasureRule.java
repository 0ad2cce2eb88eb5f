package zhifa.supervision.alert;

import java.util.ArrayList;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 措施未经批准: a measure an officer took and reported to a head who has not confirmed it by the end of the day after it was
 * taken. 查封、扣押: 当场实施的，二十四小时内向行政机关负责人报告，并补办批准手续（行政强制法第十九条）. 先行登记保存 needs the
 * approval before it is taken: 经行政机关负责人批准，可以先行登记保存（行政处罚法第五十六条）.
 */
final class UnapprovedMeasureRule implements AlertRule {

	/** 当场实施的，二十四小时内向行政机关负责人报告，并补办批准手续；负责人认为不应当采取的，应当立即解除. */
	static final String ARTICLE = "《中华人民共和国行政强制法》第十九条（当场实施的，二十四小时内向行政机关负责人报告并补办批准手续）";

	/** 在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存. */
	static final String PRESERVATION = "《中华人民共和国行政处罚法》第五十六条（经行政机关负责人批准，可以先行登记保存）";

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
			if (m.unapprovedSince() == null || m.appliedOn() == null || !c.today().isAfter(m.appliedOn().plusDays(1))) {
				continue;
			}
			boolean preservation = "PRESERVATION".equals(m.kind());
			String what = preservation ? "先行登记保存" : "SEAL".equals(m.kind()) ? "查封" : "扣押";
			found.add(new Finding(m.kind() + ":" + m.appliedOn(), what + "于 " + m.appliedOn() + " 实施，" + m.unapprovedSince() + " 报请负责人批准，至 " + c.today()
					+ " 负责人仍未确认" + (m.endedOn() != null ? "（措施已于 " + m.endedOn() + " 解除或处理）" : "") + "；依据" + (preservation ? PRESERVATION : ARTICLE) + "。"));
		}
		return found;
	}
}
