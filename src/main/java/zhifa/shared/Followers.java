package zhifa.shared;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The beans that follow a change (a record entry, a case change, a ledger act), found once, at the first change — not
 * at construction, since the followers depend on beans that depend on the one they follow. Followers are singletons
 * created with the context; they are called directly, inside the change's transaction, instead of through an
 * application event.
 */
public final class Followers<T> {

	private final ObjectProvider<T> provider;
	private volatile List<T> found;

	public Followers(ObjectProvider<T> provider) {
		this.provider = provider;
	}

	/** All of them, in their order. */
	public List<T> all() {
		List<T> those = found;
		if (those == null) {
			found = those = provider.orderedStream().toList();
		}
		return those;
	}
}
