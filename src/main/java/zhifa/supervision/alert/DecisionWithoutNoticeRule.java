package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 未告知即作出决定，或在陈述申辩、听证申请期限届满前作出决定: 行政处罚法第四十四条、第六十二条 (no 告知 → no decision) and
 * 第四十五条、第六十四条 (the party's statement and hearing-request windows). The ledger does not carry a written waiver: an
 * act decided inside a window is flagged, and the reasoning says so.
 */
final class DecisionWithoutNoticeRule implements AlertRule {

	public String code() {
		return "DECISION_WITHOUT_NOTICE";
	}

	public String title() {
		return "未事先告知或告知期限未届满即作出处罚决定";
	}

	public String article() {
		// every article a finding of the rule rests on; each reasoning names its own
		return Rules.LAW + "第四十四条、第四十五条、第六十二条、第六十四条、第六十五条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || Rules.simple(a)) {
			return List.of();
		}
		if (a.noticeServedOn() == null) {
			return List.of(new Finding("NO_NOTICE", "于 " + a.decidedOn() + " 作出处罚决定，台账未记载行政处罚事先告知书的送达；依据" + Rules.LAW
					+ "第六十二条，未告知拟作出的行政处罚内容及事实、理由、依据和当事人的陈述、申辩、听证权利的，不得作出行政处罚决定。"));
		}
		if (a.decidedOn().isBefore(a.noticeServedOn())) {
			return List.of(new Finding("NO_NOTICE", "处罚决定日期 " + a.decidedOn() + " 早于事先告知书送达日期 " + a.noticeServedOn() + "；依据" + Rules.LAW + "第六十二条，不得作出行政处罚决定。"));
		}
		java.time.LocalDate statementWaived = a.details().statementWaivedOn();
		java.time.LocalDate hearingWaived = a.details().hearingWaivedOn();
		// a written waiver ends the window on its day: deciding on or after it is lawful (第四十四条、第六十四条)
		if (a.statementDue() != null && !a.decidedOn().isAfter(a.statementDue()) && (statementWaived == null || a.decidedOn().isBefore(statementWaived))) {
			return List.of(new Finding("WINDOW", "告知书于 " + a.noticeServedOn() + " 送达，陈述申辩期限至 " + a.statementDue() + "，处罚决定却于 " + a.decidedOn()
					+ " 作出（台账未载明当事人书面放弃陈述申辩，按期限未届满处理）；依据" + Rules.LAW + "第四十四条、第四十五条。"));
		}
		if (a.hearingRight() && a.hearingDue() != null && !a.hearingRequested() && !a.decidedOn().isAfter(a.hearingDue())
				&& (hearingWaived == null || a.decidedOn().isBefore(hearingWaived))) {
			return List.of(new Finding("WINDOW", "告知书告知了听证权利，申请听证期限至 " + a.hearingDue() + "，处罚决定却于 " + a.decidedOn() + " 作出；依据" + Rules.LAW
					+ "第六十四条，当事人要求听证的，应当在行政机关告知后五日内提出。"));
		}
		if (a.hearingRequested() && !a.hearingHeld()) {
			return List.of(new Finding("WINDOW", "当事人申请了听证，台账未记载听证举行，处罚决定已于 " + a.decidedOn() + " 作出；依据" + Rules.LAW + "第六十四条、第六十五条。"));
		}
		return List.of();
	}
}
