package zhifa.discretion;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 裁量基准条目: a violation with its legal basis and tiers, at one level. */
public record Benchmark(long id, BenchmarkLevel level, Long regionId, Long bodyId, String ownerName, String violationCode, String violation,
		String domainCode, String violatedArticle, String penaltyArticle, String documentNumber, LocalDate effectiveFrom, LocalDate effectiveTo,
		boolean published, List<TierRule> tiers) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
	}

	public Set<Tier> tierSet() {
		return tiers.stream().map(TierRule::tier).collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Tier.class)));
	}

	public TierRule tier(Tier tier) {
		return tiers.stream().filter(t -> t.tier() == tier).findFirst().orElse(null);
	}

	/** E.g. "芒市县级". */
	public String levelName() {
		return ownerName + level.label();
	}

	/** E.g. "芒市县级基准". */
	public String title() {
		return levelName() + "基准";
	}
}
