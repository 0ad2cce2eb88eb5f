package zhifa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** The requests that used to give a 500 or a silently wrong number, each refused in Chinese with nothing written; uploads. */
class InputHardeningIntegrationTest extends IntegrationTestBase {

	private void assertChinese400(java.net.http.HttpResponse<String> res, String contains) {
		assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
		assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("json");
		assertThat(json(res.body()).get("detail").asString()).contains(contains);
	}

	private long clue(HttpSession officer, String party) {
		String id = "53310319900101002";
		var res = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"COMPLAINT","partyKind":"NATURAL_PERSON","partyName":"%s","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"输入测试"}""".formatted(bodyId("芒市市场监督管理局"),
				jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class), party, id + IdNumber.checkCharacter(id),
				LocalDate.now(clock).minusDays(2)));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		return json(res.body()).get("id").asLong();
	}

	@Test
	void aRefusedValueDeepInABatchIsNamedByItsPlace() {
		// the edge answers before anything else runs (the endpoint itself is for API tokens: without the edge this is a 403)
		String ok = "{\"externalId\":\"甲\",\"version\":1}";
		var res = loggedIn("admin").postJsonWithHeader("/api/v1/exchange/acts", """
				{"acts":[%s,{"externalId":"乙","partyName":"报送\\u0001公司"},{"externalId":"丙","caseNumber":"%s","officerCertificates":["证",null]}]}"""
			.formatted(ok, "号".repeat(5_000)), "X-Source-System", "NO-SUCH-SYSTEM");
		assertChinese400(res, "“acts[1].partyName”含有不允许的控制字符");
		var errors = json(res.body()).get("errors");
		assertThat(errors.get("acts[1].partyName").asString()).isEqualTo("“acts[1].partyName”含有不允许的控制字符");
		assertThat(errors.get("acts[2].caseNumber").asString()).startsWith("“acts[2].caseNumber”不能超过").endsWith("个字符（现为5000个）");
		assertThat(errors.get("acts[2].officerCertificates").asString()).isEqualTo("“acts[2].officerCertificates”中不能有空值");
		assertThat(errors.size()).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from sv_act where external_id in ('甲', '乙', '丙')", Long.class)).isZero();
	}

	@Test
	void foreignKeysCheckConstraintsAndOverflowsAreRefusedNotStored() {
		HttpSession admin = loggedIn("admin");
		long thresholds = jdbc.queryForObject("select count(*) from hearing_threshold", Long.class);
		assertChinese400(admin.postJson("/api/v1/discretion/hearing-thresholds", """
				{"domainCode":"NO_SUCH_DOMAIN","regionId":3,"partyType":"ORGANIZATION","amountYuan":30000,"sourceDocument":"测试","effectiveFrom":"2026-01-01"}"""),
				"执法领域“NO_SUCH_DOMAIN”不存在");
		assertChinese400(admin.postJson("/api/v1/discretion/hearing-thresholds", """
				{"domainCode":"URBAN","regionId":3,"partyType":"ORGANIZATION","amountYuan":1e20,"sourceDocument":"测试","effectiveFrom":"2026-01-01"}"""),
				"超出允许的范围");
		assertChinese400(admin.postJson("/api/v1/discretion/hearing-thresholds", """
				{"domainCode":"URBAN","regionId":3,"partyType":"ORGANIZATION","amountYuan":200000000000,"sourceDocument":"测试","effectiveFrom":"2026-01-01"}"""),
				"超出允许的范围");
		assertThat(jdbc.queryForObject("select count(*) from hearing_threshold", Long.class)).isEqualTo(thresholds);

		long zhefang = bodyId("遮放镇人民政府");
		long evaluations = jdbc.queryForObject("select count(*) from township_evaluation", Long.class);
		assertChinese400(loggedIn("jiandu").postJson("/api/v1/townships/" + zhefang + "/evaluations", """
				{"year":1,"assessor":"第三方","score":90,"comments":"好","assessedOn":"2026-01-10"}"""), "评估年度应在2000年");
		assertThat(jdbc.queryForObject("select count(*) from township_evaluation", Long.class)).isEqualTo(evaluations);

		HttpSession head = loggedIn("scj.fuze");
		long id = clue(loggedIn("scj.zhifa"), "空值列表");
		assertChinese400(head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[null]}"), "中不能有空值");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("CLUE");
		long market = bodyId("芒市市场监督管理局");
		String uscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, market);
		assertChinese400(admin.putJson("/api/v1/bodies/" + market, """
				{"name":"芒市市场监督管理局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3,"domainCodes":[null]}""".formatted(uscc)),
				"中不能有空值");
		assertChinese400(head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["FINE"],"fine":9223372036854775807}"""), "超出允许的范围");
		assertChinese400(head.postJson("/api/v1/cases/" + id + "/deferral", """
				{"newDue":"+99999-02-01","reason":"困难"}"""), "超出范围");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();
	}

	@Test
	void controlCharactersInFormsAndQueriesAreRefusedBeforeAnythingRuns() {
		HttpSession admin = loggedIn("admin");
		var form = admin.postForm("/domains", Map.of("code", "NUL_TEST", "name", "空\u0000字符", "_csrf", admin.csrf()));
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("含有不允许的控制字符");
		assertThat(jdbc.queryForObject("select count(*) from org_domain where code = 'NUL_TEST'", Long.class)).isZero();
		// sent from the page: back to it, told why, with what was typed kept (the invisible characters removed)
		var fromPage = admin.postForm("/domains", Map.of("code", "NUL_TEST", "name", "空\u0000字符", "_csrf", admin.csrf()), "/domains");
		assertThat(fromPage.statusCode()).isEqualTo(303);
		assertThat(fromPage.headers().firstValue("Location")).hasValue("/domains");
		String page = admin.get("/domains").body();
		assertThat(page).contains("含有不允许的控制字符（多为从其他文档复制时带入的不可见字符），未保存", "空字符", "id=\"kept-input\"")
			.doesNotContain("空\u0000字符");
		assertThat(jdbc.queryForObject("select count(*) from org_domain where code = 'NUL_TEST'", Long.class)).isZero();
		// a page's search: the same page again, the search without the invisible character, and why
		HttpSession officer = loggedIn("scj.zhifa");
		var search = officer.get("/legal?q=%E9%A3%9F%E5%93%81%01%E5%AE%89%E5%85%A8");
		assertThat(search.statusCode()).isEqualTo(303);
		assertThat(search.headers().firstValue("Location")).hasValue("/legal?q=%E9%A3%9F%E5%93%81%E5%AE%89%E5%85%A8");
		assertThat(officer.get("/legal?q=%E9%A3%9F%E5%93%81%E5%AE%89%E5%85%A8").body()).contains("查询条件中含有不允许的控制字符");
		var query = admin.get("/api/v1/bodies?q=%00");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(json(query.body()).get("detail").asString()).contains("控制字符");
	}

	/**
	 * A public complaint with an invisible character pasted in: back to the form with everything typed (without the character)
	 * for the visitor's browser; sent without a page to go back to, a page for a phone that gives him back what he typed.
	 * Nothing is registered either way.
	 */
	@Test
	void aPublicComplaintWithAnInvisibleCharacterKeepsWhatWasTyped() {
		long before = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		HttpSession visitor = new HttpSession(port);
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(visitor.get("/complaints/new").body());
		assertThat(m.find()).isTrue();
		long justice = jdbc.queryForObject("select id from body_view where name = '芒市司法局'", Long.class);
		Map<String, String> form = Map.of("_csrf", m.group(1), "category", "REPORT", "supervisingBodyId", String.valueOf(justice), "complainantName", "李四",
				"phone", "0692-2123456", "title", "罚款未开票据\u202e反向", "content", "执法人员罚款后未开具票据\u200b，请核查");
		var back = visitor.postForm("/complaints", form, "/complaints/new");
		assertThat(back.statusCode()).isEqualTo(303);
		assertThat(back.headers().firstValue("Location")).hasValue("/complaints/new");
		String page = visitor.get("/complaints/new").body();
		assertThat(page).contains("含有不允许的控制字符", "id=\"kept-input\"", "罚款未开票据反向", "执法人员罚款后未开具票据，请核查", "/js/app.js")
			.doesNotContain("\u202e");
		// no page to go back to: the short page gives the texts back, for a phone, without naming a parameter
		var shortPage = visitor.postForm("/complaints", form);
		assertThat(shortPage.statusCode()).isEqualTo(400);
		assertThat(shortPage.body()).contains("name=\"viewport\"", "以下是您填写的内容（已删除这些字符）", ">罚款未开票据反向</textarea>", ">执法人员罚款后未开具票据，请核查</textarea>",
				// each text under its field's name
				">标题</label>", ">内容</label>", ">姓名或企业名称</label>",
				"/portal").doesNotContain("参数“", "\u202e", ">REPORT<");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		// a login refused so does not show the password typed
		var login = new HttpSession(port).postForm("/login", Map.of("username", "scj.zhifa\u200b", "password", "秘密口令Zhifa@2026"));
		assertThat(login.statusCode()).isEqualTo(400);
		assertThat(login.body()).doesNotContain("秘密口令");
	}

	/** A page form sent without a field its address needs: a Chinese 400 page naming it, not the generic server error. */
	@Test
	void aPageRequestWithoutAParameterItNeedsIsToldWhatIsMissing() {
		HttpSession admin = loggedIn("scj.admin");
		var r = admin.postForm("/inspection/items/1/publication", Map.of("_csrf", admin.csrf()));
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("请求缺少必要的参数（version）", "请从页面上的链接或按钮进入").doesNotContain("服务器处理请求时出错");
	}

	/** An address longer than the web server takes: its refusal in Chinese for a phone, not Tomcat's English page. */
	@Test
	void anAddressTooLongForTheServerIsRefusedInChinese() {
		var r = new HttpSession(port).get("/portal/decisions?q=" + "a".repeat(9_000));
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("请求未能处理（400）", "请返回后缩短查询条件或内容重试", "name=\"viewport\"", "href=\"/portal\"").doesNotContain("Tomcat", "Bad Request");
	}

	/** A text longer than its column, on a page's form that did not limit it: back to the form with the reason and what was typed. */
	@Test
	void aTextTooLongForItsColumnSendsTheFormBackWithWhatWasTyped() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, loggedIn("scj.fuze"), "超长地点商行", 998);
		long transcripts = jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id);
		var r = officer.postForm("/cases/" + id + "/transcripts", Map.of("_csrf", officer.csrf(), "kind", "INSPECTION", "heldOn", LocalDate.now(clock).toString(),
				"place", "芒".repeat(301), "subject", "超长地点商行", "content", "检查情况"), "/cases/" + id);
		assertThat(r.statusCode()).isIn(302, 303);
		assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id);
		// PostgreSQL does not name the column: the field typed over its limit is found and marked under itself
		assertThat(officer.get("/cases/" + id).body()).contains("有内容超过了允许的长度，未保存（已在该栏下标出）。请精简后重新提交，填写的内容已保留。", "id=\"kept-input\"", "检查情况",
				"&quot;place&quot;:&quot;不能超过300个字（现有301个），请精简&quot;").doesNotContain("&quot;content&quot;:&quot;不能超过");
		// two fields over the limit, one of them a text without one: neither is said to be the one (PostgreSQL does not say)
		officer.postForm("/cases/" + id + "/transcripts", Map.of("_csrf", officer.csrf(), "kind", "INSPECTION", "heldOn", LocalDate.now(clock).toString(),
				"place", "芒".repeat(301), "subject", "超长地点商行", "content", "查".repeat(400)), "/cases/" + id);
		assertThat(officer.get("/cases/" + id).body()).contains("&quot;place&quot;:&quot;标出的几栏中至少有一栏不能超过300个字（此栏现有301个），请精简超长的栏&quot;",
				"&quot;content&quot;:&quot;标出的几栏中至少有一栏不能超过300个字（此栏现有400个）");
		assertThat(jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id)).isEqualTo(transcripts);
	}

	@Test
	void uploadsMustBeWhatTheyClaimKeepOnlyASafeNameAndStayWithinTheDocumentedSize() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = clue(officer, "上传测试");
		String base = "/api/v1/cases/" + id + "/evidence";
		long evidence = jdbc.queryForObject("select count(*) from case_evidence", Long.class);

		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		var evil = officer.postMultipart(base, Map.of("type", "DOCUMENTARY", "title", "伪装的图片"), "file", "evil.png", "image/png", html);
		assertChinese400(evil, "文件内容不是声明的PNG 图片");
		var htmlAsText = officer.postMultipart(base, Map.of("type", "DOCUMENTARY", "title", "网页"), "file", "page.txt", "text/plain", html);
		assertChinese400(htmlAsText, "文件内容不是声明的文本文件");
		var pdfAsJpeg = officer.postMultipart(base, Map.of("type", "DOCUMENTARY", "title", "错类型"), "file", "x.jpg", "image/jpeg",
				"%PDF-1.4".getBytes(StandardCharsets.UTF_8));
		assertChinese400(pdfAsJpeg, "JPG 图片");
		assertThat(jdbc.queryForObject("select count(*) from case_evidence", Long.class)).isEqualTo(evidence);

		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		var traversal = officer.postMultipart(base, Map.of("type", "AUDIOVISUAL", "title", "现场照片"), "file", "../../../../tmp/x.png", "image/png", png);
		assertThat(traversal.statusCode()).as(traversal.body()).isEqualTo(200);
		assertThat(json(traversal.body()).get("fileName").asString()).isEqualTo("x.png");

		var nulTitle = officer.postMultipart(base, Map.of("type", "AUDIOVISUAL", "title", "照片\u0000"), "file", "y.png", "image/png", png);
		assertThat(nulTitle.statusCode()).isEqualTo(400);
		assertThat(json(nulTitle.body()).get("detail").asString()).contains("控制字符");

		byte[] tooLarge = new byte[51 * 1024 * 1024];
		tooLarge[0] = '%';
		var large = officer.postMultipart(base, Map.of("type", "DOCUMENTARY", "title", "过大"), "file", "big.pdf", "application/pdf", tooLarge);
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(json(large.body()).get("detail").asString()).contains("超过 50MB");
		assertThat(jdbc.queryForObject("select count(*) from case_evidence", Long.class)).isEqualTo(evidence + 1);
	}
}
