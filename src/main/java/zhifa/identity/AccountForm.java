package zhifa.identity;

import java.util.EnumSet;
import java.util.Set;

/** What an administrator enters to create or edit an account. The password is only used on creation. */
public class AccountForm {
	private String username;
	private String displayName;
	private Long bodyId;
	private Set<Role> roles = EnumSet.noneOf(Role.class);
	private String password;
	/** The security administrator's reason for roles that are incompatible on one person (recorded). */
	private String approvalReason;

	public String getUsername() { return username; }
	public void setUsername(String v) { this.username = v; }
	public String getDisplayName() { return displayName; }
	public void setDisplayName(String v) { this.displayName = v; }
	public Long getBodyId() { return bodyId; }
	public void setBodyId(Long v) { this.bodyId = v; }
	public Set<Role> getRoles() { return roles; }
	public void setRoles(Set<Role> v) { this.roles = v == null ? EnumSet.noneOf(Role.class) : v; }
	public String getPassword() { return password; }
	public void setPassword(String v) { this.password = v; }
	public String getApprovalReason() { return approvalReason; }
	public void setApprovalReason(String v) { this.approvalReason = v; }

	public static AccountForm of(Account a) {
		AccountForm f = new AccountForm();
		f.username = a.username();
		f.displayName = a.displayName();
		f.bodyId = a.bodyId();
		f.roles = a.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a.roles());
		return f;
	}
}
