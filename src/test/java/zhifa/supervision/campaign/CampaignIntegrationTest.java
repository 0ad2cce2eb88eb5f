package zhifa.supervision.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.alert.Alerts;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 专项整治: the 2024 campaign of the seed plan is in the demo data with its dates and the bodies' standing; a new campaign
 * gives every body a duty (a vertically managed one reports to its superior and copies the justice bureau); a body lists
 * its problems with their rectification plans (refused when incomplete, nothing written), submits, reports progress and
 * its final report; a late list is alerted and the alert ends when the list comes; the special-supervision report is
 * generated; the action plan's task 5 is judged from the campaign.
 */
class CampaignIntegrationTest extends IntegrationTestBase {

	@Autowired
	Alerts alerts;

	@Autowired
	zhifa.supervision.CampaignDuties duties;

	private static String post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		if (r.statusCode() == 403) {
			return "403";
		}
		return r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
	}

	private List<String> campaignAlerts(long body, String occurrence) {
		return jdbc.queryForList("select state from sv_alert where rule_code = 'CAMPAIGN_DUTY' and subject_kind = 'BODY' and subject_id = ? and occurrence = ?",
				String.class, body, occurrence);
	}

	@Test
	void theSeedCampaignIsInTheDemoDataAndTheActionPlanJudgesTaskFiveFromIt() {
		HttpSession jiandu = loggedIn("jiandu");
		long id = jdbc.queryForObject("select id from sv_campaign where code = 'ZXZZ-2024'", Long.class);
		String page = jiandu.get("/campaigns/" + id).body();
		assertThat(page).contains("2024年行政执法突出问题专项整治", "问题清单（2024-03-31前）", "整改情况（2024-09-30前）", "芒市市场监督管理局", "2024-03-28",
				"芒市综合行政执法局", "2024-04-15", "逾期未报送");
		// a list submitted after its deadline says so in words, not only in red; one on time does not
		assertThat(page).contains("2024-04-15（逾期报送）").doesNotContain("2024-03-28（逾期报送）");
		// the vertically managed branch reports to its superior and copies the justice bureau
		assertThat(page).contains("德宏州生态环境局（抄送芒市司法局）");
		alerts.sweepBodies();
		long transport = bodyId("芒市交通运输局");
		assertThat(campaignAlerts(transport, "ZXZZ-2024/LIST")).containsExactly("NEW");
		// the body is told what to file and where, not a case's guidance
		long alert = jdbc.queryForObject("select id from sv_alert where rule_code = 'CAMPAIGN_DUTY' and subject_id = ? and occurrence = 'ZXZZ-2024/LIST'", Long.class, transport);
		var alertPage = loggedIn("admin").get("/supervision/alerts/" + alert);
		assertThat(alertPage.statusCode()).isEqualTo(200);
		assertThat(alertPage.body()).contains("id=\"duty-guidance\"", "在“专项整治”中报送逾期的材料", "href=\"/campaigns\"").doesNotContain("如尚未立案、文书未补齐");
		// the home page and the list say which duty each alert is about (the home page said "null")
		assertThat(jiandu.get("/").body()).doesNotContain("· null ·");
		assertThat(jiandu.get("/supervision/alerts?rule=CAMPAIGN_DUTY").body()).contains("ZXZZ-2024 问题清单和整改方案");
		assertThat(campaignAlerts(bodyId("芒市市场监督管理局"), "ZXZZ-2024/LIST")).isEmpty();
		assertThat(pdfText(jiandu.getBytes("/campaigns/" + id + "/report.pdf"))).contains("任务5的部署");
		long plan = jdbc.queryForObject("select id from sv_action_plan where code = 'MANGSHI-2023-2025'", Long.class);
		assertThat(jiandu.get("/action-plans/" + plan).body()).contains("个单位已报送突出问题清单和整改方案（“2024年行政执法突出问题专项整治”）");
	}

	@Test
	void aBodyListsItsProblemsReportsProgressAndALateListIsAlertedUntilItComes() {
		HttpSession jiandu = loggedIn("jiandu");
		HttpSession admin = loggedIn("scj.admin");
		LocalDate today = LocalDate.now(clock);
		// not a supervisor: refused; incomplete: refused, nothing written
		assertThat(post(admin, "/campaigns", Map.of("code", "TEST-ZZ"))).isEqualTo("403");
		assertThat(post(jiandu, "/campaigns", Map.of("code", "TEST-ZZ", "title", "测试专项整治"))).contains("请填写问题清单和整改方案的报送时限",
				"请填写专项整治情况的报送时限", "请填写专项监督时限");
		// the three deadlines in the wrong order: each refusal says which order, and the 编号 typed comes back with the rest
		String disordered = post(jiandu, "/campaigns", Map.of("code", "TEST-ZZ", "title", "测试专项整治", "categories", "过度执法", "listDue", today.plusDays(30).toString(),
				"reportDue", today.plusDays(10).toString(), "supervisionDue", today.plusDays(5).toString()));
		assertThat(disordered).contains("专项整治情况的报送时限不能早于问题清单的报送时限（" + today.plusDays(30) + "）",
				"专项监督时限不能早于专项整治情况的报送时限（" + today.plusDays(10) + "）", "&quot;code&quot;:[&quot;TEST-ZZ&quot;]");
		assertThat(jdbc.queryForObject("select count(*) from sv_campaign where code = 'TEST-ZZ'", Long.class)).isZero();
		post(jiandu, "/campaigns", Map.of("code", "TEST-ZZ", "title", "测试专项整治", "categories", "过度执法\n机械执法", "listDue", today.minusDays(1).toString(),
				"reportDue", today.plusDays(30).toString(), "supervisionDue", today.plusDays(40).toString()));
		long id = jdbc.queryForObject("select id from sv_campaign where code = 'TEST-ZZ'", Long.class);
		long market = bodyId("芒市市场监督管理局");
		long duty = jdbc.queryForObject("select id from sv_campaign_duty where campaign_id = ? and body_id = ?", Long.class, id, market);
		assertThat(jdbc.queryForObject("select report_to_body_id from sv_campaign_duty where id = ?", Long.class, duty)).isEqualTo(bodyId("芒市司法局"));
		// not deployed to a body that enforces nothing (the government itself; the Party's 编办 the plan names)
		assertThat(jdbc.queryForObject("select count(*) from sv_campaign_duty where campaign_id = ? and body_id in (?, ?)", Long.class, id,
				bodyId("芒市人民政府"), bodyId("中共芒市委员会机构编制委员会办公室"))).isZero();

		// the list is a day late: alerted
		alerts.sweepBodies();
		assertThat(campaignAlerts(market, "TEST-ZZ/LIST")).containsExactly("NEW");
		assertThat(admin.get("/").body()).contains("专项整治：待报送");
		// another body's officer cannot write on it; an incomplete problem is refused
		assertThat(post(loggedIn("zhefang.admin"), "/campaigns/duties/" + duty + "/problems", Map.of("category", "过度执法"))).isEqualTo("403");
		assertThat(post(admin, "/campaigns/duties/" + duty + "/problems", Map.of("category", "过度执法", "manifestation", "对小微商户频繁检查")))
			.contains("请填写整改措施", "请填写工作标准", "请填写完成时限");
		// a time limit already past, and a text too long, are said to be so (not "请填写")
		assertThat(post(admin, "/campaigns/duties/" + duty + "/problems", Map.of("category", "过度执法", "manifestation", "频".repeat(1001), "measures", "纳入双随机",
				"standard", "同一商户一年不超过两次", "deadline", today.minusDays(1).toString())))
			.contains("问题表现不超过1000字（现有1001字）", "完成时限应在今天（" + today + "）至");
		assertThat(jdbc.queryForObject("select count(*) from sv_campaign_problem where duty_id = ?", Long.class, duty)).isZero();
		assertThat(post(admin, "/campaigns/duties/" + duty + "/list", Map.of("version", "0"))).contains("请先列出突出问题");
		// a problem listed by mistake is taken off before the list is sent
		post(admin, "/campaigns/duties/" + duty + "/problems", Map.of("category", "过度执法", "manifestation", "误列的问题", "measures", "无",
				"standard", "无", "deadline", today.plusDays(20).toString()));
		long mistaken = jdbc.queryForObject("select id from sv_campaign_problem where duty_id = ? and manifestation = '误列的问题'", Long.class, duty);
		int beforeRemoval = jdbc.queryForObject("select version from sv_campaign_duty where id = ?", Integer.class, duty);
		assertThat(post(loggedIn("zhefang.admin"), "/campaigns/duties/" + duty + "/problems/" + mistaken + "/removal",
				Map.of("version", String.valueOf(beforeRemoval)))).isEqualTo("403");
		post(admin, "/campaigns/duties/" + duty + "/problems/" + mistaken + "/removal", Map.of("version", String.valueOf(beforeRemoval)));
		assertThat(jdbc.queryForObject("select count(*) from sv_campaign_problem where duty_id = ?", Long.class, duty)).isZero();
		post(admin, "/campaigns/duties/" + duty + "/problems", Map.of("category", "过度执法", "manifestation", "对小微商户频繁检查", "measures", "纳入双随机，合并检查",
				"standard", "同一商户一年不超过两次", "deadline", today.plusDays(20).toString()));
		int version = jdbc.queryForObject("select version from sv_campaign_duty where id = ?", Integer.class, duty);
		assertThat(post(admin, "/campaigns/duties/" + duty + "/list", Map.of("version", String.valueOf(version)))).contains("已报送芒市司法局");
		// the supervisor to whom it was sent finds it on his home page, to read and return if wrong; another unit's does not
		assertThat(jiandu.get("/").body()).contains("专项整治：近14日报送的材料", "测试专项整治：" + today + " 报送问题清单和整改方案（1个问题）",
				"href=\"/campaigns/duties/" + duty + "\"");
		assertThat(loggedIn("zhou.jiandu").get("/").body()).doesNotContain("href=\"/campaigns/duties/" + duty + "\"");
		alerts.sweepBodies();
		assertThat(campaignAlerts(market, "TEST-ZZ/LIST")).containsExactly("CONDITION_ENDED");
		assertThat(jdbc.queryForList("select summary from record_entry where subject_type = 'sv_campaign_duty' and subject_id = ? and action = 'campaign.list_submitted'",
				String.class, String.valueOf(duty))).singleElement().satisfies(s -> assertThat(s).contains("超过 " + today.minusDays(1) + " 的期限"));

		long problem = jdbc.queryForObject("select id from sv_campaign_problem where duty_id = ?", Long.class, duty);
		// put right three weeks on, a day after its time limit: the page and the report say it was late
		clock.shift(java.time.Duration.ofDays(21));
		admin = loggedIn("scj.admin");
		jiandu = loggedIn("jiandu");
		post(admin, "/campaigns/duties/" + duty + "/problems/" + problem + "/progress", Map.of("version", "0", "progress", "已纳入双随机抽查计划", "rectified", "true"));
		assertThat(jdbc.queryForObject("select rectified_on from sv_campaign_problem where id = ?", LocalDate.class, problem)).isEqualTo(today.plusDays(21));
		assertThat(admin.get("/campaigns/duties/" + duty).body()).contains("（逾期完成）");
		// a campaign after the three-year plan is not said to be done under it
		assertThat(pdfText(jiandu.getBytes("/campaigns/" + id + "/report.pdf"))).contains("按照工作部署", "逾期完成整改的：").doesNotContain("任务5的部署");
		version = jdbc.queryForObject("select version from sv_campaign_duty where id = ?", Integer.class, duty);
		post(admin, "/campaigns/duties/" + duty + "/report", Map.of("version", String.valueOf(version), "report", "问题已全部整改。"));
		assertThat(jiandu.get("/campaigns/" + id).body()).contains("1 / 1");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_campaign' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("campaign.opened");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_campaign_duty' and subject_id = ? order by seq", String.class,
				String.valueOf(duty))).containsExactly("campaign.problem_added", "campaign.problem_removed", "campaign.problem_added", "campaign.list_submitted",
				"campaign.progress", "campaign.reported");
		// the supervising unit returns the report with its reason: the unit sees why, it counts as not sent until sent again
		int returnedVersion = jdbc.queryForObject("select version from sv_campaign_duty where id = ?", Integer.class, duty);
		assertThat(post(admin, "/campaigns/duties/" + duty + "/return", Map.of("version", String.valueOf(returnedVersion), "what", "REPORT", "reason", "x")))
			.isEqualTo("403");
		assertThat(post(jiandu, "/campaigns/duties/" + duty + "/return", Map.of("version", String.valueOf(returnedVersion), "what", "REPORT", "reason", " ")))
			.contains("请填写退回理由");
		assertThat(jdbc.queryForObject("select final_submitted_at is not null and returned_reason is null from sv_campaign_duty where id = ?", Boolean.class, duty))
			.isTrue();
		assertThat(jiandu.get("/campaigns/duties/" + duty).body()).contains("id=\"return-form\"");
		assertThat(admin.get("/campaigns/duties/" + duty).body()).doesNotContain("id=\"return-form\"");
		post(jiandu, "/campaigns/duties/" + duty + "/return", Map.of("version", String.valueOf(returnedVersion), "what", "REPORT", "reason", "未写明整改的成效。"));
		assertThat(jdbc.queryForObject("select final_submitted_at is null and list_submitted_at is not null from sv_campaign_duty where id = ?", Boolean.class, duty))
			.isTrue();
		assertThat(admin.get("/campaigns/duties/" + duty).body()).contains("id=\"returned\"", "退回：未写明整改的成效。", "请修改后重新报送", "问题已全部整改。");
		// past the report's day, the alert says the report came back and was not sent again (it said "至今未报送")
		assertThat(duties.late(today.plusDays(31)).get(market)).extracting(zhifa.supervision.CampaignDuties.Late::reasoning)
			.contains("“测试专项整治”的专项整治情况应于 " + today.plusDays(30) + " 前报送芒市司法局，报送后已于 " + today.plusDays(21) + " 被退回修改，至今未重新报送");
		version = jdbc.queryForObject("select version from sv_campaign_duty where id = ?", Integer.class, duty);
		post(admin, "/campaigns/duties/" + duty + "/report", Map.of("version", String.valueOf(version), "report", "问题已全部整改，成效：商户投诉下降。"));
		assertThat(jdbc.queryForObject("select returned_reason from sv_campaign_duty where id = ?", String.class, duty)).isNull();
		assertThat(admin.get("/campaigns/duties/" + duty).body()).doesNotContain("id=\"returned\"");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_campaign_duty' and subject_id = ? order by seq", String.class,
				String.valueOf(duty))).endsWith("campaign.reported", "campaign.returned", "campaign.reported");

		// the duty's record is the body's; another body cannot read it
		assertThat(admin.get("/records/sv_campaign_duty/" + duty).statusCode()).isEqualTo(200);
		assertThat(loggedIn("zhzf.zhifa").get("/records/sv_campaign_duty/" + duty).statusCode()).isIn(403, 404);
	}

	private static String pdfText(byte[] pdf) {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", "");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
