package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 执法证件在执法之日已失效: an officer acted with a certificate that was not valid on the day (expired, suspended,
 * withdrawn, or not covering the matter) — the ledger counts the valid ones ({@code validOfficers}) among the listed
 * certificates (行政处罚法第四十二条).
 */
final class LapsedCertificateRule implements AlertRule {

	public String code() {
		return "LAPSED_CERTIFICATE";
	}

	public String title() {
		return "执法人员所持证件在执法之日已失效";
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
		int listed = a.officerCertificates().size();
		if (listed == 0 || a.validOfficers() >= listed) {
			return List.of();
		}
		return List.of(Finding.once("台账记载执法证件 " + listed + " 个（" + String.join("、", a.officerCertificates()) + "），在执法之日有效的仅 "
				+ a.validOfficers() + " 个：有 " + (listed - a.validOfficers()) + " 名执法人员以已失效（过期、暂扣、收回或领域不符）的证件执法；依据" + article()
				+ "，执法人员应当具有行政执法资格。"));
	}
}
