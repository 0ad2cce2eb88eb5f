package zhifa.casework;

import java.time.LocalDate;
import java.util.Map;

/**
 * A list of the workbench contributed by a module (the kernel's own: 全部、我的、未结、即将到期、已超期; penalty adds
 * 未缴清, coercion 强制执行中). The condition is SQL over the case table aliased {@code c}; it may name only the
 * contributing module's own tables and published views, and should be served by an index of that module.
 */
public interface WorkbenchFilter {

	/** The code used in URLs and the API ({@code ?filter=UNPAID}). */
	String code();

	String label();

	/** Where the filter stands among the workbench's tabs. */
	int order();

	/** The SQL condition over {@code c}, adding its parameters to {@code params}. */
	String condition(Map<String, Object> params, LocalDate today, Long userId);

	/**
	 * The condition as alternatives ({@code or}), each served by an index of its own: a page is the union of each
	 * alternative's newest matches, so a list such as 待审批 (clues, or closed cases, or a pending recusal) does not make
	 * the database collect every match of a large body to sort them. One alternative by default.
	 */
	default java.util.List<String> branches(Map<String, Object> params, LocalDate today, Long userId) {
		return java.util.List.of(condition(params, today, userId));
	}

	/** The SQL of a filter, given its parameters, the day and the user (null for another system). */
	@FunctionalInterface
	interface Condition {
		String sql(Map<String, Object> params, LocalDate today, Long userId);
	}

	/** The alternatives of a filter, given its parameters, the day and the user. */
	@FunctionalInterface
	interface Branches {
		java.util.List<String> sql(Map<String, Object> params, LocalDate today, Long userId);
	}

	/** A filter whose condition is the alternatives' {@code or}. */
	static WorkbenchFilter ofBranches(String code, String label, int order, Branches branches) {
		return new WorkbenchFilter() {
			public String code() {
				return code;
			}

			public String label() {
				return label;
			}

			public int order() {
				return order;
			}

			public String condition(Map<String, Object> params, LocalDate today, Long userId) {
				java.util.List<String> all = branches.sql(params, today, userId);
				return all.isEmpty() ? "false" : "(" + String.join(") or (", all) + ")";
			}

			public java.util.List<String> branches(Map<String, Object> params, LocalDate today, Long userId) {
				java.util.List<String> all = branches.sql(params, today, userId);
				return all.isEmpty() ? java.util.List.of("false") : all;
			}
		};
	}

	/** A filter from its parts. */
	static WorkbenchFilter of(String code, String label, int order, Condition condition) {
		return ofBranches(code, label, order, (params, today, userId) -> java.util.List.of(condition.sql(params, today, userId)));
	}
}
