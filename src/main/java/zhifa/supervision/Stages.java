package zhifa.supervision;

import java.util.Map;

/** The ledger's stage codes (this platform's, and other systems' after code mapping) in Chinese. */
public final class Stages {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("CLUE", "案源待处理"), Map.entry("NOT_FILED", "不予立案"),
			Map.entry("HANDED_OVER", "已移交"), Map.entry("TRANSFERRED", "移送司法机关"), Map.entry("FILED", "已立案"),
			Map.entry("PROPOSED", "拟作处罚"), Map.entry("NOTIFIED", "已事先告知"), Map.entry("DECIDED", "已作出决定"), Map.entry("CLOSED", "已结案"),
			Map.entry("ARCHIVED", "已归档"), Map.entry("PLANNED", "待检查"), Map.entry("CHECKED", "已检查，待公示结果"), Map.entry("PUBLISHED", "检查结果已公示"));

	private Stages() {
	}

	public static String label(String code) {
		return code == null ? "" : LABELS.getOrDefault(code, code);
	}
}
