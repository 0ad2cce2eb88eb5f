package zhifa.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DayType;

/**
 * One year's 国务院办公厅 holiday notice: the holidays (放假, including weekend days inside a holiday) and the make-up
 * working days (调休上班). Parsed from the CSV format of {@code holidays-cn.csv}:
 * {@code date,type,name,source} with type {@code HOLIDAY} or {@code WORKDAY}; lines starting with {@code #} are comments.
 */
public record HolidayNotice(int year, String source, List<Entry> entries) {

	public record Entry(LocalDate date, DayType type, String name) {
	}

	public HolidayNotice {
		entries = List.copyOf(entries);
	}

	/**
	 * Parses the lines of one notice. Dates may reach one day into the neighbouring years (a New Year holiday starting
	 * on 31 December). Every problem is collected and reported together, in Chinese, with its line number.
	 */
	public static HolidayNotice parse(int year, String source, Reader csv) {
		if (year < 2000 || year > 2100) {
			throw BusinessRuleViolation.onField("year", "年份应在2000至2100之间");
		}
		if (source == null || source.isBlank()) {
			throw BusinessRuleViolation.onField("source", "请填写通知文号或名称（数据来源）");
		}
		List<String> problems = new ArrayList<>();
		Map<LocalDate, Entry> entries = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(csv)) {
			String line;
			int n = 0;
			while ((line = reader.readLine()) != null) {
				n++;
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#") || line.startsWith("date,") || line.startsWith("\uFEFF")) {
					continue;
				}
				String[] f = line.split("[,，]", -1);
				if (f.length < 3) {
					problems.add("第" + n + "行：应为“日期,类型,名称”");
					continue;
				}
				LocalDate date;
				try {
					date = LocalDate.parse(f[0].strip());
				}
				catch (DateTimeParseException e) {
					problems.add("第" + n + "行：日期“" + f[0].strip() + "”格式应为 YYYY-MM-DD");
					continue;
				}
				if (date.isBefore(LocalDate.of(year - 1, 12, 24)) || date.isAfter(LocalDate.of(year + 1, 1, 7))) {
					problems.add("第" + n + "行：日期 " + date + " 不属于 " + year + " 年的通知");
					continue;
				}
				DayType type = switch (f[1].strip().toUpperCase()) {
					case "HOLIDAY", "放假", "休" -> DayType.HOLIDAY;
					case "WORKDAY", "调休上班", "班" -> DayType.ADJUSTED_WORKDAY;
					default -> null;
				};
				if (type == null) {
					problems.add("第" + n + "行：类型“" + f[1].strip() + "”应为 HOLIDAY（放假）或 WORKDAY（调休上班）");
					continue;
				}
				String name = f[2].strip();
				if (name.isEmpty()) {
					problems.add("第" + n + "行：请填写节日名称");
					continue;
				}
				if (entries.containsKey(date)) {
					problems.add("第" + n + "行：日期 " + date + " 重复");
					continue;
				}
				entries.put(date, new Entry(date, type, name));
			}
		}
		catch (IOException e) {
			throw new BusinessRuleViolation("无法读取上传的内容");
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("节假日通知有 " + problems.size() + " 处错误：" + String.join("；", problems));
		}
		if (entries.isEmpty()) {
			throw new BusinessRuleViolation("通知中没有任何日期");
		}
		return new HolidayNotice(year, source.strip(), new ArrayList<>(entries.values()));
	}
}
