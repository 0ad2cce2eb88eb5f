package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The hearing right of the 事先告知书 (行政处罚法第六十三条: 较大数额罚款、没收较大数额违法所得或者非法财物) is decided when
 * the notice is made, for the party as registered then, by the 较大数额 standard in force at the act: not by what the
 * proposal found for the party as he was registered before a correction; and where the domain has no standard set, the
 * party is not deprived of the right.
 */
class HearingRightIntegrationTest extends IntegrationTestBase {

	/** A filed market case of an organisation with a proposed fine of 60,000 yuan (under the demo's 100,000 for organisations). */
	private long proposed(HttpSession officer, HttpSession head, String party, int serial) {
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, party, serial);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"%s","content":"检查情况"}""".formatted(LocalDate.now(clock), party)).statusCode())
			.isEqualTo(200);
		var p = officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}");
		assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
		return id;
	}

	private boolean hearingRight(HttpSession officer, long id) {
		var n = officer.postJson("/api/v1/cases/" + id + "/notice", "{\"facts\":\"经查\"}");
		assertThat(n.statusCode()).as(n.body()).isEqualTo(200);
		return json(n.body()).get("hearingRight").asBoolean();
	}

	@Test
	void theRightIsDecidedForThePartyAsRegisteredWhenTheNoticeIsMade() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		// an organisation: 60,000 yuan is under its 100,000
		assertThat(hearingRight(officer, proposed(officer, head, "听证对照商行", 991))).isFalse();

		// registered as an organisation when the fine was proposed, corrected to the natural person he is: 60,000 is over his 10,000
		long id = proposed(officer, head, "听证更正商行", 992);
		String id17 = "53310319850505123";
		var corrected = officer.postJson("/api/v1/cases/" + id + "/party", """
				{"partyKind":"NATURAL_PERSON","partyName":"个体户王某","partyIdNumber":"%s","reason":"营业执照为个体工商户，以经营者为当事人"}"""
				.formatted(id17 + IdNumber.checkCharacter(id17)));
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(hearingRight(officer, id)).isTrue();
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.notice_issued'", String.class,
				String.valueOf(id))).contains("告知听证权利").doesNotContain("未设定");
	}

	@Test
	void withoutAStandardInForceTheFineIsNotTakenToBeSmall() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = proposed(officer, head, "听证无标准商行", 993);
		// the act before the demo's standards took effect (2021-07-15): none is in force for it
		jdbc.update("update enforcement_case set act_date = date '2021-07-01' where id = ?", id);
		assertThat(hearingRight(officer, id)).isTrue();
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_id = ? and action = 'case.notice_issued'", String.class,
				String.valueOf(id))).contains("告知听证权利", "本领域未设定听证“较大数额”标准，按有利于当事人的原则告知");
	}

	/**
	 * Before the notice the case page says what the notice will do about the hearing — with no standard for the domain, that
	 * the right will be told — and the checks before the decision do not read "not a hearing case".
	 */
	@Test
	void beforeTheNoticeThePageSaysWhetherTheHearingRightWillBeTold() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = proposed(officer, head, "听证预告商行", 995);
		String page = officer.get("/cases/" + id).body();
		assertThat(page).contains("id=\"hearing-outlook\"", "拟处罚不属于听证范围（较大数额标准 100,000.00元）")
			.contains("（尚未到此阶段：尚未事先告知）").doesNotContain("不适用：本案不属于听证范围");
		jdbc.update("update enforcement_case set act_date = date '2021-07-01' where id = ?", id);
		assertThat(officer.get("/cases/" + id).body()).contains("本领域未设定听证“较大数额”标准", "将按有利于当事人的原则告知听证权利");
		// the notice does what the page said
		assertThat(hearingRight(officer, id)).isTrue();
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("id=\"hearing-outlook\"");
	}

	/**
	 * A fine above the highest the punishing clause plainly allows is refused, benchmark or not (食品安全法第一百二十六条: 五千元以上
	 * 五万元以下), and nothing is written; the highest itself is taken.
	 */
	@Test
	void aFineAboveTheClausesHighestIsRefused() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = filedOnClause126("T-CEIL-126", "最高额测试商行", 996);
		long entries = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id));
		var over = officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":5000100}");
		assertThat(over.statusCode()).as(over.body()).isEqualTo(400);
		assertThat(json(over.body()).get("errors").get("fine").asString()).contains("罚款不得高于食品安全法第一百二十六条规定的最高数额50,000.00元");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(entries);
		var highest = officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":5000000}");
		assertThat(highest.statusCode()).as(highest.body()).isEqualTo(200);
	}

	/**
	 * Without a benchmark the clause's own range is the measure: a fine below its floor is 减轻 — refused without a written
	 * reason, and reviewed (it went through as ordinary); proposed again within the range, the review no longer called for
	 * ends 不再适用 (its period stayed open).
	 */
	@Test
	void aFineBelowTheClausesLowestIsAReductionAndItsReviewEndsWhenNoLongerCalledFor() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = filedOnClause126("T-FLOOR-126", "最低额测试商行", 993);
		var below = officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":100000}");
		assertThat(below.statusCode()).as(below.body()).isEqualTo(400);
		assertThat(json(below.body()).get("errors").get("deviationReason").asString())
			.contains("罚款1,000.00元低于食品安全法第一百二十六条规定的最低数额5,000.00元，属减轻处罚", "集体讨论和法制审核");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();
		var reasoned = officer.postJson("/api/v1/cases/" + id + "/proposal",
				"{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":100000,\"deviationReason\":\"受他人胁迫实施违法行为（行政处罚法第三十二条第（二）项）\"}");
		assertThat(reasoned.statusCode()).as(reasoned.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select state from case_timer where case_id = ? and kind = 'LEGAL_REVIEW'", String.class, id)).isEqualTo("RUNNING");
		var within = officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":1000000}");
		assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select state from case_timer where case_id = ? and kind = 'LEGAL_REVIEW'", String.class, id)).isEqualTo("CANCELLED");
	}

	/**
	 * A case filed by the market bureau on a test matter whose fine is set by 食品安全法第一百二十六条 (五千元以上五万元以下),
	 * with no benchmark, its investigation's transcript taken.
	 */
	private long filedOnClause126(String code, String party, int seq) {
		HttpSession officer = loggedIn("scj.zhifa");
		long market = jdbc.queryForObject("select id from body_view where name = '芒市市场监督管理局'", Long.class);
		var m = loggedIn("scj.admin").postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"%s","name":"对食品经营者未按规定记录进货查验的行政处罚（%s）","type":"PENALTY","domainCode":"MARKET",
				 "basis":["食品安全法第五十三条","食品安全法第一百二十六条"],"violatedClauses":["食品安全法第五十三条"],"penaltyClauses":["食品安全法第一百二十六条"]}"""
				.formatted(market, code, code));
		assertThat(m.statusCode()).as(m.body()).isEqualTo(201);
		long matter = json(m.body()).get("id").asLong();
		jdbc.update("update enforcement_matter set status = 'ACTIVE' where id = ?", matter);
		long id = new CaseScenarios(jdbc, clock).clue(officer, party, seq);
		var filed = loggedIn("scj.fuze").postJson("/api/v1/cases/" + id + "/filing", new CaseScenarios(jdbc, clock).filing());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		// the test's matter is not in a published catalogue (filing would refuse it): the filed case is moved onto it
		jdbc.update("update enforcement_case set matter_id = ? where id = ?", matter, id);
		assertThat(officer.postJson("/api/v1/cases/" + id + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"%s","content":"检查情况"}""".formatted(LocalDate.now(clock), party)).statusCode())
			.isEqualTo(200);
		return id;
	}

	/** One signed statement giving up both rights is filed once; the second waiver points to it, and neither is waived twice. */
	@Test
	void oneSignedStatementMayWaiveBothRightsAndIsFiledOnce() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		// the act before the demo's standards took effect: the hearing right is told
		long id = proposed(officer, head, "双放弃商行", 994);
		jdbc.update("update enforcement_case set act_date = date '2021-07-01' where id = ?", id);
		assertThat(hearingRight(officer, id)).isTrue();
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson("/api/v1/cases/" + id + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today))
			.statusCode()).isEqualTo(200);
		assertThat(waive(officer, id, "STATEMENT", today).statusCode()).isEqualTo(200);
		var hearing = waive(officer, id, "HEARING", today);
		assertThat(hearing.statusCode()).as(hearing.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ? and title like '当事人书面放弃%'", Long.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select hearing_waived_on from penalty_notice where case_id = ?", LocalDate.class, id)).isEqualTo(today);
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.right_waived' "
				+ "order by seq desc limit 1", String.class, String.valueOf(id))).isEqualTo("当事人书面放弃听证权利（与已入卷的“当事人书面放弃陈述、申辩权利的声明”为同一份声明）");
		// not twice: refused, nothing written
		long entries = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id));
		var again = waive(officer, id, "HEARING", today);
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(json(again.body()).get("detail").asString()).contains("已于 " + today + " 书面放弃听证权利");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(entries);
	}
	/**
	 * 没收违法所得 and 没收非法财物 are measured together against the 较大数额 (市场监督管理行政处罚听证办法第五条): 60,000 and
	 * 50,000 yuan of an organisation reach its 100,000 though neither does alone.
	 */
	@Test
	void gainsAndPropertyConfiscatedAreMeasuredTogether() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "合计没收商行", 987);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"合计没收商行","content":"检查情况"}""".formatted(LocalDate.now(clock))).statusCode())
			.isEqualTo(200);
		var p = officer.postJson(base + "/proposal", """
				{"report":"调查终结报告","types":["FINE","CONFISCATE_GAINS","CONFISCATE_PROPERTY"],"fine":6000000,"gains":6000000,"property":"超范围使用添加剂的腌菜200箱",
				 "propertyValue":5000000,"deviationReason":"并处没收"}""");
		assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
		assertThat(hearingRight(officer, id)).isTrue();
	}

	/**
	 * Service of the 事先告知书 starts the party's windows, so it is held to what the decision's service is: 电子送达 with the
	 * party's consent (行政处罚法第六十一条第二款), 留置送达 with witnesses, 邮寄送达 with the mail's number, a known method.
	 */
	@Test
	void theNoticeIsServedByAKnownMethodWithWhatItNeeds() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = proposed(officer, head, "送达方式商行", 988);
		hearingRight(officer, id);
		String serve = "/api/v1/cases/" + id + "/notice/service";
		String today = LocalDate.now(clock).toString();
		String[][] refused = { { "电子送达", "", "consentRef", "确认书" }, { "留置送达", "", "witnesses", "见证人" }, { "邮寄送达", "", "trackingNo", "邮件单号" },
				{ "短信送达", "", "method", "送达方式应为" }, { "公告送达", "", "method", "送达方式应为" } };
		long entries = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id));
		for (String[] r : refused) {
			var res = officer.postJson(serve, "{\"servedOn\":\"%s\",\"method\":\"%s\",\"proof\":\"微信截图\"}".formatted(today, r[0]));
			assertThat(res.statusCode()).as(r[0]).isEqualTo(400);
			assertThat(json(res.body()).get("errors").get(r[2]).asString()).as(r[0]).contains(r[3]);
		}
		assertThat(jdbc.queryForObject("select served_on from penalty_notice where case_id = ?", LocalDate.class, id)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from case_timer where case_id = ? and kind = 'STATEMENT'", Long.class, id)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(entries);
		var served = officer.postJson(serve, "{\"servedOn\":\"%s\",\"method\":\"电子送达\",\"proof\":\"微信截图\",\"consentRef\":\"电子送达确认书001\"}".formatted(today));
		assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select service_method || '：' || service_proof from penalty_notice where case_id = ?", String.class, id))
			.isEqualTo("电子送达：微信截图；电子送达确认书：电子送达确认书001");
	}
}
