package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zhifa.shared.Sm3;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Every penalty document type renders the legal items RULES.md §11 asks of it (compared on the extracted text), carries
 * page numbers and a verification code, and is kept as versions; each page is saved as a picture under
 * {@code target/screenshots/} to look at. The public verification page answers for a generated document and refuses a
 * modified file.
 */
class CaseDocumentsIntegrationTest extends IntegrationTestBase {

	private static final Pattern CODE = Pattern.compile("验证码：([23456789A-HJKMNP-Z]{10})");

	private long demoCase(String party) {
		return jdbc.queryForObject("select id from enforcement_case where party_name = ?", Long.class, party);
	}

	/** Generates a document, checks the text of every page, saves the pages as pictures; returns the PDF and its text. */
	private Generated generate(HttpSession officer, long caseId, String type) throws IOException {
		var r = officer.postJson("/api/v1/cases/" + caseId + "/documents/" + type, "{}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		long docId = json(r.body()).get("id").asLong();
		byte[] pdf = officer.getBytes("/api/v1/cases/" + caseId + "/documents/" + docId + "/pdf");
		try (var doc = Loader.loadPDF(pdf)) {
			Path out = Path.of("target/screenshots");
			Files.createDirectories(out);
			PDFRenderer renderer = new PDFRenderer(doc);
			for (int p = 0; p < doc.getNumberOfPages(); p++) {
				ImageIO.write(renderer.renderImageWithDPI(p, 100), "png", new File(out.toFile(), type.toLowerCase() + "-page" + (p + 1) + ".png"));
			}
			String raw = new PDFTextStripper().getText(doc);
			String paged = raw.replaceAll("\\s", "");
			int pages = doc.getNumberOfPages();
			for (int p = 1; p <= pages; p++) {
				assertThat(paged).contains("第" + p + "页共" + pages + "页");
			}
			// the text read without the page footers (a paragraph across a page break reads with the footer inside it)
			String text = paged.replaceAll("第\\d+页共\\d+页", "");
			// no line starts with closing punctuation
			for (String line : raw.split("\n")) {
				assertThat(line.strip()).as("line of %s", type).doesNotMatch("^[，。、；：？！）」》].*");
			}
			// nothing internal: the page's "裁量说理：" label and codes (the decision states the benchmark and tier it rests on, in words)
			assertThat(text).doesNotContain("你（单位）", "示例值", "裁量说理", "GENERAL", "LIGHTER");
			Matcher m = CODE.matcher(text);
			assertThat(m.find()).as("verification code on %s", type).isTrue();
			assertThat(json(r.body()).get("verificationCode").asString()).isEqualTo(m.group(1));
			return new Generated(docId, pdf, text, m.group(1), json(r.body()).get("number").asString());
		}
	}

	record Generated(long id, byte[] pdf, String text, String code, String number) {
	}

	@Test
	void theDecisionAndTheNoticeStateTheLegalItemsAndARegenerationIsANewVersion() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = demoCase("芒市某某食品加工厂（演示）");
		String number = jdbc.queryForObject("select decision_number from penalty_case where case_id = ?", String.class, id);
		long generatedBefore = jdbc.queryForObject(
				"select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.document_generated'", Long.class,
				String.valueOf(id));

		Generated decision = generate(officer, id, "DECISION");
		assertThat(decision.number()).isEqualTo(number);
		assertThat(decision.text()).contains("芒市市场监督管理局", "行政处罚决定书", number, "芒市某某食品加工厂（演示）",
				// 违反条款 and 处罚条款 separately, to the 款 and 项 the benchmark names (the article has several ranges)
				"违反了《中华人民共和国食品安全法》第三十四条第一款第（四）项的规定", "依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项的规定", "罚款62,000.00元",
				// how and by when, where to pay
				"十五日内", "中国农业银行股份有限公司芒市支行（演示）（账号24050101040000001）", "云南省非税收入统一缴款平台（演示）", "百分之三",
				// remedies with the named bodies
				"六十日内向芒市人民政府申请行政复议", "六个月内依法向芒市人民法院提起行政诉讼",
				// the notice and what the party did
				"制作行政处罚事先告知书", "你单位", "芒市市场监督管理局（印章）");

		var second = officer.postJson("/api/v1/cases/" + id + "/documents/DECISION", "{}");
		assertThat(json(second.body()).get("version").asInt()).isEqualTo(
				jdbc.queryForObject("select max(version) from case_document where case_id = ? and type = 'DECISION'", Integer.class, id));
		assertThat(json(second.body()).get("number").asString()).isEqualTo(number);
		assertThat(json(second.body()).get("verificationCode").asString()).isNotEqualTo(decision.code());
		assertThat(officer.getBytes("/api/v1/cases/" + id + "/documents/" + decision.id() + "/pdf")).isEqualTo(decision.pdf());
		assertThat(json(officer.postJson("/api/v1/cases/" + id + "/documents/ONSPOT_DECISION", "{}").body()).get("detail").asString()).contains("不能生成");

		Generated notice = generate(officer, id, "NOTICE");
		assertThat(notice.number()).matches("芒市监罚告〔\\d{4}〕\\d+号");
		assertThat(notice.text()).contains("行政处罚事先告知书", "违反了《中华人民共和国食品安全法》第三十四条第一款第（四）项的规定", "依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项的规定", "罚款62,000.00元",
				"有权进行陈述和申辩", "五个工作日内", "（含当日），向本机关提出陈述、申辩", "联系人：岩温、张伟", "联系电话：0692-0000000", "联系地址：德宏州芒市勐焕大街1号（演示地址）")
			.containsPattern("即最迟于\\d{4}年\\d{1,2}月\\d{1,2}日（含当日）");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.document_generated'",
				String.class, String.valueOf(id))).hasSize((int) generatedBefore + 3);
	}

	@Test
	void theDecisionsEvidenceIsTheViolationsNotThePartysWaiver() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).decidedAndServed(officer, loggedIn("scj.fuze"), "证据清单测试公司", 978);
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ? and title like '当事人书面放弃%'", Long.class, id)).isEqualTo(1);
		Generated decision = generate(officer, id, "DECISION");
		var evidenceSentence = java.util.regex.Pattern.compile("以上事实有([^。]*)等证据证实").matcher(decision.text());
		assertThat(evidenceSentence.find()).isTrue();
		// the waiver is told where it belongs (the procedure), not among the evidence of the violation
		assertThat(evidenceSentence.group(1)).contains("现场检查笔录").doesNotContain("书面放弃");
		assertThat(decision.text()).contains("书面放弃陈述、申辩权利");
	}

	/**
	 * 第五十九条第一款第（四）项: a decision whose only money is 没收违法所得 still says how and by when it is paid in — it had
	 * said only "请按本决定履行" — and, there being no fine, no 加处罚款.
	 */
	@Test
	void aDecisionConfiscatingGainsOnlySaysWhereAndByWhenToPayThemIn() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "没收违法所得测试公司", 1702);
		String base = "/api/v1/cases/" + id;
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		ok(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"没收违法所得测试公司","content":"检查情况"}""".formatted(today)));
		ok(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"CONFISCATE_GAINS\"],\"gains\":120000}"));
		ok(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}"));
		ok(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today)));
		ok(zhifa.support.IntegrationTestBase.waive(officer, id, "STATEMENT", today));
		ok(head.postJson(base + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"CONFISCATE_GAINS\"],\"gains\":120000,\"text\":\"依据食品安全法\"}"));
		Generated decision = generate(officer, id, "DECISION");
		assertThat(decision.text()).contains("没收违法所得1,200.00元", "十五日内，将没收的违法所得缴至", "中国农业银行股份有限公司芒市支行（演示）")
			.doesNotContain("请按本决定履行", "加处罚款");
		// served, the gains are owed within fifteen days like a fine — without a late fee, and not deferrable as a fine is
		ok(officer.postJson(base + "/service", """
				{"method":"DIRECT","servedOn":"%s","recipient":"法定代表人","proof":"回证"}""".formatted(today)));
		var account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("gains").asLong()).isEqualTo(120_000L);
		assertThat(account.get("outstanding").asLong()).isEqualTo(120_000L);
		var deferral = head.postJson(base + "/deferral", "{\"newDue\":\"%s\",\"reason\":\"困难\"}".formatted(today.plusDays(60)));
		assertThat(deferral.statusCode()).isEqualTo(422);
		assertThat(json(deferral.body()).get("detail").asString()).contains("适用于罚款");
		clock.shift(java.time.Duration.ofDays(40));
		account = json(officer.get(base + "/execution").body()).get("account");
		assertThat(account.get("status").asString()).isEqualTo("逾期未缴");
		assertThat(account.get("outstanding").asLong()).isEqualTo(120_000L);
	}

	@Test
	void theFilingApprovalPrintsTheHeadsOpinionAsHeWroteIt() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		var scenarios = new zhifa.support.CaseScenarios(jdbc, clock);
		long id = scenarios.clue(officer, "审批意见测试公司", 977);
		String filing = scenarios.filing();
		// too long an opinion: refused, nothing changed
		var tooLong = head.postJson("/api/v1/cases/" + id + "/filing", filing.replace("}", ",\"opinion\":\"" + "同".repeat(501) + "\"}"));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("CLUE");
		var filed = head.postJson("/api/v1/cases/" + id + "/filing", filing.replace("}", ",\"opinion\":\"同意立案，请三日内完成现场检查\"}"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		Generated approval = generate(officer, id, "FILING_APPROVAL");
		assertThat(approval.text()).contains("同意立案，请三日内完成现场检查").doesNotContain("同意立案，由");
	}

	@Test
	void theFilingApprovalAndTheServiceReceiptAreTablesWithSignatureCells() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = demoCase("芒市某某食品加工厂（演示）");
		String number = jdbc.queryForObject("select decision_number from penalty_case where case_id = ?", String.class, id);
		Generated filing = generate(officer, id, "FILING_APPROVAL");
		assertThat(filing.text()).contains("立案审批表", "案件来源", "当事人", "简要案情", "承办人意见", "承办人（签名）：", "承办机构负责人意见", "机关负责人审批意见",
				"违反条款：《中华人民共和国食品安全法》第三十四条", "处罚条款：《中华人民共和国食品安全法》第一百二十四条", "张伟（执法证530000202300001）", "岩温（执法证530000202200002）").doesNotContain("（印章）").doesNotContainPattern("[a-z]+\\.[a-z]+（");
		Generated receipt = generate(officer, id, "SERVICE_RECEIPT");
		assertThat(receipt.text()).contains("送达回证", "送达文书名称及文号", number, "受送达人", "邮寄送达", "EMS1234567890CN", "受送达人签名或者盖章", "送达人",
				"张伟", "岩温");
		// served by post at the party's address, not at the place of the violation
		String address = jdbc.queryForObject("select party_address from enforcement_case where id = ?", String.class, id).replaceAll("\\s", "");
		String place = jdbc.queryForObject("select r.name from enforcement_case c join region_view r on r.id = c.place_region_id where c.id = ?", String.class, id);
		assertThat(receipt.text()).contains("送达地点" + address).doesNotContain("送达地点" + place);
	}

	@Test
	void theServiceReceiptsArePrintableBeforeTheServiceAndTheFileHoldsTheFilledOne() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).decided(officer, head, "回证空白表测试公司", 979);
		String number = jdbc.queryForObject("select decision_number from penalty_case where case_id = ?", String.class, id);
		// decided, not served: the form the officers take to the party — the ways to tick, the day and the signatures by hand
		Generated blank = generate(officer, id, "SERVICE_RECEIPT");
		assertThat(blank.text()).contains("送达回证", number, "回证空白表测试公司", "□直接送达", "□留置送达", "□邮寄送达", "年　　月　　日　　时", "见证人签名")
			.doesNotContain("签收人：");
		// one sheet: the party signs on the page that bears the seal
		try (var doc = org.apache.pdfbox.Loader.loadPDF(blank.pdf())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
		}
		// the notice's receipt, served in the scenario: filled in with the day and the way recorded
		Generated letter = generate(officer, id, "NOTICE");
		Generated notice = generate(officer, id, "NOTICE_RECEIPT");
		assertThat(notice.text()).contains("送达回证", "行政处罚事先告知书（" + letter.number() + "）", "直接送达", "回证").doesNotContain("□直接送达");
		// served: the blank one in the file does not do for 结案; the one printed after the service does
		String base = "/api/v1/cases/" + id;
		var served = officer.postJson(base + "/service", """
				{"method":"DIRECT","servedOn":"%s","recipient":"法定代表人","proof":"回证第9号"}""".formatted(java.time.LocalDate.now(clock)));
		assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
		// (unpaid too: 结案 is refused either way, and says what is missing)
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"结案\"}").body()).get("detail").asString()).contains("送达登记后生成的送达回证");
		clock.shift(java.time.Duration.ofSeconds(1));
		Generated filled = generate(officer, id, "SERVICE_RECEIPT");
		assertThat(filled.text()).contains("签收人：法定代表人", "直接送达", "回证第9号").doesNotContain("□直接送达");
		// the same number: a new version of the same receipt
		assertThat(filled.number()).isEqualTo(blank.number());
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"结案\"}").body()).get("detail").asString()).contains("尚欠").doesNotContain("送达回证");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("DECIDED");
	}

	@Test
	void theOnTheSpotDecisionNamesTheRemediesAndTheOfficers() throws Exception {
		HttpSession officer = loggedIn("zhzf.zhifa");
		long id = demoCase("段某（演示）");
		Generated d = generate(officer, id, "ONSPOT_DECISION");
		assertThat(d.text()).contains("当场行政处罚决定书", "已出示执法证件", "芒市人民政府申请行政复议", "芒市人民法院提起行政诉讼",
				// when and where (第五十二条第二款), the officers' signatures and the party's
				"违法时间、地点", "团结大街", "执法人员签名", "当事人签收", "拒绝签收");
	}

	@Test
	void theVerificationPageAnswersForTheDocumentAndRefusesAModifiedFile() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = demoCase("芒市某某食品加工厂（演示）");
		Generated first = generate(officer, id, "DECISION");
		HttpSession anonymous = new HttpSession(port);

		var page = anonymous.get("/verify/documents/" + first.code().toLowerCase());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("行政处罚决定书", "芒市市场监督管理局", first.number(), "当前版本").doesNotContain("芒市某某食品加工厂");

		// the file itself, its digest, a modified copy
		assertThat(upload(anonymous, first.code(), first.pdf())).contains("是当前版本").doesNotContain("不是本机关");
		assertThat(anonymous.get("/api/v1/public/documents/" + first.code() + "/check?sm3=" + Sm3.hex(first.pdf())).body()).contains("\"genuine\":true");
		byte[] modified = first.pdf().clone();
		modified[modified.length / 2] ^= 1;
		String refused = upload(anonymous, first.code(), modified);
		assertThat(refused).contains("不是本机关出具的当前版本");
		assertThat(anonymous.get("/api/v1/public/documents/" + first.code() + "/check?sm3=" + Sm3.hex(modified)).body()).contains("\"genuine\":false",
				"不是本机关出具的当前版本");

		// a later version replaces it: the earlier file is genuine but no longer current
		generate(officer, id, "DECISION");
		assertThat(upload(anonymous, first.code(), first.pdf())).contains("不是本机关出具的当前版本", "已被第");

		// hostile or malformed input: Chinese 400s, unknown code 404
		assertThat(anonymous.get("/verify/documents/abc").statusCode()).isEqualTo(400);
		var badApi = anonymous.get("/api/v1/public/documents/" + first.code() + "/check?sm3=xyz");
		assertThat(badApi.statusCode()).isEqualTo(400);
		assertThat(json(badApi.body()).get("detail").asString()).contains("SM3 摘要");
		assertThat(anonymous.get("/verify/documents/2345678923").statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/api/v1/public/documents/2345678923").statusCode()).isEqualTo(404);
	}

	/** Uploads a file on the public page as a browser would (the page's CSRF token, the session cookie). */
	private String upload(HttpSession anonymous, String code, byte[] file) throws Exception {
		String page = anonymous.get("/verify/documents/" + code).body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("CSRF field on the verification form").isTrue();
		String boundary = "----zhifa" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + m.group(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/verify/documents/" + code))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", anonymous.cookieHeader())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
		HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r.body();
	}

	private static void ok(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	@Test
	void theHearingNoticeAndTranscriptStateTimePlaceAndWhatWasSaid() throws Exception {
		var scenarios = new zhifa.support.CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = scenarios.filed(officer, head, "听证文书测试公司", 941);
		String base = "/api/v1/cases/" + id;
		transcript(officer, id);
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		ok(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\",\"REVOKE_LICENCE\"],\"fine\":6000000,\"deviationReason\":\"多次违法、情节严重\"}"));
		ok(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}"));
		ok(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today)));
		ok(officer.postJson(base + "/hearing", "{\"requestedOn\":\"%s\"}".formatted(today)));
		java.time.LocalDate date = today.plusDays(16);
		long presiding = jdbc.queryForObject("select id from officer where name = '刘强'", Long.class);
		ok(head.postJson(base + "/hearing/schedule", """
				{"noticeOn":"%s","hearingDate":"%s","hearingTime":"14:30","place":"芒市市场监督管理局三楼听证室","presidingId":%d,"agents":["律师甲"]}""".formatted(today, date,
				presiding)));
		Generated notice = generate(officer, id, "HEARING_NOTICE");
		// the time of day, who presides (the party may ask for his recusal), and those handling the case to ask
		var handlers = jdbc.queryForList("select o.name from case_officer co join officer o on o.id = co.officer_id where co.case_id = ? and co.released_on is null",
				String.class, id);
		assertThat(handlers).hasSizeGreaterThanOrEqualTo(2);
		assertThat(notice.text()).contains("听证通知书", "听证文书测试公司", "14时30分在芒市市场监督管理局三楼听证室", "举行听证", "非本案调查人员刘强主持", "委托一至二人代理",
				"申请回避", "联系地址：").contains(handlers).doesNotContain("李明");
		try {
			clock.shift(java.time.Duration.ofDays(16));
			ok(head.postJson(base + "/hearing/record", """
					{"heldOn":"%s","transcript":"当事人对违法事实无异议，请求从轻处罚。","report":"建议维持拟处罚意见。"}""".formatted(date)));
			Generated held = generate(officer, id, "HEARING_TRANSCRIPT");
			assertThat(held.text()).contains("听证笔录", "听证文书测试公司", "律师甲", "当事人对违法事实无异议", "建议维持拟处罚意见");
		}
		finally {
			clock.shift(java.time.Duration.ZERO);
		}
	}

	@Test
	void theCaseFileIndexListsThePaymentReceipts() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = demoCase("芒市某某食品加工厂（演示）");
		var r = officer.get("/api/v1/cases/" + id + "/file-index");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("缴款票据：非税收入缴款码（演示）5331000001（10,000.00元，");
	}
}
