package zhifa.catalog;

/** 执法事项类别 (RULES.md §9). */
public enum MatterType {
	PENALTY("行政处罚"), COERCION("行政强制"), INSPECTION("行政检查"), LEVY("行政征收"), REQUISITION("行政征用"), LICENSING("行政许可"),
	CONFIRMATION("行政确认"), BENEFIT("行政给付"), ADJUDICATION("行政裁决"), REWARD("行政奖励"), OTHER("其他");

	private final String label;

	MatterType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
