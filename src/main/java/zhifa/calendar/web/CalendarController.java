package zhifa.calendar.web;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.calendar.CalendarService;
import zhifa.calendar.HolidayNotice;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.WorkdayCalendar;

@Controller
class CalendarController {

	private final CalendarService calendars;
	private final java.time.Clock clock;

	CalendarController(CalendarService calendars, java.time.Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	/** One month as weeks of seven cells (null for padding). */
	record Month(YearMonth month, List<List<WorkdayCalendar.Day>> weeks) {
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) Integer amount, @RequestParam(required = false) DeadlineUnit unit, Model model) {
		int y = year != null ? year : LocalDate.now(clock).getYear();
		if (y < 2000 || y > 2100) {
			y = LocalDate.now(clock).getYear();
		}
		WorkdayCalendar c = calendars.calendar();
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth ym = YearMonth.of(y, m);
			List<List<WorkdayCalendar.Day>> weeks = new ArrayList<>();
			List<WorkdayCalendar.Day> week = new ArrayList<>();
			for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
				week.add(null);
			}
			for (WorkdayCalendar.Day d : c.days(ym.atDay(1), ym.atEndOfMonth())) {
				week.add(d);
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(null);
				}
				weeks.add(week);
			}
			months.add(new Month(ym, weeks));
		}
		model.addAttribute("year", y);
		model.addAttribute("months", months);
		model.addAttribute("known", c.isKnownYear(y));
		model.addAttribute("years", calendars.years());
		model.addAttribute("units", DeadlineUnit.values());
		if (from != null && amount != null && unit != null && unit != DeadlineUnit.HOURS) {
			try {
				model.addAttribute("due", calendars.due(Deadline.of(from, amount, unit, null)));
			}
			catch (IllegalArgumentException e) {
				model.addAttribute("error", e.getMessage());
			}
		}
		model.addAttribute("from", from);
		model.addAttribute("amount", amount);
		model.addAttribute("unit", unit);
		return "calendar/calendar";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/calendar/years")
	String addYear(@RequestParam(required = false) Integer year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String csv, RedirectAttributes flash) {
		try {
			if (year == null) {
				throw BusinessRuleViolation.onField("year", "请填写年份");
			}
			HolidayNotice notice = HolidayNotice.parse(year, source, new StringReader(csv == null ? "" : csv));
			calendars.addYear(notice);
			flash.addFlashAttribute("message", "已录入" + year + "年节假日安排，共" + notice.entries().size() + "天");
			return "redirect:/calendar?year=" + year;
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			flash.addFlashAttribute("draftYear", year);
			flash.addFlashAttribute("draftSource", source);
			flash.addFlashAttribute("draftCsv", csv);
			return "redirect:/calendar";
		}
	}
}
