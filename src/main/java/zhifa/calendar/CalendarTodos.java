package zhifa.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The calendar on the platform administrator's home page: from November (the State Council usually publishes the next
 * year's 节假日安排 then) until it is entered, next year's notice is to be entered — until then every deadline that
 * reaches into that year counts weekends only and is marked provisional. The current year missing is always to do.
 */
@Component
class CalendarTodos implements TodoSource {

	private final CalendarService calendar;

	CalendarTodos(CalendarService calendar) {
		this.calendar = calendar;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "PLATFORM_ADMIN")) {
			return List.of();
		}
		List<Integer> known = calendar.years().stream().map(CalendarService.YearSummary::year).toList();
		List<Todo.Item> items = new java.util.ArrayList<>();
		if (!known.contains(today.getYear())) {
			items.add(new Todo.Item(today.getYear() + "年节假日安排尚未录入", "本年期限暂按周末计算，均标为暂定", "/calendar", true));
		}
		if (today.getMonthValue() >= 11 && !known.contains(today.getYear() + 1)) {
			items.add(new Todo.Item((today.getYear() + 1) + "年节假日安排尚未录入", "国务院办公厅通知发布后请及时录入；延伸到明年的期限暂按周末计算", "/calendar",
					today.getMonthValue() == 12));
		}
		return List.of(new Todo("PLATFORM_ADMIN", 10, "节假日安排", items.size(), "/calendar", items));
	}
}
