package zhifa.organization;

/** 行政区划层级. */
public enum RegionLevel {
	PROVINCE("省级"), PREFECTURE("地级（州、市）"), COUNTY("县级（县、市、区）"), TOWNSHIP("乡级（乡、镇、街道）");

	private final String label;

	RegionLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
