package zhifa.supervision.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The seed plan as data: its 18 tasks and 三（四）, with the dates the plan names; a bad line is named. */
class ActionPlanTextTest {

	@Test
	void theSeedPlanHasItsEighteenTasksAndItsDates() throws IOException {
		var p = ActionPlanText.parse(new ClassPathResource("actionplan/mangshi-2023-2025.txt").getContentAsString(StandardCharsets.UTF_8));
		assertThat(p.code()).isEqualTo("MANGSHI-2023-2025");
		assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 29));
		assertThat(p.tasks()).hasSize(19);
		assertThat(p.tasks().stream().filter(t -> t.number() <= 18)).hasSize(18);
		var items = p.tasks().stream().flatMap(t -> t.items().stream()).toList();
		assertThat(items).anySatisfy(i -> {
			assertThat(i.measure()).isEqualTo(Measure.CAMPAIGN_LISTS);
			assertThat(i.due()).isEqualTo(LocalDate.of(2024, 3, 31));
		});
		assertThat(items).anySatisfy(i -> {
			assertThat(i.measure()).isEqualTo(Measure.CATALOGUES);
			assertThat(i.due()).isEqualTo(LocalDate.of(2024, 10, 31));
		});
		assertThat(items).anySatisfy(i -> {
			assertThat(i.title()).contains("乡镇（街道）权责清单");
			assertThat(i.due()).isEqualTo(LocalDate.of(2024, 11, 30));
		});
		assertThat(items).anySatisfy(i -> assertThat(i.measure() == Measure.EVALUATION_MIDTERM && i.due().equals(LocalDate.of(2024, 10, 31))).isTrue());
		assertThat(items).anySatisfy(i -> assertThat(i.measure() == Measure.EVALUATION_FINAL && i.due().equals(LocalDate.of(2025, 10, 31))).isTrue());
		assertThat(items).anySatisfy(i -> assertThat(i.title()).contains("2024年度行政执法监督工作计划"));
	}

	@Test
	void errorsNameTheirLines() {
		assertThatThrownBy(() -> ActionPlanText.parse("事项|x|2024-01-01|y|\n方案|A|t|i|2024-13-01|2024-01-01|2025-01-01\n任务|1|s|t|r\n事项|x|2024-01-01|y|NOPE\n"))
			.hasMessageContaining("第1行：“事项”应写在某个“任务”行之后").hasMessageContaining("第2行：日期应为").hasMessageContaining("第4行：平台数据“NOPE”不存在");
		assertThatThrownBy(() -> ActionPlanText.parse("任务|1|s|t|r\n")).hasMessageContaining("缺少“方案”行");
	}
}
