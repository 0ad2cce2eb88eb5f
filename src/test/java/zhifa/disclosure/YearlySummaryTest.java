package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.disclosure.YearlyTables.Column;
import zhifa.disclosure.YearlyTables.Count;
import zhifa.disclosure.YearlyTables.Kind;
import zhifa.disclosure.YearlyTables.PenaltyTable;

/** 县级汇总 by hand: two bodies, one without penalty power, one with; 无此职权 only where no body has the power. */
class YearlySummaryTest {

	private static YearlyStatistics.Statistics body(String name, Long licensing, Long penalty, Long inspection, Map<Column, Long> columns, Long total,
			String money, int officers, int certified) {
		List<Count> counts = List.of(new Count(Kind.LICENSING, licensing), new Count(Kind.PENALTY, penalty), new Count(Kind.COERCION, null),
				new Count(Kind.LEVY, null), new Count(Kind.REQUISITION, null), new Count(Kind.INSPECTION, inspection));
		return new YearlyStatistics.Statistics(1, name, 2025, counts, new PenaltyTable(columns, total, money == null ? null : new BigDecimal(money)),
				null, officers, certified);
	}

	@Test
	void bodiesAddUpKindByKindAndColumnByColumn() {
		Map<Column, Long> market = new EnumMap<>(Column.class);
		for (Column c : Column.values()) {
			market.put(c, 0L);
		}
		market.put(Column.FINE, 3L);
		market.put(Column.WARNING, 1L);
		var a = body("市场监管局", 12L, 4L, 20L, market, 4L, "1.2500", 10, 9);
		var b = body("教育体育局", 5L, null, 3L, new EnumMap<>(Column.class), null, null, 6, 6);

		var sum = YearlyStatistics.sum("芒市汇总", 2025, List.of(a, b));

		assertThat(sum.counts()).extracting(Count::shown).containsExactly("17", "4", "无此职权", "无此职权", "无此职权", "23");
		assertThat(sum.penalties().noPower()).isFalse();
		assertThat(sum.penalties().byColumn().get(Column.FINE)).isEqualTo(3L);
		assertThat(sum.penalties().byColumn().get(Column.WARNING)).isEqualTo(1L);
		assertThat(sum.penalties().total()).isEqualTo(4L);
		assertThat(sum.penalties().money()).isEqualByComparingTo("1.25");
		assertThat(sum.officers()).isEqualTo(16);
		assertThat(sum.certified()).isEqualTo(15);
		assertThat(sum.certificateRate()).isEqualByComparingTo("93.8");
	}

	@Test
	void noBodyWithPenaltyPowerLeavesTheSummaryWithout() {
		var b = body("教育体育局", 5L, null, 3L, new EnumMap<>(Column.class), null, null, 0, 0);
		var sum = YearlyStatistics.sum("汇总", 2025, List.of(b));
		assertThat(sum.penalties().noPower()).isTrue();
		assertThat(sum.certificateRate()).isNull();
	}
}
