package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.calendar.CalendarService;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The procedure numbers are data per 执法领域, each with its source: 市场监管 has its own, other domains the default; the
 * system administrator changes a domain's numbers (every number with a source, nobody else may), and the next timer of
 * that domain is counted by them.
 */
class ProcedureProfilesIntegrationTest extends IntegrationTestBase {

	@Autowired
	CalendarService calendar;

	private static final String HEALTH_NUMBERS = """
			{"filing":{"days":%d,"source":"卫生健康行政处罚程序规定（测试）"},"filingExtension":{"days":0,"source":"本领域不得延长（测试）"},
			 "decision":{"days":90,"source":"行政处罚法第六十条"},"decisionExtension":{"days":0,"source":"本领域不得延长（测试）"},
			 "legalReview":{"days":10,"source":"本机关规定"},"statement":{"days":3,"source":"本领域程序规定（测试）"},
			 "onspotReport":{"days":5,"source":"本机关规定"}}""";

	@Test
	void eachDomainHasItsNumbersWithTheirSourcesAndTheAdministratorSetsThem() {
		HttpSession officer = loggedIn("scj.zhifa");
		var market = json(officer.get("/api/v1/procedure-profiles/MARKET").body());
		assertThat(market.get("filing").get("days").asInt()).isEqualTo(15);
		assertThat(market.get("filing").get("source").asString()).contains("市场监督管理行政处罚程序规定第十八条");
		assertThat(market.get("decision").get("source").asString()).contains("行政处罚法第六十条");
		var health = json(officer.get("/api/v1/procedure-profiles/HEALTH").body());
		assertThat(health.get("domainCode").asString()).isEqualTo("DEFAULT");
		assertThat(health.get("filing").get("source").asString()).contains("暂参照");

		// nobody but the system administrator changes them; a number without its source is refused and nothing changes
		assertThat(loggedIn("scj.fuze").putJson("/api/v1/procedure-profiles/HEALTH", HEALTH_NUMBERS.formatted(10)).statusCode()).isEqualTo(403);
		HttpSession admin = loggedIn("admin");
		var noSource = admin.putJson("/api/v1/procedure-profiles/HEALTH", HEALTH_NUMBERS.formatted(10).replace("卫生健康行政处罚程序规定（测试）", " "));
		assertThat(noSource.statusCode()).isEqualTo(400);
		assertThat(json(noSource.body()).get("errors").get("filingSource").asString()).contains("依据");
		assertThat(admin.putJson("/api/v1/procedure-profiles/HEALTH", HEALTH_NUMBERS.formatted(0)).statusCode()).isEqualTo(400);
		assertThat(admin.putJson("/api/v1/procedure-profiles/NOT_A_DOMAIN", HEALTH_NUMBERS.formatted(10)).statusCode()).isEqualTo(400);
		assertThat(json(officer.get("/api/v1/procedure-profiles/HEALTH").body()).get("domainCode").asString()).isEqualTo("DEFAULT");

		var saved = admin.putJson("/api/v1/procedure-profiles/HEALTH", HEALTH_NUMBERS.formatted(10));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(json(officer.get("/api/v1/procedure-profiles/HEALTH").body()).get("filing").get("days").asInt()).isEqualTo(10);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'procedure_profile' and subject_id = 'HEALTH'", Long.class))
			.isEqualTo(1);
		assertThat(admin.get("/procedure-profiles?domain=HEALTH").body()).contains("卫生健康行政处罚程序规定（测试）");
		// an unknown domain is not silently the default
		assertThat(officer.get("/api/v1/procedure-profiles/NOT_A_DOMAIN").statusCode()).isEqualTo(404);
	}

	/** The market bureau also works in 卫生健康: other tests must see the default numbers there again. */
	@org.junit.jupiter.api.AfterEach
	void healthBackToTheDefault() {
		jdbc.update("delete from penalty_procedure_profile where domain_code = 'HEALTH'");
	}

	@Autowired
	zhifa.penalty.filing.Filing filing;

	@Autowired
	zhifa.casework.CaseTimers timers;

