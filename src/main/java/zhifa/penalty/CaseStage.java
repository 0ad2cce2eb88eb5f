package zhifa.penalty;

/** Where a case stands. Part 1 of the procedure: from the clue to 立案 and investigation. */
public enum CaseStage {
	CLUE("案源待处理"), NOT_FILED("不予立案"), HANDED_OVER("已移交有管辖权的机关"), TRANSFERRED("已移送司法机关"), FILED("已立案（调查取证）");

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
