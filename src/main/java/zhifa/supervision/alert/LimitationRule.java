package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 超过追责时效: a violation not discovered within two years of the act (from its end when continuing) is not penalised;
 * five years where 公民生命健康安全、金融安全 are involved and harm followed (行政处罚法第三十六条). The ledger has the act's
 * date (its end for a continuing act) and the discovery date (案源接收); the five-year matters are configured
 * ({@link AlertSettings#fiveYearMatters()}), since the ledger does not say whether harm followed.
 */
final class LimitationRule implements AlertRule {

	public String code() {
		return "LIMITATION";
	}

	public String title() {
		return "超过追责时效仍予立案或处罚";
	}

	public String article() {
		return Rules.LAW + "第三十六条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		LocalDate discovered = a.receivedOn() != null ? a.receivedOn() : a.filedOn() != null ? a.filedOn() : a.decidedOn();
		if (a.actDate() == null || discovered == null || (a.filedOn() == null && !Rules.penaltyDecided(a))) {
			return List.of();
		}
		boolean five = c.settings().fiveYearMatter(a.matterCode());
		int years = five ? 5 : 2;
		Deadline.Due end = c.due(a.actDate(), years * 12, DeadlineUnit.MONTHS, article());
		if (!discovered.isAfter(end.date())) {
			return List.of();
		}
		return List.of(Finding.once("违法行为发生（终了）于 " + a.actDate() + "，" + years + " 年追责时效至 " + RuleContext.show(end) + (five ? "（涉及公民生命健康安全或金融安全的事项）" : "")
				+ "，" + discovered + " 才发现，却仍予" + (Rules.penaltyDecided(a) ? "处罚" : "立案") + "；依据" + article() + "，违法行为在" + (five ? "五" : "二")
				+ "年内未被发现的，不再给予行政处罚。"));
	}
}
