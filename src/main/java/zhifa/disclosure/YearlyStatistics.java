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
import zhifa.supervision.Ledger;

/**
 * A body's 年度行政执法数据 for a year ({@link YearlyTables}) from the supervision ledger — the platform's acts and those
 * other systems reported — with its powers from the catalogue in force at the year's end (today for the current year)
 * (or the acts themselves: a kind the body acted in that year is one it had) and its 持证率 from the officer module.
 */
@Service
public class YearlyStatistics {

	public record Statistics(long bodyId, String bodyName, int year, List<YearlyTables.Count> counts, YearlyTables.PenaltyTable penalties,
			BigDecimal certificateRate, int officers, int certified) {
	}

	/** A body's published tables: the figures as confirmed. */
	public record Published(long bodyId, String bodyName, int year, String figures, LocalDate publishedOn, String publishedBy) {
	}

	private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
	private final zhifa.record.FullProcessRecord record;
	private final zhifa.shared.BodyScopes scopes;
	private final Ledger ledger;
	private final Catalogues catalogues;
	private final Compliance compliance;
	private final Bodies bodies;
	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	YearlyStatistics(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, zhifa.record.FullProcessRecord record,
			zhifa.shared.BodyScopes scopes, Ledger ledger, Catalogues catalogues, Compliance compliance, Bodies bodies, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.record = record;
		this.scopes = scopes;
		this.ledger = ledger;
		this.catalogues = catalogues;
		this.compliance = compliance;
		this.bodies = bodies;
		this.clock = clock;
	}

	/** A body's tables of the year as the ledger stands now. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Statistics of(long bodyId, int year) {
		var body = bodies.get(DataScope.all(), bodyId);
		var figures = compliance.figures(DataScope.body(bodyId), year).stream().filter(f -> f.bodyId() == bodyId).findFirst();
		return statistics(bodyId, body.name(), year, ledger.yearTallies(bodyId, year), catalogueTypes(List.of(bodyId), year).get(bodyId), figures);
	}

	/** The day whose catalogue gives the year's powers: the year's end, today for the current year. */
	private java.util.Map<Long, Set<MatterType>> catalogueTypes(java.util.Collection<Long> bodyIds, int year) {
		LocalDate today = LocalDate.now(clock);
		return catalogues.typesPublishedOn(bodyIds, year >= today.getYear() ? today : LocalDate.of(year, 12, 31));
	}

