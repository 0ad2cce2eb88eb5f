package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The written decisions a party is given about a measure on his case: 查封、扣押决定书和清单 (行政强制法第二十四条) — a 查封
 * or 扣押 is taken with its reason and legal basis, and each has its own decision, numbered, stating the party and his
 * address, the reason, the basis, the things and the place, the thirty days to the day, the remedies and the body —,
 * 延长查封、扣押期限决定书 (第二十五条第二款), 解除查封、扣押决定书 (第二十八条; 第十九条 for one the head refused: it was taken
 * and is released at once) and 先行登记保存证据通知书 (行政处罚法第五十六条, only once approved).
 */
class MeasureDocumentsIntegrationTest extends IntegrationTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.casework.CaseKinds kinds;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.casework.Cases cases;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.casework.CaseNumbers numbers;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.calendar.CalendarService calendar;

	/** What stands before 结案 on the case now. */
	private java.util.List<String> closureBlockers(long id) {
		return kinds.closureBlockers(cases.get(zhifa.shared.DataScope.all(), id));
	}

	/** 刘强's account: the market bureau's head who approves its measures. */
	private long headAccount() {
		return jdbc.queryForObject("select id from account_view where username = 'scj.fuze'", Long.class);
	}

	/** A 扣押 of {@code items} taken today by the officer and reported to the head {@code approverId}; its id. */
	private long reported(HttpSession officer, String base, String items, long approverId) {
		var r = officer.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"%s","reason":"涉嫌","basis":"依据","approverId":%d,"appliedOn":"%s","avRecorded":true}""".formatted(items, approverId,
				LocalDate.now(clock)));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json(r.body()).get("id").asLong();
	}

	/** The last number the market bureau took from a sequence in a year (0 for none). */
	private int taken(String kind, int year) {
		return jdbc.queryForObject("select coalesce(max(last_value), 0) from case_number_sequence where body_id = ? and kind = ? and year = ?", Integer.class,
				bodyId("芒市市场监督管理局"), kind, year);
	}

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.record.RecordVerifier verifier;

	/** An officer of the market bureau, certified for the market domain, in post from today. */
	private long newOfficer(String name) {
		LocalDate today = LocalDate.now(clock);
		String first17 = "533103" + "19900101" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		zhifa.officer.OfficerForm f = new zhifa.officer.OfficerForm();
		f.setBodyId(bodyId("芒市市场监督管理局"));
		f.setName(name);
		f.setIdNumber(first17 + zhifa.shared.IdNumber.checkCharacter(first17));
		f.setPost("执法科科员");
		f.setStaffing(zhifa.officer.StaffingType.ESTABLISHED);
		f.setDomainCodes(new java.util.ArrayList<>(java.util.List.of("MARKET")));
		zhifa.officer.Officer o = officerService.create(zhifa.shared.DataScope.all(), f, false);
		certificateService.registerExisting(zhifa.shared.DataScope.all(), o.id(), java.util.List.of("MARKET"), "53", "云南省人民政府",
				new zhifa.officer.Certificates.Issue("530000" + today.getYear() + String.format("%05d", o.id()), today.minusYears(1), today.plusYears(1), "测试"), false);
		return o.id();
	}

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.officer.Officers officerService;

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.officer.Certificates certificateService;

	private long measures(long caseId) {
		return jdbc.queryForObject("select count(*) from coercion_measure where case_id = ?", Long.class, caseId);
	}

	@Test
	void eachSeizureHasItsOwnDecisionStatingWhatTheLawRequires() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "查扣测试商行", 971);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long liu = headAccount();

		// no reason, no basis: refused on the field, nothing written
		long version = jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id);
		var noReason = officer.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"米线 300 箱","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","approverId":%d,"appliedOn":"%s","avRecorded":true}""".formatted(liu, today));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(json(noReason.body()).get("errors").get("reason").asString()).contains("请写明扣押的理由");
		var noBasis = officer.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"米线 300 箱","reason":"涉嫌使用超范围添加剂","approverId":%d,"appliedOn":"%s","avRecorded":true}""".formatted(liu, today));
		assertThat(json(noBasis.body()).get("errors").get("basis").asString()).contains("请写明扣押的法律依据");
		assertThat(measures(id)).isZero();
		assertThat(jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id)).isEqualTo(version);

		// taken by the officer, awaiting the head's confirmation: its decision can be made on the spot
		var detained = officer.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"超范围使用添加剂的米线 300 箱","reason":"当事人涉嫌生产超范围使用食品添加剂的米线，为防止转移、销售",
				 "basis":"依据《中华人民共和国食品安全法》第一百一十条第（四）项","place":"德宏州芒市勐焕路9号冷库","approverId":%d,"appliedOn":"%s","avRecorded":true}""".formatted(liu, today));
		assertThat(detained.statusCode()).as(detained.body()).isEqualTo(200);
		long measure = json(detained.body()).get("id").asLong();
		assertThat(officer.get("/cases/" + id).body()).contains("生成扣押决定书（超范围使用添加剂的米线 300 箱，", "理由：当事人涉嫌生产超范围使用食品添加剂的米线");

		var doc = officer.postJson(base + "/documents/SEIZURE-" + measure, "{}");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		String number = json(doc.body()).get("number").asString();
		assertThat(number).contains("查扣〔" + today.getYear() + "〕");
		// listed, recorded and filed under its own name
		assertThat(json(doc.body()).get("label").asString()).isEqualTo("扣押决定书");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.document_generated' order by id desc limit 1",
				String.class, String.valueOf(id))).startsWith("生成扣押决定书（" + number);
		String text;
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(doc.body()).get("id").asLong() + "/pdf"))) {
			text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
		}
		assertThat(text).contains("扣押决定书", number, "当事人：查扣测试商行", "地址：德宏州芒市测试路1号",
				"当事人涉嫌生产超范围使用食品添加剂的米线，为防止转移、销售。依据《中华人民共和国食品安全法》第一百一十条第（四）项的规定，决定对你单位的下列财物予以扣押",
				"超范围使用添加剂的米线300箱", "财物所在地：德宏州芒市勐焕路9号冷库", "扣押期限：三十日，自" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日实施之次日起算",
				"六十日内向", "申请行政复议", "六个月内依法向", "扣押清单", "当事人（签名）", "本清单一式二份", "芒市市场监督管理局（印章）");
		// the period is the statute's thirty days to the day, and its reminder ends that day
		LocalDate end = today.plusDays(30);
		assertThat(jdbc.queryForObject("select due_date from case_timer where case_id = ? and kind = 'SEIZURE' and ref = ?", LocalDate.class, id, measure))
			.isEqualTo(end);
		assertThat(text).contains("至" + end.getYear() + "年" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日届满", "检测、检验、检疫或者技术鉴定的期间不计入");

		// what was handed over stands: the head's later confirmation does not change the decision's text
		assertThat(head.postJson(base + "/measures/" + measure + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(200);
		var again = officer.postJson(base + "/documents/SEIZURE-" + measure, "{}");
		assertThat(json(again.body()).get("version").asInt()).isEqualTo(2);
		assertThat(json(again.body()).get("number").asString()).isEqualTo(number);
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(again.body()).get("id").asLong() + "/pdf"))) {
			String second = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
			assertThat(second.replaceAll("验证码：[A-Z0-9]+", "")).isEqualTo(text.replaceAll("验证码：[A-Z0-9]+", ""));
		}

		// extended by the head with its reason: the party is told in writing, by a decision of its own (第二十五条第二款)
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("生成延长扣押期限决定书");
		var extended = head.postJson(base + "/measures/" + measure + "/extension", "{\"reason\":\"需对米线中的添加剂送检，检验结果尚未出具。\"}");
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
		assertThat(officer.get("/cases/" + id).body()).contains("生成延长扣押期限决定书（超范围使用添加剂的米线 300 箱，");
		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("尚未生成延长扣押期限决定书", "第二十五条第二款"));
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.measure_extended'", String.class,
				String.valueOf(id))).contains("延长三十日，至 " + today.plusDays(60) + " 届满");
		var notice = officer.postJson(base + "/documents/SEIZURE_EXT-" + measure, "{}");
		assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
		assertThat(json(notice.body()).get("number").asString()).contains("查扣〔").isNotEqualTo(number);
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(notice.body()).get("id").asLong() + "/pdf"))) {
			LocalDate sixty = today.plusDays(60);
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains("延长扣押期限决定书", "当事人：查扣测试商行",
					"扣押期限至" + end.getYear() + "年" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日届满",
					"因需对米线中的添加剂送检，检验结果尚未出具，情况复杂，经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款的规定，决定将扣押期限延长三十日，至"
							+ sixty.getYear() + "年" + sixty.getMonthValue() + "月" + sixty.getDayOfMonth() + "日届满",
					"申请行政复议");
		}
		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("延长扣押期限决定书"));
		// the first decision is not rewritten by the extension
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(officer.postJson(base + "/documents/SEIZURE-" + measure, "{}").body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "").replaceAll("验证码：[A-Z0-9]+", "")).isEqualTo(text.replaceAll("验证码：[A-Z0-9]+", ""));
		}

		// a second measure, a 查封 by the head himself: its own decision with its own number
		var sealed = head.postJson(base + "/measures", """
				{"kind":"SEAL","items":"米线生产线一条","reason":"涉嫌使用该生产线生产超范围使用添加剂的米线","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项",
				 "appliedOn":"%s","avRecorded":true}""".formatted(today));
		long seal = json(sealed.body()).get("id").asLong();
		var second = officer.postJson(base + "/documents/SEIZURE-" + seal, "{}");
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(json(second.body()).get("number").asString()).isNotEqualTo(number);
		assertThat(json(second.body()).get("version").asInt()).isEqualTo(1);
		assertThat(json(officer.get(base + "/documents").body()).findValuesAsString("type")).containsExactly("SEIZURE-" + measure,
				"SEIZURE-" + measure, "SEIZURE-" + measure, "SEIZURE_EXT-" + measure, "SEIZURE-" + seal);

		// another case's measure, a 先行登记保存, no measure, not a number, no measure at all: refused, nothing generated
		long other = new CaseScenarios(jdbc, clock).filed(officer, head, "查扣他案商行", 973);
		long othersMeasure = json(head.postJson("/api/v1/cases/" + other + "/measures", """
				{"kind":"SEAL","items":"仓库","reason":"涉嫌储存违法食品","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项","appliedOn":"%s","avRecorded":true}"""
				.formatted(today)).body()).get("id").asLong();
		long preservation = json(head.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"样品 3 份","appliedOn":"%s"}""".formatted(today)).body()).get("id").asLong();
		long documents = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id);
		for (String ref : java.util.List.of(String.valueOf(othersMeasure), String.valueOf(preservation), "999999", "abc", "0" + measure)) {
			var r = officer.postJson(base + "/documents/SEIZURE-" + ref, "{}");
			assertThat(r.statusCode()).as(ref + ": " + r.body()).isEqualTo(422);
		}
		assertThat(officer.postJson(base + "/documents/SEIZURE", "{}").statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id)).isEqualTo(documents);
	}

	@Test
	void aRefusedSeizureIsReleasedAtOnceWithItsDecisionAndItsReleaseDecisionNorAMeasureFromBeforeWhosePaperDecisionIsFiled() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "查扣拒绝商行", 972);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long liu = headAccount();
		long refused = json(officer.postJson(base + "/measures", """
				{"kind":"SEAL","items":"仓库一间","reason":"涉嫌储存违法食品","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项","approverId":%d,"appliedOn":"%s","avRecorded":true}"""
				.formatted(liu, today)).body()).get("id").asLong();
		// the officers cannot choose the head's refusal as their ground: refused on the field, still open
		var chosen = officer.postJson(base + "/measures/" + refused + "/close", "{\"outcome\":\"解除\",\"releaseGround\":\"NOT_APPROVED\"}");
		assertThat(chosen.statusCode()).isEqualTo(400);
		assertThat(json(chosen.body()).get("errors").get("releaseGround").asString()).contains("第十九条");
		assertThat(jdbc.queryForObject("select closed_on from coercion_measure where id = ?", LocalDate.class, refused)).isNull();
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("value=\"NOT_APPROVED\"");

		// refused: released at once on 第十九条; it was taken, so the party has its decision and gets the release decision
		assertThat(head.postJson(base + "/measures/" + refused + "/approval", "{\"approved\":false,\"note\":\"证据不足\"}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForMap("select closed_on, release_ground from coercion_measure where id = ?", refused)).containsEntry("closed_on",
				java.sql.Date.valueOf(today)).containsEntry("release_ground", "NOT_APPROVED");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.measure_closed'", String.class,
				String.valueOf(id))).isEqualTo("查封解除（本机关负责人认为不应当采取查封、扣押措施）：负责人不予批准，立即解除查封");
		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("仓库一间", "尚未生成查封决定书"))
			.anySatisfy(b -> assertThat(b).contains("仓库一间", "尚未生成解除查封决定书"));
		assertThat(officer.get("/cases/" + id).body()).contains("生成查封决定书（仓库一间", "生成解除查封决定书（仓库一间");
		assertThat(officer.postJson(base + "/documents/SEIZURE-" + refused, "{}").statusCode()).isEqualTo(200);
		var release = officer.postJson(base + "/documents/SEIZURE_REL-" + refused, "{}");
		assertThat(release.statusCode()).as(release.body()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(release.body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains("解除查封决定书",
					"因本机关负责人认为不应当采取查封措施，依据《中华人民共和国行政强制法》第十九条的规定，本机关决定自" + today.getYear() + "年" + today.getMonthValue() + "月"
							+ today.getDayOfMonth() + "日起解除查封。查封的场所、设施或者财物同时启封。")
				.doesNotContain("第二十八条第一款");
		}
		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("仓库一间"));
		long made = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id);

		// a measure recorded before reasons were kept (as the upgrade leaves it): not offered, refused with the reason
		long old = json(head.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"样品 2 箱","reason":"临时","basis":"临时","appliedOn":"%s","avRecorded":true}""".formatted(today)).body()).get("id").asLong();
		jdbc.update("update coercion_measure set reason = null, basis = null where id = ?", old);
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("生成扣押决定书（样品");
		var legacy = officer.postJson(base + "/documents/SEIZURE-" + old, "{}");
		assertThat(legacy.statusCode()).isEqualTo(422);
		assertThat(json(legacy.body()).get("detail").asString()).contains("本案当前不能生成“查封、扣押决定书”");
		assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id)).isEqualTo(made);

		// one refused before the release on 第十九条 was recorded (closed without a ground, as the upgrade leaves it): none
		long before = reported(officer, base, "旧扣押米线", liu);
		assertThat(head.postJson(base + "/measures/" + before + "/approval", "{\"approved\":false,\"note\":\"不必扣押\"}").statusCode()).isEqualTo(200);
		jdbc.update("update coercion_measure set release_ground = null, refused_on_paper = true where id = ?", before);
		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("旧扣押米线"));
		assertThat(officer.postJson(base + "/documents/SEIZURE-" + before, "{}").statusCode()).isEqualTo(422);
		assertThat(officer.postJson(base + "/documents/SEIZURE_REL-" + before, "{}").statusCode()).isEqualTo(422);

		// released by the officers while the head had not answered, then refused with a reason of the full 500 characters:
		// it stays released on its ground, keeps its documents, the reason stays with the refusal
		long early = reported(officer, base, "先解除的米线", liu);
		assertThat(officer.postJson(base + "/measures/" + early + "/close", "{\"outcome\":\"检验合格，解除并退还\",\"releaseGround\":\"NO_VIOLATION\"}").statusCode())
			.isEqualTo(200);
		String reason = "证".repeat(500);
		var late = head.postJson(base + "/measures/" + early + "/approval", "{\"approved\":false,\"note\":\"" + reason + "\"}");
		assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
		assertThat(jdbc.queryForMap("select release_ground, outcome from coercion_measure where id = ?", early)).containsEntry("release_ground", "NO_VIOLATION")
			.containsEntry("outcome", "检验合格，解除并退还");
		assertThat(jdbc.queryForObject("select note from case_measure_approval where measure_id = ?", String.class, early)).isEqualTo(reason);
		// the record's summary quoting it is cut at the column's 500 characters, the payload keeps it whole, the chain holds
		var refusal = jdbc.queryForMap("select subject_type, summary, cast(payload as jsonb)->>'note' as note from record_entry where subject_id = ? and action = 'case.measure_refused' "
				+ "and cast(payload as jsonb)->>'measure' = ?", String.valueOf(id), String.valueOf(early));
		assertThat((String) refusal.get("summary")).hasSize(500).startsWith("负责人不予批准扣押：证证").endsWith("证…");
		assertThat(refusal.get("note")).isEqualTo(reason);
		assertThat(verifier.verifyChain((String) refusal.get("subject_type"), String.valueOf(id)).intact()).isTrue();
		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("先解除的米线", "尚未生成扣押决定书"))
			.anySatisfy(b -> assertThat(b).contains("先解除的米线", "尚未生成解除扣押决定书", "第十九条、第二十八条"));

		// refused with the full 500 characters while open: released at once all the same
		long open = reported(officer, base, "长理由米线", liu);
		var longRefusal = head.postJson(base + "/measures/" + open + "/approval", "{\"approved\":false,\"note\":\"" + reason + "\"}");
		assertThat(longRefusal.statusCode()).as(longRefusal.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select release_ground from coercion_measure where id = ?", String.class, open)).isEqualTo("NOT_APPROVED");
	}

	@Test
	void anApprovedPreservationHasItsNoticeWithTheSevenWorkingDays() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "保存通知商行", 974);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long liu = headAccount();
		// on a day the case's officers were not yet in post (their records begin with the demo's load): refused, nothing written
		jdbc.update("update enforcement_case set received_on = ? where id = ?", today.minusDays(3), id);
		var early = officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"涉案米线 20 箱","approverId":%d,"appliedOn":"%s"}""".formatted(liu, today.minusDays(1)));
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(json(early.body()).get("detail").asString()).contains("先行登记保存应当由两名以上行政执法人员实施（行政处罚法第四十二条）", "不在岗");
		assertThat(jdbc.queryForObject("select count(*) from case_preservation where case_id = ?", Long.class, id)).isZero();
		// those who took it, named: one alone, or one of another body, is refused and nothing is written
		long zhang = jdbc.queryForObject("select id from officer_view where name = '张伟'", Long.class);
		long yan = jdbc.queryForObject("select id from officer_view where name = '岩温'", Long.class);
		long elsewhere = jdbc.queryForObject("select id from officer_view where body_id = ? order by id limit 1", Long.class, bodyId("芒市综合行政执法局"));
		String taken = """
				{"kind":"PRESERVATION","items":"涉案米线 20 箱\\n进货单据 3 张","approverId":%d,"appliedOn":"%s","officerIds":%s}""";
		var alone = officer.postJson(base + "/measures", taken.formatted(liu, today, "[" + zhang + "]"));
		assertThat(alone.statusCode()).isEqualTo(422);
		assertThat(json(alone.body()).get("detail").asString()).contains("先行登记保存应当由两名以上行政执法人员实施", "所选的");
		var foreign = officer.postJson(base + "/measures", taken.formatted(liu, today, "[" + zhang + "," + elsewhere + "]"));
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(json(foreign.body()).get("errors").get("officerIds").asString()).contains("不是本机关的执法人员", "行政处罚法第四十二条");
		assertThat(jdbc.queryForObject("select count(*) from case_preservation where case_id = ?", Long.class, id)).isZero();
		var named = officer.postJson(base + "/measures", taken.formatted(liu, today, "[" + yan + "," + zhang + "]"));
		assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
		long kept = json(named.body()).get("id").asLong();
		assertThat(json(named.body()).get("officers").toString()).isEqualTo("[\"岩温\",\"张伟\"]");
		assertThat(jdbc.queryForObject("select cast(payload as jsonb)->>'carriedOutBy' from record_entry where subject_id = ? and action = 'case.measure_applied'",
				String.class, String.valueOf(id))).isEqualTo("岩温、张伟");
		assertThat(officer.get("/cases/" + id).body()).contains("实施：岩温、张伟");

		// waiting for the head's approval (行政处罚法第五十六条 asks for it before): no notice yet
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("生成先行登记保存证据通知书");
		assertThat(officer.postJson(base + "/documents/PRESERVATION-" + kept, "{}").statusCode()).isEqualTo(422);
		assertThat(head.postJson(base + "/measures/" + kept + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(200);
		assertThat(officer.get("/cases/" + id).body()).contains("生成先行登记保存证据通知书（涉案米线 20 箱 进货单据 3 张，");

		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("尚未生成先行登记保存证据通知书", "行政处罚法第五十六条"));
		var doc = officer.postJson(base + "/documents/PRESERVATION-" + kept, "{}");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		assertThat(json(doc.body()).get("number").asString()).contains("保存〔" + today.getYear() + "〕");
		// a body without its own format: the default says neither 罚 for a preservation or a seizure, but does for a penalty's 催告
		long urban = bodyId("芒市综合行政执法局");
		assertThat(numbers.pattern(urban, "保存")).isEqualTo("芒市综合行政执法局保存〔{年}〕{号}号");
		assertThat(numbers.pattern(urban, "查扣")).isEqualTo("芒市综合行政执法局查扣〔{年}〕{号}号");
		assertThat(numbers.pattern(urban, "催告")).isEqualTo("芒市综合行政执法局罚催告〔{年}〕{号}号");
		// seven working days by the calendar (行政处罚法第八十五条)
		LocalDate due = calendar.due(zhifa.shared.Deadline.of(today, 7, zhifa.shared.DeadlineUnit.WORKING_DAYS, "行政处罚法第五十六条")).date();
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(doc.body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains("先行登记保存证据通知书", "当事人：保存通知商行",
					"因证据可能灭失或者以后难以取得，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，决定对你单位的下列物品先行登记保存",
					"涉案米线20箱进货单据3张", "不得销毁或者转移上述物品",
					"七个工作日内（至" + due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日）作出处理决定", "执法人员：岩温、张伟",
					"先行登记保存清单", "当事人（签名）");
		}

		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("先行登记保存证据通知书"));

		// one recorded before the platform made the notice (its paper was handed over): offered, not required
		long earlier = json(head.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"旧样品 2 份","appliedOn":"%s"}""".formatted(today)).body()).get("id").asLong();
		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("旧样品 2 份", "尚未生成先行登记保存证据通知书"));
		jdbc.update("update case_preservation set notice_due = false where id = ?", earlier);
		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("旧样品 2 份", "通知书"));
		assertThat(officer.get("/cases/" + id).body()).contains("生成先行登记保存证据通知书（旧样品 2 份，");

		// one the head refused was released at once: none
		long refused = json(officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"样品 1 份","approverId":%d,"appliedOn":"%s"}""".formatted(liu, today)).body()).get("id").asLong();
		assertThat(head.postJson(base + "/measures/" + refused + "/approval", "{\"approved\":false,\"note\":\"不必保存\"}").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/documents/PRESERVATION-" + refused, "{}").statusCode()).isEqualTo(422);
	}

	@Test
	void aDecisionIsNumberedInTheYearOfTheDateItBearsAndADocumentStillMissingWhatItStatesTakesNoNumber() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "跨年扣押商行", 977);
		String base = "/api/v1/cases/" + id;
		LocalDate day = LocalDate.now(clock);
		var taken = head.postJson(base + "/measures", """
				{"kind":"DETAIN","items":"米线 10 箱","reason":"涉嫌超范围使用添加剂","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","appliedOn":"%s","avRecorded":true}"""
				.formatted(day));
		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
		long detained = json(taken.body()).get("id").asLong();
		// its decision is printed on 2 January of the next year
		LocalDate printed = LocalDate.of(day.getYear() + 1, 1, 2);
		clock.shift(java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(day, printed)));
		int taking = taken("查扣", day.getYear());
		int next = taken("查扣", printed.getYear());

		// the party's address is missing: refused, no number taken from either year
		String address = jdbc.queryForObject("select party_address from enforcement_case where id = ?", String.class, id);
		jdbc.update("update enforcement_case set party_address = null where id = ?", id);
		var missing = officer.postJson(base + "/documents/SEIZURE-" + detained, "{}");
		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(json(missing.body()).get("detail").asString()).contains("当事人的地址");
		assertThat(taken("查扣", day.getYear())).isEqualTo(taking);
		jdbc.update("update enforcement_case set party_address = ? where id = ?", address, id);

		// it bears the day of the 扣押 and that year's number
		var doc = officer.postJson(base + "/documents/SEIZURE-" + detained, "{}");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		assertThat(json(doc.body()).get("number").asString()).contains("查扣〔" + day.getYear() + "〕");
		assertThat(taken("查扣", day.getYear())).isEqualTo(taking + 1);
		assertThat(taken("查扣", printed.getYear())).isEqualTo(next);
	}

	@Test
	void aSeizureNamesTheOfficersWhoCarriedItOutTwoOrMoreOfTheBodyWithValidCertificates() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "实施人员商行", 978);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long zhang = jdbc.queryForObject("select id from officer_view where name = '张伟'", Long.class);
		long yan = jdbc.queryForObject("select id from officer_view where name = '岩温'", Long.class);
		long elsewhere = jdbc.queryForObject("select id from officer_view where body_id = ? order by id limit 1", Long.class, bodyId("芒市综合行政执法局"));
		String taken = """
				{"kind":"DETAIN","items":"米线 5 箱","reason":"涉嫌超范围使用添加剂","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","appliedOn":"%s","avRecorded":true,"officerIds":%s}""";
		long version = jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id);

		// one officer alone; one of another body; one that does not exist: refused, nothing written
		var alone = head.postJson(base + "/measures", taken.formatted(today, "[" + zhang + "]"));
		assertThat(alone.statusCode()).isEqualTo(422);
		assertThat(json(alone.body()).get("detail").asString()).contains("两名以上行政执法人员实施", "所选的");
		var foreign = head.postJson(base + "/measures", taken.formatted(today, "[" + zhang + "," + elsewhere + "]"));
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(json(foreign.body()).get("errors").get("officerIds").asString()).contains("不是本机关的执法人员", "行政强制法第十八条");
		var unknown = head.postJson(base + "/measures", taken.formatted(today, "[" + zhang + ",999999999]"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown.body()).get("errors").get("officerIds").asString()).contains("不存在");
		assertThat(measures(id)).isZero();
		assertThat(jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id)).isEqualTo(version);

		// named: kept in their order, in the record, on the page and in the decision
		var named = head.postJson(base + "/measures", taken.formatted(today, "[" + yan + "," + zhang + "]"));
		assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
		long measure = json(named.body()).get("id").asLong();
		assertThat(json(named.body()).get("officers").toString()).isEqualTo("[\"岩温\",\"张伟\"]");
		assertThat(jdbc.queryForObject("select cast(payload as jsonb)->>'carriedOutBy' from record_entry where subject_id = ? and action = 'case.measure_applied'",
				String.class, String.valueOf(id))).isEqualTo("岩温、张伟");
		assertThat(officer.get("/cases/" + id).body()).contains("实施：岩温、张伟");
		var doc = officer.postJson(base + "/documents/SEIZURE-" + measure, "{}");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(doc.body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains("执法人员：岩温、张伟");
		}

		// one who came into post only today cannot have carried out yesterday's 扣押: refused on the field, nothing written
		long newcomer = newOfficer("新到岗");
		jdbc.update("update enforcement_case set received_on = ? where id = ?", today.minusDays(3), id);
		long before = measures(id);
		var yesterday = head.postJson(base + "/measures", taken.formatted(today.minusDays(1), "[" + zhang + "," + yan + "," + newcomer + "]"));
		assertThat(yesterday.statusCode()).isEqualTo(400);
		assertThat(json(yesterday.body()).get("errors").get("officerIds").asString()).contains(today.minusDays(1).toString(), "新到岗", "不在岗");
		assertThat(measures(id)).isEqualTo(before);
		// duplicates count once, null is refused
		assertThat(head.postJson(base + "/measures", taken.formatted(today, "[" + zhang + "," + zhang + "]")).statusCode()).isEqualTo(422);
		assertThat(head.postJson(base + "/measures", taken.formatted(today, "[" + zhang + ",null," + yan + "]")).statusCode()).isEqualTo(400);
		assertThat(measures(id)).isEqualTo(before);

		// the page's form: the officers ticked
		String form = "_csrf=" + head.csrf() + "&kind=DETAIN&appliedOn=" + today + "&avRecorded=true&officerIds=" + zhang + "&officerIds=" + yan + "&"
				+ java.util.stream.Stream.of("items=米线 7 箱", "reason=涉嫌超范围使用添加剂", "basis=《中华人民共和国食品安全法》第一百一十条第（四）项")
					.map(kv -> kv.substring(0, kv.indexOf('=') + 1) + java.net.URLEncoder.encode(kv.substring(kv.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8))
					.collect(java.util.stream.Collectors.joining("&"));
		assertThat(head.postEncoded("/cases/" + id + "/measures", form).statusCode()).isIn(302, 303);
		assertThat(jdbc.queryForObject("select array_to_string(officers, '、') from coercion_measure where case_id = ? and items = '米线 7 箱'", String.class, id))
			.isEqualTo("张伟、岩温");

		// none named: the case's officers holding valid certificates that day
		var byDefault = head.postJson(base + "/measures", taken.formatted(today, "[]"));
		assertThat(byDefault.statusCode()).as(byDefault.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select array_to_string(officers, '、') from coercion_measure where id = ?", String.class,
				json(byDefault.body()).get("id").asLong())).isEqualTo(String.join("、", jdbc.queryForList(
						"select f.name from case_officer o join officer_view f on f.id = o.officer_id where o.case_id = ? and o.released_on is null order by o.assigned_on, f.name", String.class, id)));
	}

	@Test
	void aSeizureIsNotExtendedAfterItsThirtiethDay() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "查扣期满商行", 975);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long seal = json(head.postJson(base + "/measures", """
				{"kind":"SEAL","items":"仓库一间","reason":"涉嫌储存违法食品","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项","appliedOn":"%s","avRecorded":true}"""
				.formatted(today)).body()).get("id").asLong();
		clock.shift(java.time.Duration.ofDays(31));
		var late = head.postJson(base + "/measures/" + seal + "/extension", "{\"reason\":\"情况复杂\"}");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(json(late.body()).get("detail").asString()).contains("查封、扣押期限已于 " + today.plusDays(30) + " 届满，不能再延长");
		assertThat(jdbc.queryForMap("select extended, extension_reason from coercion_measure where id = ?", seal)).containsEntry("extended", false)
			.containsEntry("extension_reason", null);
	}

	/**
	 * 查封、扣押 不得超过三十日: a limit on the body, so its end is not moved past a day off as a period the party must act
	 * within is (RULES.md §1) — the reminder says the day the decision says, and the extension counts from it.
	 */
	@Test
	void aSeizureWhoseThirtiethDayIsADayOffEndsThatDayAndItsExtensionOnTheSixtieth() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "查扣休息日商行", 979);
		String base = "/api/v1/cases/" + id;
		int k = 0;
		while (calendar.calendar().isWorkingDay(LocalDate.now(clock).plusDays(k + 30))) {
			k++;
		}
		clock.shift(java.time.Duration.ofDays(k));
		LocalDate today = LocalDate.now(clock);
		LocalDate thirtieth = today.plusDays(30);
		// the counting rule would have moved it: the day is a day off
		assertThat(calendar.due(zhifa.shared.Deadline.of(today, 30, zhifa.shared.DeadlineUnit.CALENDAR_DAYS, "test")).date()).isAfter(thirtieth);
		var seal = head.postJson(base + "/measures", """
				{"kind":"SEAL","items":"仓库一间","reason":"涉嫌储存违法食品","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项","appliedOn":"%s","avRecorded":true}"""
				.formatted(today));
		assertThat(seal.statusCode()).as(seal.body()).isEqualTo(200);
		long measure = json(seal.body()).get("id").asLong();
		String due = "select due_date from case_timer where case_id = ? and kind = 'SEIZURE' and ref = ?";
		assertThat(jdbc.queryForObject(due, LocalDate.class, id, measure)).isEqualTo(thirtieth);

		var extended = head.postJson(base + "/measures/" + measure + "/extension", "{\"reason\":\"需送检\"}");
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject(due, LocalDate.class, id, measure)).isEqualTo(today.plusDays(60));
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.measure_extended'", String.class,
				String.valueOf(id))).contains("延长三十日，至 " + today.plusDays(60) + " 届满");

		// one running whose reminder had been moved past a day off is set back to its day by V114; one closed keeps its history
		jdbc.update("update case_timer set due_date = due_date + 2, provisional = true where case_id = ? and kind = 'SEIZURE' and ref = ?", id, measure);
		long closed = json(head.postJson(base + "/measures", """
				{"kind":"SEAL","items":"货架两组","reason":"涉嫌储存违法食品","basis":"《中华人民共和国食品安全法》第一百一十条第（五）项","appliedOn":"%s","avRecorded":true}"""
				.formatted(today)).body()).get("id").asLong();
		jdbc.update("update case_timer set due_date = due_date + 2, state = 'MET', closed_on = ? where case_id = ? and kind = 'SEIZURE' and ref = ?", today, id, closed);
		try (var sql = getClass().getResourceAsStream("/db/migration/V114__seizure_ends_on_its_day.sql")) {
			jdbc.execute(new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(jdbc.queryForMap("select due_date, provisional from case_timer where case_id = ? and kind = 'SEIZURE' and ref = ?", id, measure))
			.containsEntry("due_date", java.sql.Date.valueOf(today.plusDays(60))).containsEntry("provisional", false);
		assertThat(jdbc.queryForObject(due, LocalDate.class, id, closed)).isEqualTo(thirtieth.plusDays(2));
	}

	@Test
	void aReleasedSeizureHasItsReleaseDecisionAndOneDealtWithOtherwiseHasNone() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "解除扣押商行", 976);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		String taken = """
				{"kind":"%s","items":"%s","reason":"涉嫌经营超范围使用添加剂的米线","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","appliedOn":"%s","avRecorded":true}""";
		long detained = json(head.postJson(base + "/measures", taken.formatted("DETAIN", "米线 50 箱", today)).body()).get("id").asLong();
		long sealed = json(head.postJson(base + "/measures", taken.formatted("SEAL", "冷库一间", today)).body()).get("id").asLong();
		long kept = json(head.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"样品 2 份","appliedOn":"%s"}""".formatted(today)).body()).get("id").asLong();

		// a preservation has no ground of 第二十八条: refused on the field, still open
		var wrong = officer.postJson(base + "/measures/" + kept + "/close", "{\"outcome\":\"解除\",\"releaseGround\":\"NO_VIOLATION\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong.body()).get("errors").has("releaseGround")).isTrue();
		assertThat(jdbc.queryForObject("select closed_on from case_preservation where id = ?", LocalDate.class, kept)).isNull();

		// released because the test found nothing wrong: recorded with its ground, its decision due before 结案
		var released = officer.postJson(base + "/measures/" + detained + "/close",
				"{\"outcome\":\"经检验，米线添加剂使用符合标准，解除扣押并退还\",\"releaseGround\":\"NO_VIOLATION\"}");
		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select release_ground from coercion_measure where id = ?", String.class, detained)).isEqualTo("NO_VIOLATION");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.measure_closed'", String.class,
				String.valueOf(id))).startsWith("扣押解除（当事人没有违法行为）：");
		assertThat(closureBlockers(id)).anySatisfy(b -> assertThat(b).contains("米线 50 箱", "尚未生成解除扣押决定书", "第二十八条"));
		var doc = officer.postJson(base + "/documents/SEIZURE_REL-" + detained, "{}");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(officer.getBytes(base + "/documents/" + json(doc.body()).get("id").asLong() + "/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains("解除扣押决定书", "当事人：解除扣押商行",
					"因当事人没有违法行为，依据《中华人民共和国行政强制法》第二十八条第一款第（一）项的规定，本机关决定自" + today.getYear() + "年" + today.getMonthValue() + "月"
							+ today.getDayOfMonth() + "日起解除扣押。扣押的财物立即退还你单位，请你单位持本决定书领回。",
					"处理情况：经检验，米线添加剂使用符合标准，解除扣押并退还", "申请行政复议");
		}
		assertThat(closureBlockers(id)).noneSatisfy(b -> assertThat(b).contains("解除扣押决定书"));

		// dealt with otherwise (没收 under the penalty decision): no release decision
		assertThat(officer.postJson(base + "/measures/" + sealed + "/close", "{\"outcome\":\"依处罚决定没收\"}").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/documents/SEIZURE_REL-" + sealed, "{}").statusCode()).isEqualTo(422);
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("生成解除查封决定书（冷库");
	}
}
