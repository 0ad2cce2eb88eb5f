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
}
