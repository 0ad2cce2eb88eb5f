package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 重大执法决定未经法制审核: an act within the scope of 行政处罚法第五十八条 (the body's 法制审核目录) decided without passing the
 * legal review.
 */
final class LegalReviewRule implements AlertRule {

	public String code() {
		return "LEGAL_REVIEW";
	}

	public String title() {
		return "应当法制审核的案件未经审核即作出决定";
	}

	public String article() {
		return Rules.LAW + "第五十八条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.decidedOn() == null || !a.legalReviewRequired() || a.legalReviewPassed()) {
			return List.of();
		}
		return List.of(Finding.once("本案属于应当进行法制审核的情形，台账未记载法制审核通过，决定已于 " + a.decidedOn() + " 作出；依据" + article()
				+ "，未经法制审核或者审核未通过的，不得作出决定。"));
	}
}
