package zhifa.catalog;

import java.util.List;

/**
 * 执法事项 as read, with the citations of its legal basis. A penalty matter names the clause the party violated
 * ({@code violatedClauses}, 违反条款) and the clause that punishes ({@code penaltyClauses}, 处罚条款) separately
 * (国办发〔2022〕27号; RULES.md §6); {@code basis} is every citation, classified or not.
 */
public record Matter(long id, long bodyId, String bodyName, String code, String name, MatterType type, String domainCode, boolean township,
		MatterStatus status, List<String> basis, List<String> violationCodes, boolean demo, List<String> violatedClauses, List<String> penaltyClauses) {

	public Matter {
		violatedClauses = violatedClauses == null ? List.of() : List.copyOf(violatedClauses);
		penaltyClauses = penaltyClauses == null ? List.of() : List.copyOf(penaltyClauses);
	}

	/** A matter whose citations are not classified (违反条款/处罚条款). */
	public Matter(long id, long bodyId, String bodyName, String code, String name, MatterType type, String domainCode, boolean township,
			MatterStatus status, List<String> basis, List<String> violationCodes, boolean demo) {
		this(id, bodyId, bodyName, code, name, type, domainCode, township, status, basis, violationCodes, demo, List.of(), List.of());
	}

	/** The citations neither violated nor punishing (其他依据). */
	public List<String> otherBasis() {
		return basis.stream().filter(c -> !violatedClauses.contains(c) && !penaltyClauses.contains(c)).toList();
	}
}
