package zhifa.coercion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.calendar.CalendarService;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 行政强制执行 on an overdue fine, at its edges: the ten working days after the 催告书 (行政强制法第五十四条、第六十九条) to the day,
 * the thirty days of 加处罚款 before a body enforces itself (第四十六条), a party who pays after the 催告 (the procedure ends
 * and nothing stays "强制执行中" or overdue), and a 查封 that keeps the case open until it is released.
 */
class EnforcementIntegrationTest extends IntegrationTestBase {

	@Autowired
	CalendarService calendar;

	@Autowired
	Enforcements enforcements;

	CaseScenarios scenarios;

	HttpSession officer;

	HttpSession head;

	@BeforeEach
	void sessions() {
		scenarios = new CaseScenarios(jdbc, clock);
		officer = loggedIn("scj.zhifa");
		head = loggedIn("scj.fuze");
	}

	@Test
	void theCourtIsAppliedToOnTheWorkingDayAfterTheTenthAndNotBefore() {
		long id = scenarios.decidedAndServed(officer, head, "强制执行边界测试公司", 301);
		String base = "/api/v1/cases/" + id;
		LocalDate served = LocalDate.now(clock);
		// after the 复议/诉讼 periods, so that only the 催告's ten working days can hold the application back
		LocalDate windowOpens = calendar.due(Deadline.of(served, 6, DeadlineUnit.MONTHS, "x")).date();
		shiftTo(windowOpens.plusDays(1));
		LocalDate urged = LocalDate.now(clock);
		ok(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(urged)));
		LocalDate tenth = calendar.due(Deadline.of(urged, 10, DeadlineUnit.WORKING_DAYS, "x")).date();
		assertThat(enforcements.urgePeriodEnd(urged)).isEqualTo(tenth);

