package zhifa.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/** A signed-in user: the session principal, with roles and the data scope fixed at login. */
public final class ZhifaUser implements UserDetails, CredentialsContainer, Operator, Serializable {

	private final long id;
	private final String username;
	private final String displayName;
	private final Long bodyId;
	private final String bodyName;
	private final Set<Role> roles;
	private final DataScope scope;
	private String passwordHash;
	private final boolean enabled;
	private final Instant lockedUntil;
	private final boolean locked;
	private final boolean mustChangePassword;

	ZhifaUser(long id, String username, String displayName, Long bodyId, String bodyName, Set<Role> roles, DataScope scope,
			String passwordHash, boolean enabled, Instant lockedUntil, boolean locked, boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.bodyId = bodyId;
		this.bodyName = bodyName;
		this.roles = Set.copyOf(roles);
		this.scope = scope;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public String bodyName() {
		return bodyName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	@Override
	public boolean holdsAnyRole(java.util.Collection<String> roleNames) {
		return roles.stream().anyMatch(r -> roleNames.contains(r.name()));
	}

	/** For templates: whether the user holds any of the named roles. */
	public boolean hasAnyRole(String... names) {
		for (String n : names) {
			if (roles.contains(Role.valueOf(n))) {
				return true;
			}
		}
		return false;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public Instant lockedUntil() {
		return lockedUntil;
	}

	public String roleLabels() {
		return String.join("、", roles.stream().sorted().map(Role::label).toList());
	}

	@Override
	public Kind operatorKind() {
		return Kind.USER;
	}

	@Override
	public Long operatorId() {
		return id;
	}

	@Override
	public String operatorName() {
		return username + "（" + displayName + "）";
	}

	@Override
	public Long bodyId() {
		return bodyId;
	}

	@Override
	public DataScope scope() {
		return scope;
	}

	/**
	 * Whose accounts and API tokens the user sees: every body's for the three platform administrators (the 安全管理员
	 * manages them, the 系统管理员 and the 审计管理员 read them), else the data scope.
	 */
	public DataScope accountScope() {
		return roles.stream().anyMatch(Role.PLATFORM_DUTIES::contains) ? DataScope.all() : scope;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	List<String> roleNames() {
		return roles.stream().map(Role::name).sorted().toList();
	}
}
