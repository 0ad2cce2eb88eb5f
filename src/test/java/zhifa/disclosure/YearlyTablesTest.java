package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.disclosure.YearlyTables.Column;
import zhifa.disclosure.YearlyTables.Kind;
import zhifa.supervision.YearTally;

/** The yearly tables over a fixed set of acts, against tables computed by hand. */
class YearlyTablesTest {

	/** One act decided in 2025 with its types and money (fen). */
	private static YearTally decision(List<String> types, long money) {
		return new YearTally("PENALTY", "PENALTY", 2025, types, null, List.of(), 1, money);
	}

	@Test
	void eachDecisionCountsOnceUnderItsMostSevereTypeAndTheMoneyIsAddedUp() {
		List<YearTally> acts = List.of(
				// 警告 alone
				decision(List.of("WARNING"), 0),
				// 罚款 5,000 yuan
				decision(List.of("FINE"), 500_000L),
				// 罚款 + 没收违法所得: 没收 (the more severe), 3,000 + 1,200 yuan
				decision(List.of("FINE", "CONFISCATE_GAINS"), 420_000L),
				// 罚款 + 吊销: 吊销, 20,000 yuan
				decision(List.of("REVOKE_LICENCE", "FINE"), 2_000_000L),
				// 通报批评 + 责令停产停业: 停产停业
				decision(List.of("CRITICISM", "SUSPEND_BUSINESS"), 0),
				// 其他 alone
				decision(List.of("OTHER"), 0),
				// 没收非法财物 valued 800 yuan
				decision(List.of("CONFISCATE_PROPERTY"), 80_000L),
				// not counted: decided in another year; decided not to penalise; a clue; an inspection
				new YearTally("PENALTY", "PENALTY", 2024, List.of("FINE"), null, List.of(), 1, 100_000L),
				new YearTally("PENALTY", "NO_PENALTY", 2025, List.of(), null, List.of(), 1, 0),
				new YearTally("PENALTY", null, null, List.of(), null, List.of(), 1, 0),
				new YearTally("INSPECTION", null, null, List.of(), 2025, List.of(), 1, 0));
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
	void aGroupOfEqualActsCountsAsManyAndMeasuresCountInTheYearTheyWereApplied() {
		var measures = List.of(new YearTally.MeasureYear("SEAL", 2025), new YearTally.MeasureYear("SEIZE", 2024),
				new YearTally.MeasureYear("PRESERVATION", 2025), new YearTally.MeasureYear("SEAL", null));
		List<YearTally> acts = List.of(new YearTally("PENALTY", "PENALTY", 2025, List.of("FINE"), null, measures, 3, 1_500_000L),
				new YearTally("COERCION", null, null, List.of(), null, List.of(), 2, 0), new YearTally("LICENSING", null, null, List.of(), null, List.of(), 4, 0));
		// three decisions of 罚款, 15,000 yuan together
		var t = YearlyTables.penalties(acts, true, 2025);
		assertThat(t.byColumn().get(Column.FINE)).isEqualTo(3);
		assertThat(t.money()).isEqualByComparingTo(new BigDecimal("1.50"));
		// 行政强制: one measure applied in 2025 on each of the three (not the 2024 one, not 先行登记保存, not one not applied) and two reported
		assertThat(YearlyTables.counts(acts, EnumSet.allOf(Kind.class), 2025)).extracting(YearlyTables.Count::shown)
			.containsExactly("4", "3", "5", "0", "0", "0");
		// the acts show penalty, coercion (a measure, and the reported kind) and licensing
		assertThat(YearlyTables.actedIn(acts)).containsExactlyInAnyOrder(Kind.PENALTY, Kind.COERCION, Kind.LICENSING);
	}

	@Test
	void theMostSevereTypeFollowsTheLawsOrder() {
		assertThat(YearlyTables.mostSevere(List.of("DETENTION", "FINE"))).isEqualTo(Column.DETENTION);
		assertThat(YearlyTables.mostSevere(List.of("DOWNGRADE", "CONFISCATE_GAINS"))).isEqualTo(Column.SUSPENSION);
		assertThat(YearlyTables.mostSevere(List.of("OTHER", "WARNING"))).isEqualTo(Column.WARNING);
		assertThat(YearlyTables.mostSevere(List.of())).isEqualTo(Column.OTHER);
	}
}
