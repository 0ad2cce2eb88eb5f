package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	@Test
	void needsEightCharactersAndThreeClasses() {
		assertThat(PasswordPolicy.problem("Ab1!", "u")).hasValue("密码至少8位");
		assertThat(PasswordPolicy.problem("abcdefgh1", "u")).hasValueSatisfying(p -> assertThat(p).contains("三类"));
		assertThat(PasswordPolicy.problem("Mqzv#k82", "u")).isEmpty();
		assertThat(PasswordPolicy.problem("vbn#q7rt", "u")).isEmpty();
	}

	@Test
	void refusesPasswordContainingTheAccountName() {
		assertThat(PasswordPolicy.problem("Jiandu@2026", "jiandu")).hasValue("密码不能包含账号名");
	}

	@Test
	void refusesCommonPasswordsAlsoWithDigitsAndSymbolsAdded() {
		assertThat(PasswordPolicy.problem("Password1", "u")).hasValue("这是常见密码，容易被猜中，请换一个");
		assertThat(PasswordPolicy.problem("Admin@123", "u")).hasValue("这是常见密码，容易被猜中，请换一个");
		assertThat(PasswordPolicy.problem("Qwerty#2026", "u")).hasValue("这是常见密码，容易被猜中，请换一个");
		assertThat(PasswordPolicy.problem("1qaz@WSX", "u")).hasValue("这是常见密码，容易被猜中，请换一个");
		assertThat(PasswordPolicy.problem("Woaini1314!", "u")).hasValue("这是常见密码，容易被猜中，请换一个");
		assertThat(PasswordPolicy.problem("Mangshi#2026ok", "u")).isEmpty();
	}

	@Test
	void thePublishedDemoPasswordIsForTheDemoDataOnly() {
		assertThat(PasswordPolicy.problem(PasswordPolicy.DEMO_PASSWORD, "scj.zhifa", true)).isEmpty();
		assertThat(PasswordPolicy.problem(PasswordPolicy.DEMO_PASSWORD, "new.user")).hasValue("不能使用公开的演示密码");
	}
}
