package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

	@Test
	void acceptsTheStandardsSampleNumber() {
		assertThat(IdNumber.problem("11010519491231002X")).isEmpty();
		assertThat(IdNumber.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@Test
	void refusesWrongCheckCharacterAndImpossibleBirthDate() {
		assertThat(IdNumber.problem("110105194912310021")).hasValueSatisfying(p -> assertThat(p).contains("校验位").doesNotContain("X"));
		assertThat(IdNumber.problem("110105194902300021")).hasValueSatisfying(p -> assertThat(p).contains("出生日期"));
		assertThat(IdNumber.problem("1101051949")).hasValueSatisfying(p -> assertThat(p).contains("18位"));
	}

	@Test
	void refusesABirthDateAfterTodayOrBefore1900() {
		String future = "5331032030010112" + "3";
		future = future + IdNumber.checkCharacter(future);
		assertThat(IdNumber.problem(future, LocalDate.of(2026, 12, 3))).hasValue("身份证号中的出生日期 2030-01-01 晚于今天，请按身份证逐位核对");
		assertThat(IdNumber.problem(future, LocalDate.of(2030, 1, 1))).isEmpty();
		String old = "1101051849123100" + "2";
		old = old + IdNumber.checkCharacter(old);
		assertThat(IdNumber.problem(old, LocalDate.of(2026, 12, 3))).hasValueSatisfying(p -> assertThat(p).contains("早于1900年"));
	}

	@Test
	void masksAllButFirstAndLastFour() {
		assertThat(IdNumber.mask("53310319900101123X")).isEqualTo("5331**********123X");
	}
}
