package zhifa.supervision;

import java.util.List;

/**
 * Acts of a body that count in a year, grouped by what the yearly tables look at: their kind and outcome, the year each
 * was decided (null: not decided), their penalty types, the year of their inspection (null: none), the kind and year of
 * each of their measures (a null year: not applied) — {@code acts} of them, with {@code money} (fines, confiscated
 * gains and property, in fen) added up.
 */
public record YearTally(String kind, String decisionOutcome, Integer decidedYear, List<String> penaltyTypes, Integer checkedYear,
		List<MeasureYear> measures, long acts, long money) {

	public record MeasureYear(String kind, Integer year) {
	}

	public YearTally {
		penaltyTypes = List.copyOf(penaltyTypes);
		measures = List.copyOf(measures);
	}
}
