package zhifa.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The fields that changed between two snapshots, as {@code {field: {from, to}}} for a record payload. */
public final class Changes {

	private Changes() {
	}

	public static Map<String, Object> between(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Object> changes = new TreeMap<>();
		var keys = new java.util.TreeSet<String>();
		keys.addAll(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			Object from = before.get(key);
			Object to = after.get(key);
			if (!Objects.equals(from, to)) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", from);
				change.put("to", to);
				changes.put(key, change);
			}
		}
		return changes;
	}
}
