package zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DayType;

class HolidayNoticeTest {

	@Test
	void parsesHolidaysAndMakeUpWorkingDaysIncludingTheDayBeforeNewYear() {
		var notice = HolidayNotice.parse(2027, "国办发明电〔2026〕1号", new StringReader("""
				date,type,name,source
				2026-12-31,HOLIDAY,元旦
				2027-01-01,HOLIDAY,元旦
				2027-02-07,WORKDAY,春节调休上班
				"""));
		assertThat(notice.entries()).hasSize(3);
		assertThat(notice.entries().get(2).type()).isEqualTo(DayType.ADJUSTED_WORKDAY);
	}

	@Test
	void reportsEveryBadLineWithItsNumber() {
		assertThatThrownBy(() -> HolidayNotice.parse(2027, "x", new StringReader("""
				2027-13-01,HOLIDAY,元旦
				2027-02-01,OFF,春节
				2025-05-01,HOLIDAY,劳动节
				""")))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("3 处错误")
			.hasMessageContaining("第1行")
			.hasMessageContaining("第2行")
			.hasMessageContaining("不属于 2027 年");
	}

	@Test
	void requiresASource() {
		assertThatThrownBy(() -> HolidayNotice.parse(2027, " ", new StringReader("2027-01-01,HOLIDAY,元旦")))
			.hasMessageContaining("数据来源");
	}
}
