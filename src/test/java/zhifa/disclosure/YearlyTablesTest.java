package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.disclosure.YearlyTables.Column;
import zhifa.disclosure.YearlyTables.Kind;
import zhifa.supervision.ActReport;

/** The yearly tables over a fixed set of acts, against tables computed by hand. */
class YearlyTablesTest {

	private static ActReport decision(String id, List<String> types, Long fine, Long gains, Long property) {
		return act(id, "PENALTY", "PENALTY", LocalDate.of(2025, 6, 1), fine, gains, property,
				new ActReport.Details(types, List.of(), null, false, false, false, List.of(), false, null));
	}

	private static ActReport act(String id, String kind, String outcome, LocalDate decided, Long fine, Long gains, Long property, ActReport.Details d) {
		return new ActReport("PLATFORM", id, 1, 1, kind, "M", "事项", null, "ORGANIZATION", "某公司", null, "U:1", null, "DECIDED",
				LocalDate.of(2025, 5, 1), null, null, null, null, null, false, false, false, false, false, decided, outcome, null, fine, gains, property, null,
				0, null, List.of(), 2, false, d);
	}

	@Test
	void eachDecisionCountsOnceUnderItsMostSevereTypeAndTheMoneyIsAddedUp() {
		List<ActReport> acts = List.of(
				// 警告 alone
				decision("1", List.of("WARNING"), null, null, null),
				// 罚款 5,000 yuan
				decision("2", List.of("FINE"), 500_000L, null, null),
				// 罚款 + 没收违法所得: 没收 (the more severe), 3,000 + 1,200 yuan
				decision("3", List.of("FINE", "CONFISCATE_GAINS"), 300_000L, 120_000L, null),
				// 罚款 + 吊销: 吊销, 20,000 yuan
				decision("4", List.of("REVOKE_LICENCE", "FINE"), 2_000_000L, null, null),
				// 通报批评 + 责令停产停业: 停产停业
				decision("5", List.of("CRITICISM", "SUSPEND_BUSINESS"), null, null, null),
				// 其他 alone
				decision("6", List.of("OTHER"), null, null, null),
				// 没收非法财物 valued 800 yuan
				decision("7", List.of("CONFISCATE_PROPERTY"), null, null, 80_000L),
				// not counted: decided in another year; decided not to penalise; a clue; an inspection
				act("11", "PENALTY", "PENALTY", LocalDate.of(2024, 12, 30), 100_000L, null, null,
						new ActReport.Details(List.of("FINE"), List.of(), null, false, false, false, List.of(), false, null)),
				act("8", "PENALTY", "NO_PENALTY", LocalDate.of(2025, 7, 1), null, null, null, ActReport.Details.NONE),
				act("9", "PENALTY", null, null, null, null, null, ActReport.Details.NONE),
				act("10", "INSPECTION", null, null, null, null, null, ActReport.Details.NONE.withInspection(
						new ActReport.Inspection(true, "某局", LocalDate.of(2025, 3, 3), null, null, List.of()))));
		var t = YearlyTables.penalties(acts, true, 2025);
		// by hand: 警告 1, 罚款 1, 没收 2 (3 and 7), 吊销 1, 停产停业 1, 其他 1; 7 decisions; 5,000 + 4,200 + 20,000 + 800 = 30,000 yuan = 3.00 万元
		assertThat(t.byColumn().values()).containsExactly(1L, 1L, 2L, 0L, 1L, 0L, 1L, 0L, 1L);
		assertThat(t.byColumn().keySet()).containsExactly(Column.values());
		assertThat(t.total()).isEqualTo(7);
		assertThat(t.money()).isEqualByComparingTo(new BigDecimal("3.00"));

		// a body with powers of penalty and inspection only: the other kinds are 无此职权, not 0
		var counts = YearlyTables.counts(acts, EnumSet.of(Kind.PENALTY, Kind.INSPECTION, Kind.COERCION), 2025);
		assertThat(counts).extracting(YearlyTables.Count::shown).containsExactly("无此职权", "7", "0", "无此职权", "无此职权", "1");
		assertThat(YearlyTables.penalties(acts, false, 2025).noPower()).isTrue();
	}

	@Test
	void theMostSevereTypeFollowsTheLawsOrder() {
		assertThat(YearlyTables.mostSevere(List.of("DETENTION", "FINE"))).isEqualTo(Column.DETENTION);
		assertThat(YearlyTables.mostSevere(List.of("DOWNGRADE", "CONFISCATE_GAINS"))).isEqualTo(Column.SUSPENSION);
		assertThat(YearlyTables.mostSevere(List.of("OTHER", "WARNING"))).isEqualTo(Column.WARNING);
		assertThat(YearlyTables.mostSevere(List.of())).isEqualTo(Column.OTHER);
	}
}
