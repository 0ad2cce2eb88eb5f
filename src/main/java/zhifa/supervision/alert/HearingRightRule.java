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
		// a heavy penalty other than money gives the right whatever the amount (行政处罚法第六十三条)
		List<String> heavy = a.details().penaltyTypes().stream().filter(HEAVY::contains).toList();
		if (!heavy.isEmpty()) {
			return List.of(Finding.once("处罚决定包括" + String.join("、", heavy.stream().map(HearingRightRule::label).toList())
					+ "，台账记载未告知当事人听证权利；依据" + article() + "，拟作出降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业等处罚的，应当告知当事人有要求听证的权利。"));
		}
		boolean person = "NATURAL_PERSON".equals(a.partyKind());
		long threshold = c.settings().hearingThreshold(a.matterCode(), person);
		long fine = a.fine() == null ? 0 : a.fine();
		long confiscated = (a.gains() == null ? 0 : a.gains()) + (a.propertyValue() == null ? 0 : a.propertyValue());
		if (fine < threshold && confiscated < threshold) {
			return List.of();
		}
		String what = fine >= threshold ? "罚款 " + Money.yuan(fine) : "没收违法所得、非法财物 " + Money.yuan(confiscated);
		return List.of(Finding.once("处罚决定" + what + "，达到" + (person ? "公民" : "法人或其他组织") + "较大数额标准 " + Money.yuan(threshold)
				+ "，台账记载未告知当事人听证权利；依据" + article() + "，行政机关拟作出较大数额罚款、没收较大数额违法所得或非法财物的，应当告知当事人有要求听证的权利。"));
	}

	static final List<String> HEAVY = List.of("DOWNGRADE", "REVOKE_LICENCE", "SUSPEND_BUSINESS", "CLOSE", "RESTRICT_PRACTICE", "RESTRICT_BUSINESS");

	private static String label(String type) {
		return switch (type) {
			case "DOWNGRADE" -> "降低资质等级";
			case "REVOKE_LICENCE" -> "吊销许可证件";
			case "SUSPEND_BUSINESS" -> "责令停产停业";
			case "CLOSE" -> "责令关闭";
			case "RESTRICT_PRACTICE" -> "限制从业";
			default -> "限制开展生产经营活动";
		};
	}
}
