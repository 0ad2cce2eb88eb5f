package zhifa.officer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/**
 * The staffing and compliance picture for the justice bureau (方案任务2、4、16): per body the certificate-holding rate
 * (持证率 = officers in enforcement posts with a valid certificate ÷ officers in enforcement posts), training completion,
 * supervision staff against the target range and legal reviewers against a share of officers.
 */
@Service
public class Compliance {

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Training training;
	private final Clock clock;

	Compliance(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Training training, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.training = training;
		this.clock = clock;
	}

	/** Staffing targets (editable settings). */
	public record Targets(int supervisionMin, int supervisionMax, int supervisionMinSupervisory, int supervisionMaxSupervisory,
			BigDecimal legalReviewerShare) {
	}

	public Targets targets() {
		Map<String, BigDecimal> v = new HashMap<>();
		jdbc.query("select key, value from staffing_setting", rs -> {
			v.put(rs.getString(1), rs.getBigDecimal(2));
		});
		return new Targets(v.getOrDefault("supervision_min", BigDecimal.ONE).intValue(), v.getOrDefault("supervision_max", BigDecimal.valueOf(2)).intValue(),
				v.getOrDefault("supervision_min_supervisory", BigDecimal.valueOf(2)).intValue(),
				v.getOrDefault("supervision_max_supervisory", BigDecimal.valueOf(3)).intValue(),
				v.getOrDefault("legal_reviewer_share", new BigDecimal("0.05")));
	}

	/** One body's figures. */
	public record BodyFigures(long bodyId, String bodyName, String regionName, boolean supervisory, int officers, int certified,
			int trainingComplete, int supervisionStaff, int supervisionMin, int supervisionMax, int legalReviewers,
			int legalReviewersTarget, int auxiliary) {

		public BigDecimal certificateRate() {
			return rate(certified, officers);
		}

		public BigDecimal trainingRate() {
			return rate(trainingComplete, officers);
		}

		/** No officer entered yet: the gaps below are not judged until the body has entered its staff. */
		public boolean noStaffEntered() {
			return officers == 0 && supervisionStaff == 0 && legalReviewers == 0;
		}

		public boolean supervisionGap() {
			return !noStaffEntered() && (supervisionStaff < supervisionMin || supervisionStaff > supervisionMax);
		}

		public boolean reviewerGap() {
			return legalReviewers < legalReviewersTarget;
		}

		private static BigDecimal rate(int part, int whole) {
			return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
		}
	}

	/** One officer in a body's drill-down. */
	public record OfficerLine(Officer officer, Certificate certificate, boolean certified, TrainingHours hours) {
	}

	/**
	 * Officer {@code o} held a valid certificate on {@code :day}: its dates cover the day, and its status on that day by
	 * its history — the last change in force by then, as {@link Certificates#statusOn} reads it — was 有效. A certificate
	 * suspended on the day does not count; one valid then and expired, revoked or suspended since does.
	 */
	static final String CERTIFIED_ON = """
			exists (select 1 from certificate c where c.officer_id = o.id and c.valid_from <= :day and c.valid_to >= :day
			  and (select e.to_status from certificate_event e where e.certificate_id = c.id and e.effective_date <= :day
			    order by e.effective_date desc, e.id desc limit 1) = 'VALID')""";

	/**
	 * The day a year's 持证率 is counted on: today for this year, 31 December for a past one (the roster is today's: who
	 * has left since is not counted).
	 */
	public LocalDate countedOn(int year) {
		LocalDate today = LocalDate.now(clock);
		return year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
	}

