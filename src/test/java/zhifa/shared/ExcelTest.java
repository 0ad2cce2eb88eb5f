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
}
