package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * A natural person's clue may come before anyone knows his ID number (a stall reported to 12345): it is registered
 * without it, shown as missing, may be closed without it, but is not filed until the number is added — the age at the act
 * decides whether he may be punished at all (行政处罚法第三十条) — and a decision on the spot needs it at once.
 */
class UnidentifiedPartyIntegrationTest extends IntegrationTestBase {

	private String clue(String name, String extra) {
		return """
				{"bodyId":%d,"matterId":%d,"source":"HOTLINE","partyKind":"NATURAL_PERSON","partyName":"%s",%s
				 "placeRegionId":3,"placeDetail":"团结大街夜市","actDate":"%s","description":"12345转办：夜市摊位无证经营"}""".formatted(
				bodyId("芒市市场监督管理局"), jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class), name, extra,
				LocalDate.now(clock).minusDays(2));
	}

	@Test
	void aClueWithoutTheIdNumberIsKeptButNotFiledUntilTheNumberIsAdded() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		var scenarios = new CaseScenarios(jdbc, clock);

		var registered = officer.postJson("/api/v1/cases", clue("夜市摊主甲", ""));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		long id = json(registered.body()).get("id").asLong();
		assertThat(json(registered.body()).get("partyMasked").isNull()).isTrue();
		assertThat(jdbc.queryForMap("select party_key, party_masked, party_id_cipher from enforcement_case where id = ?", id).values()).containsOnlyNulls();
		assertThat(jdbc.queryForObject("select cast(payload as jsonb) ->> 'party' from record_entry where subject_id = ? and action = 'case.clue_registered'",
				String.class, String.valueOf(id))).isEqualTo("未登记身份证号");
		String page = officer.get("/cases/" + id).body();
		assertThat(page).contains("id=\"party-number-missing\"", "身份证号：未登记（立案前须补登").doesNotContain("null");

		// the head cannot file it, nor close it as "under fourteen" (the age is read from the number): nothing changes
		var before = jdbc.queryForMap("select stage, version, case_number from enforcement_case where id = ?", id);
		long entries = entries(id);
		var filing = head.postJson("/api/v1/cases/" + id + "/filing", scenarios.filing());
		assertThat(filing.statusCode()).isEqualTo(422);
		assertThat(json(filing.body()).get("detail").asString()).contains("尚未登记身份证号", "行政处罚法第三十条");
		assertThat(head.get("/cases/" + id).body()).contains("尚未登记身份证号");
		var underFourteen = head.postJson("/api/v1/cases/" + id + "/decline",
				"{\"outcome\":\"UNDER_FOURTEEN\",\"reason\":\"摊主系未成年人\",\"educationRecord\":\"已责令监护人加以管教\"}");
		assertThat(underFourteen.statusCode()).isEqualTo(400);
		assertThat(json(underFourteen.body()).get("errors").get("outcome").asString()).contains("身份证号尚未登记", "更正当事人信息");
		// as is any other finding not to punish this particular party
		var minor = head.postJson("/api/v1/cases/" + id + "/decline",
				"{\"outcome\":\"MINOR_CORRECTED\",\"reason\":\"当场改正\",\"educationRecord\":\"已宣讲食品安全法\"}");
		assertThat(minor.statusCode()).isEqualTo(400);
		assertThat(json(minor.body()).get("errors").get("outcome").asString()).contains("违法行为轻微并及时改正", "身份证号尚未登记");
		assertThat(jdbc.queryForMap("select stage, version, case_number from enforcement_case where id = ?", id)).isEqualTo(before);
		assertThat(entries(id)).isEqualTo(entries);

		// a wrong number is refused on the field; the right one is added by 更正当事人信息, masked and recorded
		String id17 = "53310319900101123";
		String number = id17 + IdNumber.checkCharacter(id17);
		var wrong = officer.postJson("/api/v1/cases/" + id + "/party", """
				{"partyKind":"NATURAL_PERSON","partyName":"夜市摊主甲","partyIdNumber":"%s","reason":"核实身份证"}""".formatted(
				id17 + (IdNumber.checkCharacter(id17) == '0' ? '1' : '0')));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong.body()).get("errors").get("partyIdNumber").asString()).contains("校验位");
		assertThat(jdbc.queryForMap("select party_key, party_masked, version from enforcement_case where id = ?", id))
			.containsEntry("party_key", null).containsEntry("version", before.get("version"));
		var added = officer.postJson("/api/v1/cases/" + id + "/party", """
				{"partyKind":"NATURAL_PERSON","partyName":"夜市摊主甲","partyIdNumber":"%s","reason":"现场核实身份证"}""".formatted(number));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(json(added.body()).get("partyMasked").asString()).isEqualTo(IdNumber.mask(number));
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.party_corrected'", String.class,
				String.valueOf(id))).contains("未登记身份证号", IdNumber.mask(number)).doesNotContain(number);
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("party-number-missing");

		var filed = head.postJson("/api/v1/cases/" + id + "/filing", scenarios.filing());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
	}

	@Test
	void aClueWithoutTheNumberMayBeClosedAndADecisionOnTheSpotNeedsIt() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = json(officer.postJson("/api/v1/cases", clue("夜市摊主乙", "\"partyIdNumber\":\"  \",")).body()).get("id").asLong();
		// nothing found on checking: closed without ever knowing who the stall keeper was
		var declined = head.postJson("/api/v1/cases/" + id + "/decline", "{\"outcome\":\"NO_VIOLATION\",\"reason\":\"经现场核查，未发现该摊位\"}");
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
		assertThat(json(declined.body()).get("stage").asString()).isEqualTo("NOT_FILED");

		// an organisation still needs its code, and a number given must be right
		var organisation = officer.postJson("/api/v1/cases", clue("某商行", "").replace("NATURAL_PERSON", "ORGANIZATION"));
		assertThat(organisation.statusCode()).isEqualTo(400);
		assertThat(json(organisation.body()).get("errors").has("partyUscc")).isTrue();
		var wrong = officer.postJson("/api/v1/cases", clue("夜市摊主丙", "\"partyIdNumber\":\"53310319900101\","));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong.body()).get("errors").get("partyIdNumber").asString()).contains("18位");

		// on the spot the decision names the party at once: no number, refused on the field and nothing written
		long cases = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		HttpSession urban = loggedIn("zhzf.zhifa");
		long body = bodyId("芒市综合行政执法局");
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒综执当罚'", Long.class, body);
		var spot = urban.postJson("/api/v1/onspot/penalties", """
				{"clue":{"bodyId":%d,"matterId":%d,"partyKind":"NATURAL_PERSON","partyName":"当场当事人","partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"placeDetail":"勐焕大道","actDate":"%s"},
				 "officerIds":[%d,%d],"types":["FINE"],"fine":5000,"rangeId":%d,"formNumber":1990,"collectOnSpot":false,"decisionText":"乱扔废弃物"}""".formatted(
				body, jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class), LocalDate.now(clock),
				jdbc.queryForObject("select id from officer_view where name = '孙磊'", Long.class), jdbc.queryForObject("select id from officer_view where name = '周杰'", Long.class),
				range));
		assertThat(spot.statusCode()).as(spot.body()).isEqualTo(400);
		assertThat(json(spot.body()).get("errors").get("partyIdNumber").asString()).contains("身份证号不能为空");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
	}

	@Test
	void aPartyUnderFourteenAtTheActIsFiledOnlyOnceTheHeadHasAcknowledgedThatHeMayDecline() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		String id17 = "533103" + LocalDate.now(clock).minusYears(10).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "215";
		var registered = officer.postJson("/api/v1/cases", clue("摊主之子", "\"partyIdNumber\":\"" + id17 + IdNumber.checkCharacter(id17) + "\","));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		long id = json(registered.body()).get("id").asLong();
		var before = jdbc.queryForMap("select stage, version, case_number from enforcement_case where id = ?", id);
		String officers = new CaseScenarios(jdbc, clock).filing();
		var unacknowledged = head.postJson("/api/v1/cases/" + id + "/filing", officers.replace("\"acknowledgeEarlierFiling\":true", "\"acknowledgeEarlierFiling\":false"));
		assertThat(unacknowledged.statusCode()).isEqualTo(422);
		assertThat(json(unacknowledged.body()).get("detail").asString()).contains("请先确认", "行为时不满十四周岁", "不予立案");
		assertThat(jdbc.queryForMap("select stage, version, case_number from enforcement_case where id = ?", id)).isEqualTo(before);
		// declining for that reason needs no acknowledgement
		var declined = head.postJson("/api/v1/cases/" + id + "/decline",
				"{\"outcome\":\"UNDER_FOURTEEN\",\"reason\":\"当事人行为时十周岁\",\"educationRecord\":\"已责令其监护人加以管教\"}");
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
		assertThat(json(declined.body()).get("stage").asString()).isEqualTo("NOT_FILED");
	}

	@Test
	void theClueFormSaysTheNumberMayWaitAndTakesAClueWithoutIt() {
		HttpSession officer = loggedIn("scj.zhifa");
		assertThat(officer.get("/cases/new").body()).contains("尚不知道的可暂不填写，核实后在案件页补登；立案前必须登记。");
		var posted = officer.postForm("/cases/new", Map.of("_csrf", officer.csrf(), "bodyId", String.valueOf(bodyId("芒市市场监督管理局")),
				"matterId", String.valueOf(jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class)), "source", "HOTLINE",
				"partyKind", "NATURAL_PERSON", "partyName", "夜市摊主丁", "placeRegionId", "3", "actDate", LocalDate.now(clock).minusDays(1).toString(),
				"description", "12345转办：夜市摊位无证经营", "formKey", "unidentified-" + System.nanoTime()));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/cases/", ""));
		assertThat(jdbc.queryForObject("select party_name from enforcement_case where id = ? and party_key is null", String.class, id)).isEqualTo("夜市摊主丁");
	}

	private long entries(long id) {
		return jdbc.queryForObject("select count(*) from record_entry where subject_id = ?", Long.class, String.valueOf(id));
	}
}