	public List<BodyFigures> figures(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		String condition = scopes.sqlCondition(scope, "b.id", p);
		p.put("day", countedOn(year));
		List<Map<String, Object>> bodies = jdbc.queryForList("""
				select b.id, b.name, r.name as region_name, b.supervisory,
				  count(o.id) filter (where o.status = 'ON_DUTY' and o.staffing_type <> 'AUXILIARY') as officers,
				  count(o.id) filter (where o.status = 'ON_DUTY' and o.staffing_type <> 'AUXILIARY' and (o.police or """ + " " + CERTIFIED_ON + """
				    )) as certified,
				  count(o.id) filter (where o.status = 'ON_DUTY' and o.supervision_staff) as supervision_staff,
				  count(o.id) filter (where o.status = 'ON_DUTY' and o.legal_reviewer) as legal_reviewers,
				  count(o.id) filter (where o.status = 'ON_DUTY' and o.staffing_type = 'AUXILIARY') as auxiliary
				from body_view b join region_view r on r.id = b.region_id left join officer o on o.body_id = b.id
				where b.status = 'ACTIVE' and """ + " " + condition
				+ " group by b.id, b.name, r.name, r.path, b.supervisory order by r.path, b.supervisory desc, b.name", p);
		List<Long> inPost = jdbc.queryForList("select o.id from officer o join body_view b on b.id = o.body_id where o.status = 'ON_DUTY' "
				+ "and o.staffing_type <> 'AUXILIARY' and " + condition, p, Long.class);
		Map<Long, TrainingHours> hours = training.hours(inPost, year);
		Map<Long, Integer> completeByBody = new HashMap<>();
		if (!inPost.isEmpty()) {
			jdbc.query("select id, body_id from officer where id in (:ids)", Map.of("ids", inPost), rs -> {
				if (hours.get(rs.getLong(1)).complete()) {
					completeByBody.merge(rs.getLong(2), 1, Integer::sum);
				}
			});
		}
		Targets t = targets();
		List<BodyFigures> out = new ArrayList<>();
		for (Map<String, Object> b : bodies) {
			long id = ((Number) b.get("id")).longValue();
			boolean supervisory = (Boolean) b.get("supervisory");
			int officers = ((Number) b.get("officers")).intValue();
			int reviewersTarget = officers == 0 ? 0
					: Math.max(1, t.legalReviewerShare().multiply(BigDecimal.valueOf(officers)).setScale(0, RoundingMode.CEILING).intValue());
			out.add(new BodyFigures(id, (String) b.get("name"), (String) b.get("region_name"), supervisory, officers,
					((Number) b.get("certified")).intValue(), completeByBody.getOrDefault(id, 0),
					((Number) b.get("supervision_staff")).intValue(), supervisory ? t.supervisionMinSupervisory() : t.supervisionMin(),
					supervisory ? t.supervisionMaxSupervisory() : t.supervisionMax(), ((Number) b.get("legal_reviewers")).intValue(),
					reviewersTarget, ((Number) b.get("auxiliary")).intValue()));
		}
		return out;
	}

	/** Totals over the bodies given. */
	public BodyFigures total(List<BodyFigures> bodies) {
		return new BodyFigures(0, "合计", "", false, bodies.stream().mapToInt(BodyFigures::officers).sum(),
				bodies.stream().mapToInt(BodyFigures::certified).sum(), bodies.stream().mapToInt(BodyFigures::trainingComplete).sum(),
				bodies.stream().mapToInt(BodyFigures::supervisionStaff).sum(), bodies.stream().mapToInt(BodyFigures::supervisionMin).sum(),
				bodies.stream().mapToInt(BodyFigures::supervisionMax).sum(), bodies.stream().mapToInt(BodyFigures::legalReviewers).sum(),
				bodies.stream().mapToInt(BodyFigures::legalReviewersTarget).sum(), bodies.stream().mapToInt(BodyFigures::auxiliary).sum());
	}

	/** The people behind one body's figures. */
	public List<OfficerLine> drillDown(DataScope scope, long bodyId, int year, Officers officers, Certificates certificates) {
		if (!scopes.covers(scope, bodyId)) {
			throw new zhifa.shared.NotFound("执法主体");
		}
		List<Officer> list = new ArrayList<>();
		int page = 0;
		zhifa.shared.Page<Officer> p;
		do {
			p = officers.search(scope, new Officers.Query(null, bodyId, OfficerStatus.ON_DUTY, null), page++, 100);
			list.addAll(p.items());
		} while (p.hasNext());
		Map<Long, TrainingHours> hours = training.hours(list.stream().map(Officer::id).toList(), year);
		java.util.Set<Long> certifiedOn = new java.util.HashSet<>();
		if (!list.isEmpty()) {
			certifiedOn.addAll(jdbc.queryForList("select o.id from officer o where o.id in (:ids) and " + CERTIFIED_ON,
					Map.of("ids", list.stream().map(Officer::id).toList(), "day", countedOn(year)), Long.class));
		}
		Map<Long, Certificate> live = new HashMap<>();
		if (!list.isEmpty()) {
			jdbc.query(Certificates.SELECT + " where c.officer_id in (:ids) and c.status in ('VALID','SUSPENDED','EXPIRED') order by c.id",
					Map.of("ids", list.stream().map(Officer::id).toList()), rs -> {
						Certificate c = Certificates.row(rs);
						live.put(c.officerId(), c);
					});
		}
		return list.stream().map(o -> {
			Certificate c = live.get(o.id());
			boolean certified = o.police() || certifiedOn.contains(o.id());
			return new OfficerLine(o, c, certified, hours.get(o.id()));
		}).toList();
	}

	/** After the completion date (default 30 June) of the year, whether below-target officers are to be listed. */
	public boolean pastCompletionDue(int year) {
		return LocalDate.now(clock).isAfter(training.completionDue(year));
	}
}
