package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 偏离裁量基准未说明理由: a penalty outside the benchmark tier needs written reasons (and collective discussion and legal
 * review) — 国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见（国办发〔2022〕27号）.
 */
final class DeviationRule implements AlertRule {

	public String code() {
		return "BENCHMARK_DEVIATION";
	}

	public String title() {
		return "偏离裁量基准未说明理由";
	}

	public String article() {
		return "国办发〔2022〕27号（行政裁量权基准）";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || !a.details().deviates() || a.details().deviationReasoned()) {
			return List.of();
		}
		return List.of(Finding.once("处罚偏离了所适用裁量基准的阶次，台账未记载偏离的理由；依据" + article() + "，偏离基准的应当书面说明理由，并经集体讨论和法制审核。"));
	}
}
