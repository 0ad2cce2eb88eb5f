package zhifa.discretion;

/** 裁量阶次, from lightest to heaviest. */
public enum Tier {
	NO_PENALTY("不予处罚"), MITIGATED("减轻处罚"), LIGHTER("从轻处罚"), GENERAL("一般处罚"), HEAVIER("从重处罚");

	private final String label;

	Tier(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
