package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 检查结果未按时公示: an inspection's result must be published within 20 working days of the inspection (国发〔2019〕5号,
 * “谁检查、谁录入、谁公开”); raised when the day has passed unpublished, or the publication came late.
 */
final class InspectionResultRule implements AlertRule {

	public String code() {
		return "LATE_INSPECTION_RESULT";
	}

	public String title() {
		return "检查结果未在20个工作日内公示";
	}

	public String article() {
		return "《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		ActReport.Inspection i = a.details().inspection();
		if (i == null || i.checkedOn() == null || i.publishBy() == null) {
			return List.of();
		}
		if (i.publishedOn() == null && c.today().isAfter(i.publishBy())) {
			return List.of(Finding.once("检查于 " + i.checkedOn() + " 完成，结果应于 " + i.publishBy() + " 前公示，至今（" + c.today() + "）未公示；依据" + article()
					+ "。"));
		}
		if (i.publishedOn() != null && i.publishedOn().isAfter(i.publishBy())) {
			return List.of(Finding.once("检查于 " + i.checkedOn() + " 完成，结果应于 " + i.publishBy() + " 前公示，实际于 " + i.publishedOn() + " 公示；依据" + article()
					+ "。"));
		}
		return List.of();
	}
}
