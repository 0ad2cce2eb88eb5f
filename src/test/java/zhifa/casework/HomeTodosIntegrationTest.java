package zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Each role's home page lists its own work from the data, each item linking where the person acts; the workbench's
 * 待我处理, 待审批 and 待法制审核 find the same cases; 未结 holds every stage not closed or archived. The test makes its own
 * cases.
 */
class HomeTodosIntegrationTest extends IntegrationTestBase {

	private String home(HttpSession s) {
		var r = s.get("/");
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	/** The card of the list with this title on a home page (from its title to the next list). */
	private static String list(String home, String title) {
		int at = home.indexOf(">" + title + "</span>");
		assertThat(at).as("list “%s” on the page", title).isPositive();
		int next = home.indexOf("todo-list", at);
		return home.substring(at, next < 0 ? home.length() : next);
	}

	private String numberOf(long id) {
		return jdbc.queryForObject("select case_number from enforcement_case where id = ?", String.class, id);
	}

	private boolean listed(HttpSession s, String filter, long id) {
		var r = s.get("/api/v1/cases?filter=" + filter + "&size=500");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		for (var c : json(r.body())) {
			if (c.get("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

	@Test
	void eachRoleSeesItsOwnWorkAndTheWorkbenchFindsTheSameCases() {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession reviewer = loggedIn("scj.fazhi");

		// the head: a new clue waits for 立案审批 — on his home page with its link, and in 待审批 / 待我处理
		long clue = scenarios.clue(officer, "首页测试甲公司", 901);
		String headHome = home(head);
		assertThat(headHome).contains("负责人：今天要办的");
		assertThat(list(headHome, "待立案审批")).contains("案源第" + clue + "号", "href=\"/cases/" + clue + "\"");
		assertThat(listed(head, "APPROVAL", clue)).isTrue();
		assertThat(listed(head, "FOR_ME", clue)).isTrue();
		assertThat(listed(officer, "FOR_ME", clue)).as("立案 is the head's, not the officer's").isFalse();

		// the officer: a filed case without evidence — the next step and what it still lacks
		long filed = scenarios.filed(officer, head, "首页测试乙公司", 902);
		String officerHome = home(officer);
		assertThat(officerHome).contains("执法人员：今天要办的");
		assertThat(list(officerHome, "我的案件下一步（须补齐的证据和文书）")).contains(numberOf(filed), "提出处罚建议：尚未收集证据或制作笔录",
				"href=\"/cases/" + filed + "\"");
		assertThat(listed(officer, "FOR_ME", filed)).isTrue();
		assertThat(listed(head, "APPROVAL", filed)).isFalse();

		// the legal reviewer: a major case's review with its deadline, and the workbench list
		transcript(officer, filed);
		var proposal = officer.postJson("/api/v1/cases/" + filed + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}");
		assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
		String reviewerHome = home(reviewer);
		assertThat(reviewerHome).contains("法制审核人员：今天要办的");
		assertThat(list(reviewerHome, "待法制审核")).contains(numberOf(filed), "法制审核 ", " 届满");
		assertThat(listed(reviewer, "LEGAL_REVIEW", filed)).isTrue();
		assertThat(listed(reviewer, "FOR_ME", filed)).isTrue();
		// and the head's 待集体讨论 (a major case is discussed by the heads)
		assertThat(list(home(head), "待集体讨论")).contains(numberOf(filed));

		// 未结: every stage that is not closed or archived — a decided case is still open
		long decided = scenarios.decidedAndServed(officer, head, "首页测试丙公司", 903);
		assertThat(listed(officer, "OPEN", decided)).isTrue();
		assertThat(listed(officer, "OPEN", clue)).isTrue();
		assertThat(listed(officer, "FOR_ME", decided)).as("execution is the officer's work").isTrue();
	}

	/**
	 * "共 N 项，到办案工作台查看全部" on a home-page list opens 待我处理: every case the head's lists show (立案审批, 待集体讨论,
	 * 待组织听证, 待作出决定, 归档 …) is in it — before, only the approvals were, and the demo's cases waiting for a
	 * collective discussion or a hearing were missing.
	 */
	@Test
	void everyCaseOnTheHeadsHomeListsIsInHisWorkbenchList() {
		HttpSession head = loggedIn("scj.fuze");
		String page = home(head);
		int from = page.indexOf("id=\"todo-LEADER\"");
		assertThat(from).as("the head's lists").isPositive();
		int to = page.indexOf("<section", from + 1);
		String lists = page.substring(from, to < 0 ? page.length() : to);
		assertThat(lists).contains("待集体讨论", "待组织听证");
		var links = java.util.regex.Pattern.compile("href=\"/cases/(\\d+)\"").matcher(lists);
		java.util.Set<Long> shown = new java.util.TreeSet<>();
		while (links.find()) {
			shown.add(Long.parseLong(links.group(1)));
		}
		assertThat(shown).hasSizeGreaterThan(2);
		var r = head.get("/api/v1/cases?filter=FOR_ME&size=500");
		assertThat(r.statusCode()).isEqualTo(200);
		java.util.Set<Long> forMe = new java.util.TreeSet<>();
		json(r.body()).forEach(c -> forMe.add(c.get("id").asLong()));
		assertThat(forMe).containsAll(shown);
	}

	/**
	 * The 安全管理员 keeps accounts, not enforcement data: his home page shows the accounts, not figures of bodies and
	 * officers his data scope cannot hold (they read 0), nor links to the compliance page he may not open.
	 */
	@Test
	void aTownshipAdministratorWhoEnforcesSeesHisOfficersWorkFirstAndEmptyListsInALine() {
		String page = home(loggedIn("zhefang.admin"));
		// the officer's own work before the administrator's
		assertThat(page).contains("id=\"todo-OFFICER\"", "id=\"todo-UNIT_ADMIN\"");
		assertThat(page.indexOf("id=\"todo-OFFICER\"")).isLessThan(page.indexOf("id=\"todo-UNIT_ADMIN\""));
		// a list with nothing in it is a name in one line, not a card saying 暂无
		String admin = page.substring(page.indexOf("id=\"todo-UNIT_ADMIN\""));
		admin = admin.substring(0, admin.indexOf("</section>"));
		assertThat(admin).contains("class=\"small text-muted mt-2 mb-0 todo-none\"", "暂无：").doesNotContain("暂无。");
	}

	/**
	 * A township that enforces without a 负责人 account: its administrator's home page and a clue's page say that a filing
	 * reported now waits for nobody; a body with a head shows neither.
	 */
	@Test
	void aBodyWithoutAHeadIsToldSoWhereTheApprovalWouldWait() {
		long zhefang = jdbc.queryForObject("select id from body_view where name = '遮放镇人民政府'", Long.class);
		long heads = jdbc.queryForObject("select count(*) from idn_user u join idn_user_role r on r.user_id = u.id where u.body_id = ? and u.enabled and r.role = 'LEADER'",
				Long.class, zhefang);
		HttpSession admin = loggedIn("zhefang.admin");
		var clue = admin.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"无负责人测试户","placeRegionId":%d,
				 "actDate":"%s","description":"测试案源"}""".formatted(zhefang, jdbc.queryForObject("select id from matter_view where code = 'ZF-CF-002'", Long.class),
				jdbc.queryForObject("select region_id from body_view where id = ?", Long.class, zhefang), LocalDate.now(clock).minusDays(2)));
		assertThat(clue.statusCode()).as(clue.body()).isEqualTo(201);
		String casePage = admin.get("/cases/" + json(clue.body()).get("id").asLong()).body();
		String home = home(admin);
		if (heads == 0) {
			assertThat(home).contains("缺少负责人账号的单位", "遮放镇人民政府", "没有负责人账号：报请立案、措施报批和处罚决定无人审批");
			assertThat(casePage).contains("id=\"no-head\"", "本机关还没有负责人账号：报请后无人能审批立案");
		}
		else {
			assertThat(home).doesNotContain("缺少负责人账号的单位");
			assertThat(casePage).doesNotContain("id=\"no-head\"");
		}
		// the market bureau has its head
		assertThat(home(loggedIn("scj.admin"))).doesNotContain("缺少负责人账号的单位");
		long market = new CaseScenarios(jdbc, clock).clue(loggedIn("scj.zhifa"), "有负责人测试商行", 997);
		assertThat(loggedIn("scj.zhifa").get("/cases/" + market).body()).contains("id=\"filing-request\"").doesNotContain("id=\"no-head\"");
	}

	@Test
	void theSecurityAdministratorSeesNoEnforcementFiguresNorLinksHeMayNotOpen() {
		HttpSession security = loggedIn("anquan");
		String page = home(security);
		assertThat(page).contains("id=\"fig-users\"", "全平台的账号（不含执法数据）");
		assertThat(page).doesNotContain("id=\"fig-bodies\"", "id=\"fig-officers\"", "href=\"/compliance\"");
		assertThat(security.get("/compliance").statusCode()).isEqualTo(403);
		// the 系统管理员 keeps them, and may open what they link to
		HttpSession admin = loggedIn("admin");
		assertThat(home(admin)).contains("id=\"fig-bodies\"", "id=\"fig-officers\"", "href=\"/compliance\"").doesNotContain("不含执法数据");
		assertThat(admin.get("/compliance").statusCode()).isEqualTo(200);
	}

	@Test
	void aNewOfficerLearnsHeMayNotEnforceAndTheAdministratorsAndTheSupervisorSeeTheirs() {
		// an officer without a certificate: the qualification and the exam, not cases
		String newcomer = home(loggedIn("scj.xinren"));
		assertThat(newcomer).contains("执法资格", "尚未取得有效的行政执法证件", "不得独立从事行政执法活动");
		// each exam links to its place on the officer's own exam page, which he may open (the organisers' /exams/{id} he may not)
		var exam = java.util.regex.Pattern.compile("href=\"/exams#(exam-\\d+)\"").matcher(newcomer);
		assertThat(exam.find()).as(newcomer).isTrue();
		var examPage = loggedIn("scj.xinren").get("/exams");
		assertThat(examPage.statusCode()).isEqualTo(200);
		assertThat(examPage.body()).contains("id=\"" + exam.group(1) + "\"", "进入考试");
		// an officer with a certificate has no such item
		assertThat(home(loggedIn("scj.zhifa"))).doesNotContain("尚未取得有效的行政执法证件");
		// an officer whose certificate runs out within six months is told himself, not only his administrator (demo: 岩温's, in
		// four months), with his page; one whose certificate runs for years is not
		assertThat(list(home(loggedIn("scj.zhifa2")), "我的执法资格")).contains("我的执法证件", "到期，请及早向单位管理员申请换发")
			.containsPattern("href=\"/officers/\\d+\"");
		assertThat(home(loggedIn("scj.zhifa"))).doesNotContain("我的执法证件");

		// the unit administrator: certificates expiring (demo: within six months), training, returned catalogue submissions
		String admin = home(loggedIn("scj.admin"));
		assertThat(admin).contains("单位管理员：今天要办的", "退回修改的执法事项目录", "被暂停登录的账号");
		assertThat(list(admin, "6个月内到期的执法证件")).containsPattern("href=\"/certificates/\\d+\"");
		assertThat(list(admin, "本年度培训学时未达标的人员")).contains("学时").containsPattern("href=\"/officers/\\d+\"");

		// a locked account of his body, with the link where he unlocks it
		long yan = userId("scj.zhifa2");
		jdbc.update("update idn_user set locked_until = now() + interval '10 minutes' where id = ?", yan);
		try {
			assertThat(list(home(loggedIn("scj.admin")), "被暂停登录的账号")).contains("岩温", "href=\"/accounts/" + yan + "\"");
		}
		finally {
			jdbc.update("update idn_user set locked_until = null where id = ?", yan);
		}

		// the supervisor: overdue cases of every body, the catalogue filing waiting for his review, the bodies below target
		String supervisor = home(loggedIn("jiandu"));
		assertThat(supervisor).contains("执法监督人员：今天要办的");
		assertThat(list(supervisor, "本平台办理中有超期环节的案件（各执法主体）")).contains("应于", "href=\"/cases/");
		assertThat(list(supervisor, "待审查的执法事项目录报备")).contains("综合行政执法局").containsPattern("href=\"/catalogues/submissions/\\d+\"");
		assertThat(list(supervisor, "人员配备或培训未达标的执法主体")).containsPattern("href=\"/compliance/bodies/\\d+\"");
		assertThat(supervisor).doesNotContain("负责人：今天要办的", "执法人员：今天要办的");
	}

	@Test
	void thePlatformAdministratorSeesTheCalendarAndFailedJobs() {
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_attempts)
				values (gen_random_uuid(), 'zhifa.test.Listener.on(zhifa.test.Event)', 'zhifa.test.SomethingHappened', '{}', now() - interval '1 hour', 3)""");
		try {
			String admin = home(loggedIn("admin"));
			assertThat(admin).contains("系统管理员：今天要办的", "节假日安排", "失败的后台任务", "后台任务未完成：SomethingHappened", "已尝试3次");
			int next = LocalDate.now(clock).getYear() + 1;
			boolean known = jdbc.queryForObject("select count(*) from calendar_year where year = ?", Long.class, next) > 0;
			if (!known && LocalDate.now(clock).getMonthValue() >= 11) {
				assertThat(admin).contains(next + "年节假日安排尚未录入");
			}
		}
		finally {
			jdbc.update("delete from event_publication where event_type = 'zhifa.test.SomethingHappened'");
		}
	}
}
