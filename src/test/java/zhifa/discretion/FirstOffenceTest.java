package zhifa.discretion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FirstOffenceTest {

	private static final LocalDate ACT = LocalDate.of(2026, 5, 1);

	private static final OffenceHistory PUNISHED_BEFORE = (party, code, before) -> party.equals("91533103MA6K000000")
			? List.of(new OffenceHistory.PriorOffence("芒市市场监督管理局", "芒市监罚〔2025〕3号", LocalDate.of(2025, 3, 2)))
			: List.of();

	@Test
	void notClaimedMeansNothingToCheck() {
		var c = FirstOffence.check(Set.of(Circumstance.CORRECTED), List.of(PUNISHED_BEFORE), "x", "SP-124-TJJ", ACT);
		assertThat(c.finding()).isNull();
		assertThat(c.circumstances()).containsExactly(Circumstance.CORRECTED);
	}

	@Test
	void withoutHistoryTheClaimStandsUnchecked() {
		var c = FirstOffence.check(Set.of(Circumstance.FIRST_OFFENCE), List.of(), "91533103MA6K000000", "SP-124-TJJ", ACT);
		assertThat(c.circumstances()).contains(Circumstance.FIRST_OFFENCE);
		assertThat(c.finding()).startsWith("未核验：尚未接入");
		assertThat(FirstOffence.check(Set.of(Circumstance.FIRST_OFFENCE), List.of(PUNISHED_BEFORE), " ", "SP-124-TJJ", ACT).finding())
			.startsWith("未核验：请求未提供当事人标识");
	}

	@Test
	void aPartyPunishedBeforeIsNoFirstOffender() {
		var c = FirstOffence.check(Set.of(Circumstance.FIRST_OFFENCE, Circumstance.MINOR_HARM, Circumstance.CORRECTED), List.of(PUNISHED_BEFORE),
				"91533103MA6K000000", "SP-124-TJJ", ACT);
		assertThat(c.circumstances()).containsExactlyInAnyOrder(Circumstance.MINOR_HARM, Circumstance.CORRECTED);
		assertThat(c.finding()).isEqualTo("不属于初次违法：当事人已于2025-03-02被芒市市场监督管理局处罚（芒市监罚〔2025〕3号），不适用初次违法情节");
		// 首违不罚 is no longer the reason (and leniency items that require 初次违法 no longer match)
		assertThat(TierSelection.choose(c.circumstances(), java.util.EnumSet.allOf(Tier.class)).reasons()).noneMatch(r -> r.contains("首违不罚"));
	}

	@Test
	void aCleanHistoryConfirmsTheClaim() {
		var c = FirstOffence.check(Set.of(Circumstance.FIRST_OFFENCE), List.of(PUNISHED_BEFORE), "92533103MA6K111111", "SP-124-TJJ", ACT);
		assertThat(c.circumstances()).contains(Circumstance.FIRST_OFFENCE);
		assertThat(c.finding()).startsWith("已核验");
	}
}
