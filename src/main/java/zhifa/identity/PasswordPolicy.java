package zhifa.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 密码策略 (GB/T 22239 第三级 身份鉴别: 口令复杂度并定期更换): at least 8 characters, at most 64, with at least 3 of the 4
 * character classes, not containing the account name, not a common password (the bundled list of about 10,000, also
 * after removing trailing digits and symbols: {@code Password1} and {@code Admin@123} are refused), and never the
 * published demo password outside the demo data. The history (the last five may not be reused) and the maximum age are
 * checked by {@link Accounts}.
 */
public final class PasswordPolicy {

	/** The password of every demo account, published in the README: refused for any other account. */
	public static final String DEMO_PASSWORD = "Zhifa@2026";

	/** How many earlier passwords may not be used again. */
	public static final int HISTORY = 5;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (var in = PasswordPolicy.class.getClassLoader().getResourceAsStream("identity/common-passwords.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return words;
	}

	/** For any account but the demo data's. */
	public static Optional<String> problem(String password, String username) {
		Optional<String> p = problem(password, username, false);
		return p;
	}

	public static Optional<String> problem(String password, String username, boolean demo) {
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
		if (username != null && username.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("密码不能包含账号名");
		}
		if (!demo && password.equals(DEMO_PASSWORD)) {
			return Optional.of("不能使用公开的演示密码");
		}
		if (!demo && common(password)) {
			return Optional.of("这是常见密码，容易被猜中，请换一个");
		}
		return Optional.empty();
	}

	/** Whether the password, in lower case, or its base without trailing digits and symbols, is a common one. */
	static boolean common(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			return true;
		}
		String base = lower.replaceFirst("[^\\p{L}]+$", "").replaceFirst("^[^\\p{L}]+", "");
		return base.length() >= 4 && COMMON.contains(base);
	}
}
