package zhifa.shared;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9 A-H J-N P-R T U W-Y}; the last one is a check
 * character = 31 − (Σ value × weight mod 31), weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (31 → 0).
 */
public final class Uscc {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	/** @return empty when the code is valid, otherwise a Chinese sentence naming the problem. */
	public static Optional<String> problem(String code) {
		if (code == null || code.isBlank()) {
			return Optional.of("统一社会信用代码不能为空");
		}
		if (code.length() != 18) {
			return Optional.of("统一社会信用代码应为18位，当前为" + code.length() + "位");
		}
		for (int i = 0; i < 18; i++) {
			char c = code.charAt(i);
			if (ALPHABET.indexOf(c) < 0) {
				return Optional.of("统一社会信用代码第" + (i + 1) + "位“" + c + "”不是允许的字符（数字或除I、O、S、V、Z外的大写字母）");
			}
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			// the right character is not named: copied from the message, it would make a mistyped code pass as someone else's
			return Optional.of("统一社会信用代码校验位错误：第18位与前17位不符，请按营业执照逐位核对");
		}
		return Optional.empty();
	}

	public static boolean isValid(String code) {
		return problem(code).isEmpty();
	}

	/** The check character for the first 17 characters. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("need 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("invalid character " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - (sum % 31);
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}
}
