package zhifa.coercion;

import zhifa.casework.TimerType;
import zhifa.shared.DeadlineUnit;

/** The timers of 行政强制. */
public enum CoercionTimer implements TimerType {
	SEIZURE("查封、扣押", DeadlineUnit.CALENDAR_DAYS, 30, "行政强制法第二十五条"),
	/** The party's time to comply after the 催告书 is served: ten days are working days (第六十九条). */
	URGE("催告履行期限", DeadlineUnit.WORKING_DAYS, 10, "行政强制法第三十五条、第五十四条、第六十九条"),
	COURT_APPLICATION("申请人民法院强制执行", DeadlineUnit.MONTHS, 3, "行政强制法第五十三条（复议、诉讼期限届满之日起三个月内）");

	private final Rule rule;

	CoercionTimer(String label, DeadlineUnit unit, int defaultAmount, String source) {
		this.rule = new Rule(label, unit, defaultAmount, source);
	}

	@Override
	public Rule rule() {
		return rule;
	}

	/** 查封、扣押 不得超过三十日, extended by thirty at most: it ends on the thirtieth (sixtieth) day, as its decision says. */
	@Override
	public boolean limitOnTheBody() {
		return this == SEIZURE;
	}

	/** The time the 催告 gives the party is the party's: when it runs out nobody has missed a deadline. */
	@Override
	public boolean partyWindow() {
		return this == URGE;
	}
}
