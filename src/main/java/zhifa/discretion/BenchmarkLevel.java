package zhifa.discretion;

/** 基准层级: 省级、州（市）级、县级、执法主体. */
public enum BenchmarkLevel {
	PROVINCE("省级"), PREFECTURE("州级"), COUNTY("县级"), BODY("本单位");

	private final String label;

	BenchmarkLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The level of region a benchmark of this level is issued for ({@code null} for a body's own). */
	public zhifa.organization.RegionLevel regionLevel() {
		return switch (this) {
			case PROVINCE -> zhifa.organization.RegionLevel.PROVINCE;
			case PREFECTURE -> zhifa.organization.RegionLevel.PREFECTURE;
			case COUNTY -> zhifa.organization.RegionLevel.COUNTY;
			case BODY -> null;
		};
	}
}
