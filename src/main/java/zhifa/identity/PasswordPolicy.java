package zhifa.identity;

import java.util.Optional;

/**
 * 密码策略 (等保 2.0 common practice): at least 8 characters, at most 64, with at least 3 of the 4 character classes
 * (lower case, upper case, digits, symbols), and not containing the account name.
 */
public final class PasswordPolicy {

	private PasswordPolicy() {
	}

	public static Optional<String> problem(String password, String username) {
		if (password == null || password.length() < 8) {
			return Optional.of("密码至少8位");
		}
		if (password.length() > 64) {
			return Optional.of("密码不能超过64位");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("密码须包含大写字母、小写字母、数字、特殊字符中的至少三类");
		}
		if (username != null && username.length() >= 3 && password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("密码不能包含账号名");
		}
		return Optional.empty();
	}
}
