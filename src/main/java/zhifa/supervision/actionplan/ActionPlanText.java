package zhifa.supervision.actionplan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.PipeLines;

/**
 * A three-year plan as data, one line per entry, fields separated by {@code |} (the format of
 * {@code actionplan/mangshi-2023-2025.txt}; a next plan is loaded the same way):
 * <pre>
 * 方案|编号|名称|印发机关|印发日期|起始日期|截止日期
 * 任务|序号|所属部分|任务名称|责任单位
 * 事项|事项内容|时限|责任单位|平台数据（可空）
 * </pre>
 * An 事项 belongs to the 任务 above it. Lines starting with {@code #} are comments. Every error names its line.
 */
public final class ActionPlanText {

	public record Plan(String code, String title, String issuer, LocalDate issuedOn, LocalDate startsOn, LocalDate endsOn, List<Task> tasks) {
	}

	public record Task(int number, String section, String title, String responsible, List<Item> items) {
	}

	public record Item(String title, LocalDate due, String responsible, Measure measure) {
	}

	private ActionPlanText() {
	}

	public static Plan parse(String text) {
		List<String> errors = new ArrayList<>();
		String[] head = null;
		LocalDate[] dates = new LocalDate[3];
		List<Task> tasks = new ArrayList<>();
		List<Item> current = null;
		Set<Integer> numbers = new HashSet<>();
		for (PipeLines.Line l : PipeLines.read(text, 2000, "方案", errors)) {
			String[] f = l.fields();
			String where = l.where();
			try {
				switch (f[0]) {
					case "方案" -> {
						l.need(7, 7);
						if (head != null) {
							throw new IllegalArgumentException("“方案”行只能有一行");
						}
						if (!f[1].matches("[A-Za-z0-9-]{1,40}")) {
							throw new IllegalArgumentException("方案编号应为40位以内的字母、数字或连字符");
						}
						head = f;
						dates[0] = date(f[4]);
						dates[1] = date(f[5]);
						dates[2] = date(f[6]);
						text(f[2], 200);
						text(f[3], 100);
					}
					case "任务" -> {
						l.need(5, 5);
						int number;
						try {
							number = Integer.parseInt(f[1]);
						}
						catch (NumberFormatException e) {
							throw new IllegalArgumentException("任务序号应为整数：" + f[1]);
						}
						if (number < 1 || number > 999 || !numbers.add(number)) {
							throw new IllegalArgumentException("任务序号应为1至999且不重复：" + f[1]);
						}
						current = new ArrayList<>();
						tasks.add(new Task(number, text(f[2], 100), text(f[3], 200), text(f[4], 400), current));
					}
					case "事项" -> {
						l.need(5, 5);
						if (current == null) {
							throw new IllegalArgumentException("“事项”应写在某个“任务”行之后");
						}
						Measure m = null;
						if (!f[4].isEmpty()) {
							try {
								m = Measure.valueOf(f[4]);
							}
							catch (IllegalArgumentException e) {
								throw new IllegalArgumentException("平台数据“" + f[4] + "”不存在，可用：" + Arrays.toString(Measure.values()));
							}
						}
						current.add(new Item(text(f[1], 300), date(f[2]), text(f[3], 400), m));
					}
					default -> throw new IllegalArgumentException("行首应为“方案”“任务”或“事项”");
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(where + e.getMessage());
			}
		}
		if (head == null) {
			errors.add("缺少“方案”行");
		}
		if (tasks.isEmpty()) {
			errors.add("至少要有一项任务");
		}
		PipeLines.refuseIfAny("方案内容", errors);
		if (dates[2].isBefore(dates[1])) {
			throw BusinessRuleViolation.onField("text", "方案的截止日期早于起始日期");
		}
		return new Plan(head[1], head[2], head[3], dates[0], dates[1], dates[2], List.copyOf(tasks));
	}

	private static String text(String s, int max) {
		if (s.isEmpty() || s.length() > max) {
			throw new IllegalArgumentException("内容应为1至" + max + "字");
		}
		return s;
	}

	private static LocalDate date(String s) {
		try {
			return LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("日期应为 2024-03-31 的形式：" + s);
		}
	}
}
