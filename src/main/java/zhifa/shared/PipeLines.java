package zhifa.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import zhifa.shared.web.RequestLimits;

/**
 * Configuration written as text, one entry per line, fields separated by {@code |} (评查标准, 行动方案): blank lines and
 * lines starting with {@code #} are skipped, fields are stripped, a line with control characters is an error, and every
 * error is named by its line ("第3行：…").
 */
public final class PipeLines {

	/** One line: its number in the text (from 1) and its fields; the first field says what the line is. */
	public record Line(int number, String[] fields) {

		public String where() {
			return "第" + number + "行：";
		}

		public String kind() {
			return fields[0];
		}

		public String field(int i) {
			return i < fields.length ? fields[i] : "";
		}

		/** Between {@code min} and {@code max} fields, else an error naming the kind and the count. */
		public void need(int min, int max) {
			if (fields.length < min || fields.length > max) {
				throw new IllegalArgumentException("“" + fields[0] + "”行应有" + (min == max ? String.valueOf(min) : min + "至" + max) + "个字段（以|分隔），实际"
						+ fields.length + "个");
			}
		}
	}

	private PipeLines() {
	}

	/**
	 * The lines of the text; lines with control characters are reported in {@code errors} and left out.
	 *
	 * @throws BusinessRuleViolation on the field {@code text} when the text is empty or longer than {@code maxLines}
	 */
	public static List<Line> read(String text, int maxLines, String what, List<String> errors) {
		if (text == null || text.isBlank()) {
			throw BusinessRuleViolation.onField("text", "请填写" + what + "的内容");
		}
		String[] raw = text.replace("\r\n", "\n").split("\n");
		if (raw.length > maxLines) {
			throw BusinessRuleViolation.onField("text", what + "不超过" + maxLines + "行");
		}
		List<Line> out = new ArrayList<>();
		for (int n = 0; n < raw.length; n++) {
			String line = raw[n].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (RequestLimits.hasControlCharacters(line)) {
				errors.add("第" + (n + 1) + "行：含有控制字符");
				continue;
			}
			out.add(new Line(n + 1, Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new)));
		}
		return out;
	}

	/** Refuses with the first ten errors, on the field {@code text}, when there are any. */
	public static void refuseIfAny(String what, List<String> errors) {
		if (!errors.isEmpty()) {
			String all = String.join("；", errors.subList(0, Math.min(errors.size(), 10)));
			throw new BusinessRuleViolation(what + "有误：" + all, java.util.Map.of("text", all));
		}
	}
}
