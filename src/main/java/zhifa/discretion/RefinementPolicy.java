package zhifa.discretion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 方案任务6 / RULES.md §6: where the level above has a benchmark for a violation, the lower level applies it and may only
 * refine it within the upper level's tiers and ranges, never beyond: every child tier exists above; its penalty types are a
 * subset of the parent tier's; where it allows a fine, its fine and multiple ranges lie inside the parent tier's (an unset
 * bound means "no limit" and so crosses a set one). Within one item, ranges must be
 * ordered (min ≤ max). Each problem is one Chinese sentence naming the tier and the bound crossed.
 */
public final class RefinementPolicy {

	private RefinementPolicy() {
	}

	public static List<String> problems(List<TierRule> child, List<TierRule> parent, String parentLevel) {
		List<String> problems = new ArrayList<>(own(child));
		if (parent == null) {
			return problems;
		}
		Map<Tier, TierRule> above = parent.stream().collect(Collectors.toMap(TierRule::tier, t -> t));
		for (TierRule c : child) {
			TierRule p = above.get(c.tier());
			String name = "“" + c.tier().label() + "”档";
			if (p == null) {
				problems.add(name + "在" + parentLevel + "基准中没有，下级不能增设");
				continue;
			}
			for (PenaltyType type : c.types()) {
				if (!p.types().contains(type)) {
					problems.add(name + "的处罚种类“" + type.label() + "”不在" + parentLevel + "基准同档允许的种类内");
				}
			}
			if (!c.types().contains(PenaltyType.FINE)) {
				continue;
			}
			if (p.minFine() != null && (c.minFine() == null || c.minFine() < p.minFine())) {
				problems.add(name + "的罚款下限" + yuan(c.minFine()) + "低于" + parentLevel + "基准同档下限" + yuan(p.minFine()));
			}
			if (p.maxFine() != null && (c.maxFine() == null || c.maxFine() > p.maxFine())) {
				problems.add(name + "的罚款上限" + yuan(c.maxFine()) + "超出了" + parentLevel + "基准同档上限" + yuan(p.maxFine()));
			}
			if (p.minMultiple() != null && (c.minMultiple() == null || c.minMultiple().compareTo(p.minMultiple()) < 0)) {
				problems.add(name + "的倍数下限" + times(c.minMultiple()) + "低于" + parentLevel + "基准同档下限" + times(p.minMultiple()));
			}
			if (p.maxMultiple() != null && (c.maxMultiple() == null || c.maxMultiple().compareTo(p.maxMultiple()) > 0)) {
				problems.add(name + "的倍数上限" + times(c.maxMultiple()) + "超出了" + parentLevel + "基准同档上限" + times(p.maxMultiple()));
			}
		}
		return problems;
	}

	private static List<String> own(List<TierRule> tiers) {
		List<String> problems = new ArrayList<>();
		if (tiers.isEmpty()) {
			problems.add("至少设置一个裁量阶次");
		}
		if (tiers.stream().map(TierRule::tier).distinct().count() != tiers.size()) {
			problems.add("同一裁量阶次只能设置一次");
		}
		for (TierRule t : tiers) {
			String name = "“" + t.tier().label() + "”档";
			if (t.tier() != Tier.NO_PENALTY && t.types().isEmpty()) {
				problems.add(name + "须至少选择一种处罚种类");
			}
			if (t.minFine() != null && t.maxFine() != null && t.minFine() > t.maxFine()) {
				problems.add(name + "的罚款下限" + yuan(t.minFine()) + "高于上限" + yuan(t.maxFine()));
			}
			if (t.minMultiple() != null && t.maxMultiple() != null && t.minMultiple().compareTo(t.maxMultiple()) > 0) {
				problems.add(name + "的倍数下限" + times(t.minMultiple()) + "高于上限" + times(t.maxMultiple()));
			}
			if ((t.minFine() != null && t.minFine() < 0) || (t.minMultiple() != null && t.minMultiple().signum() < 0)) {
				problems.add(name + "的下限不能为负数");
			}
		}
		return problems;
	}

	static String yuan(Long fen) {
		if (fen == null) {
			return "（未设）";
		}
		return zhifa.shared.Money.yuan(fen);
	}

	private static String times(BigDecimal m) {
		return m == null ? "（未设）" : m.stripTrailingZeros().toPlainString() + "倍";
	}
}
