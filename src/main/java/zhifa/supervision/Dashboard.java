package zhifa.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import zhifa.officer.Compliance;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.supervision.persistence.DashboardRows;

/**
 * The supervisor's figures over the ledger, for the bodies in his scope and one year: acts by stage and month, fines and
 * confiscations, handling time, the overdue rate, with 持证率 and training completion from the officer module. Every
 * figure has the rows behind it one click away ({@link #acts}).
 */
@Service
public class Dashboard {

	/** 行政处罚法第六十条: a decision within ninety days of filing (pauses aside — the ledger shows the plain span). */
	public static final int DECISION_DAYS = 90;

	/**
	 * One body's figures. Amounts in fen; rates in percent (null when there is nothing to divide by). {@code filed}: the
	 * filed cases the ninety days run for (decided after filing, or still undecided) — the overdue rate's base; acts that
	 * were never filed (inspections, on-the-spot decisions, clues) have no decision deadline. {@code challenged}:
	 * decisions brought to 行政复议 or 行政诉讼; {@code concluded}: of those, with an outcome; {@code corrected}: changed,
	 * revoked or confirmed illegal.
	 */
	public record BodyRow(long bodyId, String bodyName, String regionName, String regionPath, long acts, long decided, long penalties, long fines,
			long confiscations, BigDecimal averageDays, Integer longestDays, long filed, long overdue, BigDecimal certificateRate, BigDecimal trainingRate,
			long challenged, long concluded, long corrected) {

		public BigDecimal overdueRate() {
			return filed == 0 ? null : BigDecimal.valueOf(overdue * 100L).divide(BigDecimal.valueOf(filed), 1, RoundingMode.HALF_UP);
		}

		/** 纠错率: corrected among the challenges that have ended. */
		public BigDecimal correctedRate() {
			return concluded == 0 ? null : BigDecimal.valueOf(corrected * 100L).divide(BigDecimal.valueOf(concluded), 1, RoundingMode.HALF_UP);
		}
	}

	/** Acts of one month (by the date of their latest step), decided, and fines decided. */
	public record Month(String month, long acts, long decided, long fines) {
	}

	public record StageCount(String stage, String label, long count) {
	}

	public record Overview(int year, List<BodyRow> bodies, BodyRow total, List<Month> months, List<StageCount> stages, Heat alerts) {
	}

	/** Open alerts of a body under a rule. */
	public record AlertCell(long bodyId, String bodyName, String rule, long count, String regionPath) {
	}

