package zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.shared.Excel;
import zhifa.shared.Uscc;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** The 检查对象名录库: kept by administrators on pages and by Excel, looked up by every staff member, every change recorded. */
class InspectionObjectsIntegrationTest extends IntegrationTestBase {

	private static HttpResponse<String> post(HttpSession session, String path, Map<String, String> form) {
		Map<String, String> withToken = new HashMap<>(form);
		withToken.put("_csrf", session.csrf());
		return session.postForm(path, withToken);
	}

	private static String uscc(String first17) {
		return first17 + Uscc.checkCharacter(first17);
	}

	/** What a refusal must leave alone. */
	private List<Object> snapshot() {
		return List.of(jdbc.queryForList("select id, version, name, risk_class from insp_object order by id"),
				jdbc.queryForObject("select count(*) from insp_object_risk_change", Long.class),
				jdbc.queryForObject("select count(*) from record_entry where subject_type = 'insp_object'", Long.class));
	}

	private Map<String, String> form(String code, String name, String risk) {
		Map<String, String> f = new HashMap<>(Map.of("uscc", code, "name", name, "kind", "ENTERPRISE", "industry", "食品销售", "regionId",
				String.valueOf(jdbc.queryForObject("select id from org_region where name = '遮放镇'", Long.class)), "address", "遮放镇某路8号", "riskClass", risk));
		return f;
	}

