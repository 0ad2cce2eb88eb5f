package zhifa.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module puts on the home pages: for the signed-in person, the lists of the roles he holds that the module
 * knows about (cases, certificates, accounts, catalogues, the calendar…). Each module answers from its own data.
 */
public interface TodoSource {

	List<Todo> todos(Operator me, LocalDate today);

	/** Whether the person holds the role (by its {@code Role} name). */
	static boolean holds(Operator me, String role) {
		return me.operatorKind() == Operator.Kind.USER && me.holdsAnyRole(List.of(role));
	}
}
