package zhifa.penalty;

import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.DeadlineMissed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import zhifa.calendar.CalendarService;
import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** A clue registered and filed through the HTTP API, every filing gate refused with nothing changed, and the case timers. */
@RecordApplicationEvents
class PenaltyCaseIntegrationTest extends IntegrationTestBase {

	@Autowired
	CaseTimers timers;

	@Autowired
	zhifa.casework.Cases cases;

	@Autowired
	CalendarService calendar;

	@Autowired
	zhifa.penalty.persistence.PenaltyActivity activity;

	@Autowired
	ApplicationEvents events;

	private long matter(String code) {
		return jdbc.queryForObject("select id from enforcement_matter where code = ?", Long.class, code);
	}

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	private String clue(long matter, String party, LocalDate received) {
		String id = "53310319900101002";
		return """
				{"bodyId":%d,"matterId":%d,"source":"COMPLAINT","partyKind":"NATURAL_PERSON","partyName":"%s","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"投诉：销售超范围使用添加剂的食品","receivedOn":"%s"}"""
			.formatted(bodyId("芒市市场监督管理局"), matter, party, id + IdNumber.checkCharacter(id), received.minusDays(3), received);
	}

	private long register(HttpSession s, String json, String key) {
		var r = s.postJsonWithHeader("/api/v1/cases", json, "Idempotency-Key", key);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json(r.body()).get("id").asLong();
	}

