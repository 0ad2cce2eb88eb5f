package zhifa.identity;

import java.time.Instant;
import java.util.Set;

/** A user account as listed and shown (never the password hash). */
public record Account(long id, String username, String displayName, Long bodyId, String bodyName, Set<Role> roles,
		boolean enabled, boolean mustChangePassword, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
		boolean demo, Instant createdAt) {

	/** One of the three platform administrators (三员). */
	public boolean platformDuty() {
		return roles.stream().anyMatch(Role.PLATFORM_DUTIES::contains);
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public String roleLabels() {
		return String.join("、", roles.stream().sorted().map(Role::label).toList());
	}
}
