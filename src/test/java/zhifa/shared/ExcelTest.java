package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An imported cell is read without the invisible characters copying brings along (a NUL stopped an import midway). */
class ExcelTest {

	@Test
	void aCellIsReadWithoutControlsAndDirectionMarks() {
		assertThat(zhifa.shared.web.RequestLimits.visible("测试\u0000甲\u202eB\ufeff")).isEqualTo("测试甲B");
		assertThat(zhifa.shared.web.RequestLimits.visible("第一行\n第二行\t完")).isEqualTo("第一行\n第二行\t完");
		byte[] xlsx = Excel.workbook("人员", List.of("姓名", "地址"), List.of(List.of("测试\u200b甲", "遮放镇\u202e一号")));
		List<List<String>> rows = Excel.read(new ByteArrayInputStream(xlsx), 2);
		assertThat(rows.get(1)).containsExactly("测试甲", "遮放镇一号");
	}

	/** A formula cell is read as the value Excel shows for it, not as its text ("=1+1" had become a name "1+1"). */
	@Test
	void aFormulaIsReadAsItsValue() throws Exception {
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
			var row = wb.createSheet("人员").createRow(0);
			row.createCell(0).setCellFormula("1+1");
			row.createCell(1).setCellFormula("\"岗\"&\"位\"");
			wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			row.createCell(2).setCellFormula("A1*3");
			wb.write(out);
			assertThat(Excel.read(new ByteArrayInputStream(out.toByteArray()), 3).get(0)).containsExactly("2", "岗位", "");
		}
	}
}
