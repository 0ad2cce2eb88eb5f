package zhifa.supervision.exchange;

/** 代码类别: the classes of codes a source system may send in its own words, mapped to ours before validation. */
public enum CodeClass {
	MATTER("执法事项"), STAGE("办理阶段"), DECISION_OUTCOME("决定结果"), PARTY_KIND("当事人类型"), BODY("执法主体");

	private final String label;

	CodeClass(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
