package zhifa.penalty;

/** 行政处罚法第五十七条: what an investigated case ends in. */
public enum DecisionOutcome {
	PENALTY("给予行政处罚", true), NO_PENALTY("不予行政处罚", false), NOT_ESTABLISHED("违法事实不能成立，不予行政处罚", false),
	JUDICIAL("违法行为涉嫌犯罪，移送司法机关", false), REVOKE_FILING("撤销立案", false);

	private final String label;
	private final boolean penalty;

	DecisionOutcome(String label, boolean penalty) {
		this.label = label;
		this.penalty = penalty;
	}

	public String label() {
		return label;
	}

	public boolean penalty() {
		return penalty;
	}
}
