package zhifa.discretion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class DiscretionIntegrationTest extends IntegrationTestBase {

	private long countyFoodBenchmark() {
		return jdbc.queryForObject("select id from discretion_benchmark where violation_code = 'SP-124-TJJ' and level = 'COUNTY'", Long.class);
	}

	private String assess(HttpSession s, String circumstances) {
		var res = s.postJson("/api/v1/discretion/assessments", """
				{"violationCode":"SP-124-TJJ","bodyId":%d,"actDate":"2025-06-01","partyType":"ORGANIZATION","circumstances":[%s]}"""
			.formatted(bodyId("芒市市场监督管理局"), circumstances));
		assertThat(res.statusCode()).isEqualTo(200);
		return res.body();
	}

	@Test
	void assessmentUsesTheNearestLevelAndChoosesTheTierFromTheCircumstances() {
		HttpSession s = loggedIn("scj.zhifa");
		var general = json(assess(s, ""));
		assertThat(general.get("level").asString()).isEqualTo("COUNTY");
		assertThat(general.get("benchmark").asString()).startsWith("芒市县级基准（芒市监规〔2024〕");
		assertThat(general.get("tier").asString()).isEqualTo("GENERAL");
		assertThat(general.get("minFine").asLong()).isEqualTo(6_000_000L);
		assertThat(general.get("maxFine").asLong()).isEqualTo(7_000_000L);
		assertThat(general.get("reasoning").asString()).contains("食品安全法第三十四条第一款第(四)项").contains("食品安全法第一百二十四条第一款第(三)项")
			.contains("60,000.00元至70,000.00元");

		var lighter = json(assess(s, "\"ELIMINATED_HARM\""));
		assertThat(lighter.get("tier").asString()).isEqualTo("LIGHTER");
		assertThat(lighter.get("reasoning").asString()).contains("行政处罚法第三十二条第（一）项");
		var mitigatedMissing = json(assess(s, "\"ELIMINATED_HARM\",\"COERCED\""));
		assertThat(mitigatedMissing.get("tier").asString()).isEqualTo("LIGHTER");
		assertThat(mitigatedMissing.get("reasoning").asString()).contains("未设“减轻处罚”阶次");
		assertThat(json(assess(s, "\"SERIOUS_HARM\"")).get("allowedTypes").toString()).contains("REVOKE_LICENCE");
	}

	@Test
	void assessmentShowsMatchingLeniencyItemsAndTheHearingThreshold() {
		var a = json(assess(loggedIn("scj.zhifa"), "\"ELIMINATED_HARM\""));
		assertThat(a.get("leniency").get(0).get("documentNumber").asString()).contains("芒市监规〔2024〕2号");
		assertThat(a.get("hearingThreshold").asLong()).isEqualTo(10_000_000L);
		assertThat(a.get("reasoning").asString()).contains("减免责清单（从轻处罚）").contains("应当告知当事人有要求听证的权利");
		assertThat(json(assess(loggedIn("scj.zhifa"), "")).get("leniency").size()).isZero();
		var pub = new HttpSession(port).get("/api/v1/public/discretion/benchmarks?domain=MARKET");
		assertThat(pub.statusCode()).isEqualTo(200);
		assertThat(json(pub.body()).size()).isGreaterThanOrEqualTo(3);
		assertThat(new HttpSession(port).get("/api/v1/public/discretion/leniency-items").body()).contains("芒市监规〔2024〕2号");
	}

	@Test
	void aBodyWithoutItsOwnItemGetsTheProvinceItemWhenNothingIsNearer() {
		var res = loggedIn("zhzf.zhifa").postJson("/api/v1/discretion/assessments", """
				{"violationCode":"CS-34-LRFQ","bodyId":%d,"actDate":"2025-06-01","circumstances":["FIRST_OFFENCE","MINOR_HARM","CORRECTED"]}"""
			.formatted(bodyId("芒市综合行政执法局")));
		var a = json(res.body());
		assertThat(a.get("tier").asString()).isEqualTo("NO_PENALTY");
		assertThat(a.get("reasoning").asString()).contains("首违不罚");
		var none = loggedIn("zhzf.zhifa").postJson("/api/v1/discretion/assessments", """
				{"violationCode":"NO-SUCH","bodyId":%d}""".formatted(bodyId("芒市综合行政执法局")));
		assertThat(none.statusCode()).isEqualTo(404);
	}

	@Test
	void countyRefinementCrossingThePrefectureRangeIsRefusedAndNothingChanges() {
		HttpSession admin = loggedIn("scj.admin");
		long id = countyFoodBenchmark();
		String body = admin.get("/api/v1/discretion/benchmarks/" + id).body();
		String form = editForm(body, "GENERAL", 6_000_000L, 9_000_000L);
		long records = recordCount();
		var res = admin.putJson("/api/v1/discretion/benchmarks/" + id, form);
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("errors").get("tiers").asString())
			.isEqualTo("“一般处罚”档的罚款上限90,000.00元超出了德宏傣族景颇族自治州州级基准同档上限75,000.00元");
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, id))
			.isEqualTo(7_000_000L);
		assertThat(recordCount()).isEqualTo(records);

		// within the range, but the benchmark is published and in force: not changed in place (it is revised), nothing written
		var inPlace = admin.putJson("/api/v1/discretion/benchmarks/" + id, editForm(body, "GENERAL", 6_000_000L, 6_500_000L));
		assertThat(inPlace.statusCode()).isEqualTo(422);
		assertThat(json(inPlace.body()).get("detail").asString()).contains("起施行，依据它办理的案件按其内容裁量", "不能直接修改", "修订");
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, id))
			.isEqualTo(7_000_000L);
		assertThat(recordCount()).isEqualTo(records);
	}

	@Test
	void aBenchmarkInForceIsRevisedByANewVersionAndStopsWhenTheRevisionTakesEffect() {
		HttpSession admin = loggedIn("scj.admin");
		LocalDate today = LocalDate.now(clock);
		// its own benchmark, in force from today (not the demo's, which other tests weigh cases against)
		String demo = admin.get("/api/v1/discretion/benchmarks/" + countyFoodBenchmark()).body();
		String own = editForm(demo, "GENERAL", 6_000_000L, 7_000_000L).replace("\"SP-124-TJJ\"", "\"SP-124-REV\"")
			.replaceFirst("\"effectiveFrom\":\"[0-9-]+\"", "\"effectiveFrom\":\"" + today + "\"")
			.replaceFirst("\"documentNumber\":(null|\"[^\"]*\")", "\"documentNumber\":\"芒市监规〔2026〕1号\"");
		var created = admin.postJson("/api/v1/discretion/benchmarks", own);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		String stored = admin.get("/api/v1/discretion/benchmarks/" + id).body();

		// the page offers a revision and says why it cannot be edited
		assertThat(admin.get("/discretion/" + id).body()).contains("id=\"revise\"", "id=\"in-force-note\"", "修改停止施行日期");
		assertThat(admin.get("/discretion/new?revises=" + id).body()).contains("id=\"revising\"", "修订裁量基准", "name=\"revises\"");
		// the same content saves (nothing to refuse); an amount typed as the pages print it is read; words are sent back marked
		String same = editForm(stored, "GENERAL", 6_000_000L, 7_000_000L);
		var unchanged = admin.putJson("/api/v1/discretion/benchmarks/" + id, same);
		assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
		long records = recordCount();
		var words = admin.postForm("/discretion/" + id, Map.of("_csrf", admin.csrf(), "tiers[0].minFineYuan", "5万"), "/discretion/" + id + "/edit");
		assertThat(words.statusCode()).isIn(302, 303);
		assertThat(admin.get("/discretion/" + id + "/edit").body()).contains("填写的格式不对，未保存（已在该栏下标出）", "tiers[0].minFineYuan",
				"应填写数字（如 50000 或 1234.50）");
		assertThat(recordCount()).isEqualTo(records);
		// indexes no form sends: a Chinese 400 page or nothing bound, never a 500, nothing saved
		assertThat(admin.postForm("/discretion", Map.of("_csrf", admin.csrf(), "violationCode", "X1", "tiers[300].conditions", "a")).statusCode()).isEqualTo(400);
		assertThat(admin.postForm("/discretion", Map.of("_csrf", admin.csrf(), "violationCode", "X1", "tiers[-1].conditions", "a")).statusCode()).isEqualTo(200);
		var rowWithoutTier = admin.postForm("/discretion", Map.of("_csrf", admin.csrf(), "violationCode", "X1", "tiers[0].tier", "", "tiers[7].conditions", "a"));
		assertThat(rowWithoutTier.statusCode()).isEqualTo(200);
		assertThat(rowWithoutTier.body()).contains("</html>");
		assertThat(recordCount()).isEqualTo(records);

		// a revision must be later and have its own 文号
		String revision = editForm(stored, "GENERAL", 6_000_000L, 6_500_000L).strip().replaceFirst("\\{", "{\"revises\":" + id + ",");
		var sameDay = admin.postJson("/api/v1/discretion/benchmarks", revision);
		assertThat(sameDay.statusCode()).isEqualTo(400);
		assertThat(json(sameDay.body()).get("errors").get("effectiveFrom").asString()).contains("修订版的施行日期应晚于原基准的施行日期");
		String later = revision.replaceFirst("\"effectiveFrom\":\"[0-9-]+\"", "\"effectiveFrom\":\"" + today.plusDays(10) + "\"");
		assertThat(json(admin.postJson("/api/v1/discretion/benchmarks", later).body()).get("errors").get("documentNumber").asString())
			.contains("请填写修订版的文号");
		assertThat(recordCount()).isEqualTo(records);
		var revised = admin.postJson("/api/v1/discretion/benchmarks", later.replace("芒市监规〔2026〕1号", "芒市监规〔2026〕2号"));
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(201);
		long next = json(revised.body()).get("id").asLong();
		// the old one stops the day the revision takes effect, recorded; each day is weighed against the one in force
		assertThat(jdbc.queryForObject("select effective_to from discretion_benchmark where id = ?", LocalDate.class, id)).isEqualTo(today.plusDays(10));
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'discretion_benchmark' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).endsWith("discretion.superseded");
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, next)).isEqualTo(6_500_000L);
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, id)).isEqualTo(7_000_000L);
		assertThat(admin.get("/discretion/" + id).body()).contains(today.plusDays(10) + " 起停止施行").doesNotContain("id=\"revise\"");
		// revised once, it is not revised again (two revisions overlapped, both in force): the current version is
		var again = admin.postJson("/api/v1/discretion/benchmarks", later.replace("芒市监规〔2026〕1号", "芒市监规〔2026〕3号")
			.replaceFirst("\"effectiveFrom\":\"[0-9-]+\"", "\"effectiveFrom\":\"" + today.plusDays(20) + "\""));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(json(again.body()).get("detail").asString()).contains("停止施行（或已有修订版）：请修订现行的版本");
		// an unpublished benchmark in force is weighed against too, and frozen as well
		String unpublished = editForm(demo, "GENERAL", 6_000_000L, 7_000_000L).replace("\"SP-124-TJJ\"", "\"SP-124-UNP\"")
			.replaceFirst("\"effectiveFrom\":\"[0-9-]+\"", "\"effectiveFrom\":\"" + today + "\"").replace("\"published\":true", "\"published\":false");
		long draft = json(admin.postJson("/api/v1/discretion/benchmarks", unpublished).body()).get("id").asLong();
		assertThat(admin.putJson("/api/v1/discretion/benchmarks/" + draft, editForm(admin.get("/api/v1/discretion/benchmarks/" + draft).body(), "GENERAL",
				6_000_000L, 6_500_000L).replace("\"published\":true", "\"published\":false")).statusCode()).isEqualTo(422);
		// the day it stops cannot be put before today
		String ended = same.replace("\"published\":true", "\"effectiveTo\":\"" + today.minusDays(1) + "\",\"published\":true");
		assertThat(admin.putJson("/api/v1/discretion/benchmarks/" + id, ended).statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select effective_to from discretion_benchmark where id = ?", LocalDate.class, id)).isEqualTo(today.plusDays(10));
	}

	@Test
	void narrowingAnUpperLevelBelowItsRefinementsIsRefused() {
		HttpSession admin = loggedIn("admin");
		long province = jdbc.queryForObject("select id from discretion_benchmark where violation_code = 'SP-124-TJJ' and level = 'PROVINCE'", Long.class);
		String body = admin.get("/api/v1/discretion/benchmarks/" + province).body();
		var res = admin.putJson("/api/v1/discretion/benchmarks/" + province, editForm(body, "GENERAL", 6_000_000L, 6_200_000L));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(res.body()).contains("下级“德宏傣族景颇族自治州州级基准”将超出修改后的基准");
	}

	@Test
	void onlyTheRightPeopleMaintainALevel() {
		long id = countyFoodBenchmark();
		String body = loggedIn("zhefang.admin").get("/api/v1/discretion/benchmarks/" + id).body();
		var province = loggedIn("scj.admin").postJson("/api/v1/discretion/benchmarks", body.replace("\"COUNTY\"", "\"PROVINCE\"").replace("\"regionId\":3", "\"regionId\":1"));
		assertThat(province.statusCode()).isEqualTo(422);
		assertThat(province.body()).contains("不能制定或修改省级裁量基准");
		assertThat(loggedIn("scj.zhifa").putJson("/api/v1/discretion/benchmarks/" + id, body).statusCode()).isEqualTo(403);
	}

	@Test
	void aCountyBenchmarkIsMaintainedOnlyByTheCountyDepartmentOfItsDomainAndEveryRefusalIsRecorded() {
		long litter = jdbc.queryForObject("select id from discretion_benchmark where violation_code = 'CS-34-LRFQ' and level = 'COUNTY'", Long.class);
		String stored = loggedIn("zhzf.zhifa").get("/api/v1/discretion/benchmarks/" + litter).body();
		long maxBefore = jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, litter);
		long minBefore = jdbc.queryForObject("select min_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, litter);
		String raised = editForm(stored, "GENERAL", minBefore, maxBefore - 100);

		// a township administrator: never, whatever the domain
		HttpSession township = loggedIn("zhefang.admin");
		var byTownship = township.putJson("/api/v1/discretion/benchmarks/" + litter, raised);
		assertThat(byTownship.statusCode()).isEqualTo(422);
		assertThat(json(byTownship.body()).get("detail").asString()).contains("县级裁量基准由芒市的该领域主管部门制定");
		// the market bureau: a county department, but not of the 市容 domain
		HttpSession market = loggedIn("scj.admin");
		var byMarket = market.putJson("/api/v1/discretion/benchmarks/" + litter, raised);
		assertThat(byMarket.statusCode()).isEqualTo(422);
		assertThat(json(byMarket.body()).get("detail").asString()).contains("不是芒市市场监督管理局的执法领域");
		// nor may it create a county benchmark of another domain, nor a supervisor issue one
		var other = market.postJson("/api/v1/discretion/benchmarks", raised.replace("CS-34-LRFQ", "CS-34-TEST"));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(loggedIn("jiandu").putJson("/api/v1/discretion/benchmarks/" + litter, raised).statusCode()).isEqualTo(422);
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, litter))
			.as("nothing changed").isEqualTo(maxBefore);
		assertThat(jdbc.queryForObject("select count(*) from discretion_benchmark where violation_code = 'CS-34-TEST'", Long.class)).isZero();
		assertThat(jdbc.queryForList("select summary from record_entry where subject_type = 'user' and subject_id = ? and action = 'access.refused'",
				String.class, String.valueOf(userId("zhefang.admin"))))
			.anySatisfy(summary -> assertThat(summary).contains("县级裁量基准"));
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'user' and subject_id = ? and action = 'access.refused'",
				Long.class, String.valueOf(userId("scj.admin")))).isGreaterThanOrEqualTo(2);
		// the platform administrator may: his change is not refused for who he is, only because the benchmark is in force (it is revised)
		HttpSession admin = loggedIn("admin");
		var byAdmin = admin.putJson("/api/v1/discretion/benchmarks/" + litter, editForm(stored, "GENERAL", minBefore, maxBefore - 100));
		assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(422);
		assertThat(json(byAdmin.body()).get("detail").asString()).contains("不能直接修改").doesNotContain("主管部门");
	}

	@org.springframework.beans.factory.annotation.Autowired
	BenchmarkExcel excel;

	@Test
	void excelImportSavesItemsUpperLevelFirstAndReportsRefusedOnesOnEveryRow() throws Exception {
		java.util.List<java.util.List<String>> rows = java.util.List.of(BenchmarkExcel.HEADERS,
				java.util.List.of("县级", "芒市", "XL-TEST", "导入测试违法行为", "市场监管", "产品质量法第五十条", "产品质量法第五十条", "", "2025-01-01", "一般处罚", "", "罚款", "1000", "3000", "", ""),
				java.util.List.of("省级", "云南省", "XL-TEST", "导入测试违法行为", "市场监管", "产品质量法第五十条", "产品质量法第五十条", "", "2025-01-01", "一般处罚", "", "罚款", "1000", "5000", "", ""),
				java.util.List.of("县级", "芒市", "XL-TEST2", "越界测试", "市场监管", "产品质量法第五十条", "产品质量法第五十条", "", "2025-01-01", "一般处罚", "", "罚款", "1000", "9000", "", ""),
				java.util.List.of("州级", "德宏傣族景颇族自治州", "XL-TEST2", "越界测试", "市场监管", "产品质量法第五十条", "产品质量法第五十条", "", "2025-01-01", "一般处罚", "", "罚款", "1000", "5000", "", ""),
				java.util.List.of("县级", "芒市", "XL-TEST3", "坏行", "天文", "x", "x", "", "2025-13-01", "很重", "", "打屁股", "", "", "", ""));
		byte[] file = zhifa.shared.Excel.workbook("基准", rows.get(0), rows.subList(1, rows.size()));
		var report = excel.importBenchmarks(new java.io.ByteArrayInputStream(file), f -> { });
		assertThat(report.created()).isEqualTo(3);
		assertThat(report.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(4, 6);
		assertThat(report.errors().get(0).message()).contains("罚款上限9,000.00元超出了德宏傣族景颇族自治州州级基准同档上限5,000.00元");
		assertThat(report.errors().get(1).message()).contains("天文").contains("阶次“很重”").contains("打屁股").contains("施行日期");
	}

	/** A JSON form for the API from the stored item, with one tier's fine range changed (amounts in yuan). */
	private static String editForm(String benchmarkJson, String tier, long minFen, long maxFen) {
		var b = json(benchmarkJson);
		StringBuilder tiers = new StringBuilder();
		for (var t : b.get("tiers")) {
			boolean target = t.get("tier").asString().equals(tier);
			long min = target ? minFen : t.get("minFine").asLong();
			long max = target ? maxFen : t.get("maxFine").asLong();
			if (tiers.length() > 0) {
				tiers.append(',');
			}
			tiers.append("{\"tier\":\"").append(t.get("tier").asString()).append("\",\"enabled\":true,\"conditions\":")
				.append(t.get("conditions").toString()).append(",\"types\":").append(t.get("types").toString())
				.append(",\"minFineYuan\":").append(min / 100).append(",\"maxFineYuan\":").append(max / 100).append('}');
		}
		return """
				{"level":"%s","regionId":%s,"violationCode":"%s","violation":%s,"domainCode":"%s","violatedArticle":%s,"penaltyArticle":%s,
				 "documentNumber":%s,"effectiveFrom":"%s","published":true,"tiers":[%s]}""".formatted(b.get("level").asString(),
				b.get("regionId").toString(), b.get("violationCode").asString(), b.get("violation").toString(), b.get("domainCode").asString(),
				b.get("violatedArticle").toString(), b.get("penaltyArticle").toString(), b.get("documentNumber").toString(),
				b.get("effectiveFrom").asString(), tiers);
	}

	@Test
	void leniencyItemsAndHearingThresholdsCanBeAddedOnThePage() {
		var bureau = loggedIn("jiandu");
		var form = new java.util.HashMap<String, String>();
		form.put("type", "NO_PENALTY");
		form.put("regionId", "3");
		form.put("violationCode", "cs-36-zd");
		form.put("matter", "首次擅自占道摆摊、当场改正的");
		form.put("legalBasis", "行政处罚法第三十三条第一款");
		form.put("required", "FIRST_OFFENCE");
		form.put("issuer", "芒市司法局");
		form.put("documentNumber", "芒司发〔2026〕9号");
		form.put("validFrom", "2026-01-01");
		form.put("_csrf", bureau.csrf());
		assertThat(bureau.postForm("/discretion/leniency/items", form).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select required from leniency_item where violation_code = 'CS-36-ZD'", String.class)).isEqualTo("FIRST_OFFENCE");
		assertThat(bureau.get("/discretion/leniency").body()).contains("首次擅自占道摆摊、当场改正的");
		form.remove("issuer");
		bureau.postForm("/discretion/leniency/items", form);
		assertThat(jdbc.queryForObject("select count(*) from leniency_item where violation_code = 'CS-36-ZD'", Long.class)).isEqualTo(1);
		// thresholds are set by the platform administrator only
		var threshold = new java.util.HashMap<>(java.util.Map.of("domainCode", "URBAN", "regionId", "3", "partyType", "ORGANIZATION",
				"amountYuan", "30000", "sourceDocument", "测试文件", "effectiveFrom", "2026-02-01", "_csrf", bureau.csrf()));
		assertThat(bureau.postForm("/discretion/leniency/thresholds", threshold).statusCode()).isEqualTo(403);
		var admin = loggedIn("admin");
		threshold.put("_csrf", admin.csrf());
		assertThat(admin.postForm("/discretion/leniency/thresholds", threshold).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select amount from hearing_threshold where source_document = '测试文件'", Long.class)).isEqualTo(3_000_000L);
		// the table names the domain as users know it, not by its code
		String table = admin.get("/discretion/leniency").body();
		assertThat(table).contains("<td>城市管理（综合行政执法）</td>").doesNotContain("<td>URBAN</td>", "<td>MARKET</td>");
	}

	/** A set bound by index ({@code roles[0]}) is no field of the form: a Chinese 400 page, nothing written. */
	@Test
	void aFieldTheFormDoesNotHaveIsA400() {
		HttpSession unitAdmin = loggedIn("scj.admin");
		long before = recordCount();
		assertThat(unitAdmin.postForm("/accounts", Map.of("_csrf", unitAdmin.csrf(), "roles[0]", "OFFICER")).statusCode()).isEqualTo(400);
		assertThat(recordCount()).isEqualTo(before);
	}
}
