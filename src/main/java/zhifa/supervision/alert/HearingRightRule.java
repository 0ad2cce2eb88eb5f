package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 未告知听证权利: a fine or confiscation of a 较大数额 (thresholds [CONF] by party kind) decided without the hearing right
 * having been given (行政处罚法第六十三条). The ledger carries amounts but not the penalty types, so 吊销许可证件、责令停产停业
 * and the other heavy types cannot be checked from it yet.
 */
final class HearingRightRule implements AlertRule {

	public String code() {
		return "HEARING_RIGHT";
	}

	public String title() {
		return "较大数额罚没未告知听证权利";
	}

	public String article() {
		return Rules.LAW + "第六十三条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || Rules.simple(a) || a.hearingRight()) {
			return List.of();
		}
		boolean person = "NATURAL_PERSON".equals(a.partyKind());
		long threshold = person ? c.settings().hearingThresholdPerson() : c.settings().hearingThresholdOrganization();
		long fine = a.fine() == null ? 0 : a.fine();
		long confiscated = (a.gains() == null ? 0 : a.gains()) + (a.propertyValue() == null ? 0 : a.propertyValue());
		if (fine < threshold && confiscated < threshold) {
			return List.of();
		}
		String what = fine >= threshold ? "罚款 " + Money.yuan(fine) : "没收违法所得、非法财物 " + Money.yuan(confiscated);
		return List.of(Finding.once("处罚决定" + what + "，达到" + (person ? "公民" : "法人或其他组织") + "较大数额标准 " + Money.yuan(threshold)
				+ "，台账记载未告知当事人听证权利；依据" + article() + "，行政机关拟作出较大数额罚款、没收较大数额违法所得或非法财物的，应当告知当事人有要求听证的权利。"));
	}
}
