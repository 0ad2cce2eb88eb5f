package zhifa.exchange;

/**
 * The code lists whose values are mapped to the receiving system's codes. SF/T 0052-2019's code sets are not available
 * here: until an administrator enters a mapping, our own code is sent unchanged.
 */
public enum OutboundCodeClass {

	BODY_KIND("执法主体类别"), REGION("行政区划"), DOMAIN("执法领域"), MATTER("执法事项编码"), MATTER_TYPE("执法事项类别"), OFFICER_STATUS("人员状态"),
	CERTIFICATE_STATUS("证件状态"), ACT_KIND("执法行为类别"), STAGE("办理阶段"), DECISION_OUTCOME("决定结果"), PARTY_KIND("当事人类型"),
	PENALTY_TYPE("处罚种类");

	private final String label;

	OutboundCodeClass(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
