package zhifa.disclosure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import zhifa.catalog.Catalogues;
import zhifa.catalog.MatterType;
import zhifa.officer.Compliance;
import zhifa.organization.Bodies;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/**
 * A body's 年度行政执法数据 for a year ({@link YearlyTables}) from the supervision ledger — the platform's acts and those
 * other systems reported — with its powers from the catalogue in force at the year's end (today for the current year)
 * and its 持证率 from the officer module.
 */
@Service
public class YearlyStatistics {

	public record Statistics(long bodyId, String bodyName, int year, List<YearlyTables.Count> counts, YearlyTables.PenaltyTable penalties,
			BigDecimal certificateRate, int officers, int certified) {
	}

	private final Ledger ledger;
	private final Catalogues catalogues;
	private final Compliance compliance;
	private final Bodies bodies;
	private final Clock clock;

	YearlyStatistics(Ledger ledger, Catalogues catalogues, Compliance compliance, Bodies bodies, Clock clock) {
		this.ledger = ledger;
		this.catalogues = catalogues;
		this.compliance = compliance;
		this.bodies = bodies;
		this.clock = clock;
	}

	public Statistics of(long bodyId, int year) {
		var body = bodies.get(DataScope.all(), bodyId);
		LocalDate today = LocalDate.now(clock);
		LocalDate asOf = year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
		Set<YearlyTables.Kind> powers = EnumSet.noneOf(YearlyTables.Kind.class);
		catalogues.publishedOn(bodyId, asOf).ifPresent(v -> catalogues.entries(v.id()).forEach(e -> {
			YearlyTables.Kind k = kind(e.type());
			if (k != null) {
				powers.add(k);
			}
		}));
		List<ActReport> acts = ledger.ofBodyInYear(bodyId, year).stream().map(Act::report).toList();
		var figures = compliance.figures(DataScope.body(bodyId), year).stream().filter(f -> f.bodyId() == bodyId).findFirst();
		return new Statistics(bodyId, body.name(), year, YearlyTables.counts(acts, powers, year),
				YearlyTables.penalties(acts, powers.contains(YearlyTables.Kind.PENALTY)), figures.map(Compliance.BodyFigures::certificateRate).orElse(null),
				figures.map(Compliance.BodyFigures::officers).orElse(0), figures.map(Compliance.BodyFigures::certified).orElse(0));
	}

	private static YearlyTables.Kind kind(MatterType t) {
		return switch (t) {
			case LICENSING -> YearlyTables.Kind.LICENSING;
			case PENALTY -> YearlyTables.Kind.PENALTY;
			case COERCION -> YearlyTables.Kind.COERCION;
			case LEVY -> YearlyTables.Kind.LEVY;
			case REQUISITION -> YearlyTables.Kind.REQUISITION;
			case INSPECTION -> YearlyTables.Kind.INSPECTION;
			default -> null;
		};
	}

	/** The tables as a workbook in the template's layout (one sheet of kinds, one of penalties by type). */
	public byte[] excel(Statistics s) {
		List<List<String>> kinds = new ArrayList<>();
		s.counts().forEach(c -> kinds.add(List.of(s.bodyName(), String.valueOf(s.year()), c.kind().label(), c.shown())));
		kinds.add(List.of(s.bodyName(), String.valueOf(s.year()), "持证率", s.certificateRate() == null ? "—" : s.certificateRate() + "%"));
		List<String> headers = new ArrayList<>(List.of("执法主体", "年度"));
		List<String> row = new ArrayList<>(List.of(s.bodyName(), String.valueOf(s.year())));
		for (YearlyTables.Column c : YearlyTables.Column.values()) {
			headers.add(c.label());
			row.add(s.penalties().noPower() ? "无此职权" : String.valueOf(s.penalties().byColumn().get(c)));
		}
		headers.add("合计");
		row.add(s.penalties().noPower() ? "无此职权" : String.valueOf(s.penalties().total()));
		headers.add("罚没金额（万元）");
		row.add(s.penalties().noPower() ? "无此职权" : s.penalties().money().toPlainString());
		return Excel.workbook(List.of(new Excel.SheetData("执法数据", List.of("执法主体", "年度", "类别", "数量"), kinds),
				new Excel.SheetData("行政处罚", headers, List.of(row))));
	}
}
