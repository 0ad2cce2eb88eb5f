package zhifa.exchange;

/**
 * The element classes pushed (RULES.md §10: 组织机构, 人员, 事项清单, 执法行为 — with the certificates and the yearly
 * statistics that the receiving systems also take).
 */
public enum ElementClass {

	ORGANIZATION("组织机构（执法主体）"), PERSON("人员（执法人员）"), CERTIFICATE("执法证件"), CATALOGUE("事项清单（执法事项目录）"), ACT("执法行为"),
	STATISTICS("年度行政执法数据");

	private final String label;

	ElementClass(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The class named in a request; {@code null} when none is named; a Chinese 400 for an unknown one. */
	public static ElementClass parse(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return valueOf(s.strip());
		}
		catch (IllegalArgumentException e) {
			throw zhifa.shared.BusinessRuleViolation.onField("elementClass", "没有数据类别“" + (s.length() > 20 ? s.substring(0, 20) + "…" : s)
					+ "”，可用：ORGANIZATION、PERSON、CERTIFICATE、CATALOGUE、ACT、STATISTICS");
		}
	}
}
