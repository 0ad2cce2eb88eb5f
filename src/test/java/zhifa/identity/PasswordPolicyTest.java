package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	@Test
	void needsEightCharactersAndThreeClasses() {
		assertThat(PasswordPolicy.problem("Ab1!", "u")).hasValue("密码至少8位");
		assertThat(PasswordPolicy.problem("abcdefgh1", "u")).hasValueSatisfying(p -> assertThat(p).contains("三类"));
		assertThat(PasswordPolicy.problem("Abcdefg1", "u")).isEmpty();
		assertThat(PasswordPolicy.problem("abcdef1!", "u")).isEmpty();
	}

	@Test
	void refusesPasswordContainingTheAccountName() {
		assertThat(PasswordPolicy.problem("Jiandu@2026", "jiandu")).hasValue("密码不能包含账号名");
	}
}
