package zhifa.penalty;

import zhifa.casework.TimerType;
import zhifa.shared.DeadlineUnit;

/**
 * The timers of a penalty case, each with its unit, default length and legal source. Lengths that depend on the domain
 * come from the domain's procedure profile ({@link ProcedureProfile}); the defaults here are the ones RULES.md gives.
 * (先行登记保存 is the kernel's timer; 查封、扣押 and the court application the coercion module's.)
 */
public enum TimerKind implements TimerType {
	FILING("立案审查", DeadlineUnit.WORKING_DAYS, 15, "行政处罚法第五十四条；市场监督管理行政处罚程序规定第十八条"),
	DECISION("作出处罚决定", DeadlineUnit.CALENDAR_DAYS, 90, "行政处罚法第六十条"),
	LEGAL_REVIEW("法制审核", DeadlineUnit.WORKING_DAYS, 10, "行政处罚法第五十八条；本领域程序规定（默认十个工作日）"),
	STATEMENT("陈述、申辩", DeadlineUnit.WORKING_DAYS, 5, "行政处罚法第四十四条、第四十五条；本领域程序规定（默认五个工作日）"),
	HEARING_REQUEST("听证申请", DeadlineUnit.WORKING_DAYS, 5, "行政处罚法第六十四条第（一）项"),
	SERVICE("送达处罚决定书", DeadlineUnit.WORKING_DAYS, 7, "行政处罚法第六十一条第一款"),
	WITHDRAW_PUBLICATION("撤回已公开的处罚决定", DeadlineUnit.WORKING_DAYS, 3, "行政处罚法第四十八条第二款"),
	HAND_IN("当场收缴罚款交至行政机关", DeadlineUnit.WORKING_DAYS, 2, "行政处罚法第七十一条"),
	ONSPOT_REPORT("当场处罚决定报所属行政机关备案", DeadlineUnit.WORKING_DAYS, 5, "行政处罚法第五十二条第三款；备案期限按本机关规定（默认五个工作日）");

	private final Rule rule;

	TimerKind(String label, DeadlineUnit unit, int defaultAmount, String source) {
		this.rule = new Rule(label, unit, defaultAmount, source);
	}

	@Override
	public Rule rule() {
		return rule;
	}

	@Override
	public boolean partyWindow() {
		return this == STATEMENT || this == HEARING_REQUEST;
	}
}
