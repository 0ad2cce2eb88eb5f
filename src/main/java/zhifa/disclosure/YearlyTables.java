package zhifa.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import zhifa.supervision.ActReport;

/**
 * 年度行政执法数据 (RULES.md §4.1): a body's tables for a year from the ledger's acts — one per kind of enforcement; a
 * kind the body has no power for is 无此职权, not 0. The penalty table counts each decision once, under its most severe
 * type (行政处罚法第九条 in rising order), and adds the money: fines, confiscated gains and property, in 万元. Pure: the
 * acts and the powers go in, the tables come out.
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

	public static PenaltyTable penalties(List<ActReport> acts, boolean hasPower, int year) {
		if (!hasPower) {
			return new PenaltyTable(null, null, null);
		}
		Map<Column, Long> by = new LinkedHashMap<>();
		for (Column c : Column.values()) {
			by.put(c, 0L);
		}
		long total = 0;
		long fen = 0;
		for (ActReport a : acts) {
			if (!penaltyDecided(a) || a.decidedOn().getYear() != year) {
				continue;
			}
			by.merge(mostSevere(a.details().penaltyTypes()), 1L, Long::sum);
			total++;
			fen += nz(a.fine()) + nz(a.gains()) + nz(a.propertyValue());
		}
		return new PenaltyTable(by, total, BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP));
	}

	/** Every kind's count: penalty decisions, inspections carried out, coercive measures applied, and reported acts of the other kinds. */
	public static List<Count> counts(List<ActReport> acts, Set<Kind> powers, int year) {
		List<Count> out = new ArrayList<>();
		for (Kind k : Kind.values()) {
			if (!powers.contains(k)) {
				out.add(new Count(k, null));
				continue;
			}
			long n = switch (k) {
				case PENALTY -> acts.stream().filter(a -> penaltyDecided(a) && a.decidedOn().getYear() == year).count();
				case INSPECTION -> acts.stream().filter(a -> "INSPECTION".equals(a.kind()) && a.details().inspection() != null
						&& a.details().inspection().checkedOn() != null && a.details().inspection().checkedOn().getYear() == year).count();
				case COERCION -> acts.stream().mapToLong(a -> a.details().measures().stream()
					.filter(m -> !"PRESERVATION".equals(m.kind()) && m.appliedOn() != null && m.appliedOn().getYear() == year).count()).sum()
						+ acts.stream().filter(a -> "COERCION".equals(a.kind())).count();
				default -> acts.stream().filter(a -> k.name().equals(a.kind())).count();
			};
			out.add(new Count(k, n));
		}
		return out;
	}

	static boolean penaltyDecided(ActReport a) {
		return a.kind() != null && a.kind().startsWith("PENALTY") && a.decidedOn() != null && "PENALTY".equals(a.decisionOutcome());
	}

	private static long nz(Long v) {
		return v == null ? 0 : v;
	}
}
