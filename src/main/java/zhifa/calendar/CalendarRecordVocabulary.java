package zhifa.calendar;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the working-day calendar. */
@Component
class CalendarRecordVocabulary implements RecordVocabulary {

	@Override
	public Map<String, String> actions() {
		return Map.of("calendar.year_added", "录入年度节假日安排");
	}

	@Override
	public Map<String, String> fields() {
		return Map.of("year", "年份", "source", "来源", "days", "日期", "holidays", "节假日", "workdays", "调休上班日");
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("calendar_year", "工作日历");
	}
}
