package zhifa.shared;

import java.util.List;

/** One page of a list (bounded offset pagination). */
public record Page<T>(List<T> items, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < pages();
	}
}
