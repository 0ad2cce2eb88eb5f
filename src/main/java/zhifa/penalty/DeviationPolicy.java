package zhifa.penalty;

import java.util.ArrayList;
import java.util.List;

import zhifa.discretion.Benchmarks;
import zhifa.discretion.PenaltyType;
import zhifa.discretion.Tier;

/**
 * Where a proposed penalty leaves the assessed tier and range of the discretion benchmark. A deviation is allowed only
 * with a written reason, collective discussion and legal review (国办发〔2022〕27号; RULES.md §6).
 */
public final class DeviationPolicy {

	private DeviationPolicy() {
	}

	public static List<String> deviations(Benchmarks.Assessment a, Sanction s) {
		List<String> d = new ArrayList<>();
		if (a.tier() == Tier.NO_PENALTY && !s.types().isEmpty()) {
			d.add("裁量评估为“不予处罚”，拟处" + s.describe());
			return d;
		}
		for (PenaltyType t : s.types()) {
			if (!a.allowedTypes().contains(t)) {
				d.add("“" + t.label() + "”不在“" + a.tier().label() + "”阶次允许的处罚种类内");
			}
		}
		if (s.fine() != null && (a.minFine() != null || a.maxFine() != null || a.minFromGains() != null || a.maxFromGains() != null)) {
			boolean inFixed = (a.minFine() != null || a.maxFine() != null) && within(s.fine(), a.minFine(), a.maxFine());
			boolean inGains = (a.minFromGains() != null || a.maxFromGains() != null) && within(s.fine(), a.minFromGains(), a.maxFromGains());
			if (!inFixed && !inGains) {
				boolean below = (a.minFine() == null || s.fine() < a.minFine()) && (a.minFromGains() == null || s.fine() < a.minFromGains());
				d.add("罚款" + Sanction.yuan(s.fine()) + (below ? "低于" : "高于") + "“" + a.tier().label() + "”阶次的幅度（" + range(a) + "）");
			}
		}
		return d;
	}

	/**
	 * Whether the sanction is heavier than the tier allows — a kind of penalty it does not allow, or a fine above every
	 * upper bound (the fixed one and the one from illegal gains). Below the range is lighter: 减轻.
	 */
	public static boolean heavierThanTier(Benchmarks.Assessment a, Sanction s) {
		if (a.tier() == Tier.NO_PENALTY) {
			return !s.types().isEmpty();
		}
		if (s.types().stream().anyMatch(t -> !a.allowedTypes().contains(t))) {
			return true;
		}
		if (s.fine() == null) {
			return false;
		}
		boolean bounded = a.maxFine() != null || a.maxFromGains() != null;
		boolean underFixed = a.maxFine() != null && s.fine() <= a.maxFine();
		boolean underGains = a.maxFromGains() != null && s.fine() <= a.maxFromGains();
		return bounded && !underFixed && !underGains;
	}

	/**
	 * Why a fine below every ordinary tier of the benchmark — below the law's range it divides: 减轻 — is refused when no
	 * ground for 减轻 (行政处罚法第三十条、第三十二条) is among the circumstances; empty when it is not below, or a ground is there.
	 */
	public static java.util.Optional<String> groundlessMitigation(List<zhifa.discretion.TierRule> tiers, Sanction s,
			java.util.Set<zhifa.discretion.Circumstance> circumstances) {
		Long floor = ordinaryFloor(tiers);
		if (s.fine() == null || floor == null || s.fine() >= floor || circumstances.stream().anyMatch(zhifa.discretion.Circumstance::mitigating)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of("罚款" + Sanction.yuan(s.fine()) + "低于裁量基准从轻处罚阶次的最低数额" + Sanction.yuan(floor) + "，属减轻处罚：须有行政处罚法第三十二条规定的情形"
				+ "（主动消除或者减轻违法行为危害后果、受他人胁迫或者诱骗、主动供述、配合查处有立功表现等），请勾选相应情节并说明");
	}

	/**
	 * The lowest fine of the benchmark's ordinary tiers (从轻, 一般, 从重) — the floor of the law's range it divides — when
	 * every one of them is a fixed amount; null when a tier is in multiples (the floor then depends on the case's amounts).
	 */
	public static Long ordinaryFloor(List<zhifa.discretion.TierRule> tiers) {
		Long floor = null;
		for (var t : tiers) {
			if (t.tier() != Tier.LIGHTER && t.tier() != Tier.GENERAL && t.tier() != Tier.HEAVIER) {
				continue;
			}
			if (t.minMultiple() != null || t.maxMultiple() != null) {
				return null;
			}
			if (t.minFine() != null) {
				floor = floor == null ? t.minFine() : Math.min(floor, t.minFine());
			}
		}
		return floor;
	}

	private static boolean within(long v, Long min, Long max) {
		return (min == null || v >= min) && (max == null || v <= max);
	}

	private static String range(Benchmarks.Assessment a) {
		List<String> r = new ArrayList<>();
		if (a.minFine() != null || a.maxFine() != null) {
			r.add(Sanction.yuan(a.minFine()) + "至" + Sanction.yuan(a.maxFine()));
		}
		if (a.minFromGains() != null || a.maxFromGains() != null) {
			r.add("或违法所得倍数" + Sanction.yuan(a.minFromGains()) + "至" + Sanction.yuan(a.maxFromGains()));
		}
		return String.join("", r);
	}
}