	/** Registration reads the matter and its domain's numbers together: a domain with its own numbers counts by them. */
	@Test
	void aClueOfADomainWithItsOwnNumbersIsTriagedByThem() {
		assertThat(loggedIn("admin").putJson("/api/v1/procedure-profiles/HEALTH", HEALTH_NUMBERS.formatted(10)).statusCode()).isEqualTo(200);
		long market = bodyId("芒市市场监督管理局");
		String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
		var matter = loggedIn("scj.admin").postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"T-H-%s","name":"卫生健康测试事项","type":"PENALTY","domainCode":"HEALTH","basis":["产品质量法第四十九条"]}"""
			.formatted(market, suffix));
		assertThat(matter.statusCode()).as(matter.body()).isEqualTo(201);
		LocalDate today = LocalDate.now(clock);
		var health = filing.registerClue(zhifa.shared.DataScope.all(),
				WritePathIntegrationTest.clue(market, json(matter.body()).get("id").asLong(), today, "领域期限" + suffix), null, false);
		var triage = timers.get(health.id(), zhifa.penalty.TimerKind.FILING);
		assertThat(triage.due()).isEqualTo(calendar.due(Deadline.of(today, 10, DeadlineUnit.WORKING_DAYS, "x")).date());
		assertThat(triage.legalSource()).isEqualTo("卫生健康行政处罚程序规定（测试）");
		// a domain with its own numbers of the same length (市场监管): its own source, not the default's
		var marketClue = filing.registerClue(zhifa.shared.DataScope.all(), WritePathIntegrationTest.clue(market,
				jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class), today, "市场期限" + suffix), null, false);
		assertThat(timers.get(marketClue.id(), zhifa.penalty.TimerKind.FILING).legalSource()).contains("市场监督管理行政处罚程序规定第十八条")
			.doesNotContain("暂参照");
		// an unknown matter is not found, and nothing is written
		long cases = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> filing.registerClue(zhifa.shared.DataScope.all(),
				WritePathIntegrationTest.clue(market, Long.MAX_VALUE, today, "无此事项" + suffix), null, false)).isInstanceOf(zhifa.shared.NotFound.class);
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		// the clue form offers the body's 行政处罚 matters, not its inspection items (行政检查)
		String inspectionItem = jdbc.queryForObject("select code from enforcement_matter where body_id = ? and type = 'INSPECTION' and status = 'ACTIVE' order by id limit 1",
				String.class, market);
		var form = loggedIn("scj.zhifa").get("/cases/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("SJ-CF-001 ").doesNotContain(inspectionItem + " ");
	}

	@Test
	void aClueIsTriagedWithinItsDomainsPeriod() {
		HttpSession officer = loggedIn("zhzf.zhifa");
		String id = "53310319880202305";
		id = id + IdNumber.checkCharacter(id);
		LocalDate today = LocalDate.now(clock);
		var r = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"期限测试人","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"乱扔废弃物"}""".formatted(bodyId("芒市综合行政执法局"),
				jdbc.queryForObject("select id from matter_view where code = 'ZF-CF-001'", Long.class), id, today));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		long caseId = json(r.body()).get("id").asLong();
		var filing = json(officer.get("/api/v1/cases/" + caseId).body()).get("deadlines").get(0);
		// 城市管理 has no profile of its own: the default's fifteen working days, with the default's source
		assertThat(filing.get("due").asString())
			.isEqualTo(calendar.due(Deadline.of(today, 15, DeadlineUnit.WORKING_DAYS, "x")).date().toString());
		assertThat(filing.get("legalSource").asString()).contains("暂参照市场监督管理行政处罚程序规定第十八条");
	}

	/**
	 * 延长办案期限 (行政处罚法第六十条; 市场监管: 三十日, 市场监督管理行政处罚程序规定第六十四条): by the head before the
	 * ninety days run out, once; again only after a collective discussion that day; never after the period has lapsed —
	 * a late extension would hide the overrun. Each refusal changes nothing.
	 */
	@Test
	void theDecisionPeriodIsExtendedBeforeItRunsOutOnceAndNeverAfterwards() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "延长期限商行", 981);
		String timer = "select due_date from case_timer where case_id = ? and kind = 'DECISION'";
		LocalDate due = jdbc.queryForObject(timer, LocalDate.class, id);
		assertThat(officer.postJson("/api/v1/cases/" + id + "/decision-extension", "{\"reason\":\"案情复杂\"}").statusCode()).isEqualTo(403);
		var blank = head.postJson("/api/v1/cases/" + id + "/decision-extension", "{\"reason\":\" \"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject(timer, LocalDate.class, id)).isEqualTo(due);

		var once = head.postJson("/api/v1/cases/" + id + "/decision-extension", "{\"reason\":\"需等待检验报告\"}");
		assertThat(once.statusCode()).as(once.body()).isEqualTo(200);
		LocalDate extended = calendar.due(Deadline.of(due, 30, DeadlineUnit.CALENDAR_DAYS, "test")).date();
		assertThat(jdbc.queryForObject(timer, LocalDate.class, id)).isEqualTo(extended);
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.decision_extended'", String.class,
				String.valueOf(id))).contains("延长办案期限至 " + extended);
		var twice = head.postJson("/api/v1/cases/" + id + "/decision-extension", "{\"reason\":\"再延长\"}");
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(json(twice.body()).get("detail").asString()).contains("集体讨论");
		assertThat(jdbc.queryForObject(timer, LocalDate.class, id)).isEqualTo(extended);

		// another case left past its ninety days: no extension afterwards, the timer stays as it ran out
		long late = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "期满未延商行", 982);
		LocalDate lateDue = jdbc.queryForObject(timer, LocalDate.class, late);
		clock.shift(java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), lateDue) + 1));
		var after = head.postJson("/api/v1/cases/" + late + "/decision-extension", "{\"reason\":\"案情复杂\"}");
		assertThat(after.statusCode()).isEqualTo(422);
		assertThat(json(after.body()).get("detail").asString()).contains("办案期限已于 " + lateDue + " 届满，不能再延长");
		assertThat(jdbc.queryForMap("select due_date, extended from case_timer where case_id = ? and kind = 'DECISION'", late))
			.containsEntry("due_date", java.sql.Date.valueOf(lateDue)).containsEntry("extended", 0);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_id = ? and action = 'case.decision_extended'", Long.class,
				String.valueOf(late))).isZero();
	}

	/** A pause that carries a due day into a year whose holidays are not yet known leaves it provisional (RULES.md §1). */
	@Test
	void aDueDayMovedIntoAnUnknownYearByAPauseIsProvisional() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "中止顺延商行", 983);
		int lastKnown = java.util.Collections.max(calendar.calendar().knownYears());
		LocalDate known = LocalDate.of(lastKnown, 12, 1);
		jdbc.update("update case_timer set due_date = ?, provisional = false where case_id = ? and kind = 'DECISION'", known, id);
		timers.pause(id, zhifa.penalty.TimerKind.DECISION, known.minusDays(40), "检测");
		LocalDate due = timers.resume(id, zhifa.penalty.TimerKind.DECISION, known.minusDays(5));
		assertThat(due).isAfter(LocalDate.of(lastKnown, 12, 31));
		assertThat(jdbc.queryForMap("select due_date, provisional from case_timer where case_id = ? and kind = 'DECISION'", id))
			.containsEntry("due_date", java.sql.Date.valueOf(due)).containsEntry("provisional", true);
	}
}
