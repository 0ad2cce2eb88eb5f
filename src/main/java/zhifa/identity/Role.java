package zhifa.identity;

/** 角色. A user holds one or more. */
public enum Role {
	/** 平台管理员: everything, everywhere. */
	PLATFORM_ADMIN("平台管理员"),
	/** 执法监督人员: reads everything in its region's subtree; must belong to a supervisory body (司法行政机关). */
	SUPERVISOR("执法监督人员"),
	/** 单位管理员: manages its own body and its accounts. */
	UNIT_ADMIN("单位管理员"),
	/** 执法人员. */
	OFFICER("执法人员"),
	/** 负责人: approves. */
	LEADER("负责人"),
	/** 法制审核人员. */
	LEGAL_REVIEWER("法制审核人员");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
