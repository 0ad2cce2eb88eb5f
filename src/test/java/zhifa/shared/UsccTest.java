package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;

class UsccTest {

	@Test
	void acceptsCodeWithCorrectCheckCharacter() {
		String first17 = "91533103MA6K12345";
		String code = first17 + Uscc.checkCharacter(first17);
		assertThat(Uscc.problem(code)).isEmpty();
	}

	@Test
	void acceptsPublishedRealCode() {
		// 91350100M000100Y43: the example code printed in GB 32100-2015 commentary
		assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
	}

	@Test
	void refusesAWrongCheckCharacterWithoutNamingTheRightOne() {
		String first17 = "11533103MB0000001";
		char right = Uscc.checkCharacter(first17);
		char wrong = right == '0' ? '1' : '0';
		assertThat(Uscc.problem(first17 + wrong)).hasValueSatisfying(p -> assertThat(p).contains("校验位").doesNotContain("“" + right + "”"));
	}

	@Test
	void namesWrongLengthAndForbiddenLetters() {
		assertThat(Uscc.problem("1153310")).hasValueSatisfying(p -> assertThat(p).contains("18位").contains("7位"));
		assertThat(Uscc.problem("11533103MI00000011")).hasValueSatisfying(p -> assertThat(p).contains("第10位").contains("I"));
		assertThat(Uscc.problem(null)).hasValue("统一社会信用代码不能为空");
	}

	@Property
	void anySingleCharacterChangeIsDetected(@ForAll @StringLength(9) @CharRange(from = '0', to = '9') String digits,
			@ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
		String first17 = "91533103" + digits;
		String code = first17 + Uscc.checkCharacter(first17);
		char original = code.charAt(position);
		char replaced = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(original) + shift) % 31);
		String changed = code.substring(0, position) + replaced + code.substring(position + 1);
		assertThat(Uscc.isValid(changed)).isFalse();
	}
}
