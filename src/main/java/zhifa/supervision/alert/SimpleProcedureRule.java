package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 简易程序超出法定范围: a 当场处罚 may only be a warning or a fine of at most 200 yuan for a citizen and 3,000 yuan for an
 * organisation (行政处罚法第五十一条; a law may set its own, e.g. 治安管理处罚法 — {@link AlertSettings#simpleCap}). A reported
 * on-the-spot decision beyond that should have gone through the general procedure (filing, notice, review).
 */
final class SimpleProcedureRule implements AlertRule {

	public String code() {
		return "SIMPLE_BEYOND_LIMIT";
	}

	public String title() {
		return "简易程序超出当场处罚的法定范围";
	}

	public String article() {
		return Rules.LAW + "第五十一条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.simple(a) || !Rules.penaltyDecided(a)) {
			return List.of();
		}
		List<String> other = a.details().penaltyTypes().stream().filter(t -> !"WARNING".equals(t) && !"FINE".equals(t)).toList();
		boolean person = "NATURAL_PERSON".equals(a.partyKind());
		long cap = c.settings().simpleCap(a.matterCode(), person);
		long fine = a.fine() == null ? 0 : a.fine();
		long confiscated = (a.gains() == null ? 0 : a.gains()) + (a.propertyValue() == null ? 0 : a.propertyValue());
		if (other.isEmpty() && confiscated == 0 && fine <= cap) {
			return List.of();
		}
		String what = !other.isEmpty() ? "处罚种类包括警告、罚款以外的 " + String.join("、", other)
				: confiscated > 0 ? "没收违法所得、非法财物 " + Money.yuan(confiscated)
						: "罚款 " + Money.yuan(fine) + "，超过" + (person ? "公民" : "法人或其他组织") + "当场处罚的上限 " + Money.yuan(cap);
		return List.of(Finding.once("台账记载按简易程序当场作出处罚，" + what + "；依据" + article() + "，违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，"
				+ "可以当场作出行政处罚决定（法律另有规定的从其规定），超出的应当适用普通程序。"));
	}
}
