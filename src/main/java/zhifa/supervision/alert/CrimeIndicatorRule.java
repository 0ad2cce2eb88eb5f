package zhifa.supervision.alert;

import java.util.ArrayList;
import java.util.List;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 以罚代刑: an act whose reported amount reaches the crime indicator configured for its matter (违法所得 or 涉案财物价值 at
 * the 立案追诉标准) was decided as an administrative penalty and not transferred to the judicial organs. 行政处罚法第二十七条:
 * 违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关; 《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第十一条:
 * 不得以行政处罚代替移送. A referral whose team reported the suspicion is an indicator too. An act decided 移送司法机关, one
 * whose referral was transferred, decided against transfer in writing or not filed by the police, or one whose source did
 * not report the amount, is not found.
 */
final class CrimeIndicatorRule implements AlertRule {

	public String code() {
		return "PENALTY_FOR_CRIME";
	}

	public String title() {
		return "以罚代刑（达到涉嫌犯罪标准未移送）";
	}

	public String article() {
		return Rules.LAW + "第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》第十一条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || "TRANSFERRED".equals(a.stage())) {
			return List.of();
		}
		// the crime question answered on the record: transferred, a head's written decision not to, or the police did not file
		if (c.referrals().stream().anyMatch(zhifa.supervision.Referral::settlesCrimeQuestion)) {
			return List.of();
		}
		List<String> reached = new ArrayList<>();
		for (AlertSettings.CrimeIndicator i : c.settings().crimeIndicators(a.matterCode())) {
			Long amount = i.of(a);
			if (amount != null && amount >= i.amount()) {
				reached.add(i.measureLabel() + " " + Money.yuan(amount) + "，达到追诉标准 " + Money.yuan(i.amount()) + (i.standard().isBlank() ? "" : "，依据：" + i.standard()));
			}
		}
		if (!c.referrals().isEmpty()) {
			reached.add("专案组已于 " + c.referrals().get(0).reportedAt().atZone(ReferralPeriodRule.ZONE).toLocalDate() + " 报告涉嫌犯罪，负责人尚未作出移送或者不移送的书面决定");
		}
		if (reached.isEmpty()) {
			return List.of();
		}
		return List.of(Finding.once("台账记载" + String.join("；", reached) + "。涉嫌犯罪，却作出行政处罚决定，没有移送司法机关的记录（公安机关自己办理的，没有转为刑事案件的记录）。"
				+ "依据" + article() + "，违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任，不得以行政处罚代替移送。"
				+ "已移送、公安机关已立案或不予立案、负责人已书面决定不予移送的，请在行刑衔接中记录，并在答复中说明。"));
	}
}
