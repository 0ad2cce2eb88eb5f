package zhifa.supervision.actionplan;

/** What the platform itself holds as evidence of a plan item: its status is computed from these data, not typed. */
public enum Measure {
	TRAINING_PLANS("年度轮训计划报备（执法人员模块）"), TRAINING_HOURS("年度培训学时达标率"), CERTIFICATION("持证率"), CAMPAIGN_LISTS("专项整治问题清单和整改方案"),
	CAMPAIGN_REPORTS("专项整治情况报送"), CATALOGUES("行政执法事项目录公布"), SUPERVISION_PLANS("年度监督计划报备"), SUPERVISION_STAFF("执法监督人员配备"),
	EVALUATION_MIDTERM("中期评估报告"), EVALUATION_FINAL("终期评估报告");

	private final String label;

	Measure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
