package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** A catalogue from draft to published versions through the justice bureau's review, over real HTTP. */
class CatalogueIntegrationTest extends IntegrationTestBase {

	@Autowired
	Catalogues catalogues;

	@Autowired
	CatalogueExcel excel;

	private long matter(HttpSession s, long body, String code, String name, String basis) {
		var r = s.postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"%s","name":"%s","type":"PENALTY","domainCode":"HEALTH","basis":[%s]}""".formatted(body, code, name,
				basis == null ? "" : "\"" + basis + "\""));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json(r.body()).get("id").asLong();
	}

	private void review(HttpSession s, long submission, String code, boolean pass, String opinion) {
		var r = s.postJson("/api/v1/catalogues/submissions/" + submission + "/items/" + code + "/review", """
				{"legality":true,"reasonableness":%s,"necessity":true,"opinion":%s}""".formatted(pass, opinion == null ? "null" : "\"" + opinion + "\""));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	@Test
	void theReviewerIsToldWhichArticlesAnItemSharesWithAnotherBodysMatters() {
		long submission = jdbc.queryForObject("select s.id from catalogue_submission s join org_body b on b.id = s.body_id "
				+ "where b.name = '芒市综合行政执法局' and s.status = 'SUBMITTED' order by s.id desc limit 1", Long.class);
		String page = loggedIn("jiandu").get("/catalogues/submissions/" + submission).body();
		assertThat(page).contains("与其他单位的事项共用法条，请核实职责是否交叉", "食品安全法第一百二十二条：", "芒市市场监督管理局 SJ-CF-003“");
	}

	@Test
	void aCatalogueGoesFromDraftThroughReviewToNumberedVersionsThatNeverChange() {
		HttpSession admin = loggedIn("admin");
		HttpSession bureau = loggedIn("jiandu");
		long health = bodyId("芒市卫生健康局");
		long food = matter(admin, health, "WJ-CF-001", "对餐饮服务提供者未按规定制定食品安全事故处置方案的行政处罚", "食品安全法第一百二十六条");
		long none = matter(admin, health, "WJ-QT-001", "无依据的收费检查", null);

		// an item without legal basis can only be proposed for cancellation: it blocks the submission
		var blocked = admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{\"note\":\"首次编制\"}");
		assertThat(blocked.statusCode()).isEqualTo(422);
		assertThat(json(blocked.body()).get("detail").asString()).contains("WJ-QT-001", "只能提议取消");
		assertThat(admin.get("/api/v1/catalogues/cleanup").body()).contains("无依据的收费检查");
		assertThat(admin.postJson("/api/v1/matters/" + none + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"无法律依据，提议取消\"}").statusCode())
			.isEqualTo(200);
		// a draft does not take effect by itself
		assertThat(json(admin.postJson("/api/v1/matters/" + food + "/status", "{\"status\":\"ACTIVE\",\"reason\":\"生效\"}").body()).get("detail")
			.asString()).contains("报司法局备案审查");

		var submitted = admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{\"note\":\"首次编制\"}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		long first = json(submitted.body()).get("id").asLong();
		assertThat(admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{}").body()).contains("正在审查中");
		// only the justice bureau reviews, and nothing is published before every item is reviewed and passed
		assertThat(loggedIn("scj.admin").postJson("/api/v1/catalogues/submissions/" + first + "/items/WJ-CF-001/review",
				"{\"legality\":true,\"reasonableness\":true,\"necessity\":true}").statusCode()).isEqualTo(403);
		assertThat(json(bureau.postJson("/api/v1/catalogues/submissions/" + first + "/publish", "{}").body()).get("detail").asString())
			.contains("还有 1 个事项未审查");
		var noOpinion = bureau.postJson("/api/v1/catalogues/submissions/" + first + "/items/WJ-CF-001/review",
				"{\"legality\":true,\"reasonableness\":false,\"necessity\":true}");
		assertThat(json(noOpinion.body()).get("detail").asString()).isEqualTo("合理性审查不通过的，须填写审查意见");
		review(bureau, first, "WJ-CF-001", false, "事项名称与法条表述不一致");
		assertThat(json(bureau.postJson("/api/v1/catalogues/submissions/" + first + "/publish", "{}").body()).get("detail").asString())
			.contains("WJ-CF-001（合理性不通过）");
		assertThat(json(bureau.postJson("/api/v1/catalogues/submissions/" + first + "/return", "{\"opinion\":\"请按法条修改事项名称\"}").body())
			.get("status").asString()).isEqualTo("RETURNED");
		assertThat(catalogues.versions(DataScope.all(), health)).isEmpty();

		// the body corrects and submits again; the bureau passes it: version 1, and the draft takes effect
		assertThat(admin.putJson("/api/v1/matters/" + food, """
				{"bodyId":%d,"code":"WJ-CF-001","name":"对食品生产经营者未按规定制定食品安全事故处置方案的行政处罚","type":"PENALTY","domainCode":"HEALTH",
				 "basis":["食品安全法第一百二十六条"]}""".formatted(health)).statusCode()).isEqualTo(200);
		long second = json(admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{}").body()).get("id").asLong();
		review(bureau, second, "WJ-CF-001", true, null);
		var v1 = bureau.postJson("/api/v1/catalogues/submissions/" + second + "/publish", "{\"opinion\":\"同意发布\"}");
		assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
		assertThat(json(v1.body()).get("number").asInt()).isEqualTo(1);
		assertThat(json(admin.get("/api/v1/matters/" + food + "/history").body()).get(1).get("reason").asString()).isEqualTo("随执法事项目录第1版发布生效");
		assertThat(catalogues.inForce(health, food, LocalDate.now(clock))).isTrue();
		assertThat(admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{}").body()).contains("没有变化，无需报备");

		// an adjustment: renamed item and a new one → version 2 with a readable diff; version 1 stays as it was
		admin.putJson("/api/v1/matters/" + food, """
				{"bodyId":%d,"code":"WJ-CF-001","name":"对未按规定制定食品安全事故处置方案的行政处罚","type":"PENALTY","domainCode":"HEALTH",
				 "basis":["食品安全法第一百二十六条"]}""".formatted(health));
		matter(admin, health, "WJ-CF-002", "对未取得食品经营许可从事餐饮服务的行政处罚", "食品安全法第一百二十二条");
		assertThat(json(admin.get("/api/v1/catalogues/" + health).body()).get("pending").toString()).contains("WJ-CF-002");
		long third = json(admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{}").body()).get("id").asLong();
		review(bureau, third, "WJ-CF-001", true, null);
		review(bureau, third, "WJ-CF-002", true, null);
		bureau.postJson("/api/v1/catalogues/submissions/" + third + "/publish", "{}");
		var v2 = json(admin.get("/api/v1/catalogues/" + health + "/versions/2").body());
		assertThat(v2.get("changes").get("added").get(0).get("code").asString()).isEqualTo("WJ-CF-002");
		assertThat(v2.get("changes").get("changed").get(0).get("lines").get(0).asString())
			.isEqualTo("名称：对食品生产经营者未按规定制定食品安全事故处置方案的行政处罚 → 对未按规定制定食品安全事故处置方案的行政处罚");
		var v1Items = json(admin.get("/api/v1/catalogues/" + health + "/versions/1").body()).get("items");
		assertThat(v1Items).hasSize(1);
		assertThat(v1Items.get(0).get("name").asString()).isEqualTo("对食品生产经营者未按规定制定食品安全事故处置方案的行政处罚");
		// the next adjustment renames one item: the other, unchanged since version 2, keeps the review that passed it
		admin.putJson("/api/v1/matters/" + jdbc.queryForObject("select id from enforcement_matter where code = 'WJ-CF-002'", Long.class), """
				{"bodyId":%d,"code":"WJ-CF-002","name":"对未取得食品经营许可从事餐饮服务活动的行政处罚","type":"PENALTY","domainCode":"HEALTH",
				 "basis":["食品安全法第一百二十二条"]}""".formatted(health));
		long fourth = json(admin.postJson("/api/v1/catalogues/" + health + "/submissions", "{}").body()).get("id").asLong();
		assertThat(jdbc.queryForObject("select opinion from catalogue_submission_item where submission_id = ? and code = 'WJ-CF-001'", String.class, fourth))
			.startsWith("沿用第2版的审查结论");
		assertThat(jdbc.queryForObject("select legality is null from catalogue_submission_item where submission_id = ? and code = 'WJ-CF-002'", Boolean.class,
				fourth)).isTrue();
		assertThat(bureau.get("/catalogues/submissions/" + fourth).body()).contains("已审查 1 / 2 项");
		review(bureau, fourth, "WJ-CF-002", true, null);
		assertThat(bureau.get("/catalogues/submissions/" + fourth).body()).contains("已审查 2 / 2 项");
		// (taken back here: what follows is about versions 1 and 2)
		assertThat(admin.postJson("/api/v1/catalogues/submissions/" + fourth + "/withdraw", "{\"reason\":\"测试后撤回\"}").statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> jdbc.update("update catalogue_version_item set name = 'x' where matter_id = ?", food))
			.rootCause().hasMessageContaining("已发布的执法事项目录版本不得修改");
		assertThatThrownBy(() -> jdbc.update("delete from catalogue_version where body_id = ?", health)).rootCause().hasMessageContaining("不得修改或删除");

		// published catalogues are public; drafts and submissions are not
		var pub = new HttpSession(port).get("/api/v1/public/catalogues/" + health);
		assertThat(pub.statusCode()).isEqualTo(200);
		assertThat(json(pub.body()).get("version").get("number").asInt()).isEqualTo(2);
		assertThat(new HttpSession(port).get("/api/v1/catalogues/submissions/" + third).statusCode()).isIn(302, 401);
		assertThat(loggedIn("scj.admin").get("/api/v1/catalogues/submissions/" + third).statusCode()).isEqualTo(404);

		// every step is in the record
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'catalogue_submission' and subject_id = ? order by seq",
				String.class, String.valueOf(first))).containsExactly("catalogue.submitted", "catalogue.item_reviewed", "catalogue.returned");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where action = 'catalogue.published' and owner_body_id = ?", Long.class, health))
			.isEqualTo(2);

		// the pages a user clicks through
		assertThat(bureau.get("/catalogues/submissions/" + third).body()).contains("已发布", "第2版");
		assertThat(admin.get("/catalogues/" + health + "/versions/2").body()).contains("新增 1 项、调整 1 项", "名称：");
	}

	@Test
	void excelRoundTripUpdatesKnownCodesAddsNewOnesAndReportsBadRows() throws Exception {
		long agriculture = bodyId("芒市农业农村局");
		var rows = List.of(CatalogueExcel.HEADERS, List.of("NY-CF-001", "对生产经营掺杂掺假产品的行政处罚", "行政处罚", "农业农村", "否", "产品质量法第五十条", "", ""),
				List.of("NY-CF-002", "依据不存在的事项", "行政处罚", "农业农村", "否", "产品质量法第九百条", "", ""),
				List.of("NY-CF-003", "类别写错的事项", "行政罚款", "农业农村", "也许", "产品质量法第五十条", "", ""));
		var report = excel.importInto(DataScope.all(), agriculture, new ByteArrayInputStream(zhifa.shared.Excel.workbook("目录", rows.get(0), rows.subList(1, 4))));
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(3, 4);
		assertThat(report.errors().get(0).message()).contains("找不到现行有效的“产品质量法第九百条”");
		assertThat(report.errors().get(1).message()).contains("事项类别应为", "下放乡镇（街道）应填");
		// the same code again updates the matter instead of duplicating it
		var again = List.of(CatalogueExcel.HEADERS, List.of("NY-CF-001", "对在农产品中掺杂掺假的行政处罚", "处罚", "AGRICULTURE", "是", "产品质量法第五十条；产品质量法第四十九条", "np-1", ""));
		assertThat(excel.importInto(DataScope.all(), agriculture, new ByteArrayInputStream(zhifa.shared.Excel.workbook("目录", again.get(0), again.subList(1, 2))))
			.errors()).isEmpty();
		var matters = jdbc.queryForList("select name, township, violation_codes from enforcement_matter where body_id = ?", agriculture);
		assertThat(matters).hasSize(1);
		assertThat(matters.get(0)).containsEntry("name", "对在农产品中掺杂掺假的行政处罚").containsEntry("township", true).containsEntry("violation_codes", "NP-1");
		byte[] exported = excel.export(catalogues.working(DataScope.all(), agriculture), "工作稿");
		var read = zhifa.shared.Excel.read(new ByteArrayInputStream(exported), CatalogueExcel.HEADERS.size());
		assertThat(read.get(1)).containsExactly("NY-CF-001", "对在农产品中掺杂掺假的行政处罚", "行政处罚", "农业农村", "是", "产品质量法第五十条；产品质量法第四十九条", "NP-1", "草稿", "", "");

		// refused rows, nothing written for them: another body's code, a status that is none (a matter without basis is taken
		// in as a draft, which cannot be submitted until it is proposed for cancellation: the cleanup the plan asks for)
		var wrong = List.of(CatalogueExcel.HEADERS, List.of("SJ-CF-001", "照抄市场监管局编码的事项", "行政处罚", "农业农村", "否", "产品质量法第五十条", "", ""),
				List.of("NY-CF-010", "状态写错的事项", "行政处罚", "农业农村", "否", "产品质量法第五十条", "", "作废中"));
		var refused = excel.importInto(DataScope.all(), agriculture, new ByteArrayInputStream(zhifa.shared.Excel.workbook("目录", wrong.get(0), wrong.subList(1, 3))));
		assertThat(refused.created()).isZero();
		assertThat(refused.errors()).extracting(zhifa.shared.ImportReport.RowError::message).satisfiesExactly(
				m -> assertThat(m).contains("事项编码“SJ-CF-001”已是芒市市场监督管理局的事项"),
				m -> assertThat(m).contains("状态“作废中”应为", "导入不改变状态"));
		assertThat(jdbc.queryForObject("select count(*) from enforcement_matter where body_id = ?", Long.class, agriculture)).isEqualTo(1);
	}

	@Test
	void cleanUpCountsActivityFromCasesAndFindsArticlesSeveralBodiesRestOn() {
		// penalty cases answer the activity interface (the "not connected" state is covered by CatalogueDiffTest)
		var cleanup = json(loggedIn("jiandu").get("/api/v1/catalogues/cleanup").body());
		assertThat(cleanup.get("inactive").get("connected").asBoolean()).isTrue();
		assertThat(cleanup.get("inactive").get("sources").toString()).contains("行政处罚案件");
		// the demo matters took effect this year: none has been in force for five years, so none is proposed
		assertThat(cleanup.get("inactive").get("matters")).isEmpty();
		assertThat(cleanup.get("overlaps").toString()).contains("食品安全法第一百二十二条", "ZF-CF-003", "SJ-CF-003");
		assertThat(loggedIn("jiandu").get("/matters/cleanup").body()).contains("数据来源：行政处罚案件");
	}
}
