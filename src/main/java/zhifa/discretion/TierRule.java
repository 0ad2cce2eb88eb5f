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
}