	@Test
	void theImportTemplatesExampleRowWouldPassItsOwnChecks() throws Exception {
		byte[] bytes = loggedIn("scj.admin").getBytes("/inspection/objects/import/template.xlsx");
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var sample = wb.getSheetAt(0).getRow(1);
			// the example row is marked, and an import skips it (the officers' template's 张三 was imported as a real officer)
			assertThat(sample.getCell(0).getStringCellValue()).startsWith(Excel.SAMPLE);
			assertThat(Excel.read(new ByteArrayInputStream(bytes), 9).get(1)).allMatch(String::isEmpty);
			// the sample code had a wrong check character: imported as it came, the template's own row was refused
			assertThat(zhifa.shared.Uscc.problem(sample.getCell(0).getStringCellValue().substring(Excel.SAMPLE.length()))).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from org_region where code = ?", Long.class, sample.getCell(4).getStringCellValue())).isEqualTo(1);
		}
	}

	@Test
	void theDemoPoolIsThereAndEveryStaffMemberCanLookItUp() {
		assertThat(jdbc.queryForObject("select count(*) from insp_object where demo", Long.class)).isGreaterThanOrEqualTo(3_000);
		assertThat(jdbc.queryForObject("select count(distinct risk_class) from insp_object where demo", Long.class)).isEqualTo(4);
		assertThat(jdbc.queryForObject("select count(*) from insp_object o where demo and not exists "
				+ "(select 1 from insp_object_risk_change c where c.object_id = o.id)", Long.class)).isZero();
		var page = loggedIn("scj.zhifa").get("/inspection/objects?risk=D");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("检查对象名录库", "D类", "演示数据").doesNotContain("id=\"new-object\"");
		assertThat(loggedIn("scj.admin").get("/inspection/objects").body()).contains("id=\"new-object\"");
		// the form offers the industries in use (a task draws by the exact name)
		String industry = jdbc.queryForObject("select industry from insp_object order by id limit 1", String.class);
		assertThat(loggedIn("scj.admin").get("/inspection/objects/new").body()).contains("<option value=\"" + industry + "\">", "list=\"industries\"");
		assertThat(loggedIn("scj.zhifa").get("/inspection/objects?q=" + "x".repeat(101)).statusCode()).isIn(400, 422);
		assertThat(loggedIn("scj.zhifa").get("/inspection/objects?risk=E").statusCode()).isIn(400, 422);
		// the region filter takes the region's townships: 遮放镇's objects are 芒市's too
		long zhefang = jdbc.queryForObject("select id from org_region where name = '遮放镇'", Long.class);
		long mangshi = jdbc.queryForObject("select id from org_region where code = '533103'", Long.class);
		assertThat(loggedIn("scj.zhifa").get("/inspection/objects?regionId=" + mangshi).body()).contains("共");
		var rows = Excel.read(new ByteArrayInputStream(loggedIn("scj.zhifa").getBytes("/inspection/objects/export.xlsx?regionId=" + zhefang)), 9);
		assertThat(rows.size() - 1L).isEqualTo(jdbc.queryForObject("select count(*) from insp_object where region_id = ?", Long.class, zhefang));
	}

	@Test
	void anAdministratorAddsAndChangesAnObjectAndBadInputChangesNothing() {
		HttpSession admin = loggedIn("scj.admin");
		String code = uscc("91533103MA6T" + String.format("%05d", (int) (System.nanoTime() % 100_000)));

		// refused: an officer may not add; a bad check character; a control character in the name — nothing changes
		var before = snapshot();
		assertThat(post(loggedIn("scj.zhifa"), "/inspection/objects", form(code, "名录测试公司", "B")).statusCode()).isEqualTo(403);
		String bad = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
		post(admin, "/inspection/objects", form(bad, "名录测试公司", "B"));
		post(admin, "/inspection/objects", form(code, "名录\u0007测试公司", "B"));
		assertThat(snapshot()).isEqualTo(before);

		// added: the record and the first risk class with its basis; the earlier five-class word 较低 becomes A
		var created = post(admin, "/inspection/objects", form(code, "名录测试公司", "较低"));
		assertThat(created.statusCode()).isEqualTo(302);
		long id = jdbc.queryForObject("select id from insp_object where uscc = ?", Long.class, code);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/inspection/objects/" + id);
		assertThat(jdbc.queryForObject("select risk_class from insp_object where id = ?", String.class, id)).isEqualTo("A");
		assertThat(jdbc.queryForObject("select source from insp_object_risk_change where object_id = ?", String.class, id)).contains("原五级分类“较低”");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'insp_object' and subject_id = ?", String.class,
				String.valueOf(id))).containsExactly("inspection.object_created");
		// the same code again: refused
		before = snapshot();
		post(admin, "/inspection/objects", form(code, "另一个名称", "B"));
		assertThat(snapshot()).isEqualTo(before);

		// a new risk class needs its basis; a stale version changes nothing
		Map<String, String> change = form(code, "名录测试公司", "D");
		change.put("version", "0");
		before = snapshot();
		post(admin, "/inspection/objects/" + id, change);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(admin.get("/inspection/objects/" + id + "/edit").body()).contains("请填写分类依据");
		change.put("riskSource", "2026年度信用风险分类结果");
		change.put("version", "7");
		post(admin, "/inspection/objects/" + id, change);
		assertThat(snapshot()).isEqualTo(before);
		change.put("version", "0");
		assertThat(post(admin, "/inspection/objects/" + id, change).headers().firstValue("Location").orElseThrow()).endsWith("/inspection/objects/" + id);
		assertThat(jdbc.queryForList("select from_class || '>' || to_class from insp_object_risk_change where object_id = ? and from_class is not null",
				String.class, id)).containsExactly("A>D");
		var page = admin.get("/inspection/objects/" + id).body();
		assertThat(page).contains("D类（信用风险高）", "A → D", "2026年度信用风险分类结果");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'insp_object' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("inspection.object_created", "inspection.object_updated");
	}

	@Test
	void anExcelImportKeepsGoodRowsUpdatesKnownCodesAndReportsTheRest() {
		HttpSession admin = loggedIn("scj.admin");
		long n = System.nanoTime() % 10_000;
		String fresh = uscc("91533103MA6X" + String.format("%05d", n));
		String known = jdbc.queryForObject("select uscc from insp_object where demo and risk_class = 'A' order by id limit 1", String.class);
		List<List<String>> rows = List.of(
				List.of(fresh, "导入测试公司", "企业", "餐饮服务", "遮放镇", "遮放镇某路1号", "", "高", ""),
				List.of(known, "导入更新名称（演示）", "企业", "餐饮服务", "533103", "芒市某路2号", "", "C", "2026年度分类结果"),
				List.of(fresh, "重复行", "企业", "餐饮服务", "遮放镇", "某路", "", "B", ""),
				List.of(uscc("91533103MA6Y" + String.format("%05d", n)), "区划有误", "企业", "餐饮服务", "火星", "某路", "", "B", ""),
				List.of(uscc("91533103MA6U" + String.format("%05d", n)), "分类有误", "企业", "餐饮服务", "遮放镇", "某路", "", "E", ""));
		byte[] file = Excel.workbook("检查对象", zhifa.inspection.objects.InspectionObjects.HEADERS, rows);
		var res = admin.postMultipart("/inspection/objects/import", Map.of("_csrf", admin.csrf()), "file", "objects.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("保存 2 行（其中更新已有对象 1 个）", "3 行有错误未导入", "与第2行重复", "所属区划“火星”不存在", "信用风险分类应为");
		assertThat(jdbc.queryForObject("select risk_class from insp_object where uscc = ?", String.class, fresh)).isEqualTo("D");
		assertThat(jdbc.queryForMap("select name, risk_class from insp_object where uscc = ?", known)).containsEntry("name", "导入更新名称（演示）")
			.containsEntry("risk_class", "C");
		assertThat(jdbc.queryForObject("select count(*) from insp_object where name in ('区划有误', '分类有误', '重复行')", Long.class)).isZero();
		// the error report is the import sheet itself: the rejected rows as they were and the reason last; corrected, it imports
		var report = Excel.read(new ByteArrayInputStream(admin.getBytes("/inspection/objects/import/errors.xlsx")), 10);
		assertThat(report.get(0).subList(0, 9)).isEqualTo(zhifa.inspection.objects.InspectionObjects.HEADERS);
		assertThat(report).hasSize(4);
		assertThat(report.get(2).subList(1, 5)).containsExactly("区划有误", "企业", "餐饮服务", "火星");
		assertThat(report.get(2).get(9)).isEqualTo("第5行：所属区划“火星”不存在");
		List<List<String>> corrected = new java.util.ArrayList<>();
		report.subList(1, 4).forEach(r -> corrected.add(new java.util.ArrayList<>(r)));
		corrected.get(1).set(4, "遮放镇");
		var again = admin.postMultipart("/inspection/objects/import", Map.of("_csrf", admin.csrf()), "file", "corrected.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Excel.workbook("导入错误", report.get(0), corrected));
		assertThat(again.body()).contains("1 行有错误未导入", "信用风险分类应为");
		assertThat(jdbc.queryForObject("select count(*) from insp_object where name = '区划有误'", Long.class)).isEqualTo(1);
		// a unit administrator may import, an officer may not
		assertThat(loggedIn("scj.zhifa").postMultipart("/inspection/objects/import", Map.of(), "file", "objects.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file).statusCode()).isEqualTo(403);
	}
}
