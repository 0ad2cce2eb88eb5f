package zhifa.casework;

/**
 * Follows every recorded change to a case, called synchronously inside the change's transaction right after its record
 * entry ({@link CaseRecord#append}): what it writes in response commits or rolls back with the change. Called directly
 * rather than through an application event, which cost each change a twentieth of its time in this JVM.
 * Implementations are singletons created with the context (found once, at the first change).
 */
public interface CaseFollower {

	void changed(CaseChanged change);
}
