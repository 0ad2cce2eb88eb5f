package zhifa.shared;

import java.util.Set;

/**
 * Resolves a {@link DataScope} to the bodies it covers. Implemented by the organisation module, which owns
 * bodies and regions; used by modules whose rows carry only a body id.
 */
public interface BodyScopes {

	/** The ids of every body the scope covers; for {@link DataScope.Kind#ALL} every body. */
	Set<Long> visibleBodyIds(DataScope scope);

	/**
	 * A SQL condition restricting {@code bodyIdColumn} to the scope, adding its parameter ({@code visibleBodies}) to
	 * {@code params}; {@code true} for the whole platform and {@code false} when the scope covers nothing.
	 */
	default String sqlCondition(DataScope scope, String bodyIdColumn, java.util.Map<String, Object> params) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return "true";
		}
		var ids = new java.util.ArrayList<>(visibleBodyIds(scope));
		if (ids.isEmpty()) {
			return "false";
		}
		params.put("visibleBodies", ids);
		return bodyIdColumn + " in (:visibleBodies)";
	}

	/**
	 * Of the bodies a supervisor's scope covers, those his own unit supervises directly: the ones with no supervisory body
	 * nearer to them (a county's justice bureau supervises the county's departments and townships; the prefecture's, the
	 * prefecture's departments). What waits on his unit's review is among these; the rest is a lower bureau's to do. For
	 * other scopes, what they cover.
	 */
	default Set<Long> directlySupervisedBodyIds(DataScope scope) {
		return visibleBodyIds(scope);
	}

	default boolean covers(DataScope scope, Long bodyId) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return true;
		}
		return bodyId != null && visibleBodyIds(scope).contains(bodyId);
	}
}
