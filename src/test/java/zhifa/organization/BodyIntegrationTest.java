package zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.shared.Uscc;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class BodyIntegrationTest extends IntegrationTestBase {

	@Autowired
	BodyExcel excel;

	@Autowired
	Bodies bodies;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	private static String uscc(String body17) {
		return body17 + Uscc.checkCharacter(body17);
	}

	@org.springframework.beans.factory.annotation.Autowired
	OrganizationDirectory directory;

	@Test
	void aRegionWithMoreBodiesThanAPageHasThemAllAsChoices() {
		// in a transaction rolled back at the end: the other tests keep the demo's bodies
		tx.executeWithoutResult(status -> {
			// a prefecture of its own, out of the demo's way, with 130 active bodies and one inactive
			long province = jdbc.queryForObject("select id from org_region where level = 'PROVINCE' order by id limit 1", Long.class);
			String path = jdbc.queryForObject("select path from org_region where id = ?", String.class, province);
			long prefecture = jdbc.queryForObject("insert into org_region (name, level, parent_id, path) values ('选择测试州', 'PREFECTURE', ?, ?) returning id",
					Long.class, province, path + "choice-test/");
			jdbc.update("""
					insert into org_body (name, uscc, kind, region_id, status, created_at, updated_at)
					select '选择测试执法主体' || g, '91532900CT' || lpad(g::text, 8, '0'), 'ADMINISTRATIVE_ORGAN', ?,
					  case when g = 131 then 'INACTIVE' else 'ACTIVE' end, now(), now() from generate_series(1, 131) g""", prefecture);
			var scope = DataScope.regionSubtree(0, path + "choice-test/");
			// more than a page (100): the county summary and the not-published list sum over every one of them
			assertThat(bodies.choices(scope)).hasSize(130).allSatisfy(b -> assertThat(b.name()).startsWith("选择测试执法主体"));
			assertThat(bodies.search(scope, new Bodies.Query(null, null, null, true, null), 0, 500).items()).hasSize(Bodies.MAX_PAGE_SIZE);
			status.setRollbackOnly();
		});
	}

	@Test
	void wrongCreditCodeIsRefusedNamingTheProblemAndNothingIsWritten() {
		HttpSession admin = loggedIn("admin");
		long records = recordCount();
		long bodies = jdbc.queryForObject("select count(*) from org_body", Long.class);
		String good = uscc("11533103MT0000001");
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		var res = admin.postJson("/api/v1/bodies", """
				{"name":"芒市测试局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3}""".formatted(bad));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("errors").get("uscc").asString()).contains("校验位错误").doesNotContain("应为");
		assertThat(jdbc.queryForObject("select count(*) from org_body", Long.class)).isEqualTo(bodies);
		assertThat(recordCount()).isEqualTo(records);

		var created = admin.postJson("/api/v1/bodies", """
				{"name":"芒市测试局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3,"domainCodes":["MARKET"]}""".formatted(good));
		assertThat(created.statusCode()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		assertThat(jdbc.queryForObject("select action from record_entry where subject_type = 'body' and subject_id = ?",
				String.class, String.valueOf(id))).isEqualTo("body.created");
	}

	@Test
	void entrustedOrganisationNeedsAWrittenEntrustmentAndCannotEntrustFurther() {
		HttpSession admin = loggedIn("admin");
		var missing = admin.postJson("/api/v1/bodies", """
				{"name":"芒市某执法队","uscc":"%s","kind":"ENTRUSTED_ORGANIZATION","regionId":3}""".formatted(uscc("12533103MT0000002")));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("受委托组织须录入委托书");

		long entrusted = bodyId("芒市农业综合行政执法大队");
		var further = admin.postJson("/api/v1/bodies", """
				{"name":"芒市某执法队","uscc":"%s","kind":"ENTRUSTED_ORGANIZATION","regionId":3,
				 "entrustment":{"entrustingBodyId":%d,"documentNumber":"测〔2025〕1号","scope":"种子","authority":"调查",
				 "validFrom":"2025-01-01","validTo":"2025-12-31","published":true}}""".formatted(uscc("12533103MT0000002"), entrusted));
		assertThat(further.statusCode()).isEqualTo(400);
		assertThat(json(further.body()).get("errors").get("entrustment.entrustingBodyId").asString()).contains("不得再委托");

		var body = json(admin.get("/api/v1/bodies/" + entrusted).body());
		assertThat(body.get("entrustment").get("entrustingBodyName").asString()).isEqualTo("芒市农业农村局");
	}

	/**
	 * A body cannot be deactivated while an organisation it entrusted is active and its entrustment runs; the day the
	 * entrustment ended is counted in 芒市 (the platform's clock), not by the database session's zone, which between
	 * 00:00 and 08:00 there is still on the day before.
	 */
	@Test
	void aBodyWithARunningEntrustmentStaysActiveUntilTheEntrustmentHasEnded() {
		HttpSession admin = loggedIn("admin");
		var organ = admin.postJson("/api/v1/bodies", """
				{"name":"芒市某委托机关（测试）","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3}""".formatted(uscc("11533103MT0000004")));
		assertThat(organ.statusCode()).as(organ.body()).isEqualTo(201);
		long organId = json(organ.body()).get("id").asLong();
		LocalDate today = LocalDate.now(clock);
		var entrusted = admin.postJson("/api/v1/bodies", """
				{"name":"芒市某受委托队（测试）","uscc":"%s","kind":"ENTRUSTED_ORGANIZATION","regionId":3,
				 "entrustment":{"entrustingBodyId":%d,"documentNumber":"测〔2026〕9号","scope":"市容","authority":"调查、处罚",
				 "validFrom":"2025-01-01","validTo":"%s","published":true}}""".formatted(uscc("12533103MT0000005"), organId, today));
		assertThat(entrusted.statusCode()).as(entrusted.body()).isEqualTo(201);
		String recorded = "select count(*) from record_entry where subject_type = 'body' and subject_id = ? and action = 'body.deactivated'";
		// its documents are issued and sealed in the entrusting organ's name (行政处罚法第二十条); an organ's in its own
		assertThat(directory.actingName(json(entrusted.body()).get("id").asLong(), "?")).isEqualTo("芒市某委托机关（测试）");
		assertThat(directory.actingName(organId, "?")).isEqualTo("芒市某委托机关（测试）");
		assertThat(directory.actingName(-1, "未知")).isEqualTo("未知");

		// the entrustment runs to the end of today: refused, nothing changed
		var refused = admin.postJson("/api/v1/bodies/" + organId + "/deactivation", "{\"reason\":\"机构改革\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("仍有 1 个有效的受委托组织（芒市某受委托队（测试））");
		// the same through the page's form: the refusal names the organisation, and the reason typed is given back
		var form = admin.postForm("/bodies/" + organId + "/deactivate", java.util.Map.of("reason", "机构改革（表单）", "_csrf", admin.csrf()));
		assertThat(form.statusCode()).isEqualTo(302);
		String page = admin.get("/bodies/" + organId).body();
		assertThat(page).contains("仍有 1 个有效的受委托组织（芒市某受委托队（测试））", "机构改革（表单）");
		assertThat(jdbc.queryForObject("select status from org_body where id = ?", String.class, organId)).isEqualTo("ACTIVE");
		assertThat(jdbc.queryForObject(recorded, Long.class, String.valueOf(organId))).isZero();

		// the next day in 芒市 it has ended, whatever the database session's date
		clock.shift(java.time.Duration.ofDays(1));
		var done = admin.postJson("/api/v1/bodies/" + organId + "/deactivation", "{\"reason\":\"机构改革\"}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select status from org_body where id = ?", String.class, organId)).isEqualTo("INACTIVE");
		assertThat(jdbc.queryForObject(recorded, Long.class, String.valueOf(organId))).isEqualTo(1);
	}

	@Test
	void verticallyManagedBodyNamesItsSuperior() {
		var res = loggedIn("admin").postJson("/api/v1/bodies", """
				{"name":"芒市某垂管局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3,"vertical":true}""".formatted(uscc("11533103MT0000003")));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(res.body()).contains("垂直管理的主体须指明上级主管机关");
		assertThat(json(loggedIn("admin").get("/api/v1/bodies/" + bodyId("德宏州生态环境局芒市分局")).body())
			.get("superiorBodyName").asString()).isEqualTo("德宏州生态环境局");
	}

	@Test
	void unitAdministratorEditsOwnBodyButNotItsKindOrRegion() {
		HttpSession s = loggedIn("zhefang.admin");
		long own = bodyId("遮放镇人民政府");
		String uscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, own);
		var res = s.putJson("/api/v1/bodies/" + own, """
				{"name":"遮放镇人民政府","uscc":"%s","kind":"AUTHORIZED_ORGANIZATION","regionId":1,"supervisory":true,
				 "qualificationNotice":"芒政执资〔2025〕8号","domainCodes":["TOWNSHIP","URBAN"]}""".formatted(uscc));
		assertThat(res.statusCode()).isEqualTo(200);
		var body = json(res.body());
		assertThat(body.get("kind").asString()).isEqualTo("ADMINISTRATIVE_ORGAN");
		assertThat(body.get("regionName").asString()).isEqualTo("遮放镇");
		assertThat(body.get("supervisory").asBoolean()).isFalse();
		assertThat(body.get("qualificationNotice").asString()).isEqualTo("芒政执资〔2025〕8号");
		assertThat(s.putJson("/api/v1/bodies/" + bodyId("芒市镇人民政府"), "{}").statusCode()).isEqualTo(404);
	}

	@Test
	void deactivatedBodyIsKeptAndNeedsAReason() {
		HttpSession admin = loggedIn("admin");
		long id = bodyId("芒市发展和改革局");
		assertThat(admin.postJson("/api/v1/bodies/" + id + "/deactivation", "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
		assertThat(admin.postJson("/api/v1/bodies/" + id + "/deactivation", "{\"reason\":\"机构改革\"}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select status from org_body where id = ?", String.class, id)).isEqualTo("INACTIVE");
		assertThat(admin.postJson("/api/v1/bodies/" + id + "/activation", "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void regionCodeIsValidatedAgainstItsParent() {
		HttpSession admin = loggedIn("admin");
		var bad = admin.postJson("/api/v1/regions", "{\"parentId\":2,\"level\":\"COUNTY\",\"code\":\"532502\",\"name\":\"错误县\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("533100");
		var good = admin.postJson("/api/v1/regions", "{\"parentId\":2,\"level\":\"COUNTY\",\"code\":\"533102\",\"name\":\"瑞丽市\"}");
		assertThat(good.statusCode()).isEqualTo(201);
		assertThat(json(good.body()).get("path").asString()).startsWith("/1/2/");
	}

	@Test
	void excelImportKeepsGoodRowsAndReportsBadOnes() throws Exception {
		List<List<String>> rows = List.of(BodyExcel.HEADERS,
					List.of("芒市导入甲局", uscc("11533103MT0000010"), "行政机关", "533103", "市场监管、卫生健康", "", "否", "否", ""),
					List.of("芒市导入乙局", "11533103MT00000109", "行政机关", "533103", "", "", "否", "否", ""),
					List.of("芒市导入丙局", uscc("11533103MT0000011"), "什么机关", "不存在的区", "天文", "", "也许", "否", ""),
					List.of("遮放镇导入站", uscc("12533103MT0000012"), "法律法规授权组织", "533103102", "乡镇（街道）综合执法", "", "否", "否", ""));
		byte[] file = zhifa.shared.Excel.workbook("导入", rows.get(0), rows.subList(1, rows.size()));
		var result = excel.importBodies(DataScope.all(), new ByteArrayInputStream(file));
		assertThat(result.created()).isEqualTo(2);
		assertThat(jdbc.queryForList("select name from org_body where name in ('芒市导入甲局', '遮放镇导入站')", String.class)).hasSize(2);
		assertThat(result.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(3, 4);
		assertThat(result.errors().get(0).message()).contains("校验位");
		assertThat(result.errors().get(1).message()).contains("主体类别“什么机关”").contains("区划“不存在的区”不存在")
			.contains("执法领域“天文”不存在").contains("执法监督机构应填");
		assertThat(jdbc.queryForObject("select count(*) from org_body where name like '%导入%'", Long.class)).isEqualTo(2);
		assertThat(result.errorWorkbook()).isNotEmpty();
	}
}
