package zhifa.catalog;

/** Chinese numerals as used in statute numbering (第一百零一条, 第二十款, （十二）). */
public final class ChineseNumerals {

	private static final String DIGITS = "零一二三四五六七八九";

	private ChineseNumerals() {
	}

	/** Parses 一…九千九百九十九; returns -1 when the text is not a Chinese numeral. */
	public static int parse(String text) {
		if (text == null || text.isEmpty()) {
			return -1;
		}
		int total = 0;
		int current = 0;
		for (char c : text.replace('两', '二').replace('〇', '零').toCharArray()) {
			int d = DIGITS.indexOf(c);
			if (d >= 0) {
				current = d;
				continue;
			}
			int unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> -1;
			};
			if (unit < 0) {
				return -1;
			}
			total += (current == 0 ? 1 : current) * unit;
			current = 0;
		}
		return total + current;
	}

	/** Formats 1…9999 the way statutes number articles. */
	public static String format(int n) {
		if (n <= 0 || n > 9999) {
			throw new IllegalArgumentException("out of range: " + n);
		}
		StringBuilder sb = new StringBuilder();
		int[] units = { 1000, 100, 10, 1 };
		String[] names = { "千", "百", "十", "" };
		boolean zero = false;
		for (int i = 0; i < 4; i++) {
			int d = n / units[i] % 10;
			if (d == 0) {
				zero = sb.length() > 0;
				continue;
			}
			if (zero) {
				sb.append('零');
				zero = false;
			}
			if (!(d == 1 && units[i] == 10 && sb.length() == 0)) {
				sb.append(DIGITS.charAt(d));
			}
			sb.append(names[i]);
		}
		return sb.toString();
	}
}
