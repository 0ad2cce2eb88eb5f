package zhifa.inspection.objects;

import java.util.Map;
import java.util.Optional;

/**
 * 信用风险分类 of an inspected object (RULES.md §5): A 信用风险低, B 一般, C 较高, D 高. Data kept in the earlier five
 * classes is mapped: 低 and 较低 → A, 一般 → B, 较高 → C, 高 → D (the lowest two merge; the history says which it was).
 */
public enum RiskClass {

	A("A类（信用风险低）"), B("B类（信用风险一般）"), C("C类（信用风险较高）"), D("D类（信用风险高）");

	private final String label;

	RiskClass(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	private static final Map<String, RiskClass> WORDS = Map.ofEntries(Map.entry("A", A), Map.entry("B", B), Map.entry("C", C), Map.entry("D", D),
			Map.entry("A类", A), Map.entry("B类", B), Map.entry("C类", C), Map.entry("D类", D), Map.entry("低", A), Map.entry("低风险", A),
			Map.entry("一般", B), Map.entry("一般风险", B), Map.entry("较高", C), Map.entry("较高风险", C), Map.entry("高", D), Map.entry("高风险", D));

	/** The five classes of earlier data and the class each now is. */
	static final Map<String, RiskClass> LEGACY = Map.of("较低", A, "较低风险", A);

	/** What was entered, read as a class: A–D, their words, or an earlier five-class word; empty if none of these. */
	public static Optional<RiskClass> read(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip().toUpperCase(java.util.Locale.ROOT);
		return Optional.ofNullable(WORDS.getOrDefault(t, LEGACY.get(t)));
	}

	/** Whether the text was an earlier five-class word (so the history can say it was mapped). */
	public static boolean legacy(String text) {
		return text != null && LEGACY.containsKey(text.strip());
	}
}
