package zhifa.discretion;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a claimed 初次违法 (行政处罚法第三十三条第一款) against the party's history across bodies ({@link OffenceHistory}).
 * A party already punished for the same violation loses the circumstance; with no history connected, or no party key,
 * the claim stands and the finding says it was not checked.
 */
final class FirstOffence {

	/** The circumstances to weigh and what the check found (null when 初次违法 was not claimed). */
	record Check(Set<Circumstance> circumstances, String finding) {
	}

	private FirstOffence() {
	}

	static Check check(Set<Circumstance> claimed, List<OffenceHistory> histories, String partyKey, String violationCode, LocalDate actDate) {
		Set<Circumstance> circumstances = claimed.isEmpty() ? EnumSet.noneOf(Circumstance.class) : EnumSet.copyOf(claimed);
		if (!circumstances.contains(Circumstance.FIRST_OFFENCE)) {
			return new Check(circumstances, null);
		}
		if (histories.isEmpty()) {
			return new Check(circumstances, "未核验：尚未接入当事人跨部门处罚记录，“初次违法”由办案人员认定");
		}
		if (partyKey == null || partyKey.isBlank()) {
			return new Check(circumstances, "未核验：请求未提供当事人标识，“初次违法”由办案人员认定");
		}
		List<OffenceHistory.PriorOffence> prior = histories.stream().flatMap(h -> h.prior(partyKey.strip(), violationCode, actDate).stream())
			.sorted(java.util.Comparator.comparing(OffenceHistory.PriorOffence::decidedOn)).toList();
		if (prior.isEmpty()) {
			return new Check(circumstances, "已核验：未发现当事人此前因该违法行为受过行政处罚");
		}
		circumstances.remove(Circumstance.FIRST_OFFENCE);
		OffenceHistory.PriorOffence first = prior.get(0);
		return new Check(circumstances, "不属于初次违法：当事人已于" + first.decidedOn() + "被" + first.bodyName() + "处罚（" + first.decisionNumber() + "）"
				+ (prior.size() > 1 ? "等" + prior.size() + "次" : "") + "，不适用初次违法情节");
	}
}
