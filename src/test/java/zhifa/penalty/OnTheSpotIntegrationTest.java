package zhifa.penalty;

import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** 当场处罚 through the API: the caps, the numbered forms, collection and hand-in, 备案 — refusals write nothing. */
class OnTheSpotIntegrationTest extends IntegrationTestBase {

	@Autowired
	CaseTimers timers;

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	private String form(String partyKind, String partyId, long fine, String types, long range, int number, boolean collect, String officers) {
		long urban = bodyId("芒市综合行政执法局");
		long litter = jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class);
		String party = partyKind.equals("ORGANIZATION") ? "\"partyUscc\":\"" + partyId + "\"" : "\"partyIdNumber\":\"" + partyId + "\"";
		return """
				{"clue":{"bodyId":%d,"matterId":%d,"partyKind":"%s","partyName":"当场当事人",%s,"partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"placeDetail":"勐焕大道","actDate":"%s"},
				 "officerIds":[%s],"types":[%s],"fine":%d,"rangeId":%d,"formNumber":%d,"collectOnSpot":%s,"receiptNo":"票据001",
				 "decisionText":"乱扔废弃物，依据城市市容和环境卫生管理条例第三十四条"}""".formatted(urban, litter, partyKind, party, LocalDate.now(clock), officers,
				types, fine, range, number, collect);
	}

	@Test
	void aRefusedFormComesBackAsTypedAndThePlaceIsTheBodysOwnRegion() {
		HttpSession officer = loggedIn("zhzf.zhifa");
		long urban = bodyId("芒市综合行政执法局");
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒综执当罚'", Long.class, urban);
		long cases = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		String id17 = "53310319880808404";
		Map<String, String> f = new java.util.HashMap<>(Map.of("matterId", String.valueOf(jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'",
				Long.class)), "partyKind", "NATURAL_PERSON", "partyName", "表单保留测试人", "partyIdNumber", id17 + IdNumber.checkCharacter(id17), "partyAddress",
				"德宏州芒市勇罕街9号", "placeRegionId", "3", "placeDetail", "团结大街东段", "decisionText", "乱扔烟头", "types", "FINE", "fineYuan", "300"));
		f.put("rangeId", String.valueOf(range));
		f.put("formNumber", "1090");
		f.put("officerIds", String.valueOf(officer("孙磊")));
		var refused = officer.postMultipart("/onspot/new", f, "photo", "", "application/octet-stream", new byte[0]);
		assertThat(refused.statusCode()).isEqualTo(302);
		String page = officer.get("/onspot/new").body();
		// the refusal, and what was typed on site given back to the form (filled by app.js from kept-input)
		assertThat(page).contains("公民不得超过二百元", "id=\"kept-input\"", "表单保留测试人", "团结大街东段", "德宏州芒市勇罕街9号");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		// once shown, the typed values are gone (a fresh form next time)
		assertThat(officer.get("/onspot/new").body()).doesNotContain("表单保留测试人");
		// a lawful decision with a photo that is not what it claims: refused whole, the decision and its form number are not spent
		f.put("fineYuan", "30");
		f.put("formNumber", "1077");
		String other17 = "53310319880808415";
		f.put("partyIdNumber", other17 + IdNumber.checkCharacter(other17));
		f.put("officerIds", officer("孙磊") + "," + officer("周杰"));
		var badPhoto = officer.postMultipart("/onspot/new", f, "photo", "p.png", "image/png", "<html>not a picture</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(badPhoto.statusCode()).isEqualTo(302);
		assertThat(officer.get("/onspot/new").body()).contains("文件内容不是声明的", "未保存", "表单保留测试人");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		assertThat(jdbc.queryForObject("select count(*) from penalty_case where decision_number like '%1077'", Long.class)).isZero();
		// a township's officer is offered the township as the place, not 芒市 at large
		long zhefangRegion = jdbc.queryForObject("select region_id from body_view where name = '遮放镇人民政府'", Long.class);
		String township = loggedIn("zhefang.admin").get("/onspot/new").body();
		assertThat(township).containsPattern("<option value=\"" + zhefangRegion + "\" selected=\"selected\"");
		// only places within the body's jurisdiction are offered (行政处罚法第二十二条): not the province, not another township
		assertThat(officer.get("/onspot/new").body()).doesNotContain(">云南省<", ">德宏傣族景颇族自治州<");
		assertThat(township).doesNotContain(">芒市<");
		// the unit admin without a range is led to allocate one
		assertThat(township).contains("先分配号段");
		// an officer without a certificate is told before he types, and gets no form to fill in
		var uncertified = loggedIn("scj.xinren").get("/onspot/new");
		assertThat(uncertified.statusCode()).isEqualTo(200);
		assertThat(uncertified.body()).contains("id=\"me-barred\"", "不能执法：未持有执法证件", "您不能作为执法人员办理").doesNotContain("id=\"onspot-form\"");
		assertThat(loggedIn("scj.zhifa").get("/onspot/new").body()).contains("id=\"onspot-form\"").doesNotContain("id=\"me-barred\"");
		// and his home page does not offer it; a certified officer's does
		assertThat(loggedIn("scj.xinren").get("/").body()).doesNotContain("href=\"/onspot/new\"");
		assertThat(loggedIn("scj.zhifa").get("/").body()).contains("href=\"/onspot/new\"");
	}

	@Test
	void theCapsNumberedFormsCollectionAndReport() {
		HttpSession officer = loggedIn("zhzf.zhifa");
		long urban = bodyId("芒市综合行政执法局");
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒综执当罚'", Long.class, urban);
		String two = officer("孙磊") + "," + officer("周杰");
		String id17 = "53310319880808404";
		String person = id17 + IdNumber.checkCharacter(id17);
		long cases = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);

		// a 3,001-yuan fine for an organisation is refused, and nothing is written
		String uscc = "91533103MA6K00000" + zhifa.shared.Uscc.checkCharacter("91533103MA6K00000");
		var org = officer.postJson("/api/v1/onspot/penalties", form("ORGANIZATION", uscc, 300_100, "\"FINE\"", range, 1050, false, two));
		assertThat(org.statusCode()).isEqualTo(422);
		assertThat(json(org.body()).get("detail").asString()).contains("对法人或者其他组织不得超过三千元", "3,001.00元");
		assertThat(json(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 20_100, "\"FINE\"", range, 1050, false, two)).body())
			.get("detail").asString()).contains("公民不得超过二百元");
		// within the cap but above the benchmark, one officer, or collecting more than 100 yuan: refused
		assertThat(json(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 15_000, "\"FINE\"", range, 1050, false, two)).body())
			.get("detail").asString()).contains("不得偏离裁量基准");
		assertThat(json(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 5_000, "\"FINE\"", range, 1050, false,
				String.valueOf(officer("孙磊")))).body()).get("detail").asString()).contains("两名以上");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		assertThat(jdbc.queryForObject("select count(*) from onspot_form_number where range_id = ? and number = 1050", Long.class, range)).isZero();
		// a decision on the spot under an inspection matter would be void (食品安全法第一百一十条 lists inspection powers, not a
		// penalty): refused, nothing written; the form offers the penalty matters only
		HttpSession market = loggedIn("scj.zhifa");
		long marketBody = bodyId("芒市市场监督管理局");
		long inspection = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-JC-001' and body_id = ?", Long.class, marketBody);
		long marketRange = jdbc.queryForObject("select id from onspot_form_range where body_id = ? order by id limit 1", Long.class, marketBody);
		String marketForm = form("NATURAL_PERSON", person, 0, "\"WARNING\"", marketRange, 1, false, officer("张伟") + "," + officer("岩温"))
			.replace("\"bodyId\":" + urban, "\"bodyId\":" + marketBody)
			.replace("\"matterId\":" + jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class), "\"matterId\":" + inspection);
		var void_ = market.postJson("/api/v1/onspot/penalties", marketForm);
		assertThat(void_.statusCode()).isEqualTo(422);
		assertThat(json(void_.body()).get("detail").asString()).contains("是行政检查事项，不是行政处罚事项");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		assertThat(market.get("/onspot/new").body()).doesNotContain("SJ-JC-001").contains("SJ-CF-001");
		// a matter without a benchmark whose law fines 五万元以上 (食品安全法第一百二十二条): 200 yuan on the spot is refused on the
		// fine, nothing written — the simple procedure cannot reach the statute's least fine
		long unlicensed = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-003' and body_id = ?", Long.class, marketBody);
		var belowTheLaw = market.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 20_000, "\"FINE\"", marketRange, 1, false,
				officer("张伟") + "," + officer("岩温")).replace("\"bodyId\":" + urban, "\"bodyId\":" + marketBody)
			.replace("\"matterId\":" + jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class), "\"matterId\":" + unlicensed));
		assertThat(belowTheLaw.statusCode()).as(belowTheLaw.body()).isEqualTo(400);
		assertThat(json(belowTheLaw.body()).get("errors").get("fine").asString()).contains("食品安全法第一百二十二条", "不能当场处罚");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		// nor a warning there: the clause provides none (第五十一条 "依法给予警告")
		var warningOnly = market.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 0, "\"WARNING\"", marketRange, 1, false,
				officer("张伟") + "," + officer("岩温")).replace("\"fine\":0,", "").replace("\"bodyId\":" + urban, "\"bodyId\":" + marketBody)
			.replace("\"matterId\":" + jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class), "\"matterId\":" + unlicensed));
		assertThat(warningOnly.statusCode()).as(warningOnly.body()).isEqualTo(400);
		assertThat(json(warningOnly.body()).get("errors").get("types").asString()).contains("不包括警告", "不能当场给予警告");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		// the form decided on the spot names the party's address (第五十九条): without it, refused, nothing written
		var noAddress = officer.postJson("/api/v1/onspot/penalties",
				form("NATURAL_PERSON", person, 5_000, "\"FINE\"", range, 1050, true, two).replace("\"partyAddress\":\"德宏州芒市测试路1号\",", ""));
		assertThat(noAddress.statusCode()).isEqualTo(400);
		assertThat(json(noAddress.body()).get("errors").get("partyAddress").asString()).contains("决定书须载明");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		assertThat(jdbc.queryForObject("select count(*) from onspot_form_number where range_id = ? and number = 1050", Long.class, range)).isZero();

		// a 50-yuan fine collected on the spot on form 1050
		var ok = officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 5_000, "\"FINE\"", range, 1050, true, two));
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
		long id = json(ok.body()).get("id").asLong();
		assertThat(json(ok.body()).get("decisionNumber").asString()).isEqualTo("芒综执当罚1050");
		assertThat(json(ok.body()).get("simpleProcedure").asBoolean()).isTrue();
		assertThat(timers.get(id, TimerKind.HAND_IN).state()).isEqualTo(CaseTimer.State.RUNNING);
		// 简易程序 has no triage period: no 立案审查 deadline on the case
		assertThat(jdbc.queryForObject("select count(*) from case_timer where case_id = ? and kind = 'FILING'", Long.class, id)).isZero();
		assertThat(json(officer.get("/api/v1/cases/" + id + "/execution").body()).get("account").get("status").asString()).isEqualTo("已缴清");
		// the same form number again, or a voided one: refused
		assertThat(json(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 5_000, "\"WARNING\"", range, 1050, false, two)).body())
			.get("errors").get("formNumber").asString()).contains("已使用或已作废");
		assertThat(officer.postJson("/api/v1/onspot/ranges/" + range + "/void", "{\"number\":1051,\"reason\":\"填写错误\"}").statusCode()).isEqualTo(200);
		assertThat(json(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 0, "\"WARNING\"", range, 1051, false, two)).body())
			.get("errors").get("formNumber").asString()).contains("已使用或已作废");
		// a warning is always possible
		assertThat(officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 0, "\"WARNING\"", range, 1052, false, two)).statusCode())
			.isEqualTo(201);

		// the same act of the same person fined again on the spot: refused (一事不二罚款, 行政处罚法第二十九条), nothing written
		long before = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		var again = officer.postJson("/api/v1/onspot/penalties", form("NATURAL_PERSON", person, 5_000, "\"FINE\"", range, 1053, false, two));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(json(again.body()).get("detail").asString()).contains("行政处罚法第二十九条", "芒综执当罚1050 罚款50.00元");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from onspot_form_number where range_id = ? and number = 1053", Long.class, range)).isZero();

		// hand-in within two working days, then 备案
		assertThat(officer.postJson("/api/v1/onspot/penalties/" + id + "/hand-in", "{}").statusCode()).isEqualTo(200);
		assertThat(timers.get(id, TimerKind.HAND_IN).state()).isEqualTo(CaseTimer.State.MET);
		assertThat(loggedIn("admin").postJson("/api/v1/onspot/ranges", "{\"bodyId\":%d,\"prefix\":\"芒综执当罚\",\"first\":1090,\"last\":1200}".formatted(urban))
			.body()).contains("重叠");
		// a range for an auxiliary (协管员): refused on the field, nothing allocated; the page does not offer him
		long ranges = jdbc.queryForObject("select count(*) from onspot_form_range", Long.class);
		var auxiliary = loggedIn("admin").postJson("/api/v1/onspot/ranges",
				"{\"bodyId\":%d,\"officerId\":%d,\"prefix\":\"芒市监当罚辅\",\"first\":1,\"last\":50}".formatted(marketBody, officer("王小红")));
		assertThat(auxiliary.statusCode()).isEqualTo(400);
		assertThat(json(auxiliary.body()).get("errors").get("officerId").asString()).contains("辅助人员不能作出当场处罚决定");
		assertThat(jdbc.queryForObject("select count(*) from onspot_form_range", Long.class)).isEqualTo(ranges);
		assertThat(loggedIn("admin").get("/onspot/ranges?bodyId=" + marketBody).body()).contains("张伟").doesNotContain("王小红");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("case.clue_registered", "case.onspot_decided", "case.handed_in");
	}
}
