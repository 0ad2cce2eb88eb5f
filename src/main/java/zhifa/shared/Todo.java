package zhifa.shared;

import java.util.List;

/**
 * One list on a person's home page ("what needs me today"): for which role, its title, how many items the data holds,
 * where the whole list is, and the first items — each linking to the place where the person acts. Counts come from the
 * data; a list with nothing in it says so.
 *
 * @param role  the {@code Role} name the list is for (a person with several roles sees each role's lists)
 * @param order where the list stands among its role's lists
 */
public record Todo(String role, int order, String title, long count, String link, List<Item> items) {

	/** Home pages show this many items of a list at once, the rest (up to {@link #KEPT}) folded. */
	public static final int SHOWN = 8;

	/** A list keeps at most this many items; its link leads to all of them. */
	public static final int KEPT = 50;

	public Todo {
		items = items == null ? List.of() : List.copyOf(items.subList(0, Math.min(items.size(), KEPT)));
	}

	/** The items shown at once. */
	public List<Item> first() {
		return items.subList(0, Math.min(items.size(), SHOWN));
	}

	/** The items folded under "其余 N 项". */
	public List<Item> rest() {
		return items.size() <= SHOWN ? List.of() : items.subList(SHOWN, items.size());
	}

	/**
	 * One thing to do: what (e.g. the case number), the detail (the deadline, what is missing), where to act, and whether
	 * it is late (shown in red).
	 */
	public record Item(String label, String detail, String link, boolean late) {
	}
}
