package zhifa.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * 角色. A user holds one or more. The platform's duties are split among three administrators (等保 三员分立, GB/T 22239
 * 第三级 安全管理中心): the 系统管理员 runs the platform, the 安全管理员 manages accounts and roles, the 审计管理员 reads
 * the record and the login logs; none of them holds any other role.
 */
public enum Role {
	/** 系统管理员 (平台管理员): platform configuration and master data everywhere; no account or role management. */
	PLATFORM_ADMIN("系统管理员"),
	/** 安全管理员: accounts, roles, API tokens and login security of every body; no business data. */
	SECURITY_ADMIN("安全管理员"),
	/** 审计管理员: reads the whole full-process record and the login logs; changes nothing. */
	AUDIT_ADMIN("审计管理员"),
	/** 执法监督人员: reads everything in its region's subtree; must belong to a supervisory body (司法行政机关). */
	SUPERVISOR("执法监督人员"),
	/** 单位管理员: manages its own body and grants its own staff the officer, head and legal-reviewer roles. */
	UNIT_ADMIN("单位管理员"),
	/** 执法人员. */
	OFFICER("执法人员"),
	/** 负责人: approves. */
	LEADER("负责人"),
	/** 法制审核人员. */
	LEGAL_REVIEWER("法制审核人员");

	/** The three platform administrators of 三员分立. */
	public static final Set<Role> PLATFORM_DUTIES = EnumSet.of(PLATFORM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

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
