package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;
import zhifa.supervision.Referral;

/**
 * A case ended as 移送司法机关 (不予立案而移送, or decided 涉嫌犯罪移送) with no transfer to the police on record: the
 * stage says the crime question went to the judicial organs, the 行刑衔接 says nothing went. 行政处罚法第二十七条 (及时移送);
 * 《行政执法机关移送涉嫌犯罪案件的规定》第五条: the transfer follows the head's approval within 24 hours — the decision that
 * ended the case is that approval, so the day after it (counted by the one deadline engine) is the last. A referral under
 * way (reported, approved) is the referral-period rule's; one decided against transfer, or none at all, is found here. An
 * act whose source gave neither the decision's nor the closing day is not judged.
 */
final class TransferMissingRule implements AlertRule {

	public String code() {
		return "TRANSFER_MISSING";
	}

	public String title() {
		return "以移送司法机关办结而未移送";
	}

	public String article() {
		return Rules.LAW + "第二十七条、" + ReferralPeriodRule.SOURCE + "第五条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		boolean atTriage = "TRANSFERRED".equals(a.stage());
		boolean decided = "JUDICIAL".equals(a.decisionOutcome());
		if (!atTriage && !decided) {
			return List.of();
		}
		LocalDate approved = decided && a.decidedOn() != null ? a.decidedOn() : a.closedOn();
		if (approved == null) {
			return List.of();
		}
		if (c.referrals().stream().anyMatch(r -> r.transferredAt() != null || r.decision() == null || Referral.TRANSFER.equals(r.decision()))) {
			return List.of();
		}
		Deadline.Due due = c.due(approved, 1, DeadlineUnit.CALENDAR_DAYS, ReferralPeriodRule.SOURCE + "第五条：批准移送之时起24小时内移送");
		if (!c.today().isAfter(due.date())) {
			return List.of();
		}
		boolean refused = c.referrals().stream().anyMatch(r -> Referral.NOT_TRANSFER.equals(r.decision()));
		return List.of(Finding.once("案件于 " + approved + " 以“涉嫌犯罪，移送司法机关”" + (decided ? "作出决定" : "办结（不予立案）") + "，"
				+ (refused ? "行刑衔接中负责人却决定不移送，案件的处理结果与移送记录相互矛盾"
						: "至 " + c.today() + " 行刑衔接中没有向公安机关移送的记录（应于 " + RuleContext.show(due) + " 前移送）")
				+ "；依据" + article() + "，涉嫌犯罪的案件应当及时移送，批准移送之时起24小时内向公安机关移送。请在“移送（行刑衔接）”中登记专案组报告、负责人决定和移送。"));
	}
}