	/**
	 * The heat-table of open alerts: rules (code, title) × bodies (id, name), each cell's count; bodies with alerts first.
	 */
	public record Heat(List<String> rules, List<String> ruleTitles, List<Long> bodyIds, List<String> bodyNames, Map<Long, Map<String, Long>> counts,
			Map<Long, String> regionPaths) {

		public long count(long bodyId, String rule) {
			return counts.getOrDefault(bodyId, Map.of()).getOrDefault(rule, 0L);
		}

		public long total(long bodyId) {
			return counts.getOrDefault(bodyId, Map.of()).values().stream().mapToLong(Long::longValue).sum();
		}

		public long max() {
			return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).max().orElse(0);
		}
	}

	private final DashboardRows rows;
	private final Compliance compliance;
	private final Clock clock;

	Dashboard(DashboardRows rows, Compliance compliance, Clock clock) {
		this.rows = rows;
		this.compliance = compliance;
		this.clock = clock;
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Overview overview(DataScope scope, int year) {
		LocalDate today = LocalDate.now(clock);
		Map<Long, Compliance.BodyFigures> people = new HashMap<>();
		compliance.figures(scope, year).forEach(f -> people.put(f.bodyId(), f));
		List<BodyRow> bodies = withPeople(rows.bodies(scope, year, today, DECISION_DAYS, null), people);
		Compliance.BodyFigures all = compliance.total(compliance.figures(scope, year));
		long acts = bodies.stream().mapToLong(BodyRow::acts).sum();
		long decided = bodies.stream().mapToLong(BodyRow::decided).sum();
		BodyRow total = new BodyRow(0, "合计", "", "", acts, decided, bodies.stream().mapToLong(BodyRow::penalties).sum(),
				bodies.stream().mapToLong(BodyRow::fines).sum(), bodies.stream().mapToLong(BodyRow::confiscations).sum(), rows.averageDays(scope, year),
				bodies.stream().map(BodyRow::longestDays).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null),
				bodies.stream().mapToLong(BodyRow::filed).sum(), bodies.stream().mapToLong(BodyRow::overdue).sum(), all.certificateRate(), all.trainingRate(),
				bodies.stream().mapToLong(BodyRow::challenged).sum(), bodies.stream().mapToLong(BodyRow::concluded).sum(),
				bodies.stream().mapToLong(BodyRow::corrected).sum());
		return new Overview(year, bodies, total, everyMonth(year, LocalDate.now(clock), rows.months(scope, year)), rows.stages(scope, year).stream()
			.map(s -> new StageCount(s.stage(), Stages.label(s.stage()), s.count())).toList(), heat(scope, bodies));
	}

	private Heat heat(DataScope scope, List<BodyRow> bodies) {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		java.util.Set<String> rules = new java.util.TreeSet<>();
		Map<Long, String> names = new HashMap<>();
		Map<Long, String> paths = new HashMap<>();
		for (AlertCell c : rows.openAlerts(scope)) {
			counts.computeIfAbsent(c.bodyId(), x -> new HashMap<>()).put(c.rule(), c.count());
			rules.add(c.rule());
			names.put(c.bodyId(), c.bodyName());
			paths.put(c.bodyId(), c.regionPath());
		}
		List<Long> ids = counts.keySet().stream()
			.sorted(java.util.Comparator.comparingLong((Long id) -> -counts.get(id).values().stream().mapToLong(Long::longValue).sum())).toList();
		List<String> codes = List.copyOf(rules);
		return new Heat(codes, codes.stream().map(zhifa.supervision.alert.AlertRules::title).toList(), ids, ids.stream().map(names::get).toList(), counts, paths);
	}

	/** One region's figures: the bodies of the region and the regions below it. */
	public record RegionRow(long regionId, String regionName, int bodies, long acts, long fines, long overdue, long openAlerts) {
	}

	/**
	 * The overview's bodies grouped by the regions right below {@code basePath} (bodies of the base region itself under
	 * {@code baseName}, "本级") — the middle level between a region and its bodies.
	 */
	public static List<RegionRow> byRegion(Overview o, String basePath, long baseId, String baseName, java.util.function.LongFunction<String> names) {
		java.util.function.Function<String, Long> regionOf = path -> {
			String rest = path == null || !path.startsWith(basePath) ? "" : path.substring(basePath.length());
			String first = rest.isEmpty() ? "" : rest.split("/")[0];
			return first.isEmpty() ? baseId : Long.parseLong(first);
		};
		Map<Long, List<BodyRow>> groups = new java.util.LinkedHashMap<>();
		for (BodyRow b : o.bodies()) {
			groups.computeIfAbsent(regionOf.apply(b.regionPath()), x -> new java.util.ArrayList<>()).add(b);
		}
		// open alerts by region over every body that has one, with acts this year or not (a duty not done, a certificate):
		// the column then adds up to the heat table and the home page
		Map<Long, Long> alerts = new HashMap<>();
		for (long body : o.alerts().bodyIds()) {
			long region = regionOf.apply(o.alerts().regionPaths().get(body));
			alerts.merge(region, o.alerts().total(body), Long::sum);
			groups.computeIfAbsent(region, x -> new java.util.ArrayList<>());
		}
		return groups.entrySet().stream().map(e -> new RegionRow(e.getKey(), e.getKey() == baseId ? baseName + "（本级）" : names.apply(e.getKey()),
				e.getValue().size(), e.getValue().stream().mapToLong(BodyRow::acts).sum(), e.getValue().stream().mapToLong(BodyRow::fines).sum(),
				e.getValue().stream().mapToLong(BodyRow::overdue).sum(), alerts.getOrDefault(e.getKey(), 0L)))
			.sorted(java.util.Comparator.comparingLong((RegionRow r) -> -r.acts())).toList();
	}

	/** One body's figures for the year (none when it has no acts that year). */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.Optional<BodyRow> body(DataScope scope, long bodyId, int year) {
		if (!rows.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		Map<Long, Compliance.BodyFigures> people = new HashMap<>();
		compliance.figures(DataScope.body(bodyId), year).forEach(f -> people.put(f.bodyId(), f));
		return withPeople(rows.bodies(DataScope.all(), year, LocalDate.now(clock), DECISION_DAYS, bodyId), people).stream().findFirst();
	}

	/**
	 * Recomputes every body's pre-aggregated figures — the monthly summary, the undecided tally, the yearly tally — in
	 * one transaction without the requests' statement timeout (after a bulk load, where it is cheaper than body by body).
	 * The schedules refresh only the bodies whose acts changed ({@link #refreshChanged()}).
	 */
	public void refresh() {
		rows.refreshAll();
	}

	/**
	 * Brings the figures up to every change of the ledger since, a thousand notes of changed months to a transaction
	 * (after a refresh running elsewhere, which it waits for). Returns the notes taken.
	 */
	public int refreshChanged() {
		int done = 0;
		int n;
		do {
			n = rows.refreshChangedBodies(1000);
			done += n;
		} while (n == 1000);
		return done;
	}

	private static List<BodyRow> withPeople(List<DashboardRows.BodyFigures> figures, Map<Long, Compliance.BodyFigures> people) {
		return figures.stream().map(b -> {
			Compliance.BodyFigures f = people.get(b.bodyId());
			return new BodyRow(b.bodyId(), b.bodyName(), b.regionName(), b.regionPath(), b.acts(), b.decided(), b.penalties(), b.fines(), b.confiscations(),
					b.averageDays(), b.longestDays(), b.filed(), b.overdue(), f == null ? null : f.certificateRate(), f == null ? null : f.trainingRate(), b.challenged(),
					b.concluded(), b.corrected());
		}).toList();
	}

	/** The acts behind a body's figures, newest first, one page of {@code size}. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public List<Act> acts(DataScope scope, long bodyId, int year, int page, int size) {
		if (!rows.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		return rows.acts(bodyId, year, page * size, size);
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public long actCount(long bodyId, int year) {
		return rows.actCount(bodyId, year);
	}

	/**
	 * The year's months up to today (all twelve for a past year) with a zero for a month without acts, so that a chart or a
	 * table of the year does not join two months across an empty one; a month with acts is kept whatever its date.
	 */
	static List<Month> everyMonth(int year, LocalDate today, List<Month> found) {
		int last = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
		java.util.TreeMap<String, Month> all = new java.util.TreeMap<>();
		for (int m = 1; m <= last; m++) {
			String key = String.format("%04d-%02d", year, m);
			all.put(key, new Month(key, 0, 0, 0));
		}
		found.forEach(m -> all.put(m.month(), m));
		return List.copyOf(all.values());
	}

	public List<Month> months(DataScope scope, long bodyId, int year) {
		if (!rows.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		return everyMonth(year, LocalDate.now(clock), rows.bodyMonths(bodyId, year));
	}

	/** One act, if its body lies in the scope. */
	public Act act(DataScope scope, long actId) {
		return rows.act(actId).filter(a -> rows.covers(scope, a.report().bodyId())).orElseThrow(() -> new NotFound("执法行为"));
	}
}
