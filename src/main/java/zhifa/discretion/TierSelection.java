package zhifa.discretion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which tier the circumstances call for, with the reasons (RULES.md §2 Art. 30–33, §6):
 * <ol>
 * <li>不满十四周岁 → 不予处罚 (第三十条); not able to recognise or control one's acts → 不予处罚 (第三十一条); no fault proven
 * → 不予处罚 (第三十三条第二款); minor, corrected, no harm → 不予处罚 (第三十三条第一款; a first offence corrected in time is
 * the same case, 首违不罚). These are the statute's, not the benchmark's: they hold even when the benchmark has no 不予处罚
 * tier.</li>
 * <li>已满十四周岁不满十八周岁 → 应当从轻或者减轻 (第三十条): at least 从轻, whatever aggravates;</li>
 * <li>other mitigating grounds (第三十一条、第三十二条) → 从轻; two or more → 减轻;</li>
 * <li>aggravating circumstances without mitigating ones → 从重; both present → they offset, 一般;</li>
 * <li>otherwise → 一般.</li>
 * </ol>
 * When the benchmark has no such tier (but 不予处罚) the nearest tier towards 一般 is used and the reasons say so; a minor
 * never gets one heavier than 从轻.
 */
public final class TierSelection {

	private TierSelection() {
	}

	/** The chosen tier and why. */
	public record Choice(Tier tier, List<String> reasons) {
	}

	public static Choice choose(Set<Circumstance> circumstances, Set<Tier> available) {
		Set<Circumstance> c = circumstances.isEmpty() ? EnumSet.noneOf(Circumstance.class) : EnumSet.copyOf(circumstances);
		List<String> reasons = new ArrayList<>();
		Tier wanted;
		long mitigating = c.stream().filter(Circumstance::mitigating).count();
		boolean aggravating = c.stream().anyMatch(Circumstance::aggravating);
		boolean minor = c.contains(Circumstance.MINOR_PARTY);
		if (c.contains(Circumstance.CHILD)) {
			reasons.add("不满十四周岁的未成年人有违法行为的，依据行政处罚法第三十条不予行政处罚，责令监护人加以管教");
			return new Choice(Tier.NO_PENALTY, reasons);
		}
		if (c.contains(Circumstance.MENTAL_NO_CAPACITY)) {
			reasons.add("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，依据行政处罚法第三十一条不予行政处罚，责令其监护人严加看管和治疗");
			return new Choice(Tier.NO_PENALTY, reasons);
		}
		if (c.contains(Circumstance.NO_FAULT)) {
			reasons.add("当事人有证据足以证明没有主观过错，依据行政处罚法第三十三条第二款不予行政处罚");
			return new Choice(Tier.NO_PENALTY, reasons);
		}
		if (c.contains(Circumstance.MINOR_HARM) && c.contains(Circumstance.CORRECTED)) {
			reasons.add(c.contains(Circumstance.FIRST_OFFENCE)
					? "当事人初次违法且危害后果轻微并及时改正，依据行政处罚法第三十三条第一款不予行政处罚（首违不罚）"
					: "违法行为轻微并及时改正，没有造成危害后果，依据行政处罚法第三十三条第一款不予行政处罚");
			return new Choice(Tier.NO_PENALTY, reasons);
		}
		if (minor && aggravating) {
			wanted = mitigating >= 2 ? Tier.MITIGATED : Tier.LIGHTER;
			reasons.add("当事人已满十四周岁不满十八周岁，依据行政处罚法第三十条应当从轻或者减轻处罚，从重情节不改变这一点");
		}
		else if (mitigating > 0 && aggravating) {
			wanted = Tier.GENERAL;
			reasons.add("当事人既有从轻、减轻情节，又有从重情节，两相抵销，适用一般阶次");
		}
		else if (mitigating >= 2) {
			wanted = Tier.MITIGATED;
			reasons.add("当事人具有两项以上法定从轻、减轻情节，依据" + sources(c) + "减轻处罚");
		}
		else if (mitigating == 1) {
			wanted = Tier.LIGHTER;
			reasons.add("当事人具有法定从轻、减轻情节，依据" + sources(c) + "从轻处罚");
		}
		else if (aggravating) {
			wanted = Tier.HEAVIER;
			reasons.add("当事人" + String.join("、", c.stream().filter(Circumstance::aggravating).map(Circumstance::label).toList()) + "，依据裁量基准从重处罚");
		}
		else {
			wanted = Tier.GENERAL;
			reasons.add("当事人无法定从轻、减轻或者从重情节，适用一般阶次");
		}
		Set<Tier> punishing = EnumSet.noneOf(Tier.class);
		available.stream().filter(t -> t != Tier.NO_PENALTY).forEach(punishing::add);
		Tier tier = nearestAvailable(wanted, punishing);
		if (minor && tier.ordinal() > Tier.LIGHTER.ordinal()) {
			if (punishing.contains(Tier.MITIGATED)) {
				reasons.add("裁量基准未设“从轻处罚”阶次，未成年人应当从轻或者减轻（行政处罚法第三十条），适用“减轻处罚”阶次");
				return new Choice(Tier.MITIGATED, reasons);
			}
			reasons.add("裁量基准未设“从轻处罚”或“减轻处罚”阶次，须在法定幅度内从轻或者减轻（行政处罚法第三十条），不得按“" + tier.label() + "”阶次处罚");
			return new Choice(Tier.LIGHTER, reasons);
		}
		if (tier != wanted) {
			reasons.add("裁量基准未设“" + wanted.label() + "”阶次，适用最接近的“" + tier.label() + "”阶次");
		}
		return new Choice(tier, reasons);
	}

	private static String sources(Set<Circumstance> c) {
		return String.join("、", c.stream().filter(Circumstance::mitigating).map(Circumstance::source).distinct().toList());
	}

	/** The wanted tier if available, else the nearest one moving towards 一般. */
	static Tier nearestAvailable(Tier wanted, Set<Tier> available) {
		if (available.contains(wanted) || available.isEmpty()) {
			return wanted;
		}
		Tier[] all = Tier.values();
		int step = wanted.ordinal() < Tier.GENERAL.ordinal() ? 1 : -1;
		for (int i = wanted.ordinal(); i >= 0 && i < all.length; i += step) {
			if (available.contains(all[i])) {
				return all[i];
			}
		}
		return available.iterator().next();
	}
}
