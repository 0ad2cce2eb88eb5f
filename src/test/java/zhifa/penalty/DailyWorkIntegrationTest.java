package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The daily rules of issue 12 that the API enforces: a waiver takes the signed scan and a confirmation; money is the
 * same three fields from proposal to decision and compared like with like; 行政拘留 only in public-security cases; a
 * refused page form gives back what was typed. Every refusal also shows that nothing changed.
 */
class DailyWorkIntegrationTest extends IntegrationTestBase {

	private Map<String, Object> state(long caseId) {
		return jdbc.queryForMap("""
				select c.stage, c.version, (select count(*) from case_evidence e where e.case_id = c.id) as evidence,
				  (select count(*) from record_entry r where r.subject_type = 'penalty_case' and r.subject_id = c.id::text) as entries,
				  (select statement_waived_on from penalty_notice n where n.case_id = c.id) as waived,
				  (select types || '/' || coalesce(property, '') from penalty_proposal p where p.case_id = c.id) as proposal
				from enforcement_case c where c.id = ?""", caseId);
	}

	private String refusedField(long caseId, java.util.function.Supplier<java.net.http.HttpResponse<String>> call, String field) {
		var before = state(caseId);
		var r = call.get();
		assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
		assertThat(state(caseId)).isEqualTo(before);
		return json(r.body()).get("errors").get(field).asString();
	}

