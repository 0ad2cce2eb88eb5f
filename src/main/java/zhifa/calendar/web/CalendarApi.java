package zhifa.calendar.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.calendar.CalendarService;
import zhifa.calendar.HolidayNotice;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.WorkdayCalendar;

@Tag(name = "工作日历", description = "法定节假日、调休与期限计算（公开接口）")
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

	private static final int MAX_DAYS = 1000;

	private final CalendarService calendars;

	CalendarApi(CalendarService calendars) {
		this.calendars = calendars;
	}

	@Operation(summary = "计算期限届满日", description = "起算日不计入；工作日不含法定节假日、含调休上班日；日、月期限的最后一日为休息日的，顺延至其后第一个工作日；小时从下一整点起算。超出已录入年份的结果标记 provisional。")
	@GetMapping("/deadline")
	Map<String, Object> deadline(@RequestParam(required = false) String from, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String source) {
		DeadlineUnit u = parseUnit(unit);
		int n = parseAmount(amount);
		if (from == null || from.isBlank()) {
			throw BusinessRuleViolation.onField("from", "请提供起算日 from（格式 YYYY-MM-DD，按小时计算时为 YYYY-MM-DDTHH:mm）");
		}
		Deadline deadline;
		try {
			deadline = u == DeadlineUnit.HOURS ? Deadline.ofHours(LocalDateTime.parse(from), n, source)
					: Deadline.of(from.length() > 10 ? LocalDateTime.parse(from).toLocalDate() : LocalDate.parse(from), n, u,
							source);
		}
		catch (DateTimeParseException e) {
			throw BusinessRuleViolation.onField("from", u == DeadlineUnit.HOURS
					? "起算时间“" + from + "”格式错误，按小时计算时应为 YYYY-MM-DDTHH:mm"
					: "起算日“" + from + "”格式错误，应为 YYYY-MM-DD");
		}
		Deadline.Due due = calendars.due(deadline);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", from);
		body.put("amount", n);
		body.put("unit", u.name());
		body.put("due", u == DeadlineUnit.HOURS ? due.time().toString() : due.date().toString());
		body.put("provisional", due.provisional());
		if (source != null && !source.isBlank()) {
			body.put("source", source);
		}
		return body;
	}

	@Operation(summary = "列出日期区间内每一天的类型", description = "类型：WORKDAY 工作日，ADJUSTED_WORKDAY 调休上班，WEEKEND 休息日，HOLIDAY 法定节假日；区间最长1000天")
	@GetMapping("/days")
	List<Map<String, Object>> days(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate f = parseDate("from", from);
		LocalDate t = parseDate("to", to);
		if (t.isBefore(f)) {
			throw BusinessRuleViolation.onField("to", "结束日期不能早于开始日期");
		}
		if (f.plusDays(MAX_DAYS).isBefore(t)) {
			throw BusinessRuleViolation.onField("to", "日期区间最长" + MAX_DAYS + "天");
		}
		WorkdayCalendar calendar = calendars.calendar();
		return calendar.days(f, t).stream().map(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("date", d.date().toString());
			m.put("type", d.type().name());
			m.put("label", d.type().label());
			m.put("working", d.working());
			m.put("provisional", d.provisional());
			return m;
		}).toList();
	}

	@Operation(summary = "已录入的年度节假日安排")
	@GetMapping("/years")
	List<CalendarService.YearSummary> years() {
		return calendars.years();
	}

	record YearNotice(String source, String csv) {
	}

	@Operation(summary = "录入一个年度的节假日安排（平台管理员）", description = "csv 每行：日期,类型(HOLIDAY/WORKDAY),名称")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/years/{year}")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addYear(@PathVariable int year, @RequestBody YearNotice notice) {
		HolidayNotice parsed = HolidayNotice.parse(year, notice.source(),
				new java.io.StringReader(notice.csv() == null ? "" : notice.csv()));
		calendars.addYear(parsed);
		return Map.of("year", year, "days", parsed.entries().size());
	}

	private static DeadlineUnit parseUnit(String unit) {
		if (unit == null || unit.isBlank()) {
			throw BusinessRuleViolation.onField("unit", "请提供期限单位 unit：WORKING_DAYS、CALENDAR_DAYS、MONTHS 或 HOURS");
		}
		try {
			return DeadlineUnit.valueOf(unit.strip().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.onField("unit",
					"期限单位“" + unit + "”无效，应为 WORKING_DAYS（工作日）、CALENDAR_DAYS（日）、MONTHS（月）或 HOURS（小时）");
		}
	}

	private static int parseAmount(String amount) {
		if (amount == null || amount.isBlank()) {
			throw BusinessRuleViolation.onField("amount", "请提供期限长度 amount（正整数）");
		}
		try {
			int n = Integer.parseInt(amount.strip());
			if (n < 1 || n > 10_000) {
				throw BusinessRuleViolation.onField("amount", "期限长度 amount 应在1至10000之间");
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw BusinessRuleViolation.onField("amount", "期限长度“" + amount + "”不是整数");
		}
	}

	private static LocalDate parseDate(String field, String value) {
		if (value == null || value.isBlank()) {
			throw BusinessRuleViolation.onField(field, "请提供日期 " + field + "（格式 YYYY-MM-DD）");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw BusinessRuleViolation.onField(field, "日期“" + value + "”格式错误，应为 YYYY-MM-DD");
		}
	}
}
