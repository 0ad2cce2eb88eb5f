package zhifa.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lowest fine a punishing clause's text allows ("处五万元以上十万元以下罚款": 50,000 yuan), for a check where no
 * discretion benchmark gives the range. Only where the text says it plainly: a clause with a fine that has no lower
 * bound ("处五千元以下罚款"), or no fine in yuan at all, has no floor; a fine in multiples of a value ("货值金额十倍以上")
 * is left aside when the clause also fixes amounts (it applies to the larger values). When unsure, no floor: the check
 * refuses only what the text plainly excludes.
 */
public final class StatutoryFines {

	private static final String AMOUNT = "([0-9]+(?:\\.[0-9]+)?万?|[零〇一二两三四五六七八九十百千万]+)元";
	private static final Pattern RANGE = Pattern.compile(AMOUNT + "以上" + AMOUNT + "以下");
	private static final Pattern FROM = Pattern.compile(AMOUNT + "以上");
	private static final Pattern UP_TO = Pattern.compile(AMOUNT + "以下");
	private static final Pattern ANY_AMOUNT = Pattern.compile(AMOUNT);
	/**
	 * An amount that states when a tier applies, not what it fines: "货值金额不足一万元的", "货值金额一万元以上的",
	 * "违法所得五万元以上十万元以下的" (a condition ends in 的; a fine in 罚款, also as "……以下的罚款").
	 */
	private static final Pattern CONDITION = Pattern.compile("(?:不足|超过)?" + AMOUNT + "(?:以上(?:" + AMOUNT + "以下)?|以下)?的(?!罚款)");

	private StatutoryFines() {
	}

	/** The floor in yuan, if the text plainly has one. */
	public static Optional<Long> floorYuan(String text) {
		if (text == null || !text.contains("罚款")) {
			return Optional.empty();
		}
		// the amounts that state a tier's condition are not fines (第一百二十二条's "货值金额一万元以上的" read as a floor of 10,000)
		String fines = CONDITION.matcher(text).replaceAll("");
		List<Long> lows = amounts(RANGE, fines, 1);
		String rest = RANGE.matcher(fines).replaceAll("");
		// a fine (or a condition) with only an upper bound: no floor can be read
		List<Long> from = UP_TO.matcher(rest).find() ? null : amounts(FROM, rest, 1);
		if (lows == null || from == null) {
			return Optional.empty();
		}
		lows.addAll(from);
		return lows.stream().min(Long::compare);
	}

	/**
	 * The ceiling in yuan, if the text plainly has one: every amount in it is a bound "……以下" or a range "……以上……以下"
	 * (the highest of their upper ends). A clause with a fine in multiples ("倍") or a percentage, an open floor ("五万元以上罚款"),
	 * or any other amount (a fixed fine, a condition "违法所得不足一万元的") has none: the check refuses only what the text
	 * plainly excludes.
	 */
	public static Optional<Long> ceilingYuan(String text) {
		if (text == null || !text.contains("罚款") || text.contains("倍") || text.contains("百分之") || text.contains("%")) {
			return Optional.empty();
		}
		List<Long> highs = amounts(RANGE, text, 2);
		String rest = RANGE.matcher(text).replaceAll("");
		List<Long> upTo = amounts(UP_TO, rest, 1);
		if (highs == null || upTo == null || ANY_AMOUNT.matcher(UP_TO.matcher(rest).replaceAll("")).find()) {
			return Optional.empty();
		}
		highs.addAll(upTo);
		return highs.stream().max(Long::compare);
	}

	/** Each match's amount in yuan (of the given group), or null when one cannot be read. */
	private static List<Long> amounts(Pattern pattern, String text, int group) {
		List<Long> out = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			long yuan = yuan(m.group(group));
			if (yuan < 0) {
				return null;
			}
			out.add(yuan);
		}
		return out;
	}

	/** 五万 → 50000, 二千 → 2000, 200 → 200; -1 when it cannot be read. */
	static long yuan(String amount) {
		if (Character.isDigit(amount.charAt(0))) {
			boolean wan = amount.endsWith("万");
			String digits = wan ? amount.substring(0, amount.length() - 1) : amount;
			if (digits.length() > 12) {
				return -1;
			}
			return new java.math.BigDecimal(digits).multiply(java.math.BigDecimal.valueOf(wan ? 10_000 : 1)).longValue();
		}
		int wan = amount.indexOf('万');
		if (wan < 0) {
			return ChineseNumerals.parse(amount);
		}
		if (amount.indexOf('万', wan + 1) >= 0) {
			return -1;
		}
		int high = wan == 0 ? 1 : ChineseNumerals.parse(amount.substring(0, wan));
		String tail = amount.substring(wan + 1);
		int low = tail.isEmpty() ? 0 : ChineseNumerals.parse(tail.startsWith("零") ? tail.substring(1) : tail);
		return high < 0 || low < 0 ? -1 : high * 10_000L + low;
	}
}
