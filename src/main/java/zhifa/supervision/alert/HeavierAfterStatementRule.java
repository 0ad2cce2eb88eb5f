package zhifa.supervision.alert;

import java.util.ArrayList;
import java.util.List;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 因陈述申辩加重处罚: a party who stated a defence (or asked for a hearing) was given more than notified — more money, or
 * a kind of penalty the notice did not name (行政处罚法第四十五条第二款).
 */
final class HeavierAfterStatementRule implements AlertRule {

	public String code() {
		return "HEAVIER_AFTER_STATEMENT";
	}

	public String title() {
		return "当事人陈述申辩后给予更重的处罚";
	}

	public String article() {
		return Rules.LAW + "第四十五条第二款";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		ActReport.Details d = a.details();
		if (!Rules.penaltyDecided(a) || !d.partyArgued() || d.notifiedMoney() == null) {
			return List.of();
		}
		List<String> heavier = new ArrayList<>();
		long decided = (a.fine() == null ? 0 : a.fine()) + (a.gains() == null ? 0 : a.gains()) + (a.propertyValue() == null ? 0 : a.propertyValue());
		if (decided > d.notifiedMoney()) {
			heavier.add("罚没金额 " + Money.yuan(decided) + " 高于告知的 " + Money.yuan(d.notifiedMoney()));
		}
		List<String> added = d.penaltyTypes().stream().filter(t -> !d.notifiedTypes().contains(t) && !List.of("WARNING", "CRITICISM").contains(t)).toList();
		if (!added.isEmpty()) {
			heavier.add("增加了告知时没有的处罚种类（" + String.join("、", added) + "）");
		}
		if (heavier.isEmpty()) {
			return List.of();
		}
		return List.of(Finding.once("当事人进行了陈述、申辩或要求听证，决定" + String.join("；", heavier) + "；依据" + article() + "，行政机关不得因当事人陈述、申辩而给予更重的处罚。"));
	}
}
