package zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class CalendarApiIntegrationTest extends IntegrationTestBase {

	@Test
	void computesTheWorkedExampleForOtherSystemsWithoutLogin() {
		var res = new HttpSession(port).get("/api/v1/calendar/deadline?from=2024-09-27&amount=5&unit=WORKING_DAYS");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(json(res.body())).isEqualTo(json("""
				{"from":"2024-09-27","amount":5,"unit":"WORKING_DAYS","due":"2024-10-10","provisional":false}"""));
	}

	@Test
	void badParametersGetA400ProblemInChinese() {
		var s = new HttpSession(port);
		var unit = s.get("/api/v1/calendar/deadline?from=2024-09-27&amount=5&unit=WEEKS");
		assertThat(unit.statusCode()).isEqualTo(400);
		assertThat(unit.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(json(unit.body()).get("errors").get("unit").asString()).contains("WORKING_DAYS");
		var date = s.get("/api/v1/calendar/deadline?from=2024-09-31&amount=5&unit=CALENDAR_DAYS");
		assertThat(json(date.body()).get("detail").asString()).contains("格式错误");
		assertThat(s.get("/api/v1/calendar/deadline?from=2024-09-27&amount=0&unit=WORKING_DAYS").statusCode()).isEqualTo(400);
		assertThat(s.get("/api/v1/calendar/days?from=2024-01-01&to=2023-01-01").statusCode()).isEqualTo(400);
	}

	@Test
	void listsDaysWithTheirType() {
		var days = json(new HttpSession(port).get("/api/v1/calendar/days?from=2024-09-28&to=2024-10-01").body());
		assertThat(days.size()).isEqualTo(4);
		assertThat(days.get(0).get("type").asString()).isEqualTo("WEEKEND");
		assertThat(days.get(1).get("type").asString()).isEqualTo("ADJUSTED_WORKDAY");
		assertThat(days.get(2).get("type").asString()).isEqualTo("WORKDAY");
		assertThat(days.get(3).get("type").asString()).isEqualTo("HOLIDAY");
	}

	@Test
	void addingTheNextYearsNoticeEndsProvisionalAnswers() {
		String url = "/api/v1/calendar/deadline?from=2029-09-28&amount=5&unit=WORKING_DAYS";
		assertThat(json(new HttpSession(port).get(url).body()).get("provisional").asBoolean()).isTrue();
		String notice = """
				{"source":"测试通知〔2029〕","csv":"2029-10-01,HOLIDAY,国庆节\\n2029-10-02,HOLIDAY,国庆节\\n2029-10-03,HOLIDAY,国庆节\\n2029-10-04,HOLIDAY,国庆节\\n2029-10-05,HOLIDAY,国庆节\\n2029-09-29,WORKDAY,国庆节调休上班"}""";
		assertThat(loggedIn("jiandu").postJson("/api/v1/calendar/years/2029", notice).statusCode()).isEqualTo(403);
		HttpSession admin = loggedIn("admin");
		assertThat(admin.postJson("/api/v1/calendar/years/2029", notice).statusCode()).isEqualTo(201);
		var after = json(new HttpSession(port).get(url).body());
		assertThat(after.get("provisional").asBoolean()).isFalse();
		// Fri 09-28 → Sat 09-29 make-up (1), 10-01..05 holiday, 10-08 Mon (2) … 10-11 Thu (5)
		assertThat(after.get("due").asString()).isEqualTo("2029-10-11");
		assertThat(admin.postJson("/api/v1/calendar/years/2029", notice).statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'calendar_year' and subject_id = '2029'",
				Long.class)).isEqualTo(1);
	}
}
