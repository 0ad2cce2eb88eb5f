package zhifa.casework;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese text into lines by the rules of Chinese typesetting (GB/T 15834 标点符号用法; RULES.md §11): a line
 * does not start with closing punctuation (。，、；：？！）」》…) and does not end with opening punctuation (（「《…); a
 * number, an amount, a date part or a code ("62,000.00元", "2026年", "EMS1234567890CN", "2405 0101 0400") is never
 * split, unless it is wider than a whole line. (An article number in Chinese figures, 第一百二十四条, may break like any
 * Chinese text, as in printed statutes: keeping it whole leaves ragged lines.)
 */
final class LineBreaker {

	/** Characters that may not start a line. */
	static final String NO_START = "，。、；：？！）」』》〉】〕〗’”…—·%‰,.;:?!)]}";

	/** Characters that may not end a line. */
	static final String NO_END = "（「『《〈【〔〖‘“([{";

	/** Characters that stay with the number before them (units of amounts, dates and numbers). */
	private static final String UNITS = "元角分年月日号时万亿%";

	/** The width of a text in points at a size, in the regular or the bold face. */
	@FunctionalInterface
	interface Measure {
		float width(String text, float size, boolean bold);
	}

	/** A piece of text in one face. */
	record Run(String text, boolean bold) {
	}

	/** A laid-out line: its runs, its natural width, its indent, how many glyphs, and whether it ends its paragraph. */
	record Line(List<Run> runs, float width, float indent, int glyphs, boolean last) {

		String text() {
			StringBuilder sb = new StringBuilder();
			runs.forEach(r -> sb.append(r.text()));
			return sb.toString();
		}
	}

	/** An unbreakable piece: one CJK character, or a number with its unit, or a Latin word. */
	private record Token(String text, boolean bold) {
	}

	private LineBreaker() {
	}

	static List<Line> lines(List<Run> runs, Measure measure, float size, float width, float firstIndent) {
		List<Token> tokens = new ArrayList<>();
		for (Run r : runs) {
			for (String t : tokens(r.text())) {
				tokens.add(new Token(t, r.bold()));
			}
		}
		List<Line> lines = new ArrayList<>();
		int start = 0;
		float indent = firstIndent;
		while (start < tokens.size()) {
			float available = width - indent;
			float used = 0;
			int end = start;
			while (end < tokens.size()) {
				float w = measure.width(tokens.get(end).text(), size, tokens.get(end).bold());
				if (used + w > available + 0.01f) {
					break;
				}
				used += w;
				end++;
			}
			if (end == tokens.size()) {
				lines.add(line(tokens.subList(start, end), measure, size, indent, true));
				break;
			}
			if (end == start) {
				// one token wider than the line: split it by character
				Token big = tokens.get(start);
				List<Token> chars = new ArrayList<>();
				big.text().codePoints().forEach(cp -> chars.add(new Token(new String(Character.toChars(cp)), big.bold())));
				tokens.remove(start);
				tokens.addAll(start, chars);
				continue;
			}
			int br = end;
			while (br > start + 1 && (startsWith(tokens.get(br), NO_START) || endsWith(tokens.get(br - 1), NO_END))) {
				br--;
			}
			lines.add(line(tokens.subList(start, br), measure, size, indent, false));
			start = br;
			indent = 0;
		}
		if (lines.isEmpty()) {
			lines.add(new Line(List.of(), 0, firstIndent, 0, true));
		}
		return lines;
	}

	private static Line line(List<Token> tokens, Measure measure, float size, float indent, boolean last) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Boolean bold = null;
		for (Token t : tokens) {
			if (bold != null && bold != t.bold()) {
				runs.add(new Run(current.toString(), bold));
				current.setLength(0);
			}
			bold = t.bold();
			current.append(t.text());
		}
		if (bold != null) {
			runs.add(new Run(current.toString(), bold));
		}
		float width = 0;
		int glyphs = 0;
		for (Run r : runs) {
			width += measure.width(r.text(), size, r.bold());
			glyphs += r.text().codePointCount(0, r.text().length());
		}
		return new Line(runs, width, indent, glyphs, last);
	}

	private static boolean startsWith(Token t, String set) {
		return set.indexOf(t.text().codePointAt(0)) >= 0;
	}

	private static boolean endsWith(Token t, String set) {
		return set.indexOf(t.text().codePointBefore(t.text().length())) >= 0;
	}

	/** Splits a text into unbreakable tokens. */
	static List<String> tokens(String text) {
		List<String> out = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			int cp = text.codePointAt(i);
			int j = i + Character.charCount(cp);
			if (latin(cp)) {
				// a number or word, with separators between its digits (62,000.00 · 2026-01-05 · 10:30)
				while (j < n && (latin(text.codePointAt(j)) || separator(text, j))) {
					j += Character.charCount(text.codePointAt(j));
				}
				if (j < n && UNITS.indexOf(text.charAt(j)) >= 0 && Character.isDigit(text.charAt(j - 1))) {
					j++;
				}
			}
			out.add(text.substring(i, j));
			i = j;
		}
		return out;
	}

	private static boolean latin(int cp) {
		return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '_' || cp == '@' || cp == '#');
	}

	/** A separator inside a number: between two digits (or a digit and a letter), such as "," "." ":" "-" "/", or a space between digit groups. */
	private static boolean separator(String text, int j) {
		char c = text.charAt(j);
		if (c == ' ' && j > 0 && j + 1 < text.length() && Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1))) {
			return true; // an account number in groups: 2405 0101 0400
		}
		return ",.:-/".indexOf(c) >= 0 && j > 0 && j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j - 1))
				&& Character.isLetterOrDigit(text.charAt(j + 1)) && text.charAt(j + 1) < 0x2E80;
	}
}