	private Map<String, Object> snapshot(long id) {
		return Map.of("case", jdbc.queryForMap("select stage, case_number, filed_on, version from enforcement_case where id = ?", id), "officers",
				jdbc.queryForObject("select count(*) from case_officer where case_id = ?", Long.class, id), "record",
				jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id)),
				"numbers", jdbc.queryForList("select last_value from case_number_sequence where body_id = ? order by kind, year", Integer.class, bodyId("芒市市场监督管理局")));
	}

	/**
	 * A filed case is its officers' (行政处罚法第四十二条): another officer of the body neither sees its forms nor takes its
	 * steps — refused with the reason, nothing written —; its officers do, and so does the head.
	 */
	@Test
	void anOfficerNotOnTheCaseDoesNotTakeItsSteps() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "办案人员限定测试商行", 4201);
		String base = "/api/v1/cases/" + id;
		String transcript = """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"办案人员限定测试商行","content":"检查情况"}""".formatted(LocalDate.now(clock));
		HttpSession other = loggedIn("scj.xinren");
		assertThat(other.get("/cases/" + id).body()).doesNotContain("<summary class=\"small\">制作笔录</summary>");
		var before = snapshot(id);
		long transcripts = jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id);
		var refused = other.postJson(base + "/transcripts", transcript);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(json(refused.body()).get("detail").asString()).contains("由本案的办案人员办理", "您不是本案的办案人员（", "张伟");
		assertThat(snapshot(id)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id)).isEqualTo(transcripts);
		assertThat(loggedIn("scj.zhifa2").get("/cases/" + id).body()).contains("<summary class=\"small\">制作笔录</summary>");
		assertThat(loggedIn("scj.zhifa2").postJson(base + "/transcripts", transcript).statusCode()).isEqualTo(200);
		// the head (a role the step also allows) acts though he is not one of its officers
		assertThat(head.postJson(base + "/transcripts", transcript).statusCode()).isEqualTo(200);
	}

	@Test
	void theOfficerCorrectsThePartyBeforeTheNoticeWithAReasonAndTheRecordKeepsBoth() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		LocalDate today = LocalDate.now(clock);
		long food = matter("SJ-CF-001");
		String base = "91533103MB" + String.format("%07d", System.nanoTime() % 10_000_000);
		String wrong = base + zhifa.shared.Uscc.checkCharacter(base);
		long id = register(officer, clue(food, "芒市错码商行", today).replace("NATURAL_PERSON", "ORGANIZATION")
			.replaceAll("\"partyIdNumber\":\"[0-9X]+\"", "\"partyUscc\":\"" + wrong + "\""), "party-" + wrong);
		java.util.function.Supplier<Map<String, Object>> state = () -> Map.of("case", jdbc.queryForMap(
				"select party_kind, party_name, party_key, party_masked, coalesce(party_id_cipher, '') as cipher, version from enforcement_case where id = ?", id),
				"record", jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class,
						String.valueOf(id)));
		var before = state.get();
		String person = "53310319850607001";
		String idNumber = person + IdNumber.checkCharacter(person);
		// refusals name each wrong field and change nothing: a wrong ID number, no reason, the same party again
		var bad = officer.postJson("/api/v1/cases/" + id + "/party",
				"{\"partyKind\":\"NATURAL_PERSON\",\"partyName\":\"刀某\",\"partyIdNumber\":\"" + person + "0\",\"reason\":\"\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad.body()).get("errors").get("partyIdNumber").asString()).contains("校验位");
		assertThat(json(bad.body()).get("errors").get("reason").asString()).isEqualTo("请填写更正理由");
		var same = officer.postJson("/api/v1/cases/" + id + "/party",
				"{\"partyKind\":\"ORGANIZATION\",\"partyName\":\"芒市错码商行\",\"partyUscc\":\"" + wrong.toLowerCase() + "\",\"reason\":\"核对\"}");
		assertThat(same.statusCode()).isEqualTo(422);
		assertThat(same.body()).contains("当事人信息没有变化");
		// a unit administrator registers clues but does not correct them
		assertThat(loggedIn("scj.admin").postJson("/api/v1/cases/" + id + "/party",
				"{\"partyKind\":\"NATURAL_PERSON\",\"partyName\":\"刀某\",\"partyIdNumber\":\"" + idNumber + "\",\"reason\":\"核查\"}").statusCode())
			.isEqualTo(403);
		assertThat(state.get()).isEqualTo(before);

		// the stall turns out to be a person's: corrected, the number kept encrypted and masked, the record has both and the reason
		var corrected = officer.postJson("/api/v1/cases/" + id + "/party", "{\"partyKind\":\"NATURAL_PERSON\",\"partyName\":\" 刀某 \",\"partyIdNumber\":\""
				+ idNumber.toLowerCase() + "\",\"reason\":\"经核查为个人经营，无营业执照\"}");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		var after = jdbc.queryForMap("select party_kind, party_name, party_key, party_masked, party_id_cipher, version from enforcement_case where id = ?", id);
		assertThat(after.get("party_kind")).isEqualTo("NATURAL_PERSON");
		assertThat(after.get("party_name")).isEqualTo("刀某");
		assertThat((String) after.get("party_key")).startsWith("P:").doesNotContain(person);
		assertThat((String) after.get("party_masked")).doesNotContain("19850607").startsWith("5331");
		assertThat((String) after.get("party_id_cipher")).isNotBlank().doesNotContain(person);
		assertThat(corrected.body()).contains("\"partyName\":\"刀某\"");
		var entry = jdbc.queryForMap("select summary, payload from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq desc limit 1",
				String.valueOf(id));
		assertThat((String) entry.get("summary")).contains("芒市错码商行", wrong, "刀某");
		assertThat(entry.get("payload").toString()).contains("经核查为个人经营，无营业执照", "法人或者其他组织", "自然人").doesNotContain(person);
		// the record page labels both versions in this module's words (another module's "原映射" once stood for 变更前; "after" had none)
		String recordPage = officer.get("/records/penalty_case/" + id).body();
		assertThat(recordPage).contains("变更前：芒市错码商行", "变更后：刀某", "理由：经核查为个人经营，无营业执照").doesNotContain("after：", "原映射");
		// the party's age at the act now comes from the corrected number
		assertThat(cases.partyBirthDate(id)).contains(LocalDate.of(1985, 6, 7));
		// the ledger follows
		for (int i = 0; i < 50 && !"刀某".equals(jdbc.queryForObject("select party_name from sv_act where source = 'PLATFORM' and external_id = ?",
				String.class, String.valueOf(id))); i++) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject("select party_name from sv_act where source = 'PLATFORM' and external_id = ?", String.class, String.valueOf(id)))
			.isEqualTo("刀某");

		// the page: the form for the officer, not for the unit administrator; a refusal keeps what was typed
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"party-correction\"", "刀某");
		// the filing is the head's: the officer's next steps say who does it, the head's say he can; the officer's own
		// step is to request it (报请立案), the only one he can do
		String officersPage = officer.get("/cases/" + id).body();
		assertThat(officersPage).contains("由他人办理", "负责人批准", "报请立案（承办人核查意见）");
		assertThat(officersPage.split(">可以办理<", -1)).hasSize(2);
		assertThat(loggedIn("scj.fuze").get("/cases/" + id).body()).contains(">可以办理<");
		assertThat(loggedIn("scj.admin").get("/cases/" + id).body()).doesNotContain("id=\"party-correction\"");
		var refused = officer.postForm("/cases/" + id + "/party", Map.of("_csrf", officer.csrf(), "partyKind", "NATURAL_PERSON", "partyName", "刀某某",
				"partyIdNumber", idNumber, "reason", ""));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(officer.get("/cases/" + id).body()).contains("请填写更正理由", "刀某某");
		assertThat(jdbc.queryForObject("select party_name from enforcement_case where id = ?", String.class, id)).isEqualTo("刀某");
		officer.postForm("/cases/" + id + "/party", Map.of("_csrf", officer.csrf(), "partyKind", "NATURAL_PERSON", "partyName", "刀某某",
				"partyIdNumber", idNumber, "reason", "姓名录入遗漏一字"));
		assertThat(jdbc.queryForObject("select party_name from enforcement_case where id = ?", String.class, id)).isEqualTo("刀某某");

		// once the notice is made the party stands (a demo case): refused, nothing changed
		long notified = jdbc.queryForObject("select min(id) from enforcement_case where stage = 'NOTIFIED' and body_id = ?", Long.class,
				bodyId("芒市市场监督管理局"));
		var stands = jdbc.queryForMap("select party_name, version from enforcement_case where id = ?", notified);
		var late = officer.postJson("/api/v1/cases/" + notified + "/party",
				"{\"partyKind\":\"NATURAL_PERSON\",\"partyName\":\"刀某\",\"partyIdNumber\":\"" + idNumber + "\",\"reason\":\"核查\"}");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(late.body()).contains("事先告知书已载明当事人，不能再更正当事人类型、名称和证件号码");
		assertThat(jdbc.queryForMap("select party_name, version from enforcement_case where id = ?", notified)).isEqualTo(stands);
	}

	@Test
	void theCasePageNamesTheOtherNamesTheSamePartyCodeBearsInTheBodysCases() {
		HttpSession officer = loggedIn("scj.zhifa");
		LocalDate today = LocalDate.now(clock);
		long food = matter("SJ-CF-001");
		String base = "91533103MB" + String.format("%07d", System.nanoTime() % 10_000_000);
		String uscc = base + zhifa.shared.Uscc.checkCharacter(base);
		java.util.function.Function<String, String> org = name -> clue(food, name, today).replace("NATURAL_PERSON", "ORGANIZATION")
			.replaceAll("\"partyIdNumber\":\"[0-9X]+\"", "\"partyUscc\":\"" + uscc + "\"");
		long first = register(officer, org.apply("芒市甲乙商贸有限公司"), "names-" + uscc + "-1");
		long again = register(officer, org.apply("芒市甲乙商贸有限公司"), "names-" + uscc + "-2");
		long typo = register(officer, org.apply("芒市甲已商贸有限公司"), "names-" + uscc + "-3");
		// the same name twice is no warning; another name under the same code is, on both cases
		assertThat(officer.get("/cases/" + typo).body()).contains("id=\"other-party-names\"", "同一统一社会信用代码在其他案件中登记为：芒市甲乙商贸有限公司，请核对");
		assertThat(officer.get("/cases/" + first).body()).contains("在其他案件中登记为：芒市甲已商贸有限公司，");
		String onlyFirst = officer.get("/cases/" + again).body();
		assertThat(onlyFirst).contains("芒市甲已商贸有限公司").doesNotContain("登记为：芒市甲乙商贸有限公司");
		// a code with one name: nothing; and another body's cases are not shown to this body's officer
		String other = "91533103MB" + String.format("%07d", (System.nanoTime() + 1) % 10_000_000);
		long alone = register(officer, clue(food, "芒市丙丁有限公司", today).replace("NATURAL_PERSON", "ORGANIZATION")
			.replaceAll("\"partyIdNumber\":\"[0-9X]+\"", "\"partyUscc\":\"" + other + zhifa.shared.Uscc.checkCharacter(other) + "\""), "names-" + other);
		assertThat(officer.get("/cases/" + alone).body()).doesNotContain("id=\"other-party-names\"");
		jdbc.update("update enforcement_case set body_id = ? where id = ?", bodyId("芒市综合行政执法局"), first);
		jdbc.update("update enforcement_case set body_id = ? where id = ?", bodyId("芒市综合行政执法局"), again);
		assertThat(officer.get("/cases/" + typo).body()).doesNotContain("id=\"other-party-names\"");
	}

	@Test
	void aClueIsRegisteredOnceAndFiledOnlyWhenTheLawAllows() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long food = matter("SJ-CF-001");

		long id = register(officer, clue(food, "王某", today), "hotline-20261127-001");
		assertThat(register(officer, clue(food, "王某", today), "hotline-20261127-001")).isEqualTo(id);
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case where idempotency_key = 'hotline-20261127-001'", Long.class)).isEqualTo(1);
		// another body's officer with the same key learns nothing of it: refused as any clue for a body not his
		HttpSession stranger = loggedIn("zhzf.zhifa");
		var withKey = stranger.postJsonWithHeader("/api/v1/cases", clue(food, "王某", today), "Idempotency-Key", "hotline-20261127-001");
		var withoutKey = stranger.postJsonWithHeader("/api/v1/cases", clue(food, "王某", today), "Idempotency-Key", "hotline-unknown-key");
		assertThat(withKey.statusCode()).isEqualTo(400).isEqualTo(withoutKey.statusCode());
		assertThat(json(withKey.body()).get("errors").get("bodyId").asString()).isEqualTo("请选择本机关");
		var view = json(officer.get("/api/v1/cases/" + id).body());
		assertThat(view.get("caseFile").get("partyMasked").asString()).doesNotContain("19900101");
		assertThat(view.toString()).doesNotContain("53310319900101002");
		assertThat(view.get("deadlines").get(0).get("label").asString()).isEqualTo("立案审查");
		// officers are chosen at filing: a clue of a body with two certified officers shows no false "only 0 officers"
		assertThat(view.get("gates").get(0).get("blockers").toString()).doesNotContain("0 名", "两名以上");
		assertThat(view.get("record").get(0).get("action").asString()).isEqualTo("case.clue_registered");

		// bad input: a clear Chinese error and no row
		long before = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		var bad = officer.postJson("/api/v1/cases", clue(food, "王某", today).replace("\"partyIdNumber\":\"", "\"partyIdNumber\":\"1"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad.body()).get("errors").has("partyIdNumber")).isTrue();
		var org = officer.postJson("/api/v1/cases", clue(food, "某公司", today).replace("NATURAL_PERSON", "ORGANIZATION")
			.replace("\"partyIdNumber\"", "\"partyUscc\":\"91533103MA6K00000X\",\"x\""));
		assertThat(json(org.body()).get("errors").get("partyUscc").asString()).isNotBlank();
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(before);

		// only the head approves a filing
		assertThat(officer.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温")))
			.statusCode()).isEqualTo(403);
		// one officer, or an uncertified one: refused, nothing changes, no number is used
		var unchanged = snapshot(id);
		var one = head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d]}".formatted(officer("张伟")));
		assertThat(one.statusCode()).isEqualTo(422);
		assertThat(json(one.body()).get("detail").asString()).contains("两名以上持有效执法证件", "目前只有 1 名");
		var uncertified = head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("赵刚")));
		assertThat(json(uncertified.body()).get("detail").asString()).contains("赵刚不能执法：未持有执法证件");
		var otherBody = head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d,%d]}".formatted(officer("张伟"), officer("岩温"),
				officer("孙磊")));
		assertThat(json(otherBody.body()).get("detail").asString()).contains("孙磊不是本机关的执法人员");
		assertThat(snapshot(id)).isEqualTo(unchanged);

		// filed: a gapless number in the body's format, the triage timer met, the 90-day decision timer started
		int last = jdbc.queryForObject("select coalesce(max(case_seq), 0) from enforcement_case where body_id = ? and case_year = ?", Integer.class,
				bodyId("芒市市场监督管理局"), today.getYear());
		var filed = head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d],\"opinion\":\"同意立案\"}".formatted(officer("张伟"),
				officer("岩温")));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		assertThat(json(filed.body()).get("caseNumber").asString()).isEqualTo("芒市监罚立〔" + today.getYear() + "〕" + (last + 1) + "号");
		assertThat(json(filed.body()).get("stage").asString()).isEqualTo("FILED");
		var deadlines = json(officer.get("/api/v1/cases/" + id).body()).get("deadlines");
		assertThat(deadlines.get(0).get("state").asString()).isEqualTo("MET");
		assertThat(deadlines.get(1).get("label").asString()).isEqualTo("作出处罚决定");
		assertThat(deadlines.get(1).get("due").asString())
			.isEqualTo(calendar.calendar().onOrNextWorkingDay(today.plusDays(90)).toString());
		assertThat(head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温"))).body())
			.contains("不能立案");
		// the filed case counts as enforcement activity on the matter (with the demo case filed today)
		assertThat(activity.counts(List.of(food), bodyId("芒市市场监督管理局"), today, today).get(food)).isGreaterThanOrEqualTo(2L);
		assertThat(json(officer.get("/api/v1/cases?filter=MINE").body()).toString()).contains("王某");
	}

	@Test
	void eightConcurrentRetriesWithOneIdempotencyKeyAllGetTheOneCase() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		String body = clue(matter("SJ-CF-001"), "并发重试", LocalDate.now(clock));
		String csrf = officer.csrf();
		long entriesBefore = recordCount();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		var start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return officer.postJsonWithCsrf("/api/v1/cases", body, csrf, "Idempotency-Key", "hotline-concurrent-0001");
			}));
		}
		start.countDown();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (var a : answers) {
			var r = a.get();
			assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			ids.add(json(r.body()).get("id").asLong());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case where idempotency_key = 'hotline-concurrent-0001'", Long.class)).isEqualTo(1);
		assertThat(recordCount() - entriesBefore).as("one clue_registered entry").isEqualTo(1);
	}

	@Test
	void aMatterOutsideThePublishedCatalogueOrAnotherBodysEarlierFilingStopsTheFiling() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long draft = register(officer, clue(matter("SJ-QT-009"), "赵某", today), null);
		var refused = head.postJson("/api/v1/cases/" + draft + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温")));
		assertThat(json(refused.body()).get("detail").asString()).contains("不在本机关已发布的执法事项目录中");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, draft)).isEqualTo("CLUE");

		// the urban-management bureau filed the same party for an act on the same article (食品安全法第一百二十二条) first
		long urban = bodyId("芒市综合行政执法局");
		String id = "53310319900101003";
		String party = id + IdNumber.checkCharacter(id);
		var urbanCase = jdbc.queryForObject("insert into enforcement_case (kind, body_id, matter_id, stage, source, party_kind, party_name, party_key, party_masked,"
				+ " place_region_id, act_date, description, received_on, registered_by, case_number, filed_on, created_at, updated_at)"
				+ " values ('PENALTY', ?, ?, 'FILED', 'INSPECTION', 'NATURAL_PERSON', '流动摊贩甲', 'P:x', 'x', 3, ?, 'x', ?, 'test', '芒综执罚立〔2026〕99号', ?, now(), now()) returning id",
				Long.class, urban, matter("ZF-CF-003"), today.minusDays(2), today.minusDays(1), today.minusDays(1));
		String marketClue = """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"流动摊贩甲","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"无证经营餐饮"}""".formatted(bodyId("芒市市场监督管理局"), matter("SJ-CF-003"), party,
				today.minusDays(2));
		long market = register(officer, marketClue, null);
		jdbc.update("insert into penalty_case (case_id, procedure) values (?, 'GENERAL')", urbanCase);
		jdbc.update("update enforcement_case set party_key = (select party_key from enforcement_case where id = ?) where id = ?", market, urbanCase);
		var warned = head.postJson("/api/v1/cases/" + market + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温")));
		assertThat(warned.statusCode()).isEqualTo(422);
		assertThat(json(warned.body()).get("detail").asString()).contains("请先确认", "芒市综合行政执法局", "最先立案的机关管辖");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, market)).isEqualTo("CLUE");
		// acknowledged without a reason: refused on the opinion, nothing changed
		var noReason = head.postJson("/api/v1/cases/" + market + "/filing",
				"{\"officerIds\":[%d,%d],\"acknowledgeEarlierFiling\":true}".formatted(officer("张伟"), officer("岩温")));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(json(noReason.body()).get("errors").get("opinion").asString()).contains("写明理由", "指定管辖");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, market)).isEqualTo("CLUE");
		var acknowledged = head.postJson("/api/v1/cases/" + market + "/filing",
				"{\"officerIds\":[%d,%d],\"acknowledgeEarlierFiling\":true,\"opinion\":\"经与芒市综合行政执法局协商，由本局管辖\"}".formatted(officer("张伟"), officer("岩温")));
		assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
	}

	@Test
	void notFilingNeedsAnEducationRecordWhereTheLawRequiresOneAndTriageIsExtendedOnce() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long id = register(officer, clue(matter("SJ-CF-001"), "钱某", today), null);
		var noEducation = head.postJson("/api/v1/cases/" + id + "/decline", "{\"outcome\":\"MINOR_CORRECTED\",\"reason\":\"当场改正\"}");
		assertThat(json(noEducation.body()).get("errors").get("educationRecord").asString()).contains("第三十三条第三款");
		CaseTimer before = timers.get(id, TimerKind.FILING);
		var extended = head.postJson("/api/v1/cases/" + id + "/triage-extension", "{\"reason\":\"需调取市场交易记录\"}");
		assertThat(extended.statusCode()).isEqualTo(200);
		CaseTimer after = timers.get(id, TimerKind.FILING);
		assertThat(after.due()).isEqualTo(calendar.due(zhifa.shared.Deadline.of(before.due(), 15, zhifa.shared.DeadlineUnit.WORKING_DAYS, "x")).date());
		assertThat(json(head.postJson("/api/v1/cases/" + id + "/triage-extension", "{\"reason\":\"再延\"}").body()).get("detail").asString())
			.contains("已延长过一次");
		var declined = head.postJson("/api/v1/cases/" + id + "/decline",
				"{\"outcome\":\"MINOR_CORRECTED\",\"reason\":\"当场改正\",\"educationRecord\":\"宣讲食品安全法，当事人签字\"}");
		assertThat(json(declined.body()).get("stage").asString()).isEqualTo("NOT_FILED");
		assertThat(timers.get(id, TimerKind.FILING).state()).isEqualTo(CaseTimer.State.MET);
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("case.clue_registered", "case.triage_extended", "case.declined");
	}

	@Test
	void theTriagePeriodCountsWorkingDaysAcrossNationalDayAndAMissedOneIsRecordedAndPublished() {
		HttpSession officer = loggedIn("scj.zhifa");
		// received Friday 2025-09-26: Sunday 28 Sept is a make-up working day, 1–8 Oct are off, Saturday 11 Oct works
		long id = register(officer, clue(matter("SJ-CF-001"), "孙某", LocalDate.of(2025, 9, 26)), null);
		assertThat(timers.get(id, TimerKind.FILING).due()).isEqualTo(LocalDate.of(2025, 10, 23));
		assertThat(json(officer.get("/api/v1/cases?filter=OVERDUE").body()).toString()).contains("孙某");
		assertThat(json(officer.get("/api/v1/cases?filter=DUE_SOON").body()).toString()).doesNotContain("孙某");
		timers.markMissed();
		assertThat(timers.get(id, TimerKind.FILING).state()).isEqualTo(CaseTimer.State.MISSED);
		// once marked, still 已超期 (the other alternative of the list: a missed timer)
		assertThat(json(officer.get("/api/v1/cases?filter=OVERDUE").body()).toString()).contains("孙某");
		// and its card on the workbench says which step was missed
		assertThat(officer.get("/cases?filter=OVERDUE").body()).contains("期限 2025-10-23（已超期）");
		assertThat(events.stream(DeadlineMissed.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> assertThat(e.due()).isEqualTo(LocalDate.of(2025, 10, 23)));
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.deadline_missed'",
				String.class, String.valueOf(id))).isEqualTo("立案审查期限已过（应于 2025-10-23 前完成）");
		// a clue due today is "due within 3 working days"
		LocalDate today = LocalDate.now(clock);
		LocalDate received = today;
		while (!calendar.due(zhifa.shared.Deadline.of(received, 15, zhifa.shared.DeadlineUnit.WORKING_DAYS, "x")).date().isBefore(today)) {
			received = received.minusDays(1);
		}
		long dueSoon = register(officer, clue(matter("SJ-CF-001"), "周某", received.plusDays(1)), null);
		assertThat(timers.get(dueSoon, TimerKind.FILING).due()).isAfterOrEqualTo(today);
		assertThat(json(officer.get("/api/v1/cases?filter=DUE_SOON").body()).toString()).contains("周某");
	}

	@Test
	void aClueTakesAttachmentsAndEachBodySetsItsNumberFormats() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = register(officer, clue(matter("SJ-CF-001"), "吴某", LocalDate.now(clock)), null);
		var letter = officer.postMultipart("/api/v1/cases/" + id + "/evidence", Map.of("type", "DOCUMENTARY", "title", "举报信"), "file", "letter.pdf",
				"application/pdf", "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(letter.statusCode()).as(letter.body()).isEqualTo(200);
		assertThat(officer.get("/cases/" + id).body()).contains("案源材料", "举报信", "letter.pdf");

		HttpSession admin = loggedIn("admin");
		long health = bodyId("芒市卫生健康局");
		var bad = admin.putJson("/api/v1/bodies/" + health + "/number-patterns/立案", "{\"pattern\":\"芒卫罚立{号}\"}");
		assertThat(json(bad.body()).get("errors").get("pattern").asString()).contains("{年}");
		assertThat(admin.putJson("/api/v1/bodies/" + health + "/number-patterns/决定", "{\"pattern\":\"芒卫罚决〔{年}〕{号}号\"}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select pattern from case_number_format where body_id = ? and kind = '决定'", String.class, health))
			.isEqualTo("芒卫罚决〔{年}〕{号}号");
		assertThat(loggedIn("scj.admin").putJson("/api/v1/bodies/" + health + "/number-patterns/决定", "{\"pattern\":\"x{年}{号}\"}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void demoCasesShowTheirGates() {
		HttpSession head = loggedIn("scj.fuze");
		long twice = jdbc.queryForObject("select id from enforcement_case where party_name = '芒市某某副食店（演示，同一违法行为）'", Long.class);
		assertThat(head.get("/api/v1/cases/" + twice + "/procedure").body()).contains("第二十九条");
		long heard = jdbc.queryForObject("select id from enforcement_case where party_name = '岩某某（演示）'", Long.class);
		assertThat(head.get("/api/v1/cases/" + heard + "/procedure").body()).contains("听证结束并形成听证报告前不得作出决定", "办案期限处于中止");
		long township = jdbc.queryForObject("select id from enforcement_case where party_name = '李某（演示）'", Long.class);
		// the township's officers act on their 乡镇（街道）综合行政执法 certificates in its delegated matters: its clue can be filed
		assertThat(loggedIn("zhefang.admin").get("/api/v1/cases/" + township).body()).doesNotContain("本机关可选的只有")
			.contains("\"action\":\"filing\",\"step\":\"立案\",\"who\":\"负责人批准\",\"blockers\":[]");
		assertThat(jdbc.queryForList("select distinct stage from enforcement_case where demo", String.class))
			.contains("CLUE", "NOT_FILED", "FILED", "PROPOSED", "NOTIFIED", "DECIDED");
	}
}
