package zhifa.penalty;

/** Where a case stands, from the clue to the decision (service, payment and execution follow in part 2). */
public enum CaseStage {
	CLUE("案源待处理"), NOT_FILED("不予立案"), HANDED_OVER("已移交有管辖权的机关"), TRANSFERRED("已移送司法机关"), FILED("已立案（调查取证）"),
	PROPOSED("拟作处罚（审核）"), NOTIFIED("已事先告知"), DECIDED("已作出决定"), CLOSED("已结案"), ARCHIVED("已归档");

	private final String label;

	CaseStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean closedBeforeFiling() {
		return this == NOT_FILED || this == HANDED_OVER || this == TRANSFERRED;
	}
}
