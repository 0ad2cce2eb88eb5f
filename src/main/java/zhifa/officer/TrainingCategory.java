package zhifa.officer;

/** 培训类别 (方案任务2): 公共法律知识 ≥ 18 h (by the justice bureau); 业务知识 + 执法技能 ≥ 42 h (by each department). */
public enum TrainingCategory {
	PUBLIC_LAW("公共法律知识"), BUSINESS("业务知识"), SKILL("执法技能");

	private final String label;

	TrainingCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
