package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 报请立案: the handling officer's opinion on a clue (市场监督管理行政处罚程序规定第十八条、第十九条) is what the 立案审批表
 * prints as the 承办人意见, signed with his name and dated the day he wrote it; without one the row is left blank for a
 * hand-written opinion, never a sentence the platform makes up.
 */
class FilingRequestIntegrationTest extends IntegrationTestBase {

	@Test
	void theOfficersOpinionIsWhatTheFilingApprovalFormPrints() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		var scenarios = new CaseScenarios(jdbc, clock);
		long id = scenarios.clue(officer, "报请立案商行", 963, "德宏州芒市勐焕路9号");
		String base = "/api/v1/cases/" + id;
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"filing-request\"", "报请立案");

		// an empty or too long opinion: refused on the field, nothing changed
		var before = jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id);
		var empty = officer.postJson(base + "/filing-request", "{\"opinion\":\"  \"}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(json(empty.body()).get("errors").get("opinion").asString()).contains("承办人意见");
		var tooLong = officer.postJson(base + "/filing-request", "{\"opinion\":\"%s\"}".formatted("查".repeat(501)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select filing_request from penalty_case where case_id = ?", String.class, id)).isNull();

		// the officer's request from the page: kept with his name and the day, recorded, shown to the head
		String opinion = "经现场核查，当事人涉嫌销售过期食品，有证据初步证明，建议立案调查。";
		var requested = officer.postForm("/cases/" + id + "/filing-request", Map.of("_csrf", officer.csrf(), "opinion", "  " + opinion + " "));
		assertThat(requested.statusCode()).isEqualTo(302);
		var row = jdbc.queryForMap("select filing_request, filing_requested_on, filing_requested_by from penalty_case where case_id = ?", id);
		assertThat(row.get("filing_request")).isEqualTo(opinion);
		assertThat(row.get("filing_requested_on").toString()).isEqualTo(java.time.LocalDate.now(clock).toString());
		assertThat((String) row.get("filing_requested_by")).contains("张伟");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.filing_requested'", String.class,
				String.valueOf(id))).isEqualTo("承办人报请立案：" + opinion);
		// an opinion of the full 500 characters is taken and recorded whole (the summary abbreviates it)
		String longest = "经核查" + "查".repeat(496) + "。";
		assertThat(officer.postJson(base + "/filing-request", "{\"opinion\":\"%s\"}".formatted(longest)).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select filing_request from penalty_case where case_id = ?", String.class, id)).isEqualTo(longest);
		assertThat(jdbc.queryForObject("select cast(payload as jsonb) ->> 'opinion' from record_entry where subject_id = ? "
				+ "and action = 'case.filing_requested' order by seq desc limit 1", String.class, String.valueOf(id))).isEqualTo(longest);
		// and the officer's own words again (a later request replaces the earlier one)
		assertThat(officer.postForm("/cases/" + id + "/filing-request", Map.of("_csrf", officer.csrf(), "opinion", opinion)).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_id = ? and action = 'case.filing_requested'", Integer.class,
				String.valueOf(id))).isEqualTo(3);
		assertThat(head.get("/cases/" + id).body()).contains(opinion, "承办人意见（张伟，", "批准立案").doesNotContain("scj.zhifa（张伟）");
		// reported: the next step is the head's approval, not the report again (the form to replace it stays on the page)
		for (HttpSession s : List.of(officer, head)) {
			String page = s.get("/cases/" + id).body();
			String next = page.substring(page.indexOf("id=\"next-steps\""), page.indexOf("</div>\n      </div>", page.indexOf("id=\"next-steps\"")));
			assertThat(next).contains("立案").doesNotContain("报请立案（承办人核查意见）");
		}
		// the head's list of what awaits his approval says which clue has been asked to file, by whom and when
		var approvals = head.get("/cases?filter=APPROVAL");
		assertThat(approvals.statusCode()).isEqualTo(200);
		assertThat(rowOf(approvals.body(), id)).contains("已报请立案（张伟，" + java.time.LocalDate.now(clock) + "）");
		// and so does his home page's 待立案审批 (nearest deadline first: this clue's review period made due today, so
		// that the other tests' clues of the body do not push it beyond the items the list keeps)
		jdbc.update("update case_timer set due_date = ? where case_id = ? and kind = 'FILING'", java.time.LocalDate.now(clock), id);
		String home = head.get("/").body();
		int item = home.indexOf("href=\"/cases/" + id + "\"");
		assertThat(item).as("the clue on the head's home page").isPositive();
		assertThat(home.substring(item, home.indexOf("</li>", item))).contains("已报请立案（张伟，" + java.time.LocalDate.now(clock) + "）；可以办理");

		// filed: the form prints the officer's opinion and name, and the request is closed
		var filed = head.postJson(base + "/filing", scenarios.filing());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		var generated = officer.postJson(base + "/documents/FILING_APPROVAL", "{}");
		assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
		try (var doc = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(generated.body()).get("id").asLong() + "/pdf"))) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
			assertThat(text).contains(opinion + "承办人（签名）：张伟").doesNotContain("承办人（签名）：张伟、");
		}
		assertThat(rowOf(officer.get("/cases?filter=ALL").body(), id)).contains("已立案").doesNotContain("已报请立案");
		var afterFiling = jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id);
		var late = officer.postJson(base + "/filing-request", "{\"opinion\":\"再次报请\"}");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(jdbc.queryForMap("select stage, version from enforcement_case where id = ?", id)).isEqualTo(afterFiling);
		assertThat(jdbc.queryForObject("select filing_request from penalty_case where case_id = ?", String.class, id)).isEqualTo(opinion);
	}

	@Test
	void withoutARequestTheOfficersRowIsLeftToBeWrittenByHand() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		var scenarios = new CaseScenarios(jdbc, clock);
		long id = scenarios.clue(officer, "未报请商行", 964, "德宏州芒市勐焕路10号");
		String base = "/api/v1/cases/" + id;
		assertThat(rowOf(head.get("/cases?filter=APPROVAL").body(), id)).contains("案源待处理").doesNotContain("已报请立案");
		var filed = head.postJson(base + "/filing", scenarios.filing());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		var generated = officer.postJson(base + "/documents/FILING_APPROVAL", "{}");
		assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
		try (var doc = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(generated.body()).get("id").asLong() + "/pdf"))) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
			// the opinion's cell empty, the signature's for the pen (the officers the head assigned are not signed for them)
			assertThat(text).contains("承办人意见", "承办人（签名）：").doesNotContain("建议立案调查").doesNotContain("承办人（签名）：张伟");
		}
	}

	@Test
	void theDemosOfficerHasAskedToFileTheHotlineClueUnderHisOwnName() {
		// read only: the demo's 12345 clue carries 张伟's request, recorded as his (not the system's) act
		var row = jdbc.queryForMap("select p.case_id, p.filing_request, p.filing_requested_by from penalty_case p join enforcement_case c on c.id = p.case_id"
				+ " where c.party_name = '岩某（演示）' and c.stage = 'CLUE'");
		assertThat((String) row.get("filing_request")).contains("建议立案调查");
		assertThat((String) row.get("filing_requested_by")).isEqualTo("scj.zhifa（张伟）");
		assertThat(jdbc.queryForMap("select actor_kind, actor_name from record_entry where subject_id = ? and action = 'case.filing_requested'",
				String.valueOf(row.get("case_id")))).containsEntry("actor_kind", "USER").containsEntry("actor_name", "scj.zhifa（张伟）");
		assertThat(rowOf(approvalListWith(loggedIn("scj.fuze"), (Long) row.get("case_id")), (Long) row.get("case_id"))).contains("已报请立案（张伟，");
		// and the demo's filed complaint was asked for by the officer and approved by the head, each under his name
		assertThat(jdbc.queryForMap("select p.filing_requested_by, c.filed_by from penalty_case p join enforcement_case c on c.id = p.case_id"
				+ " where c.party_name = '芒市某某食品有限公司（演示）' and c.source = 'COMPLAINT'"))
			.containsEntry("filing_requested_by", "scj.zhifa（张伟）").containsEntry("filed_by", "scj.fuze（刘强）");
	}

	/** The page of the head's 待审批 list that has the case (other tests' clues may come before it), following 下一页. */
	private static String approvalListWith(zhifa.support.HttpSession head, long id) {
		String page = head.get("/cases?filter=APPROVAL").body();
		for (int i = 0; i < 50 && !page.contains("href=\"/cases/" + id + "\""); i++) {
			var next = java.util.regex.Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(page);
			if (!next.find()) {
				break;
			}
			page = head.get(next.group(1).replace("&amp;", "&")).body();
		}
		return page;
	}

	/** The workbench's line for one case (its link up to the end of the line). */
	private static String rowOf(String page, long id) {
		int start = page.indexOf("href=\"/cases/" + id + "\"");
		assertThat(start).as("case %d on the list", id).isPositive();
		return page.substring(start, page.indexOf("</a>", start));
	}
}
