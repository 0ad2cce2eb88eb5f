package zhifa.supervision.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import zhifa.shared.PipeLines;
import zhifa.shared.web.RequestLimits;

/**
 * The rubric as the supervisor writes it, one line per entry, fields separated by {@code |}:
 * <pre>
 * 否决|V1|执法人员未取得执法证件或少于两人|OFFICERS,LAPSED_CERTIFICATE
 * 分组|FORM|案卷形式|20
 * 扣分|F1|送达回证缺失或送达超期|3|DECISION_SERVICE
 * 档次|优秀|90
 * </pre>
 * A 扣分 line belongs to the 分组 above it; the last field of 否决 and 扣分 (optional) names the alert rules whose findings
 * propose the item. Lines starting with {@code #} are comments. Every error names its line.
 */
public final class RubricText {

	static final int MAX_LINES = 300;

	private RubricText() {
	}

	public static Rubric parse(String title, String text, Set<String> ruleCodes) {
		return parse(title, text, ruleCodes, false);
	}

	/** A stored version: pre-check rules no longer known are dropped (the version keeps working), everything else as {@link #parse}. */
	public static Rubric parseStored(String title, String text, Set<String> ruleCodes) {
		return parse(title, text, ruleCodes, true);
	}

	private static Rubric parse(String title, String text, Set<String> ruleCodes, boolean lenient) {
		List<String> errors = new ArrayList<>();
		if (title == null || title.isBlank() || title.strip().length() > 100 || RequestLimits.hasControlCharacters(title)) {
			errors.add("请填写评查标准名称（100字以内）");
		}
		List<Rubric.Veto> vetoes = new ArrayList<>();
		List<Rubric.Group> groups = new ArrayList<>();
		List<Rubric.Band> bands = new ArrayList<>();
		List<Rubric.Item> current = null;
		for (PipeLines.Line l : PipeLines.read(text, MAX_LINES, "评查标准", errors)) {
			String[] f = l.fields();
			String where = l.where();
			try {
				switch (f[0]) {
					case "否决" -> {
						l.need(3, 4);
						vetoes.add(new Rubric.Veto(code(f[1]), text(f[2]), rules(f.length > 3 ? f[3] : "", ruleCodes, lenient)));
					}
					case "分组" -> {
						l.need(4, 4);
						current = new ArrayList<>();
						groups.add(new Rubric.Group(code(f[1]), text(f[2]), number(f[3], 1, 1000, "满分"), current));
					}
					case "扣分" -> {
						l.need(4, 5);
						if (current == null) {
							throw new IllegalArgumentException("扣分项应写在某个“分组”行之后");
						}
						current.add(new Rubric.Item(code(f[1]), text(f[2]), number(f[3], 1, 1000, "扣分"), rules(f.length > 4 ? f[4] : "", ruleCodes, lenient)));
					}
					case "档次" -> {
						l.need(3, 3);
						if (f[1].isEmpty() || f[1].length() > 10 || Rubric.FAIL.equals(f[1])) {
							throw new IllegalArgumentException("档次名称应为1至10个字（“不合格”由平台给出，不必列出）");
						}
						bands.add(new Rubric.Band(f[1], number(f[2], 0, 1000, "档次分数线")));
					}
					default -> throw new IllegalArgumentException("行首应为“否决”“分组”“扣分”或“档次”");
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(where + e.getMessage());
			}
		}
		if (groups.isEmpty()) {
			errors.add("至少要有一个评分分组");
		}
		if (bands.isEmpty()) {
			errors.add("至少要有一个等次（如：档次|合格|60）");
		}
		Rubric r = null;
		if (errors.isEmpty()) {
			try {
				r = new Rubric(title.strip(), vetoes, groups, bands);
				int full = r.full();
				for (Rubric.Band b : bands) {
					if (b.min() > full) {
						errors.add("档次“" + b.label() + "”的分数线 " + b.min() + " 超过满分 " + full);
					}
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(e.getMessage());
			}
		}
		PipeLines.refuseIfAny("评查标准", errors);
		return r;
	}

	/** The text of a rubric (what a new version starts from). */
	public static String format(Rubric r) {
		StringBuilder sb = new StringBuilder();
		r.vetoes().forEach(v -> sb.append("否决|").append(v.code()).append('|').append(v.text()).append(rulesText(v.prechecks())).append('\n'));
		for (Rubric.Group g : r.groups()) {
			sb.append("分组|").append(g.code()).append('|').append(g.name()).append('|').append(g.max()).append('\n');
			g.items().forEach(i -> sb.append("扣分|").append(i.code()).append('|').append(i.text()).append('|').append(i.deduction())
				.append(rulesText(i.prechecks())).append('\n'));
		}
		r.bands().forEach(b -> sb.append("档次|").append(b.label()).append('|').append(b.min()).append('\n'));
		return sb.toString();
	}

	private static String rulesText(List<String> rules) {
		return rules.isEmpty() ? "" : "|" + String.join(",", rules);
	}

	private static String code(String s) {
		if (!s.matches("[A-Z][A-Z0-9_]{0,19}")) {
			throw new IllegalArgumentException("编号“" + s + "”应为大写字母开头的字母、数字或下划线（20位以内）");
		}
		return s;
	}

	private static String text(String s) {
		if (s.isEmpty() || s.length() > 200) {
			throw new IllegalArgumentException("内容应为1至200字");
		}
		return s;
	}

	private static int number(String s, int min, int max, String what) {
		try {
			int v = Integer.parseInt(s);
			if (v < min || v > max) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(what + "应为" + min + "至" + max + "的整数：" + s);
		}
	}

	private static List<String> rules(String s, Set<String> known, boolean lenient) {
		if (s.isEmpty()) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String c : s.split(",")) {
			String code = c.strip();
			if (!known.contains(code)) {
				if (lenient) {
					continue;
				}
				throw new IllegalArgumentException("预检规则“" + code + "”不存在");
			}
			out.add(code);
		}
		return List.copyOf(out);
	}
}