	/**
	 * The tables from the acts and the catalogue: its powers from the catalogue in force, and the kinds the acts show (a
	 * catalogue published later, reported acts).
	 */
	private static Statistics statistics(long bodyId, String name, int year, List<zhifa.supervision.YearTally> tallies, Set<MatterType> catalogue,
			java.util.Optional<Compliance.BodyFigures> figures) {
		Set<YearlyTables.Kind> powers = EnumSet.noneOf(YearlyTables.Kind.class);
		if (catalogue != null) {
			catalogue.forEach(t -> {
				YearlyTables.Kind k = kind(t);
				if (k != null) {
					powers.add(k);
				}
			});
		}
		powers.addAll(YearlyTables.actedIn(tallies));
		return new Statistics(bodyId, name, year, YearlyTables.counts(tallies, powers, year),
				YearlyTables.penalties(tallies, powers.contains(YearlyTables.Kind.PENALTY), year), figures.map(Compliance.BodyFigures::certificateRate).orElse(null),
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

	/** The figures as one line each, the way they are kept and shown once published. */
	static String text(Statistics s) {
		StringBuilder b = new StringBuilder();
		s.counts().forEach(c -> b.append(c.kind().label()).append("：").append(c.shown()).append('\n'));
		if (s.penalties().noPower()) {
			b.append("行政处罚（按种类）：无此职权\n");
		}
		else {
			for (YearlyTables.Column c : YearlyTables.Column.values()) {
				b.append("行政处罚·").append(c.label()).append("：").append(s.penalties().byColumn().get(c)).append('\n');
			}
			b.append("行政处罚·合计：").append(s.penalties().total()).append('\n');
			b.append("罚没金额（万元）：").append(s.penalties().money().toPlainString()).append('\n');
		}
		b.append("持证率：").append(s.certificateRate() == null ? "—" : s.certificateRate() + "%（" + s.certified() + "/" + s.officers() + "）").append('\n');
		return b.toString();
	}

	/**
	 * The body's head or administrator confirms the tables of a finished year and publishes them (on the portal, for the
	 * report upward): the figures are kept as they stand now; once published they are not published again.
	 */
	@org.springframework.transaction.annotation.Transactional
	public Published publish(zhifa.shared.Operator op, long bodyId, int year) {
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) || op.bodyId() == null || op.bodyId() != bodyId) {
			throw new org.springframework.security.access.AccessDeniedException("年度行政执法数据由本单位负责人或单位管理员确认公开");
		}
		if (year >= LocalDate.now(clock).getYear()) {
			throw new zhifa.shared.BusinessRuleViolation(year + "年度尚未结束，年度数据在次年1月确认公开");
		}
		Statistics s = of(bodyId, year);
		String figures = text(s);
		int n = jdbc.update("""
				insert into disclosure_yearly (body_id, year, figures, published_on, published_by, created_at)
				values (:b, :y, to_jsonb(:f::text), :d, :by, now()) on conflict (body_id, year) do nothing""",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("b", bodyId).addValue("y", year).addValue("f", figures)
					.addValue("d", LocalDate.now(clock)).addValue("by", op.operatorName()));
		if (n == 0) {
			throw new zhifa.shared.BusinessRuleViolation(s.bodyName() + year + "年度行政执法数据已经公开");
		}
		LocalDate due = LocalDate.of(year + 1, 1, 31);
		boolean late = LocalDate.now(clock).isAfter(due);
		record.append(op, "body", bodyId, bodyId, "disclosure.yearly_published", "公开" + year + "年度行政执法数据" + (late ? "（超过 " + due + " 的期限）" : ""),
				java.util.Map.of("year", year, "late", late));
		events.publishEvent(new zhifa.supervision.YearlyDutyDone(bodyId, zhifa.supervision.YearlyDutyDone.Duty.STATISTICS, year));
		return published(bodyId, year).orElseThrow();
	}

