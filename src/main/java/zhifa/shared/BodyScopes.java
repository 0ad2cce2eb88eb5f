package zhifa.shared;

import java.util.Set;

/**
 * Resolves a {@link DataScope} to the bodies it covers. Implemented by the organisation module, which owns
 * bodies and regions; used by modules whose rows carry only a body id.
 */
public interface BodyScopes {

	/** The ids of every body the scope covers; for {@link DataScope.Kind#ALL} every body. */
	Set<Long> visibleBodyIds(DataScope scope);

	default boolean covers(DataScope scope, Long bodyId) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return true;
		}
		return bodyId != null && visibleBodyIds(scope).contains(bodyId);
	}
}
