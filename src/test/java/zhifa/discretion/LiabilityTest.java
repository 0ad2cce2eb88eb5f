package zhifa.discretion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** 行政处罚法第三十条、第三十一条 from the birth date in the ID number, at the act date. */
class LiabilityTest {

	static final LocalDate BORN = LocalDate.of(2012, 5, 20);

	@Test
	void agesAreCountedInFullYearsFromTheDayAfterTheBirthday() {
		assertThat(Liability.age(BORN, LocalDate.of(2026, 5, 20))).as("on the fourteenth birthday").isEqualTo(13);
		assertThat(Liability.age(BORN, LocalDate.of(2026, 5, 21))).isEqualTo(14);
		assertThat(Liability.band(BORN, LocalDate.of(2026, 5, 20))).contains(Liability.AgeBand.UNDER_14);
		assertThat(Liability.band(BORN, LocalDate.of(2026, 5, 21))).contains(Liability.AgeBand.MINOR);
		assertThat(Liability.band(BORN, LocalDate.of(2030, 5, 21))).contains(Liability.AgeBand.ADULT);
		assertThat(Liability.band(null, LocalDate.of(2030, 5, 21))).isEmpty();
	}

	@Test
	void theDateDecidesTheAgeCircumstancesWhateverIsTicked() {
		assertThat(Liability.withAge(Set.of(), BORN, LocalDate.of(2025, 1, 1))).containsExactly(Circumstance.CHILD);
		assertThat(Liability.withAge(Set.of(), BORN, LocalDate.of(2027, 1, 1))).containsExactly(Circumstance.MINOR_PARTY);
		assertThat(Liability.withAge(Set.of(Circumstance.MINOR_PARTY, Circumstance.CORRECTED), LocalDate.of(1990, 1, 1), LocalDate.of(2026, 1, 1)))
			.containsExactly(Circumstance.CORRECTED);
		assertThat(Liability.ageFinding(Set.of(Circumstance.MINOR_PARTY), LocalDate.of(1990, 1, 1), LocalDate.of(2026, 1, 1)))
			.hasValueSatisfying(f -> assertThat(f).contains("35周岁", "勾选的未成年人情节不适用"));
		assertThat(Liability.withAge(Set.of(Circumstance.MINOR_PARTY), null, LocalDate.of(2026, 1, 1))).as("no ID number: the tick stands")
			.containsExactly(Circumstance.MINOR_PARTY);
	}

	@Test
	void underFourteenOrWithoutCapacityNoPunishment() {
		assertThat(Liability.noPunishment(BORN, LocalDate.of(2026, 1, 1), Set.of())).hasValueSatisfying(r -> assertThat(r).contains("13周岁", "第三十条"));
		assertThat(Liability.noPunishment(BORN, LocalDate.of(2027, 1, 1), Set.of())).isEmpty();
		assertThat(Liability.noPunishment(null, LocalDate.of(2027, 1, 1), Set.of(Circumstance.MENTAL_NO_CAPACITY)))
			.hasValueSatisfying(r -> assertThat(r).contains("第三十一条", "严加看管和治疗"));
		assertThat(Liability.noPunishment(null, LocalDate.of(2027, 1, 1), Set.of(Circumstance.MENTAL_PARTIAL))).isEmpty();
	}
}
