package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.calendar.CalendarService;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 事后公开 of a penalty decision: drafted masked when it is made, published by the body with the decision document's
 * verification code within 7 working days, shown on the portal without login, and withdrawn with its reason when 复议
 * revokes it (the case's 3-working-day timer closed).
 */
class DecisionDisclosureIntegrationTest extends IntegrationTestBase {

	@Autowired
	DecisionDisclosures decisions;
	@Autowired
	CalendarService calendar;

	private static HttpResponseHolder post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		String page = r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
		return new HttpResponseHolder(r.statusCode(), page);
	}

	record HttpResponseHolder(int status, String page) {
	}

	private List<Object> snapshot(long caseId) {
		return List.of(jdbc.queryForList("select status, version, verification_code from disclosure_item where case_id = ?", caseId),
				jdbc.queryForObject("select count(*) from record_entry where subject_id = ? and action like 'case.disclos%'", Long.class,
						String.valueOf(caseId)));
	}

	@Test
	void aDecisionIsDraftedPublishedShownAndWithdrawnWhenRevoked() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession admin = loggedIn("scj.admin");
		long caseId = new CaseScenarios(jdbc, clock).decidedAndServed(officer, head, "芒市公开测试商贸有限公司", 1401);

		// drafted after the decision's commit (the event publication registry delivers it)
		long until = System.currentTimeMillis() + 20_000;
		while (decisions.ofCase(caseId).isEmpty() && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		var d = decisions.ofCase(caseId).orElseThrow();
		LocalDate today = LocalDate.now(clock);
		assertThat(d.status()).isEqualTo(DecisionDisclosures.Status.DRAFT);
		assertThat(d.publishBy()).isEqualTo(calendar.due(Deadline.of(d.decidedOn(), 7, DeadlineUnit.WORKING_DAYS, "")).date());
		assertThat(d.party()).startsWith("芒市公开测试商贸有限公司（统一社会信用代码 91533103MD");
		assertThat(d.sanction()).contains("罚款");
		assertThat(admin.get("/disclosure/decisions").body()).contains(d.title(), "应于 " + d.publishBy() + " 前公开");

		// the ledger knows the day it must be published by
		long ledgerUntil = System.currentTimeMillis() + 20_000;
		while (jdbc.queryForObject("select count(*) from sv_act where external_id = ? and details -> 'publication' ->> 'publishBy' = ?", Long.class,
				String.valueOf(caseId), d.publishBy().toString()) == 0 && System.currentTimeMillis() < ledgerUntil) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject("select count(*) from sv_act where external_id = ? and details -> 'publication' ->> 'publishBy' = ?", Long.class,
				String.valueOf(caseId), d.publishBy().toString())).isEqualTo(1);

		// not by an officer; not before the decision document exists
		var before = snapshot(caseId);
		assertThat(post(officer, "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", "0")).status()).isEqualTo(403);
		assertThat(post(admin, "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", "0")).page()).contains("请先生成行政处罚决定书");
		assertThat(snapshot(caseId)).isEqualTo(before);
		assertThat(new HttpSession(port).get("/portal/decisions/" + d.id()).statusCode()).isEqualTo(404);

		var doc = officer.postJson("/api/v1/cases/" + caseId + "/documents/DECISION", "{}");
		assertThat(doc.statusCode()).as(doc.body()).isIn(200, 201);
		String code = jdbc.queryForObject("select verification_code from case_document where case_id = ? and type = 'DECISION' order by id desc limit 1",
				String.class, caseId);
		// a supervisor does not publish for a body; the head's corrected text is masked again
		assertThat(post(loggedIn("jiandu"), "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", "0")).status()).isIn(403, 404);
		assertThat(post(admin, "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", "0", "facts",
				"经查，当事人超范围使用食品添加剂，联系电话13900001111。")).page()).contains("已公开");
		assertThat(decisions.ofCase(caseId).orElseThrow().facts()).contains("［电话已隐去］").doesNotContain("13900001111");
		d = decisions.ofCase(caseId).orElseThrow();
		assertThat(d.status()).isEqualTo(DecisionDisclosures.Status.PUBLISHED);
		assertThat(d.verificationCode()).isEqualTo(code);
		assertThat(d.publishedOn()).isEqualTo(today).isBeforeOrEqualTo(d.publishBy());

		// the citizen: the list and the decision with its verification code, no login
		HttpSession citizen = new HttpSession(port);
		assertThat(citizen.get("/portal/decisions").body()).contains(d.title(), "芒市公开测试商贸有限公司");
		var page = citizen.get("/portal/decisions/" + d.id()).body();
		assertThat(page).contains(d.title(), "罚款", code, "/verify/documents/" + code);
		// with its legal basis as the decision document cites it (行政处罚法第四十八条)
		assertThat(d.basis()).matches("违反《中华人民共和国.+》第.+条.*的规定，依据《中华人民共和国.+》第.+条.*的规定");
		assertThat(page).contains("法律依据", d.basis());

		// found by the organisation's name and by the period; a hostile query is refused in Chinese; listed in the sitemap
		assertThat(citizen.get("/portal/decisions?q=" + java.net.URLEncoder.encode("公开测试商贸", java.nio.charset.StandardCharsets.UTF_8)).body())
			.contains(d.title());
		assertThat(citizen.get("/portal/decisions?q=" + java.net.URLEncoder.encode("公开测试商贸", java.nio.charset.StandardCharsets.UTF_8) + "&from="
				+ today.plusDays(1)).body()).doesNotContain(d.title());
		var hostile = citizen.get("/portal/decisions?q=%01abc");
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(hostile.body()).contains("控制字符");
		var tooLong = citizen.get("/portal/decisions?q=" + "x".repeat(51));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("检索词不超过50个字");
		assertThat(citizen.get("/portal/sitemap.xml").body()).contains("/portal/decisions/" + d.id() + "</loc>", "/portal/bodies/", "/verify/certificates</loc>",
				"/verify/documents</loc>", "/complaints/new</loc>");
		// a period typed the wrong way round is searched the right way, and the visitor is told
		var reversed = citizen.get("/portal/decisions?q=" + java.net.URLEncoder.encode("公开测试商贸", java.nio.charset.StandardCharsets.UTF_8) + "&from="
				+ today.plusDays(1) + "&to=" + today.minusDays(30));
		assertThat(reversed.body()).contains(d.title(), "起始日期晚于截止日期，已按 " + today.minusDays(30) + " 至 " + today.plusDays(1) + " 查询");
		// a year out of range is said to be, not silently replaced
		var year = citizen.get("/portal/statistics?year=1900");
		assertThat(year.statusCode()).isEqualTo(400);
		assertThat(year.body()).contains("年度“1900”不在2000至2100之间，以下是" + (today.getYear() - 1) + "年度的数据");
		// all digits but more than a year can be: out of range, not "only digits, please"
		var huge = citizen.get("/portal/statistics?year=99999999999");
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(huge.body()).contains("年份“99999999999”超出允许的范围").doesNotContain("年份只填数字");

		// 复议 revokes it: due for withdrawal by the case's timer; withdrawn with the reason, shown on the portal
		String base = "/api/v1/cases/" + caseId;
		assertThat(officer.postJson(base + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(200);
		long remedy = json(officer.get(base + "/execution").body()).get("remedies").get(0).get("id").asLong();
		assertThat(officer.postJson(base + "/remedies/" + remedy + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"REVOKED\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		until = System.currentTimeMillis() + 20_000;
		while (decisions.ofCase(caseId).orElseThrow().withdrawBy() == null && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		d = decisions.ofCase(caseId).orElseThrow();
		assertThat(d.dueForWithdrawal()).isTrue();
		assertThat(d.withdrawBy()).isEqualTo(jdbc.queryForObject("select due_date from case_timer where case_id = ? and kind = 'WITHDRAW_PUBLICATION'",
				LocalDate.class, caseId));
		before = snapshot(caseId);
		post(admin, "/disclosure/decisions/" + d.id() + "/withdrawal", Map.of("version", String.valueOf(d.version()), "reason", " "));
		assertThat(snapshot(caseId)).isEqualTo(before);
		post(admin, "/disclosure/decisions/" + d.id() + "/withdrawal", Map.of("version", String.valueOf(d.version()), "reason", "行政复议决定撤销原处罚决定"));
		d = decisions.ofCase(caseId).orElseThrow();
		assertThat(d.status()).isEqualTo(DecisionDisclosures.Status.WITHDRAWN);
		assertThat(jdbc.queryForObject("select state from case_timer where case_id = ? and kind = 'WITHDRAW_PUBLICATION'", String.class, caseId))
			.isEqualTo("MET");
		assertThat(citizen.get("/portal/decisions/" + d.id()).body()).contains("本决定已于 " + today + " 撤回：行政复议决定撤销原处罚决定");
		// withdrawn: the notice stays, the content goes (and it is no longer found by the party)
		assertThat(citizen.get("/portal/decisions/" + d.id()).body()).doesNotContain("芒市公开测试商贸有限公司", "超范围使用食品添加剂");
		assertThat(citizen.get("/portal/decisions?q=" + java.net.URLEncoder.encode("公开测试商贸", java.nio.charset.StandardCharsets.UTF_8)).body())
			.doesNotContain(d.title());

		// a decision revoked before it was published is not published any more, its timer met
		long second = new CaseScenarios(jdbc, clock).decidedAndServed(officer, head, "芒市未公开测试有限公司", 1403);
		until = System.currentTimeMillis() + 20_000;
		while (decisions.ofCase(second).isEmpty() && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		String base2 = "/api/v1/cases/" + second;
		assertThat(officer.postJson(base2 + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(200);
		long remedy2 = json(officer.get(base2 + "/execution").body()).get("remedies").get(0).get("id").asLong();
		assertThat(officer.postJson(base2 + "/remedies/" + remedy2 + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"CHANGED\"}".formatted(today))
			.statusCode()).isEqualTo(200);
		until = System.currentTimeMillis() + 20_000;
		while (decisions.ofCase(second).orElseThrow().status() == DecisionDisclosures.Status.DRAFT && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		assertThat(decisions.ofCase(second).orElseThrow().status()).isEqualTo(DecisionDisclosures.Status.CANCELLED);
		assertThat(jdbc.queryForObject("select state from case_timer where case_id = ? and kind = 'WITHDRAW_PUBLICATION'", String.class, second))
			.isEqualTo("MET");
		assertThat(jdbc.queryForList("select action from record_entry where subject_id = ? and action like 'case.disclos%' order by id", String.class,
				String.valueOf(caseId))).containsExactly("case.disclosure_drafted", "case.disclosed", "case.disclosure_withdrawn");
	}

	@Test
	void aSeizureIsDraftedAndPublishedWithinTwentyWorkingDays() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession admin = loggedIn("scj.admin");
		long caseId = new CaseScenarios(jdbc, clock).filed(officer, loggedIn("scj.fuze"), "芒市查封公开测试有限公司", 1404);
		LocalDate today = LocalDate.now(clock);
		var sealed = officer.postJson("/api/v1/cases/" + caseId + "/measures",
				"{\"kind\":\"SEAL\",\"reason\":\"涉嫌违法生产（测试）\",\"basis\":\"《中华人民共和国食品安全法》第一百一十条第（四）项\",\"items\":\"加工设备两台\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\",\"avRecorded\":true}".formatted(today));
		assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(200);

		// drafted in the measure's own transaction, due in 20 working days, not a penalty decision
		var items = decisions.allOfCase(caseId);
		assertThat(items).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(DecisionDisclosures.Kind.MEASURE);
			assertThat(d.status()).isEqualTo(DecisionDisclosures.Status.DRAFT);
			assertThat(d.publishBy()).isEqualTo(calendar.due(Deadline.of(today, 20, DeadlineUnit.WORKING_DAYS, "")).date());
			assertThat(d.sanction()).isEqualTo("查封：加工设备两台");
			assertThat(d.party()).startsWith("芒市查封公开测试有限公司");
		});
		assertThat(decisions.ofCase(caseId)).isEmpty();
		var d = items.get(0);
		assertThat(admin.get("/disclosure/decisions").body()).contains("行政强制措施决定", d.title());

		// an officer may not publish; the head publishes it without a generated document (its 文号 is the case's)
		var before = snapshot(caseId);
		assertThat(post(officer, "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", String.valueOf(d.version()))).status())
			.isEqualTo(403);
		assertThat(snapshot(caseId)).isEqualTo(before);
		post(admin, "/disclosure/decisions/" + d.id() + "/publication", Map.of("version", String.valueOf(d.version())));
		var published = decisions.allOfCase(caseId).get(0);
		assertThat(published.status()).isEqualTo(DecisionDisclosures.Status.PUBLISHED);
		assertThat(published.verificationCode()).isNull();
		String page = new HttpSession(port).get("/portal/decisions/" + d.id()).body();
		assertThat(page).contains("行政强制措施决定", "决定内容", "查封：加工设备两台").doesNotContain("决定书验证码");
		assertThat(new HttpSession(port).get("/portal/decisions?q=" + java.net.URLEncoder.encode("芒市查封公开测试", java.nio.charset.StandardCharsets.UTF_8))
			.body()).contains(d.title());
		assertThat(jdbc.queryForList("select payload from record_entry where subject_id = ? and action = 'case.disclosed'", String.class,
				String.valueOf(caseId))).singleElement().satisfies(p -> assertThat(p).contains("MEASURE"));
		// the ledger knows the seizure's publication days (late publication of other decisions is alerted too)
		long until = System.currentTimeMillis() + 20_000;
		String ledger = "select count(*) from sv_act where external_id = ? and details -> 'publication' -> 'others' -> 0 ->> 'publishedOn' = ?";
		while (jdbc.queryForObject(ledger, Long.class, String.valueOf(caseId), today.toString()) == 0 && System.currentTimeMillis() < until) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(jdbc.queryForObject(ledger, Long.class, String.valueOf(caseId), today.toString())).isEqualTo(1);
	}

	@Test
	void aBodyDecidesWhetherWarningsAloneArePublished() {
		long market = bodyId("芒市市场监督管理局");
		String setting = "select count(*) from disclosure_setting where body_id = ?";
		String entries = "select count(*) from record_entry where subject_type = 'body' and subject_id = ? and action = 'disclosure.setting_changed'";
		long rows = jdbc.queryForObject(setting, Long.class, market);
		long before = jdbc.queryForObject(entries, Long.class, String.valueOf(market));
		boolean was = decisions.exemptWarningOnly(market);
		// an officer may not change it: refused, nothing changed
		assertThat(post(loggedIn("scj.zhifa"), "/disclosure/settings", Map.of("exemptWarningOnly", "true")).status()).isEqualTo(403);
		assertThat(jdbc.queryForObject(setting, Long.class, market)).isEqualTo(rows);
		assertThat(decisions.exemptWarningOnly(market)).isEqualTo(was);
		HttpSession admin = loggedIn("scj.admin");
		try {
			var set = post(admin, "/disclosure/settings", Map.of("exemptWarningOnly", String.valueOf(!was)));
			assertThat(set.page()).contains(!was ? "仅处警告的处罚决定不予公开" : "仅处警告的处罚决定也予以公开");
			assertThat(decisions.exemptWarningOnly(market)).isEqualTo(!was);
			assertThat(decisions.exemptWarningOnly(bodyId("芒市综合行政执法局"))).as("another body keeps the platform's default").isFalse();
			assertThat(jdbc.queryForObject(entries, Long.class, String.valueOf(market))).isEqualTo(before + 1);
		}
		finally {
			post(admin, "/disclosure/settings", Map.of("exemptWarningOnly", String.valueOf(was)));
		}
		assertThat(decisions.exemptWarningOnly(market)).isEqualTo(was);
	}
}
