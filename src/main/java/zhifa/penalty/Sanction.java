package zhifa.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import zhifa.discretion.PenaltyType;

/**
 * A penalty as proposed, notified or decided: the types of 行政处罚法第九条 (combinable) and the amounts, in fen.
 */
public record Sanction(Set<PenaltyType> types, Long fine, Long confiscation) {

	/** 行政处罚法第六十三条: penalties other than money that give the party a right to a hearing. */
	static final Set<PenaltyType> HEARING_TYPES = EnumSet.of(PenaltyType.DOWNGRADE, PenaltyType.REVOKE_LICENCE, PenaltyType.SUSPEND_BUSINESS,
			PenaltyType.CLOSE, PenaltyType.RESTRICT_PRACTICE, PenaltyType.RESTRICT_BUSINESS);

	public Sanction {
		types = types == null || types.isEmpty() ? EnumSet.noneOf(PenaltyType.class) : EnumSet.copyOf(types);
	}

	/** Where this is heavier than {@code notified}, in words; empty when it is not heavier. */
	public List<String> heavierThan(Sanction notified) {
		List<String> points = new ArrayList<>();
		int lightestNotified = notified.types().stream().mapToInt(Sanction::rank).min().orElse(Integer.MAX_VALUE);
		boolean lighterKindOnly = !types.isEmpty() && types.stream().allMatch(t -> rank(t) < lightestNotified);
		for (PenaltyType t : types) {
			if (!notified.types().contains(t) && !lighterKindOnly) {
				points.add("增加了告知时没有的“" + t.label() + "”");
			}
		}
		if (fine != null && fine > (notified.fine() == null ? 0 : notified.fine())) {
			points.add("罚款" + yuan(fine) + "高于告知的" + yuan(notified.fine()));
		}
		if (confiscation != null && confiscation > (notified.confiscation() == null ? 0 : notified.confiscation())) {
			points.add("没收金额" + yuan(confiscation) + "高于告知的" + yuan(notified.confiscation()));
		}
		return points;
	}

	/** Whether the party has a right to a hearing (第六十三条): 较大数额 fine or confiscation, or a heavy non-monetary penalty. */
	public boolean triggersHearing(Long threshold) {
		boolean amount = threshold != null && ((fine != null && fine >= threshold) || (confiscation != null && confiscation >= threshold));
		return amount || types.stream().anyMatch(HEARING_TYPES::contains);
	}

	public String describe() {
		List<String> parts = new ArrayList<>();
		for (PenaltyType t : types) {
			if (t == PenaltyType.FINE && fine != null) {
				parts.add("罚款" + yuan(fine));
			}
			else if ((t == PenaltyType.CONFISCATE_GAINS || t == PenaltyType.CONFISCATE_PROPERTY) && confiscation != null) {
				parts.add(t.label() + yuan(confiscation));
			}
			else {
				parts.add(t.label());
			}
		}
		return parts.isEmpty() ? "无" : String.join("，并处", parts);
	}

	/** How heavy a kind of penalty is, for comparing a decision with the notice: a replacement by a lighter kind only is not heavier. */
	static int rank(PenaltyType t) {
		return switch (t) {
			case WARNING, CRITICISM -> 1;
			case FINE, CONFISCATE_GAINS, CONFISCATE_PROPERTY -> 2;
			case SUSPEND_LICENCE, DOWNGRADE, RESTRICT_BUSINESS, RESTRICT_PRACTICE, OTHER -> 3;
			case REVOKE_LICENCE, SUSPEND_BUSINESS, CLOSE -> 4;
			case DETENTION -> 5;
		};
	}

	public static String yuan(Long fen) {
		if (fen == null) {
			return "0元";
		}
		return java.math.BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString() + "元";
	}
}