	public java.util.Optional<Published> published(long bodyId, int year) {
		return jdbc.query("""
				select y.body_id, b.name, y.year, y.figures #>> '{}' as figures, y.published_on, y.published_by from disclosure_yearly y
				join body_view b on b.id = y.body_id where y.body_id = :b and y.year = :y""", java.util.Map.of("b", bodyId, "y", year),
				(rs, i) -> new Published(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.stream().findFirst();
	}

	/** Every published table of a year, for the portal. */
	public List<Published> publishedIn(int year) {
		return jdbc.query("""
				select y.body_id, b.name, y.year, y.figures #>> '{}' as figures, y.published_on, y.published_by from disclosure_yearly y
				join body_view b on b.id = y.body_id where y.year = :y order by b.name""", java.util.Map.of("y", year),
				(rs, i) -> new Published(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)));
	}

	/** The active bodies in the scope that have not published a year's tables (the supervisor's list after 31 January). */
	public List<String> notPublished(DataScope scope, int year) {
		java.util.Set<Long> done = new java.util.HashSet<>(jdbc.queryForList("select body_id from disclosure_yearly where year = :y",
				java.util.Map.of("y", year), Long.class));
		return bodies.choices(scope).stream().filter(b -> !done.contains(b.id()) && enforces(b)).map(zhifa.organization.EnforcementBody::name).toList();
	}

	/** The active bodies that have not published a year's tables, by id (the supervision alert). */
	public java.util.Set<Long> notPublishedIds(int year) {
		java.util.Set<Long> done = new java.util.HashSet<>(jdbc.queryForList("select body_id from disclosure_yearly where year = :y",
				java.util.Map.of("y", year), Long.class));
		java.util.Set<Long> missing = new java.util.TreeSet<>();
		bodies.choices(DataScope.all()).stream().filter(b -> !done.contains(b.id()) && enforces(b)).forEach(b -> missing.add(b.id()));
		return missing;
	}

	/** A body with an enforcement domain: one without (the government itself, a Party office the plan names) has no data to publish. */
	private static boolean enforces(zhifa.organization.EnforcementBody b) {
		return !b.domainCodes().isEmpty();
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

	/** The summary of the bodies in a scope (县级汇总): each body's tables and their sum. */
	public record Summary(int year, List<Statistics> bodies, Statistics total) {
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Summary summary(DataScope scope, String name, int year) {
		var chosen = bodies.choices(scope);
		List<Long> ids = chosen.stream().map(zhifa.organization.EnforcementBody::id).toList();
		// one read each for every body: the acts' tally (as of its last refresh), the catalogues, the staffing
		var tallies = ledger.yearTallies(ids, year);
		var types = catalogueTypes(ids, year);
		java.util.Map<Long, Compliance.BodyFigures> figures = new java.util.HashMap<>();
		compliance.figures(scope, year).forEach(f -> figures.put(f.bodyId(), f));
		List<Statistics> rows = chosen.stream().map(b -> statistics(b.id(), b.name(), year, tallies.getOrDefault(b.id(), List.of()), types.get(b.id()),
				java.util.Optional.ofNullable(figures.get(b.id())))).toList();
		return new Summary(year, rows, sum(name, year, rows));
	}

	/**
	 * The sum of bodies' tables: a kind counts where any body has the power (无此职权 only when none has), penalties
	 * column by column, the money in 万元, 持证率 over all officers.
	 */
	public static Statistics sum(String name, int year, List<Statistics> rows) {
		List<YearlyTables.Count> counts = new ArrayList<>();
		for (YearlyTables.Kind k : YearlyTables.Kind.values()) {
			Long total = null;
			for (Statistics r : rows) {
				for (YearlyTables.Count c : r.counts()) {
					if (c.kind() == k && c.count() != null) {
						total = (total == null ? 0 : total) + c.count();
					}
				}
			}
			counts.add(new YearlyTables.Count(k, total));
		}
		java.util.Map<YearlyTables.Column, Long> byColumn = new java.util.EnumMap<>(YearlyTables.Column.class);
		Long total = null;
		BigDecimal money = null;
		for (Statistics r : rows) {
			if (r.penalties().noPower()) {
				continue;
			}
			for (YearlyTables.Column c : YearlyTables.Column.values()) {
				byColumn.merge(c, r.penalties().byColumn().getOrDefault(c, 0L), Long::sum);
			}
			total = (total == null ? 0 : total) + r.penalties().total();
			money = (money == null ? BigDecimal.ZERO : money).add(r.penalties().money());
		}
		if (total != null) {
			for (YearlyTables.Column c : YearlyTables.Column.values()) {
				byColumn.putIfAbsent(c, 0L);
			}
		}
		int officers = rows.stream().mapToInt(Statistics::officers).sum();
		int certified = rows.stream().mapToInt(Statistics::certified).sum();
		BigDecimal rate = officers == 0 ? null
				: BigDecimal.valueOf(certified * 100L).divide(BigDecimal.valueOf(officers), 1, java.math.RoundingMode.HALF_UP);
		return new Statistics(0, name, year, counts, new YearlyTables.PenaltyTable(byColumn, total, money), rate, officers, certified);
	}

	/** The summary as a workbook: one row per body and the total, in the template's columns. */
	public byte[] excel(Summary summary) {
		List<String> headers = new ArrayList<>(List.of("执法主体", "年度"));
		for (YearlyTables.Kind k : YearlyTables.Kind.values()) {
			headers.add(k.label());
		}
		for (YearlyTables.Column c : YearlyTables.Column.values()) {
			headers.add("行政处罚·" + c.label());
		}
		headers.addAll(List.of("行政处罚·合计", "罚没金额（万元）", "持证率"));
		List<List<String>> rows = new ArrayList<>();
		java.util.stream.Stream.concat(summary.bodies().stream(), java.util.stream.Stream.of(summary.total())).forEach(s -> {
			List<String> row = new ArrayList<>(List.of(s.bodyName(), String.valueOf(s.year())));
			s.counts().forEach(c -> row.add(c.shown()));
			for (YearlyTables.Column c : YearlyTables.Column.values()) {
				row.add(s.penalties().noPower() ? "无此职权" : String.valueOf(s.penalties().byColumn().get(c)));
			}
			row.add(s.penalties().noPower() ? "无此职权" : String.valueOf(s.penalties().total()));
			row.add(s.penalties().noPower() ? "无此职权" : s.penalties().money().toPlainString());
			row.add(s.certificateRate() == null ? "—" : s.certificateRate() + "%");
			rows.add(row);
		});
		return Excel.workbook("汇总", headers, rows);
	}
}
