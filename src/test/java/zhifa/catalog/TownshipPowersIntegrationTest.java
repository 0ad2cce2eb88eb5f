package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** Delegating matters to townships with documents and history, the evaluation, and the link to the assessment API. */
class TownshipPowersIntegrationTest extends IntegrationTestBase {

	@Autowired
	TownshipPowers powers;

	@Autowired
	zhifa.casework.CaseOfficers caseOfficers;

	private long matterId(String code) {
		return jdbc.queryForObject("select id from enforcement_matter where code = ?", Long.class, code);
	}

	@Test
	void delegationNeedsADocumentAndAReasonAndKeepsItsHistory() {
		HttpSession bureau = loggedIn("jiandu");
		long fengping = bodyId("风平镇人民政府");
		long stalls = matterId("ZF-CF-002");
		String body = """
				{"matterId":%d,"documentTitle":"芒市人民政府关于赋予乡镇部分县级行政执法权限的决定","documentNumber":"芒政发〔2026〕1号","effectiveFrom":"2026-01-01","reason":%s,
				 "provincialBasis":"云南省人民政府关于赋予乡镇部分县级行政处罚权的决定（测试）"}""";
		// a power to punish goes to a township only by the province's decision (行政处罚法第二十四条): without it, refused
		long before = jdbc.queryForObject("select count(*) from township_delegation", Long.class);
		var noProvince = bureau.postJson("/api/v1/townships/" + fengping + "/delegations",
				body.formatted(stalls, "\"就近处置\"").replaceAll(",\\s*\"provincialBasis\":\"[^\"]*\"", ""));
		assertThat(noProvince.statusCode()).isEqualTo(400);
		assertThat(json(noProvince.body()).get("errors").get("provincialBasis").asString()).contains("行政处罚法第二十四条");
		assertThat(jdbc.queryForObject("select count(*) from township_delegation", Long.class)).isEqualTo(before);
		var noReason = bureau.postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(stalls, "null"));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(json(noReason.body()).get("errors").get("reason").asString()).isEqualTo("请填写下放理由");
		var notForTownships = bureau.postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(matterId("SJ-CF-001"), "\"就近执法\""));
		assertThat(json(notForTownships.body()).get("errors").get("matterId").asString()).contains("未标注为可下放乡镇");
		var ok = bureau.postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(stalls, "\"集镇摊点多，就近处置\""));
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
		long id = json(ok.body()).get("id").asLong();
		assertThat(json(ok.body()).get("provincialBasis").asString()).isEqualTo("云南省人民政府关于赋予乡镇部分县级行政处罚权的决定（测试）");
		assertThat(bureau.get("/townships/" + fengping).body()).contains("省级决定：云南省人民政府关于赋予乡镇部分县级行政处罚权的决定（测试）",
				"href=\"/matters/" + stalls + "\"");
		assertThat(bureau.postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(stalls, "\"重复\"")).body()).contains("已下放给风平镇人民政府");
		// a township officer cannot delegate to itself
		assertThat(loggedIn("zhefang.admin").postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(stalls, "\"x\"")).statusCode())
			.isEqualTo(403);

		assertThat(json(bureau.postJson("/api/v1/townships/delegations/" + id + "/withdraw", "{\"withdrawnOn\":\"2026-06-30\"}").body()).get("errors")
			.get("reason").asString()).isEqualTo("请填写收回理由");
		assertThat(json(bureau.postJson("/api/v1/townships/delegations/" + id + "/withdraw", "{\"withdrawnOn\":\"2025-06-30\",\"reason\":\"x\"}").body())
			.get("detail").asString()).contains("不能早于赋权生效日期");
		var withdrawn = bureau.postJson("/api/v1/townships/delegations/" + id + "/withdraw", "{\"withdrawnOn\":\"2026-06-30\",\"reason\":\"承接能力不足\"}");
		assertThat(json(withdrawn.body()).get("withdrawReason").asString()).isEqualTo("承接能力不足");
		// re-delegating is a new row; the withdrawn one stays as history
		assertThat(bureau.postJson("/api/v1/townships/" + fengping + "/delegations", body.formatted(stalls, "\"能力已提升\"")).statusCode()).isEqualTo(201);
		var history = json(bureau.get("/api/v1/townships/" + fengping + "/delegations").body());
		assertThat(history).hasSize(2);
		assertThat(history.get(1).get("withdrawnOn").asString()).isEqualTo("2026-06-30");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'township_delegation' and subject_id = ? order by seq",
				String.class, String.valueOf(id))).containsExactly("township.delegated", "township.withdrawn");

		// a township sees only itself
		var own = json(loggedIn("zhefang.admin").get("/api/v1/townships").body());
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("name").asString()).isEqualTo("遮放镇人民政府");
	}

	/**
	 * A township enforces a delegated matter only while its department's published catalogue carries it as in force: the
	 * delegation alone (here from 2024) does not make it the township's power on a day the department had none.
	 */
	@Test
	void aDelegatedMatterIsTheTownshipsPowerOnlyWhileItsDepartmentsCatalogueCarriesIt() {
		long zhefang = bodyId("遮放镇人民政府");
		long stalls = matterId("ZF-CF-002");
		long urban = jdbc.queryForObject("select body_id from enforcement_matter where id = ?", Long.class, stalls);
		java.time.LocalDate published = jdbc.queryForObject("select min(published_at) from catalogue_version where body_id = ?", java.sql.Timestamp.class, urban)
			.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		java.time.LocalDate before = published.minusDays(1);
		assertThat(powers.delegatedTo(zhefang, stalls, before)).as("delegated since 2024").isTrue();
		assertThat(powers.inForceFor(zhefang, stalls, before)).as("not yet in the department's published catalogue").isFalse();
		assertThat(powers.inForceFor(zhefang, stalls, published)).isTrue();
		assertThat(powers.inForceFor(bodyId("风平镇人民政府"), matterId("SJ-CF-001"), published)).as("never delegated").isFalse();
	}

	/**
	 * 遮放镇's officers enforce its delegated 市容 matters on their 乡镇（街道）综合行政执法 certificates: 岩保, who holds only
	 * that one, counts with 玉罕 as two certified officers (the township could file nothing before: 本机关可选的只有 1 名).
	 */
	@Test
	void aTownshipsOfficersActOnTheirTownshipCertificatesInItsDelegatedMatters() {
		long zhefang = bodyId("遮放镇人民政府");
		long yuhan = jdbc.queryForObject("select id from officer where name = '玉罕'", Long.class);
		long yanbao = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		var k = caseOfficers.candidates(zhefang, "URBAN", java.util.List.of(yuhan, yanbao), java.time.LocalDate.now(clock));
		assertThat(k.own()).allMatch(zhifa.officer.AuthorityDecision::allowed);
		assertThat(k.valid()).isEqualTo(2);
		// the same certificate for an officer of a county department: not his domain
		long sunlei = jdbc.queryForObject("select id from officer where name = '孙磊'", Long.class);
		assertThat(jdbc.queryForObject("select count(*) from certificate c join certificate_domain d on d.certificate_id = c.id "
				+ "where c.officer_id = ? and d.domain_code = 'TOWNSHIP'", Long.class, yanbao)).isEqualTo(1);
		assertThat(caseOfficers.candidates(bodyId("芒市综合行政执法局"), "MARKET", java.util.List.of(sunlei), java.time.LocalDate.now(clock)).own())
			.noneMatch(zhifa.officer.AuthorityDecision::allowed);
	}

	@Test
	void evaluationAndReportCountUsageFromCases() throws Exception {
		HttpSession bureau = loggedIn("jiandu");
		long zhefang = bodyId("遮放镇人民政府");
		var bad = bureau.postJson("/api/v1/townships/" + zhefang + "/evaluations",
				"{\"year\":2025,\"assessor\":\"某大学法学院\",\"score\":101,\"comments\":\"好\",\"assessedOn\":\"2026-01-10\"}");
		assertThat(json(bad.body()).get("errors").get("score").asString()).contains("0 至 100");
		assertThat(bureau.postJson("/api/v1/townships/" + zhefang + "/evaluations",
				"{\"year\":2025,\"assessor\":\"某大学法学院\",\"score\":91.5,\"comments\":\"规范\",\"assessedOn\":\"2026-01-10\"}").statusCode()).isEqualTo(201);
		assertThat(bureau.postJson("/api/v1/townships/" + zhefang + "/feedback",
				"{\"receivedOn\":\"2025-11-01\",\"channel\":\"HOTLINE\",\"satisfaction\":\"UNSATISFIED\",\"content\":\"处理慢\"}").statusCode()).isEqualTo(201);
		var report = json(bureau.get("/api/v1/townships/report/2025").body());
		var line = java.util.stream.StreamSupport.stream(report.spliterator(), false).filter(l -> l.get("township").asString().equals("遮放镇人民政府"))
			.findFirst().orElseThrow();
		assertThat(line.get("usage").asLong()).isEqualTo(0);
		assertThat(line.get("delegations").asInt()).isEqualTo(3);
		assertThat(line.get("evaluations")).hasSize(2);
		assertThat(line.get("feedback").get("UNSATISFIED").asInt()).isEqualTo(1);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(powers.reportWorkbook(DataScope.all(), 2025)))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(2);
			var summary = wb.getSheetAt(0);
			boolean found = false;
			for (var row : summary) {
				if (row.getCell(0).getStringCellValue().equals("遮放镇人民政府")) {
					// the usage is a number Excel can add up
					assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(0);
					found = true;
				}
			}
			assertThat(found).isTrue();
			assertThat(wb.getSheetAt(1).getRow(1).getCell(4).getStringCellValue()).contains("赋予乡镇");
		}
		assertThat(bureau.get("/townships/report?year=2025").body()).doesNotContain("尚未接入执法活动数据");
	}

	@Test
	void assessmentTakesTheViolationFromTheMatterAndAcceptsDelegatedMattersOnly() {
		HttpSession officer = loggedIn("zhefang.admin");
		long zhefang = bodyId("遮放镇人民政府");
		long litter = matterId("ZF-CF-001");
		var ok = officer.postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d,"actDate":"2026-05-01","partyType":"NATURAL_PERSON","circumstances":["FIRST_OFFENCE"]}""".formatted(litter, zhefang));
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
		assertThat(json(ok.body()).get("matter").asString()).isEqualTo("对随地吐痰、乱扔废弃物的行政处罚");
		// penalty cases answer the party-history interface: without a party key the claim is not checked, with one it is
		assertThat(json(ok.body()).get("firstOffenceCheck").asString()).startsWith("未核验：请求未提供当事人标识");
		var checked = officer.postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d,"actDate":"2026-05-01","circumstances":["FIRST_OFFENCE"],"partyKey":"91533103MA6K000000"}"""
			.formatted(litter, zhefang));
		assertThat(json(checked.body()).get("firstOffenceCheck").asString()).startsWith("已核验");
		long xishan = bodyId("西山乡人民政府");
		var notDelegated = loggedIn("admin").postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d,"actDate":"2026-05-01"}""".formatted(litter, xishan));
		assertThat(json(notDelegated.body()).get("errors").get("matterId").asString()).contains("未下放给该主体");
		var noViolation = loggedIn("admin").postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d}""".formatted(matterId("SJ-CF-002"), bodyId("芒市市场监督管理局")));
		assertThat(json(noViolation.body()).get("errors").get("matterId").asString()).contains("尚未关联裁量基准的违法行为编码");
		var wrongCode = loggedIn("admin").postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d,"violationCode":"CS-34-LRFQ"}""".formatted(matterId("SJ-CF-001"), bodyId("芒市市场监督管理局")));
		assertThat(json(wrongCode.body()).get("errors").get("violationCode").asString()).contains("不属于事项");
	}
}
