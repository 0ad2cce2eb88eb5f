package zhifa.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.discretion.Circumstance.CHILD;
import static zhifa.discretion.Circumstance.COERCED;
import static zhifa.discretion.Circumstance.MENTAL_NO_CAPACITY;
import static zhifa.discretion.Circumstance.MENTAL_PARTIAL;
import static zhifa.discretion.Circumstance.CORRECTED;
import static zhifa.discretion.Circumstance.ELIMINATED_HARM;
import static zhifa.discretion.Circumstance.FIRST_OFFENCE;
import static zhifa.discretion.Circumstance.MINOR_HARM;
import static zhifa.discretion.Circumstance.MINOR_PARTY;
import static zhifa.discretion.Circumstance.NO_FAULT;
import static zhifa.discretion.Circumstance.REPEATED;
import static zhifa.discretion.Circumstance.SERIOUS_HARM;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TierSelectionTest {

	static final Set<Tier> ALL = EnumSet.allOf(Tier.class);
	static final Set<Tier> NO_MITIGATED = EnumSet.of(Tier.NO_PENALTY, Tier.LIGHTER, Tier.GENERAL, Tier.HEAVIER);
	static final Set<Tier> ONLY_GENERAL_AND_HEAVIER = EnumSet.of(Tier.GENERAL, Tier.HEAVIER);

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of(Set.of(), ALL, Tier.GENERAL, "无法定从轻"),
				Arguments.of(Set.of(NO_FAULT), ALL, Tier.NO_PENALTY, "第三十三条第二款"),
				Arguments.of(Set.of(FIRST_OFFENCE, MINOR_HARM, CORRECTED), ALL, Tier.NO_PENALTY, "首违不罚"),
				Arguments.of(Set.of(MINOR_HARM, CORRECTED), ALL, Tier.NO_PENALTY, "第三十三条第一款"),
				Arguments.of(Set.of(FIRST_OFFENCE, CORRECTED), ALL, Tier.GENERAL, "无法定从轻"),
				Arguments.of(Set.of(MINOR_PARTY), ALL, Tier.LIGHTER, "第三十条"),
				Arguments.of(Set.of(ELIMINATED_HARM), ALL, Tier.LIGHTER, "第三十二条第（一）项"),
				Arguments.of(Set.of(ELIMINATED_HARM, COERCED), ALL, Tier.MITIGATED, "两项以上"),
				Arguments.of(Set.of(ELIMINATED_HARM, COERCED), NO_MITIGATED, Tier.LIGHTER, "未设“减轻处罚”"),
				Arguments.of(Set.of(REPEATED), ALL, Tier.HEAVIER, "从重"),
				Arguments.of(Set.of(SERIOUS_HARM, REPEATED), ALL, Tier.HEAVIER, "造成严重危害后果"),
				Arguments.of(Set.of(SERIOUS_HARM, ELIMINATED_HARM), ALL, Tier.GENERAL, "两相抵销"),
				// the statute's rules hold where the benchmark has no such tier (行政处罚法第三十条、第三十一条、第三十三条)
				Arguments.of(Set.of(MINOR_PARTY), ONLY_GENERAL_AND_HEAVIER, Tier.LIGHTER, "须在法定幅度内从轻或者减轻"),
				Arguments.of(Set.of(MINOR_PARTY), EnumSet.of(Tier.MITIGATED, Tier.GENERAL), Tier.MITIGATED, "适用“减轻处罚”阶次"),
				Arguments.of(Set.of(MINOR_PARTY, REPEATED), ALL, Tier.LIGHTER, "从重情节不改变"),
				Arguments.of(Set.of(CHILD), ONLY_GENERAL_AND_HEAVIER, Tier.NO_PENALTY, "责令监护人加以管教"),
				Arguments.of(Set.of(CHILD, REPEATED), ALL, Tier.NO_PENALTY, "第三十条"),
				Arguments.of(Set.of(MINOR_HARM, CORRECTED), ONLY_GENERAL_AND_HEAVIER, Tier.NO_PENALTY, "第三十三条第一款"),
				Arguments.of(Set.of(MENTAL_NO_CAPACITY), ONLY_GENERAL_AND_HEAVIER, Tier.NO_PENALTY, "第三十一条"),
				Arguments.of(Set.of(MENTAL_PARTIAL), ALL, Tier.LIGHTER, "第三十一条"));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void circumstancesChooseTheTier(Set<Circumstance> circumstances, Set<Tier> available, Tier expected, String reason) {
		var choice = TierSelection.choose(circumstances, available);
		assertThat(choice.tier()).isEqualTo(expected);
		assertThat(String.join("；", choice.reasons())).contains(reason);
	}
}
