package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 执法人员不足两人或未持证: 行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人（行政处罚法第四十二条）. The
 * ledger lists the acting officers by certificate number; fewer than two certificates on a filed or decided act breaks it
 * — except a 当场处罚 by one officer where the matter's own law allows it ("法律另有规定的除外": 治安管理处罚法's 当场处罚 by
 * one 人民警察; {@link AlertSettings#singleOfficerSimple}).
 */
final class OfficerCountRule implements AlertRule {

	public String code() {
		return "OFFICERS";
	}

	public String title() {
		return "执法人员不足两人或未持执法证件";
	}

	public String article() {
		return Rules.LAW + "第四十二条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.filedOn() == null && a.decidedOn() == null) {
			return List.of();
		}
		int n = a.officerCertificates().size();
		if (n >= 2 || n == 1 && Rules.simple(a) && c.settings().singleOfficerSimple(a.matterCode())) {
			return List.of();
		}
		return List.of(Finding.once("台账记载的执法人员执法证件" + (n == 0 ? "为零（无持证人员）" : "仅 " + n + " 个（" + a.officerCertificates().get(0) + "）")
				+ "；依据" + article() + "，执法人员不得少于两人且应当持有执法证件。"));
	}
}
