package zhifa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.support.IntegrationTestBase;

/** Every page of the shell renders for every demo role: allowed (200), refused (403) or redirected — never a server error. */
class PagesRenderIntegrationTest extends IntegrationTestBase {

	static final List<String> USERS = List.of("admin", "anquan", "shenji", "jiandu", "zhou.jiandu", "sfj.admin", "scj.admin", "scj.zhifa", "scj.fuze",
			"scj.fazhi", "scj.xinren", "zhzf.zhifa", "zhefang.admin");

	@Test
	void everyPageRendersForEveryRole() {
		long market = bodyId("芒市市场监督管理局");
		long officer = jdbc.queryForObject("select id from officer where name = '张伟'", Long.class);
		long certificate = jdbc.queryForObject("select min(id) from certificate", Long.class);
		long session = jdbc.queryForObject("select min(id) from training_session", Long.class);
		long exam = jdbc.queryForObject("select min(id) from exam", Long.class);
		long law = jdbc.queryForObject("select min(id) from legal_document", Long.class);
		long benchmark = jdbc.queryForObject("select min(id) from discretion_benchmark", Long.class);
		long matter = jdbc.queryForObject("select min(id) from enforcement_matter where body_id = ?", Long.class, market);
		long submission = jdbc.queryForObject("select min(id) from catalogue_submission where status = 'SUBMITTED'", Long.class);
		long zhefang = bodyId("遮放镇人民政府");
		long clue = jdbc.queryForObject("select min(id) from enforcement_case where stage = 'CLUE'", Long.class);
		long filedCase = jdbc.queryForObject("select min(id) from enforcement_case where stage = 'FILED'", Long.class);
		long declined = jdbc.queryForObject("select min(id) from enforcement_case where stage = 'NOT_FILED'", Long.class);
		List<Long> later = jdbc.queryForList("select min(id) from enforcement_case where stage in ('PROPOSED', 'NOTIFIED', 'DECIDED') group by stage", Long.class);
		assertThat(later).hasSize(3);
		long onspot = jdbc.queryForObject("select min(case_id) from penalty_case where procedure = 'SIMPLE'", Long.class);
		long object = jdbc.queryForObject("select min(id) from insp_object", Long.class);
		long outbound = jdbc.queryForObject("select min(id) from ex_outbound where element_class = 'ACT'", Long.class);
		long rubric = jdbc.queryForObject("select min(id) from sv_rubric", Long.class);
		long actionPlan = jdbc.queryForObject("select id from sv_action_plan where code = 'MANGSHI-2023-2025'", Long.class);
		long campaign = jdbc.queryForObject("select id from sv_campaign where code = 'ZXZZ-2024'", Long.class);
		long campaignDuty = jdbc.queryForObject("select min(id) from sv_campaign_duty where campaign_id = ?", Long.class, campaign);
		List<String> pages = List.of("/", "/bodies", "/bodies/" + market, "/bodies/new", "/bodies/" + market + "/edit", "/bodies/import",
				"/regions", "/domains", "/accounts", "/accounts/new", "/tokens", "/records", "/records/anchors", "/records/body/" + market,
				"/calendar", "/calendar?year=2024&from=2024-09-27&amount=5&unit=WORKING_DAYS", "/account/password", "/officers",
				"/officers/" + officer, "/officers/new", "/officers/" + officer + "/edit", "/officers/import", "/certificates",
				"/certificates/" + certificate, "/training", "/training/sessions/" + session, "/compliance", "/compliance/bodies/" + market,
				"/exams", "/exams/" + exam, "/exams/questions", "/legal", "/legal?q=%E5%90%AC%E8%AF%81", "/legal/" + law, "/legal/import", "/discretion", "/discretion/" + benchmark, "/discretion/" + benchmark + "/edit", "/discretion/new",
				"/discretion/assess", "/discretion/leniency", "/matters", "/discretion/assess?violationCode=SP-124-TJJ&bodyId=" + market + "&circumstances=ELIMINATED_HARM", "/bodies/export.xlsx", "/officers/export.xlsx", "/compliance/export.xlsx",
				"/matters/" + matter, "/matters/new", "/matters/" + matter + "/edit", "/matters/import", "/matters/import/template.xlsx", "/matters/cleanup",
				"/catalogues", "/catalogues/" + market, "/catalogues/" + market + "/versions/2", "/catalogues/" + market + "/versions/2.xlsx",
				"/catalogues/" + market + "/working.xlsx", "/catalogues/submissions/" + submission, "/townships", "/townships/" + zhefang,
				"/townships/report", "/townships/report.xlsx?year=2025", "/cases", "/cases?filter=MINE", "/cases?filter=OVERDUE",
				"/cases?filter=DUE_SOON", "/cases?filter=ALL", "/cases?filter=ALL&page=1", "/cases?filter=UNPAID", "/cases?filter=ENFORCEMENT", "/onspot/new", "/onspot/ranges", "/cases/new", "/cases/" + clue, "/cases/" + filedCase, "/cases/" + declined,
				"/cases/" + later.get(0), "/cases/" + later.get(1), "/cases/" + later.get(2), "/cases/" + onspot, "/procedure-profiles",
				"/procedure-profiles?domain=MARKET", "/procedure-profiles?domain=URBAN", "/inspection/objects", "/inspection/objects?risk=D&page=1",
				"/inspection/objects/" + object, "/inspection/objects/new", "/inspection/objects/" + object + "/edit", "/inspection/objects/import",
				"/inspection/objects/export.xlsx?risk=D", "/inspection/objects/import/template.xlsx", "/inspection/items", "/inspection/items?bodyId=" + market, "/inspection/plans", "/inspection/plans?year=2026",
				"/inspection/today", "/inspection/visits/new", "/inspection/overview", "/inspection/overview?year=2025", "/inspection/merges", "/disclosure/decisions", "/portal",
				"/portal/decisions", "/portal/benchmarks", "/portal/procedures", "/portal/bodies/" + market, "/portal/inspections",
				"/portal/record", "/disclosure/statistics", "/disclosure/statistics?year=2025", "/portal/statistics",
				"/disclosure/statistics/summary", "/disclosure/statistics/summary?year=2025", "/disclosure/statistics/summary.xlsx", "/supervision/special", "/supervision/special?status=OPEN&kind=CORRECTED&page=1", "/supervision/documents", "/supervision/documents?overdue=true&page=1", "/supervision/special/new", "/supervision/plans", "/supervision/plans?year=2025", "/exchange/outbound", "/exchange/outbound?dead=true&elementClass=ACT&page=1", "/exchange/outbound/" + outbound, "/exchange/codes",
				"/supervision/reviews", "/supervision/reviews/rubrics", "/supervision/reviews/rubrics?from=" + rubric, "/supervision/reviews/rubrics/" + rubric, "/reviews", "/referrals", "/referrals?all=true", "/referrals/new", "/referrals/new?kind=DISCIPLINE",
				"/action-plans", "/action-plans/" + actionPlan, "/action-plans/import",
				"/campaigns", "/campaigns/" + campaign, "/campaigns/duties/" + campaignDuty, "/campaigns/" + campaign + "/report.pdf");
		for (String user : USERS) {
			var s = loggedIn(user);
			for (String page : pages) {
				var response = s.get(page);
				int status = response.statusCode();
				assertThat(status).as(user + " " + page).isIn(200, 302, 403, 404);
				if (status == 200 && !page.contains(".xlsx") && !page.contains(".pdf")) {
					// a template error after the response started would still be 200: the page must be complete
					assertThat(response.body()).as(user + " " + page + " rendered completely").contains("</html>");
				}
			}
			assertThat(s.get("/").statusCode()).as(user + " home").isEqualTo(200);
		}
	}

	/**
	 * An address that only takes a form's submission (POST), opened in a browser, says so in Chinese — not the generic
	 * "服务器处理请求时出错" of a 500, nor Spring's English JSON.
	 */
	@Test
	void anAddressForAFormSubmissionOpenedInTheBrowserSaysSoInChinese() throws Exception {
		var s = loggedIn("admin");
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/bodies/" + bodyId("芒市发展和改革局") + "/deactivate"))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").header("Cookie", s.cookieHeader()).GET().build();
		var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("不能这样打开此地址", "请从菜单或页面上的按钮进入", "返回首页").doesNotContain("Method Not Allowed", "服务器处理请求时出错");
	}
}
