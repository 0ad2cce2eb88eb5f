package zhifa.discretion;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One tier of a benchmark item: when it applies, which penalty types it allows and its range — a fine in fen
 * ({@code minFine}..{@code maxFine}) and/or a multiple of the illegal gains ({@code minMultiple}..{@code maxMultiple}).
 * A null bound means "not set at this level".
 */
public record TierRule(Tier tier, String conditions, Set<PenaltyType> types, Long minFine, Long maxFine, BigDecimal minMultiple,
		BigDecimal maxMultiple) {

	public TierRule {
		types = Set.copyOf(types);
	}

	/** What the tier allows, in words for the public: "警告、罚款；罚款 1,000.00元至5,000.00元；违法所得的1至3倍". */
	public String penalty() {
		java.util.List<String> parts = new java.util.ArrayList<>();
		if (!types.isEmpty()) {
			parts.add(String.join("、", types.stream().sorted().map(PenaltyType::label).toList()));
		}
		if (minFine != null || maxFine != null) {
			parts.add("罚款" + (minFine == null || minFine == 0 ? "" : zhifa.shared.Money.yuan(minFine) + "以上") + (maxFine == null ? "" : zhifa.shared.Money.yuan(maxFine) + "以下"));
		}
		if (minMultiple != null || maxMultiple != null) {
			parts.add("违法所得的" + (minMultiple == null ? "" : minMultiple.stripTrailingZeros().toPlainString() + "倍以上")
					+ (maxMultiple == null ? "" : maxMultiple.stripTrailingZeros().toPlainString() + "倍以下"));
		}
		return String.join("；", parts);
	}
}
