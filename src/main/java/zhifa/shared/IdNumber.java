package zhifa.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 居民身份证号 (GB 11643-1999): 17 digits and a check character; weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2;
 * Σ mod 11 maps to {@code 1 0 X 9 8 7 6 5 4 3 2}.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK = "10X98765432";

	private IdNumber() {
	}

	/** What is wrong with a number, as of today in China (a birth date after it is one). */
	public static Optional<String> problem(String number) {
		return problem(number, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
	}

	public static Optional<String> problem(String number, LocalDate today) {
		if (number == null || number.isBlank()) {
			return Optional.of("身份证号不能为空");
		}
		if (number.matches("[0-9.]+[Ee]\\+?[0-9]+")) {
			// an Excel cell holding the number as a number: shown as 5.33103E+17, and digits after the fifteenth are already lost
			return Optional.of("身份证号被 Excel 存成了数字（显示为 " + number + "），超过15位的数字会被改动：请把该列设置为“文本”格式后重新填写");
		}
		if (number.length() != 18) {
			return Optional.of("身份证号应为18位，当前为" + number.length() + "位");
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
				return Optional.of("身份证号前17位应为数字，第" + (i + 1) + "位不是");
			}
		}
		LocalDate born;
		try {
			born = birthDate(number);
		}
		catch (DateTimeException e) {
			return Optional.of("身份证号中的出生日期“" + number.substring(6, 14) + "”不存在");
		}
		if (born.isAfter(today)) {
			return Optional.of("身份证号中的出生日期 " + born + " 晚于今天，请按身份证逐位核对");
		}
		if (born.getYear() < 1900) {
			return Optional.of("身份证号中的出生日期 " + born + " 早于1900年，请按身份证逐位核对");
		}
		char expected = checkCharacter(number.substring(0, 17));
		if (Character.toUpperCase(number.charAt(17)) != expected) {
			// the right character is not named: copied from the message, it would make a mistyped number pass as someone else's
			return Optional.of("身份证号校验位错误：第18位与前17位不符，请按身份证逐位核对");
		}
		return Optional.empty();
	}

	public static boolean isValid(String number) {
		return problem(number).isEmpty();
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	public static LocalDate birthDate(String number) {
		return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
				Integer.parseInt(number.substring(12, 14)));
	}

	/** Masks all but the first 4 and last 4 characters: {@code 5331**********123X}. */
	public static String mask(String number) {
		if (number == null || number.length() < 8) {
			return "****";
		}
		return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
	}
}
