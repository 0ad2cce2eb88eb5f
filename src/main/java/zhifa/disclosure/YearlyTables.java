package zhifa.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import zhifa.supervision.YearTally;

/**
 * 年度行政执法数据 (RULES.md §4.1): a body's tables for a year from the ledger's acts — one per kind of enforcement; a
 * kind the body has no power for is 无此职权, not 0. The penalty table counts each decision once, under its most severe
 * type (行政处罚法第九条 in rising order), and adds the money: fines, confiscated gains and property, in 万元. Pure: the
 * acts (grouped by what the tables look at, {@link YearTally}) and the powers go in, the tables come out.
 */
public final class YearlyTables {

	/** The penalty table's columns, in rising severity, as the template has them. */
	public enum Column {
		WARNING("警告、通报批评"), FINE("罚款"), CONFISCATION("没收"), SUSPENSION("暂扣、降低资质"), REVOCATION("吊销"), RESTRICTION("限制生产经营"),
		CLOSURE("停产停业、关闭、限制从业"), DETENTION("拘留"), OTHER("其他");

		private final String label;

		Column(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		static Column of(String penaltyType) {
			return switch (penaltyType) {
				case "WARNING", "CRITICISM" -> WARNING;
				case "FINE" -> FINE;
				case "CONFISCATE_GAINS", "CONFISCATE_PROPERTY" -> CONFISCATION;
				case "SUSPEND_LICENCE", "DOWNGRADE" -> SUSPENSION;
				case "REVOKE_LICENCE" -> REVOCATION;
				case "RESTRICT_BUSINESS" -> RESTRICTION;
				case "SUSPEND_BUSINESS", "CLOSE", "RESTRICT_PRACTICE" -> CLOSURE;
				case "DETENTION" -> DETENTION;
				default -> OTHER;
			};
		}
	}

	/** The kinds of enforcement with a table each. */
	public enum Kind {
		LICENSING("行政许可"), PENALTY("行政处罚"), COERCION("行政强制"), LEVY("行政征收"), REQUISITION("行政征用"), INSPECTION("行政检查");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A kind's count for the year, or {@code null}: 无此职权. */
	public record Count(Kind kind, Long count) {

		public String shown() {
			return count == null ? "无此职权" : count.toString();
		}
	}

	/** The penalty table: decisions per column (each once), the total and the money in 万元; {@code null} counts: 无此职权. */
	public record PenaltyTable(Map<Column, Long> byColumn, Long total, BigDecimal money) {

		public boolean noPower() {
			return total == null;
		}
	}

	private YearlyTables() {
	}

	/** The most severe column of a decision's penalty types (其他 only when nothing else applies). */
	public static Column mostSevere(List<String> penaltyTypes) {
		Column worst = null;
		for (String t : penaltyTypes) {
			Column c = Column.of(t);
			if (c != Column.OTHER && (worst == null || c.ordinal() > worst.ordinal())) {
				worst = c;
			}
		}
		return worst == null ? Column.OTHER : worst;
	}

	public static PenaltyTable penalties(List<YearTally> tallies, boolean hasPower, int year) {
		if (!hasPower) {
			return new PenaltyTable(null, null, null);
		}
		Map<Column, Long> by = new LinkedHashMap<>();
		for (Column c : Column.values()) {
			by.put(c, 0L);
		}
		long total = 0;
		long fen = 0;
		for (YearTally t : tallies) {
			if (!penaltyDecidedIn(t, year)) {
				continue;
			}
			by.merge(mostSevere(t.penaltyTypes()), t.acts(), Long::sum);
			total += t.acts();
			fen += t.money();
		}
		return new PenaltyTable(by, total, BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP));
	}

	/** Every kind's count: penalty decisions, inspections carried out, coercive measures applied, and reported acts of the other kinds. */
	public static List<Count> counts(List<YearTally> tallies, Set<Kind> powers, int year) {
		List<Count> out = new ArrayList<>();
		for (Kind k : Kind.values()) {
			if (!powers.contains(k)) {
				out.add(new Count(k, null));
				continue;
			}
			long n = switch (k) {
				case PENALTY -> tallies.stream().filter(t -> penaltyDecidedIn(t, year)).mapToLong(YearTally::acts).sum();
				case INSPECTION -> tallies.stream().filter(t -> "INSPECTION".equals(t.kind()) && t.checkedYear() != null && t.checkedYear() == year)
					.mapToLong(YearTally::acts).sum();
				case COERCION -> tallies.stream().mapToLong(t -> t.acts() * t.measures().stream()
					.filter(m -> !"PRESERVATION".equals(m.kind()) && m.year() != null && m.year() == year).count()).sum()
						+ tallies.stream().filter(t -> "COERCION".equals(t.kind())).mapToLong(YearTally::acts).sum();
				default -> tallies.stream().filter(t -> k.name().equals(t.kind())).mapToLong(YearTally::acts).sum();
			};
			out.add(new Count(k, n));
		}
		return out;
	}

	/** The kinds the acts show the body had (a kind it acted in that year is one it had; a measure shows 行政强制). */
	public static Set<Kind> actedIn(List<YearTally> tallies) {
		Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
		for (YearTally t : tallies) {
			if (t.kind() != null && t.kind().startsWith("PENALTY")) {
				kinds.add(Kind.PENALTY);
			}
			for (Kind k : Kind.values()) {
				if (k.name().equals(t.kind())) {
					kinds.add(k);
				}
			}
			if (!t.measures().isEmpty()) {
				kinds.add(Kind.COERCION);
			}
		}
		return kinds;
	}

	static boolean penaltyDecidedIn(YearTally t, int year) {
		return t.kind() != null && t.kind().startsWith("PENALTY") && t.decidedYear() != null && t.decidedYear() == year
				&& "PENALTY".equals(t.decisionOutcome());
	}
}
