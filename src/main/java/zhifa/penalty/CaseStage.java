package zhifa.penalty;

import zhifa.casework.Stage;

/** Where a penalty case stands, from the clue to the archive; the lifecycle ({@link PenaltyKind}) says how it moves. */
public enum CaseStage {
	CLUE("案源待处理", true, "立案审查：立案、不予立案或移交"),
	NOT_FILED("不予立案", false, "已办结"),
	HANDED_OVER("已移交有管辖权的机关", false, "已办结"),
	TRANSFERRED("决定移送司法机关", false, "已办结"),
	FILED("已立案（调查取证）", true, "调查取证、提出处罚建议"),
	PROPOSED("拟作处罚（审核）", true, "审核、讨论，制作事先告知书"),
	NOTIFIED("已事先告知", true, "送达告知书、复核陈述申辩、听证，作出决定"),
	DECIDED("已作出决定", true, "送达、缴款或执行，结案"),
	CLOSED("已结案", false, "归档"),
	ARCHIVED("已归档", false, "已办结");

	private final Stage stage;

	CaseStage(String label, boolean open, String todo) {
		this.stage = new Stage(name(), label, open, todo);
	}

	public String label() {
		return stage.label();
	}

	/** The kernel's view of the stage. */
	public Stage stage() {
		return stage;
	}

	public boolean closedBeforeFiling() {
		return this == NOT_FILED || this == HANDED_OVER || this == TRANSFERRED;
	}
}
