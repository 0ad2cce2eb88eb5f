package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The party's address (行政处罚法第五十九条第一款第（一）项): kept from registration or written by 更正当事人信息, required
 * before a penalty decision, printed on the decision (never the act's place in its stead), and fixed once the decision
 * document names it.
 */
class PartyAddressIntegrationTest extends IntegrationTestBase {

	@Test
	void aDecisionWaitsForThePartysAddressWhichItThenPrintsAndKeeps() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		var scenarios = new CaseScenarios(jdbc, clock);
		LocalDate today = LocalDate.now(clock);
		// a clue whose report gave no address, taken to a served notice
		long id = scenarios.clue(officer, "地址测试商行", 961, null);
		String base = "/api/v1/cases/" + id;
		ok(head.postJson(base + "/filing", scenarios.filing()));
		ok(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"地址测试商行","content":"检查情况"}""".formatted(today)));
		ok(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}"));
		ok(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}"));
		ok(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today)));
		ok(waive(officer, id, "STATEMENT", today));
		String page = officer.get("/cases/" + id).body();
		assertThat(page).contains("地址：未登记（决定书须载明，请填写）", "填写当事人地址");

		// the head cannot decide: the decision would name no address; nothing changed
		var before = jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id);
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"依据食品安全法\"}";
		var refused = head.postJson(base + "/decision", decision);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(json(refused.body()).get("detail").asString()).contains("尚未登记当事人的地址", "第五十九条");
		assertThat(jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id)).isEqualTo(before);

		// after the notice the party's name stands (the notice names him): refused, nothing changed
		var rename = officer.postJson(base + "/party", """
				{"partyKind":"ORGANIZATION","partyName":"地址测试商行有限公司","partyAddress":"德宏州芒市勐焕路66号","reason":"核查营业执照"}""");
		assertThat(rename.statusCode()).isEqualTo(422);
		assertThat(json(rename.body()).get("detail").asString()).contains("不能再更正当事人类型、名称和证件号码");
		assertThat(jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select party_address from enforcement_case where id = ?", String.class, id)).isNull();
		// an address over 300 characters: refused with the field
		var tooLong = officer.postJson(base + "/party", """
				{"partyKind":"ORGANIZATION","partyName":"地址测试商行","partyAddress":"%s","reason":"核查营业执照"}""".formatted("路".repeat(301)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(json(tooLong.body()).get("errors").get("partyAddress").asString()).contains("300");
		// the address alone, from the case page's form (the name as it stands, the number left empty: kept)
		String code = jdbc.queryForObject("select party_key from enforcement_case where id = ?", String.class, id);
		var written = officer.postForm("/cases/" + id + "/party", Map.of("_csrf", officer.csrf(), "partyKind", "ORGANIZATION", "partyName", "地址测试商行",
				"partyAddress", "  德宏州芒市勐焕路66号  ", "reason", "经核查营业执照，补充当事人住所"));
		assertThat(written.statusCode()).isEqualTo(302);
		assertThat(officer.get("/cases/" + id).body()).contains("已更正当事人信息", "地址：德宏州芒市勐焕路66号");
		var row = jdbc.queryForMap("select party_address, party_key, party_name from enforcement_case where id = ?", id);
		assertThat(row).containsEntry("party_address", "德宏州芒市勐焕路66号").containsEntry("party_key", code).containsEntry("party_name", "地址测试商行");
		assertThat(jdbc.queryForObject("""
				select summary from record_entry where subject_id = ? and action = 'case.party_corrected' order by seq desc limit 1""", String.class,
				String.valueOf(id))).contains("地址未登记", "地址：德宏州芒市勐焕路66号");
		// the same again: nothing to correct
		assertThat(json(officer.postJson(base + "/party", """
				{"partyKind":"ORGANIZATION","partyName":"地址测试商行","partyAddress":"德宏州芒市勐焕路66号","reason":"再次核查"}""").body())
			.get("detail").asString()).contains("没有变化");

		// now the decision is made, and its document names the party's address, not the act's place
		ok(head.postJson(base + "/decision", decision));
		var generated = officer.postJson(base + "/documents/DECISION", "{}");
		ok(generated);
		long docId = json(generated.body()).get("id").asLong();
		try (var doc = Loader.loadPDF(officer.getBytes(base + "/documents/" + docId + "/pdf"))) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
			assertThat(text).contains("地址：德宏州芒市勐焕路66号");
		}

		// once the head has decided, the address he saw stands: no form, refused, nothing changed
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("id=\"party-correction\"");
		var decided = jdbc.queryForMap("select stage, version, party_address from enforcement_case where id = ?", id);
		var late = officer.postJson(base + "/party", """
				{"partyKind":"ORGANIZATION","partyName":"地址测试商行","partyAddress":"德宏州芒市勐焕路67号","reason":"又核查"}""");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(json(late.body()).get("detail").asString()).contains("已作出决定");
		assertThat(jdbc.queryForMap("select stage, version, party_address from enforcement_case where id = ?", id)).isEqualTo(decided);

		// a case decided before addresses were kept (simulated on this test's own case): the address may still be filled in,
		// and a new version of the decision names it
		jdbc.update("update enforcement_case set party_address = null where id = ?", id);
		assertThat(json(officer.postJson(base + "/documents/DECISION", "{}").body()).get("detail").asString()).contains("请在案件情况中填写当事人地址");
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"party-correction\"", "填写当事人地址");
		ok(officer.postJson(base + "/party", """
				{"partyKind":"ORGANIZATION","partyName":"地址测试商行","partyAddress":"德宏州芒市勐焕路68号","reason":"补填决定书须载明的地址"}"""));
		var again = officer.postJson(base + "/documents/DECISION", "{}");
		ok(again);
		try (var doc = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(again.body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).contains("地址：德宏州芒市勐焕路68号");
		}
	}

	@Test
	void anAddressGivenAtRegistrationIsKeptAndShown() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = new CaseScenarios(jdbc, clock).clue(officer, "地址登记商行", 962, "  德宏州芒市团结大街3号 ");
		assertThat(jdbc.queryForObject("select party_address from enforcement_case where id = ?", String.class, id)).isEqualTo("德宏州芒市团结大街3号");
		assertThat(json(officer.get("/api/v1/cases/" + id).body()).get("caseFile").get("partyAddress").asString()).isEqualTo("德宏州芒市团结大街3号");
		assertThat(officer.get("/cases/" + id).body()).contains("地址：德宏州芒市团结大街3号");
	}

	private static void ok(java.net.http.HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}
}
