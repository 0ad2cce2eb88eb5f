package zhifa.discretion;

/** 减免责清单的种类. */
public enum LeniencyType {
	NO_PENALTY("不予处罚"), LIGHTER("从轻处罚"), MITIGATED("减轻处罚"), NO_COERCIVE_MEASURE("免予行政强制");

	private final String label;

	LeniencyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
