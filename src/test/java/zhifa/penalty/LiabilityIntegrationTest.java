package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 行政处罚法第三十条、第三十一条 applied by the platform: the age comes from the ID number at the act date, whatever the user
 * ticks; nobody under fourteen is punished, a minor's penalty is lighter, and incapacity rests on a 鉴定意见.
 */
class LiabilityIntegrationTest extends IntegrationTestBase {

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	/** A valid ID number of someone born on the day. */
	private static String idBornOn(LocalDate birth, int serial) {
		String first17 = "533103" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial);
		return first17 + IdNumber.checkCharacter(first17);
	}

	private long filedCase(String party, LocalDate birth, int serial) {
		HttpSession officer = loggedIn("scj.zhifa");
		LocalDate act = LocalDate.now(clock).minusDays(3);
		var res = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"%s","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"销售超范围使用添加剂的食品"}""".formatted(bodyId("芒市市场监督管理局"),
				jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class), party, idBornOn(birth, serial), act));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		long id = json(res.body()).get("id").asLong();
		// filed knowingly: for a child the head is told he may decline instead (a warning he acknowledges)
		var filed = loggedIn("scj.fuze").postJson("/api/v1/cases/" + id + "/filing",
				"{\"officerIds\":[%d,%d],\"acknowledgeEarlierFiling\":true,\"opinion\":\"同意立案，查明后依法处理\"}".formatted(officer("张伟"), officer("岩温")));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		transcript(officer, id);
		return id;
	}

	@Test
	void aTwelveYearOldIsNotPunishedButEducatedWithTheGuardian() {
		LocalDate act = LocalDate.now(clock).minusDays(3);
		long id = filedCase("十二岁当事人", act.minusYears(12).minusDays(10), 101);
		HttpSession head = loggedIn("scj.fuze");
		// the case page says it before anyone proposes anything: derived from the ID number at the act date
		assertThat(head.get("/cases/" + id).body()).contains("id=\"party-age\"", "行为时 12 周岁（按身份证号计算）：不满十四周岁，不予行政处罚");
		var warning = head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["WARNING"]}""");
		assertThat(warning.statusCode()).isEqualTo(422);
		assertThat(json(warning.body()).get("detail").asString()).contains("12周岁", "不满十四周岁", "行政处罚法第三十条", "不予行政处罚决定");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();

		var punished = head.postJson("/api/v1/cases/" + id + "/decision", """
				{"outcome":"PENALTY","types":["WARNING"],"text":"警告"}""");
		assertThat(punished.statusCode()).isEqualTo(422);
		assertThat(json(punished.body()).get("detail").asString()).contains("不得作出行政处罚决定", "第三十条");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("FILED");

		var decided = head.postJson("/api/v1/cases/" + id + "/decision", """
				{"outcome":"NO_PENALTY","reasonCode":"UNDER_FOURTEEN","text":"当事人行为时不满十四周岁","educationRecord":"已责令其监护人加以管教"}""");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(json(decided.body()).get("decisionOutcome").asString()).isEqualTo("NO_PENALTY");
	}

	@Test
	void anAdultCannotBeLetOffAsUnderFourteenNorAsIncapableWithoutAnExpertOpinion() {
		long id = filedCase("成年当事人", LocalDate.of(1990, 1, 1), 102);
		HttpSession head = loggedIn("scj.fuze");
		var asChild = head.postJson("/api/v1/cases/" + id + "/decision", """
				{"outcome":"NO_PENALTY","reasonCode":"UNDER_FOURTEEN","text":"不满十四周岁","educationRecord":"已教育"}""");
		assertThat(asChild.statusCode()).isEqualTo(400);
		assertThat(json(asChild.body()).get("errors").get("reasonCode").asString()).contains("行为时已满", "不能以“不满十四周岁”为由");
		var incapable = head.postJson("/api/v1/cases/" + id + "/decision", """
				{"outcome":"NO_PENALTY","reasonCode":"NO_CAPACITY","text":"精神病人","educationRecord":"已责令监护人严加看管和治疗"}""");
		assertThat(json(incapable.body()).get("errors").get("reasonCode").asString()).contains("须有鉴定意见", "第三十一条");
		var proposal = head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["FINE"],"fine":6000000,"circumstances":["MENTAL_PARTIAL"]}""");
		assertThat(json(proposal.body()).get("errors").get("circumstances").asString()).contains("须有鉴定意见");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("FILED");

		// with the 鉴定意见 on file the finding of incapacity stands, and punishing is refused
		var opinion = loggedIn("scj.zhifa").postMultipart("/api/v1/cases/" + id + "/evidence", java.util.Map.of("type", "EXPERT_OPINION", "title", "司法鉴定意见书"),
				"file", "opinion.pdf", "application/pdf", "%PDF-1.4 鉴定意见".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(opinion.statusCode()).as(opinion.body()).isEqualTo(200);
		var noCapacity = head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["FINE"],"fine":6000000,"circumstances":["MENTAL_NO_CAPACITY"]}""");
		assertThat(noCapacity.statusCode()).isEqualTo(422);
		assertThat(json(noCapacity.body()).get("detail").asString()).contains("第三十一条", "严加看管和治疗");
	}

	@Test
	void anActBeforeThePartyWasBornIsRefused() {
		LocalDate act = LocalDate.now(clock).minusDays(3);
		var res = loggedIn("scj.zhifa").postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"未出生","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"核对出生日期"}""".formatted(bodyId("芒市市场监督管理局"),
				jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class), idBornOn(act.plusDays(1), 106), act));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("errors").get("actDate").asString()).contains("早于当事人的出生日期");
	}

	@Test
	void aSixteenYearOldsPenaltyIsLighterWhateverIsTicked() {
		LocalDate act = LocalDate.now(clock).minusDays(3);
		LocalDate birth = act.minusYears(16).minusDays(40);
		HttpSession officer = loggedIn("scj.zhifa");
		var assessment = officer.postJson("/api/v1/discretion/assessments", """
				{"violationCode":"SP-124-TJJ","bodyId":%d,"actDate":"%s","partyType":"NATURAL_PERSON","circumstances":["REPEATED"],"partyBirthDate":"%s"}"""
			.formatted(bodyId("芒市市场监督管理局"), act, birth));
		assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(200);
		assertThat(json(assessment.body()).get("tier").asString()).isEqualTo("LIGHTER");
		assertThat(json(assessment.body()).get("reasoning").asString()).contains("16周岁", "应当从轻或者减轻");

		long id = filedCase("十六岁当事人", birth, 103);
		HttpSession head = loggedIn("scj.fuze");
		long records = recordCount();
		var general = head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["FINE"],"fine":6500000,"deviationReason":"情节一般"}""");
		assertThat(general.statusCode()).isEqualTo(400);
		assertThat(json(general.body()).get("errors").get("fine").asString()).contains("应当从轻或者减轻", "第三十条", "从轻处罚");
		assertThat(recordCount()).isEqualTo(records);
		var lighter = head.postJson("/api/v1/cases/" + id + "/proposal", """
				{"report":"调查终结","types":["FINE"],"fine":5100000}""");
		assertThat(lighter.statusCode()).as(lighter.body()).isEqualTo(200);
		assertThat(json(lighter.body()).get("tier").asString()).isEqualTo("LIGHTER");
	}

	@Test
	void onTheSpotNobodyUnderFourteenIsPunishedAndAMinorGetsOnlyTheLighterTier() {
		HttpSession officer = loggedIn("zhzf.zhifa");
		long urban = bodyId("芒市综合行政执法局");
		long litter = jdbc.queryForObject("select id from enforcement_matter where code = 'ZF-CF-001'", Long.class);
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒综执当罚'", Long.class, urban);
		String two = officer("孙磊") + "," + officer("周杰");
		LocalDate today = LocalDate.now(clock);
		String form = """
				{"clue":{"bodyId":%d,"matterId":%d,"partyKind":"NATURAL_PERSON","partyName":"未成年当事人","partyIdNumber":"%s","partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s"},
				 "officerIds":[%s],"types":[%s],"fine":%d,"rangeId":%d,"formNumber":%d,"collectOnSpot":false,"decisionText":"乱扔废弃物"}""";
		long cases = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		var child = officer.postJson("/api/v1/onspot/penalties", form.formatted(urban, litter, idBornOn(today.minusYears(13), 104), today, two,
				"\"WARNING\"", 0, range, 1090));
		assertThat(child.statusCode()).isEqualTo(422);
		assertThat(json(child.body()).get("detail").asString()).contains("不能当场处罚", "不满十四周岁", "第三十条");
		var minorFine = officer.postJson("/api/v1/onspot/penalties", form.formatted(urban, litter, idBornOn(today.minusYears(15), 105), today, two,
				"\"FINE\"", 3_000, range, 1090));
		assertThat(minorFine.statusCode()).isEqualTo(422);
		assertThat(json(minorFine.body()).get("detail").asString()).contains("不得偏离裁量基准", "从轻处罚", "第三十条");
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(cases);
		var minorWarning = officer.postJson("/api/v1/onspot/penalties", form.formatted(urban, litter, idBornOn(today.minusYears(15), 105), today, two,
				"\"WARNING\"", 0, range, 1090));
		assertThat(minorWarning.statusCode()).as(minorWarning.body()).isEqualTo(201);
	}
}