		shiftTo(tenth);
		String apply = "{\"appliedOn\":\"%s\",\"court\":\"芒市人民法院\"}";
		assertThat(refused(id, () -> head.postJson(base + "/court-application", apply.formatted(tenth)), 400)).contains("十日后", "第六十九条",
				calendar.calendar().nextWorkingDay(tenth).toString());
		LocalDate next = calendar.calendar().nextWorkingDay(tenth);
		shiftTo(next);
		var applied = head.postJson(base + "/court-application", apply.formatted(next));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		assertThat(json(applied.body()).get("stage").asString()).isEqualTo("APPLIED");
		assertThat(timerState(id, "COURT_APPLICATION")).isEqualTo("MET");
	}

	/**
	 * A 复议 decided and not taken to court: the court application window opens fifteen days after the 复议决定 (行政诉讼法
	 * 第四十五条), not six months after service; a 催告 made while the 复议 ran has its window counted again.
	 */
	@Test
	void aReviewDecidedMovesTheCourtWindowToFifteenDaysAfterIt() {
		long id = scenarios.decidedAndServed(officer, head, "复议后申请执行测试公司", 317);
		String base = "/api/v1/cases/" + id;
		LocalDate served = LocalDate.now(clock);
		LocalDate due = LocalDate.parse(json(officer.get(base + "/execution").body()).get("account").get("due").asString());
		ok(officer.postJson(base + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(served)));
		shiftTo(due.plusDays(1));
		ok(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(LocalDate.now(clock))));
		String start = "select start_date from case_timer where case_id = ? and kind = 'COURT_APPLICATION'";
		assertThat(jdbc.queryForObject(start, LocalDate.class, id)).isEqualTo(calendar.due(Deadline.of(served, 6, DeadlineUnit.MONTHS, "x")).date());
		long remedy = jdbc.queryForObject("select id from penalty_remedy where case_id = ?", Long.class, id);
		LocalDate decided = LocalDate.now(clock);
		ok(officer.postJson(base + "/remedies/" + remedy + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"UPHELD\"}".formatted(decided)));
		assertThat(jdbc.queryForObject(start, LocalDate.class, id)).isEqualTo(calendar.due(Deadline.of(decided, 15, DeadlineUnit.CALENDAR_DAYS, "x")).date());
		assertThat(timerState(id, "COURT_APPLICATION")).isEqualTo("RUNNING");
	}

	/** The 催告书 states what was owed on the day it was served, not on the day its service was registered. */
	@Test
	void theUrgeStatesWhatWasOwedWhenServed() {
		long id = scenarios.decidedAndServed(officer, head, "催告日期测试公司", 318);
		String base = "/api/v1/cases/" + id;
		LocalDate due = LocalDate.parse(json(officer.get(base + "/execution").body()).get("account").get("due").asString());
		shiftTo(due.plusDays(5));
		LocalDate served = due.plusDays(1);
		ok(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(served)));
		assertThat(enforcements.enforcement(id).orElseThrow().obligation()).contains("截至" + zhifa.casework.DocumentRenderer.chineseDate(served))
			.doesNotContain("截至" + zhifa.casework.DocumentRenderer.chineseDate(LocalDate.now(clock)));
	}

	@Test
	void aBodyEnforcesItselfOnlyAfterThirtyDaysOfLateFeeAndTheCourtWindowThenCloses() {
		long id = scenarios.decidedAndServed(officer, head, "强制执行决定测试公司", 302);
		String base = "/api/v1/cases/" + id;
		LocalDate due = LocalDate.parse(json(officer.get(base + "/execution").body()).get("account").get("due").asString());
		shiftTo(due.plusDays(1));
		ok(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(LocalDate.now(clock))));
		String decide = "{\"on\":\"%s\",\"number\":\"芒市监强决〔2026〕1号\",\"powerBasis\":\"某法律第某条（测试）\"}";

		// the 催告's ten working days are over, but the late fee has run fewer than thirty days: 第四十六条
		LocalDate afterUrge = calendar.calendar().nextWorkingDay(enforcements.urgePeriodEnd(LocalDate.now(clock)));
		assertThat(ChronoUnit.DAYS.between(due, afterUrge)).isLessThanOrEqualTo(30);
		shiftTo(afterUrge);
		String refusal = refused(id, () -> head.postJson(base + "/enforcement/decision", decide.formatted(afterUrge)), 400);
		assertThat(refusal).contains("第四十六条第一款", "已加处 " + ChronoUnit.DAYS.between(due, afterUrge) + " 日").doesNotContain("十日后");
		assertThat(json(officer.get("/api/v1/cases/" + id).body()).toString()).contains("第四十六条第一款");

		// on the thirtieth day still refused, on the thirty-first allowed
		shiftTo(due.plusDays(30));
		assertThat(refused(id, () -> head.postJson(base + "/enforcement/decision", decide.formatted(due.plusDays(30))), 400)).contains("已加处 30 日");
		shiftTo(due.plusDays(31));
		var decided = head.postJson(base + "/enforcement/decision", decide.formatted(due.plusDays(31)));
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(json(decided.body()).get("stage").asString()).isEqualTo("DECIDED");
		// the body enforces itself: no court application is owed any more, so none can be missed
		assertThat(timerState(id, "COURT_APPLICATION")).isEqualTo("MET");
	}

	@Test
	void aPartyWhoPaysAfterTheUrgeEndsTheProcedureAndTheCaseCloses() {
		long id = scenarios.decidedAndServed(officer, head, "催告后缴清测试公司", 303);
		String base = "/api/v1/cases/" + id;
		LocalDate due = LocalDate.parse(json(officer.get(base + "/execution").body()).get("account").get("due").asString());
		shiftTo(due.plusDays(3));
		LocalDate today = LocalDate.now(clock);
		ok(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(today)));
		assertThat(listed("ENFORCEMENT", id)).isTrue();
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"结案\"}").body()).get("detail").asString()).contains("尚欠");

		long outstanding = json(officer.get(base + "/execution").body()).get("account").get("outstanding").asLong();
		ok(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":%d,\"receiptNo\":\"5331000099\"}".formatted(today, outstanding)));
		var e = json(officer.get(base + "/enforcement").body());
		assertThat(e.get("stage").asString()).isEqualTo("DONE");
		assertThat(e.get("result").asString()).contains("缴清");
		assertThat(timerState(id, "URGE")).isEqualTo("MET");
		assertThat(timerState(id, "COURT_APPLICATION")).isEqualTo("MET");
		assertThat(listed("ENFORCEMENT", id)).as("no longer 强制执行中").isFalse();
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsSubsequence("case.urged", "case.payment", "case.enforcement_fulfilled");
		// months later nothing about it can run out, and the case closes
		shiftTo(today.plusMonths(8));
		fileDocuments(officer, id);
		var closed = head.postJson(base + "/closure", "{\"report\":\"当事人催告后缴清罚款及加处罚款\"}");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from case_timer where case_id = ? and state in ('RUNNING', 'MISSED')", Long.class, id)).isZero();
	}

	@Test
	void aSeizureStillInPlaceKeepsTheCaseOpenUntilItIsReleased() {
		LocalDate today = LocalDate.now(clock);
		long[] seal = new long[1];
		// a 查封 taken during the investigation and still in place when the fine is paid
		long id = scenarios.decidedAndServed(officer, head, "查封未解除测试公司", 304, caseId -> {
			var r = officer.postJson("/api/v1/cases/" + caseId + "/measures",
					"{\"kind\":\"SEAL\",\"reason\":\"涉嫌违法生产（测试）\",\"basis\":\"《中华人民共和国食品安全法》第一百一十条第（四）项\",\"items\":\"加工设备（测试）\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\",\"avRecorded\":true}".formatted(today));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			seal[0] = json(r.body()).get("id").asLong();
		});
		String base = "/api/v1/cases/" + id;
		long outstanding = json(officer.get(base + "/execution").body()).get("account").get("outstanding").asLong();
		ok(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":%d,\"receiptNo\":\"5331000098\"}".formatted(today, outstanding)));

		String refusal = refused(id, () -> head.postJson(base + "/closure", "{\"report\":\"结案\"}"), 422);
		assertThat(refusal).contains("查封的“加工设备（测试）”尚未解除或作出处理决定", "第二十七条",
				"加工设备（测试），" + today + "：尚未生成查封决定书（行政强制法第二十四条",
				// affirmed when it was applied, and now asked of the file: the day's video (the day's 现场检查笔录 is there)
				"案卷缺少" + today + " 实施的查封的全程音像记录（证据种类“视听资料”，取证日期为当日）", "国办发〔2018〕118号");
		assertThat(refusal).doesNotContain("现场笔录（当日");
		// photographs of the day are not the video
		assertThat(officer.postMultipart(base + "/evidence", Map.of("type", "DOCUMENTARY", "title", "查封现场照片", "collectedOn", today.toString()), "file",
				"seal.jpg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4 }).statusCode()).isEqualTo(200);
		assertThat(refused(id, () -> head.postJson(base + "/closure", "{\"report\":\"结案\"}"), 422)).contains("实施的查封的全程音像记录");
		assertThat(officer.postMultipart(base + "/evidence", Map.of("type", "AUDIOVISUAL", "title", "查封全程录像", "collectedOn", today.toString()), "file",
				"seal.mp4", "video/mp4", new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0 }).statusCode()).isEqualTo(200);
		ok(officer.postJson(base + "/documents/SEIZURE-" + seal[0], "{}"));
		ok(officer.postJson(base + "/measures/" + seal[0] + "/close", "{\"outcome\":\"解除查封\"}"));
		fileDocuments(officer, id);
		// released, but the head named has not confirmed his approval: still open until he answers
		assertThat(refused(id, () -> head.postJson(base + "/closure", "{\"report\":\"结案\"}"), 422)).contains("有措施待刘强确认批准")
			.doesNotContain("全程音像记录");
		ok(head.postJson(base + "/measures/" + seal[0] + "/approval", "{\"approved\":true}"));
		var closed = head.postJson(base + "/closure", "{\"report\":\"罚款已缴清，查封已解除\"}");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
	}

	/** Refused with the status, the case, its enforcement, its timers and its record unchanged; the problem's words. */
	private String refused(long caseId, Supplier<java.net.http.HttpResponse<String>> call, int status) {
		Map<String, Object> before = state(caseId);
		var r = call.get();
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(state(caseId)).isEqualTo(before);
		return r.body();
	}

	private Map<String, Object> state(long caseId) {
		return Map.of("case", jdbc.queryForMap("select stage, version from enforcement_case where id = ?", caseId), "enforcement",
				jdbc.queryForList("select * from coercion_enforcement where case_id = ?", caseId), "timers",
				jdbc.queryForList("select kind, state, due_date, closed_on from case_timer where case_id = ? order by id", caseId), "record",
				jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(caseId)));
	}

	private String timerState(long caseId, String kind) {
		return jdbc.queryForObject("select state from case_timer where case_id = ? and kind = ?", String.class, caseId, kind);
	}

	private boolean listed(String filter, long caseId) {
		var r = officer.get("/api/v1/cases?filter=" + filter + "&size=500");
		assertThat(r.statusCode()).isEqualTo(200);
		var page = json(r.body());
		for (var c : page) {
			if (c.get("id").asLong() == caseId) {
				return true;
			}
		}
		return false;
	}

	/** The test clock stands on {@code day} (its offset is from the system's date). */
	private void shiftTo(LocalDate day) {
		clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.getZone()), day)));
	}

	private static void ok(java.net.http.HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}
}
