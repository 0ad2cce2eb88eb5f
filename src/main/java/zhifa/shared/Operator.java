package zhifa.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a signed-in user, another system calling with an API token, or the platform itself.
 * The full-process record attributes every entry to one; data scopes come from it.
 */
public interface Operator {

	enum Kind {
		USER, TOKEN, SYSTEM
	}

	Kind operatorKind();

	/** User id or token id; {@code null} for the system. */
	Long operatorId();

	/** Account name, token name or "系统". */
	String operatorName();

	/** The body the operator acts for; {@code null} for the platform administrator and the system. */
	Long bodyId();

	DataScope scope();

	/**
	 * Whether the operator holds one of the named roles (the {@code Role} names of the identity module). The platform
	 * itself acts under every role; another system under {@code API_CLIENT} only.
	 */
	default boolean holdsAnyRole(java.util.Collection<String> roleNames) {
		return switch (operatorKind()) {
			case SYSTEM -> true;
			case TOKEN -> roleNames.contains("API_CLIENT");
			case USER -> false;
		};
	}

	/** The operator of the current request, or the system when nobody is signed in. */
	static Operator current() {
		return currentIfAny().orElse(SYSTEM);
	}

	static Optional<Operator> currentIfAny() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Operator op) {
			return Optional.of(op);
		}
		return Optional.empty();
	}

	Operator SYSTEM = new Operator() {
		public Kind operatorKind() {
			return Kind.SYSTEM;
		}

		public Long operatorId() {
			return null;
		}

		public String operatorName() {
			return "系统";
		}

		public Long bodyId() {
			return null;
		}

		public DataScope scope() {
			return DataScope.all();
		}
	};
}
