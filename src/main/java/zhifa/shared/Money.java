package zhifa.shared;

import java.math.BigDecimal;

/**
 * Money: fen ({@code long}) inside, yuan on screen. Every amount a user types goes through {@link #fen}: exact (more
 * than two decimals is refused, never rounded), not negative and at most {@link #MAX_YUAN} — an amount of 10²⁰ yuan is
 * refused, not silently wrapped to another number.
 */
public final class Money {

	/** 1,000亿元: above any fine, confiscation or threshold the platform records. */
	public static final BigDecimal MAX_YUAN = new BigDecimal("100000000000");
	public static final long MAX_FEN = 10_000_000_000_000L;

	private Money() {
	}

	/** Yuan as typed, in fen; {@code null} stays {@code null}. */
	public static Long fen(BigDecimal yuan, String field) {
		if (yuan == null) {
			return null;
		}
		if (yuan.signum() < 0) {
			throw BusinessRuleViolation.onField(field, "金额不能为负数");
		}
		if (yuan.compareTo(MAX_YUAN) > 0) {
			throw BusinessRuleViolation.onField(field, "金额超出允许的范围（不超过1,000亿元）");
		}
		try {
			return yuan.movePointRight(2).longValueExact();
		}
		catch (ArithmeticException e) {
			throw BusinessRuleViolation.onField(field, "金额最多保留两位小数");
		}
	}

	/** An amount in fen given to the API: not negative, at most {@link #MAX_FEN}. */
	public static Long checkFen(Long fen, String field) {
		if (fen != null && (fen < 0 || fen > MAX_FEN)) {
			throw BusinessRuleViolation.onField(field, fen < 0 ? "金额不能为负数" : "金额超出允许的范围（不超过1,000亿元）");
		}
		return fen;
	}

	/** Money as shown everywhere, on pages, in documents and in messages: {@code 60,000.00元} ({@code 0.00元} for none). */
	public static String yuan(Long fen) {
		java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
		return f.format(BigDecimal.valueOf(fen == null ? 0 : fen, 2)) + "元";
	}

	/** An amount in fen as a form shows it for editing ({@code 60000.00}), or empty. */
	public static String plain(Long fen) {
		return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
	}
}