	@Test
	void aWaiverTakesTheSignedScanAndAConfirmation() {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long id = scenarios.filed(officer, loggedIn("scj.fuze"), "放弃测试公司", 911);
		String base = "/api/v1/cases/" + id;
		transcript(officer, id);
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today))
			.statusCode()).isEqualTo(200);

		assertThat(refusedField(id, () -> officer.postMultipart(base + "/waivers", Map.of("right", "STATEMENT", "confirmed", "true"), "file", "empty.pdf",
				"application/pdf", new byte[0]), "file")).contains("签名的书面放弃声明");
		assertThat(refusedField(id, () -> officer.postMultipart(base + "/waivers", Map.of("right", "STATEMENT"), "file", "waiver.pdf", "application/pdf",
				SIGNED_SCAN), "confirmed")).contains("已核对");

		var ok = waive(officer, id, "STATEMENT", today);
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ? and title like '当事人书面放弃%' and sm3 is not null", Long.class, id))
			.isEqualTo(1);
		// the same right is not waived twice: refused, nothing written
		var before = state(id);
		var again = waive(officer, id, "STATEMENT", today);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
		assertThat(json(again.body()).get("detail").asString()).contains("已于 " + today + " 书面放弃陈述、申辩权利");
		assertThat(state(id)).isEqualTo(before);
	}

	@Test
	void moneyIsOneThingFromProposalToDecisionAndDetentionIsForThePolice() {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = scenarios.filed(officer, head, "没收测试公司", 912);
		String base = "/api/v1/cases/" + id;
		transcript(officer, id);

		assertThat(refusedField(id, () -> officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"DETENTION\"]}"), "types"))
			.contains("第十八条第三款");
		assertThat(refusedField(id, () -> officer.postJson(base + "/proposal",
				"{\"report\":\"报告\",\"types\":[\"FINE\",\"CONFISCATE_PROPERTY\"],\"fine\":6000000,\"propertyValue\":36000}"), "property"))
			.contains("列明没收的物品");
		assertThat(refusedField(id, () -> officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"gains\":120000}"),
				"gains")).contains("没收违法所得");

		var proposal = officer.postJson(base + "/proposal", """
				{"report":"报告","types":["FINE","CONFISCATE_GAINS","CONFISCATE_PROPERTY"],"fine":6000000,"gains":120000,
				 "property":"过期食品添加剂12袋","propertyValue":36000}""");
		assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
		var notice = json(officer.get(base + "/procedure").body()).get("notice").get("sanction");
		assertThat(notice.get("gains").asLong()).isEqualTo(120_000L);
		assertThat(notice.get("property").asString()).isEqualTo("过期食品添加剂12袋");
		assertThat(notice.get("propertyValue").asLong()).isEqualTo(36_000L);

		LocalDate today = LocalDate.now(clock);
		officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today));
		waive(officer, id, "STATEMENT", today);
		// a higher property value than notified is heavier, compared like with like
		var heavier = head.postJson(base + "/decision", """
				{"outcome":"PENALTY","types":["FINE","CONFISCATE_GAINS","CONFISCATE_PROPERTY"],"fine":6000000,"gains":120000,
				 "property":"过期食品添加剂12袋","propertyValue":50000,"text":"依据"}""");
		assertThat(heavier.statusCode()).as(heavier.body()).isEqualTo(422);
		assertThat(json(heavier.body()).get("detail").asString()).contains("没收非法财物的价值500.00元高于告知的360.00元");
		var decided = head.postJson(base + "/decision", """
				{"outcome":"PENALTY","types":["FINE","CONFISCATE_GAINS","CONFISCATE_PROPERTY"],"fine":6000000,"gains":120000,
				 "property":"过期食品添加剂12袋","propertyValue":36000,"text":"依据"}""");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(jdbc.queryForMap("select decision_gains, decision_property, decision_property_value from penalty_case where case_id = ?", id))
			.containsEntry("decision_gains", 120_000L).containsEntry("decision_property", "过期食品添加剂12袋").containsEntry("decision_property_value", 36_000L);

		// served: the 没收违法所得 is owed with the fine (第六十七条), paid after it, and 结案 waits for it
		assertThat(officer.postJson(base + "/service", """
				{"method":"DIRECT","servedOn":"%s","recipient":"法定代表人","proof":"回证"}""".formatted(today)).statusCode()).isEqualTo(200);
		var account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("outstanding").asLong()).isEqualTo(6_120_000L);
		assertThat(account.get("gains").asLong()).isEqualTo(120_000L);
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":6000000,\"receiptNo\":\"5331000912\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("unpaidFine").asLong()).isZero();
		assertThat(account.get("unpaidGains").asLong()).isEqualTo(120_000L);
		assertThat(account.get("status").asString()).isEqualTo("部分缴纳");
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"已缴\"}").body()).get("detail").asString()).contains("罚款、没收违法所得及加处罚款尚欠 1,200.00元");
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"account-gains\"", "（未缴 1,200.00元，");
		// more than is owed: refused, nothing recorded
		var tooMuch = officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":120001,\"receiptNo\":\"5331000913\"}".formatted(today));
		assertThat(tooMuch.statusCode()).isEqualTo(400);
		assertThat(json(tooMuch.body()).get("errors").get("amount").asString()).contains("罚款、没收违法所得及截至缴款日的加处罚款");
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":120000,\"receiptNo\":\"5331000913\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("outstanding").asLong()).isZero();
		assertThat(account.get("status").asString()).isEqualTo("已缴清");
		// paid in, the gains need no note of their execution; the confiscated goods still do
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"已缴\"}").body()).get("detail").asString()).doesNotContain("尚欠")
			.contains("罚款以外的处罚尚未登记执行情况");
	}

	@Test
	void withTheFineDeferredThe没收违法所得IsPaidFirstAsItFallsDueFirst() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "暂缓罚款测试公司", 915);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		transcript(officer, id);
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\",\"CONFISCATE_GAINS\"],\"fine\":6000000,\"gains\":120000}")
			.statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
		officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today));
		waive(officer, id, "STATEMENT", today);
		assertThat(head.postJson(base + "/decision", """
				{"outcome":"PENALTY","types":["FINE","CONFISCATE_GAINS"],"fine":6000000,"gains":120000,"text":"依据"}""").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/service", """
				{"method":"DIRECT","servedOn":"%s","recipient":"法定代表人","proof":"回证"}""".formatted(today)).statusCode()).isEqualTo(200);
		assertThat(head.postJson(base + "/deferral", "{\"newDue\":\"%s\",\"reason\":\"经营困难\"}".formatted(today.plusDays(90))).statusCode()).isEqualTo(200);
		// the party pays the gains' amount: it goes to the gains (due in fifteen days), not to the deferred fine
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":120000,\"receiptNo\":\"5331000915\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		clock.shift(java.time.Duration.ofDays(30));
		var account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("unpaidGains").asLong()).isZero();
		assertThat(account.get("unpaidFine").asLong()).isEqualTo(6_000_000L);
		assertThat(account.get("status").asString()).isNotEqualTo("逾期未缴");
	}

	@Test
	void aClosedCaseIsArchivedOnlyWithItsClosureReportInTheFile() {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = scenarios.decidedAndServed(officer, head, "归档测试公司", 914);
		String base = "/api/v1/cases/" + id;
		long owed = json(officer.get(base + "/execution").body()).get("account").get("outstanding").asLong();
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":%d,\"receiptNo\":\"5331000914\"}".formatted(LocalDate.now(clock), owed))
			.statusCode()).isEqualTo(200);
		fileDocuments(officer, id);
		var closed = head.postJson(base + "/closure", "{\"report\":\"罚款已缴清\"}");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		// a file without its 结案报告 (as a case closed before the report was filed automatically): archiving is refused
		jdbc.update("delete from case_document where case_id = ? and type = 'CLOSURE_REPORT'", id);
		long entries = recordCount();
		var refused = head.postJson(base + "/archive", "{}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(json(refused.body()).get("detail").asString()).contains("结案报告");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("CLOSED");
		assertThat(recordCount()).isEqualTo(entries);
		assertThat(officer.postJson(base + "/documents/CLOSURE_REPORT", "{}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(base + "/archive", "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void aRefusedPageFormGivesBackWhatWasTyped() {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long id = scenarios.filed(officer, loggedIn("scj.fuze"), "回填测试公司", 913);
		transcript(officer, id);
		var before = state(id);
		// a fine ticked but no amount: refused, and the report typed comes back to the page with the form's address
		var r = officer.postForm("/cases/" + id + "/proposal", Map.of("report", "当事人销售超范围使用添加剂的食品<script>", "types", "FINE", "fineYuan", "", "_csrf", officer.csrf()));
		String page = r.statusCode() == 200 ? r.body() : officer.get("/cases/" + id).body();
		assertThat(state(id)).isEqualTo(before);
		assertThat(page).contains("id=\"kept-input\"", "data-action=\"/cases/" + id + "/proposal\"", "请填写罚款的金额");
		assertThat(page).contains("当事人销售超范围使用添加剂的食品\\u003cscript\\u003e").doesNotContain("食品<script>");
	}
}
