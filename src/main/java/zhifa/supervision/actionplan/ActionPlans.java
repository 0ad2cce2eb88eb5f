package zhifa.supervision.actionplan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.catalog.Catalogues;
import zhifa.officer.Compliance;
import zhifa.officer.Training;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.UploadedFile;
import zhifa.shared.web.RequestLimits;
import zhifa.supervision.plan.SupervisionPlans;

/**
 * The three-year action plan itself, tracked (方案 三（四）): loaded as data ({@link ActionPlanText}), each item with its
 * deadline and responsible units. Where the platform holds the evidence ({@link Measure}: catalogues published, training
 * plans filed, training hours, 持证率, supervision plans, supervision staff, the campaign's lists, the evaluations) the
 * item's status is computed from the data of the viewer's region; otherwise units report progress with attachments.
 * Overdue items are flagged. The mid-term and final evaluation reports are generated from the same figures.
 */
@Service
public class ActionPlans {

	static final String SUBJECT = "sv_action_plan";

	public enum State {
		NOT_STARTED("未开始"), IN_PROGRESS("进行中"), DONE("已完成");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What the data show for a measured item: done of total, and the detail in words. */
	/** A measured item: how many of how many are done, how many of those after the item's time limit, in words. */
	public record Judged(int done, int total, String detail, int doneLate) {

		public Judged(int done, int total, String detail) {
			this(done, total, detail, 0);
		}

		public State state() {
			return total > 0 && done >= total ? State.DONE : done == 0 ? State.NOT_STARTED : State.IN_PROGRESS;
		}

		public int percent() {
			return total == 0 ? 0 : (int) Math.round(100.0 * done / total);
		}
	}

	/** A unit's progress report; {@code confirmed} when made by a supervisor (the confirmation that an unmeasured item is done). */
	public record Report(long id, long bodyId, String bodyName, State state, String note, String fileName, String reportedBy, Instant reportedAt,
			boolean confirmed) {
	}

	/** One item with its status: computed (measure and judged) or from the units' reports. */
	public record Item(long id, long taskId, String title, LocalDate due, String responsible, Measure measure, Judged judged, State state, boolean late,
			List<Report> reports) {

		/** An item the units report on, confirmed done after its time limit (a computed item says so in its figures). */
		public boolean confirmedLate(java.time.ZoneId zone) {
			return state == State.DONE && !computed() && reports.stream().filter(r -> r.confirmed() && r.state() == State.DONE).reduce((a, b) -> b)
				.map(r -> LocalDate.ofInstant(r.reportedAt(), zone).isAfter(due)).orElse(false);
		}

		public boolean computed() {
			return measure != null && judged != null;
		}
	}

	public record Task(long id, int number, String section, String title, String responsible, List<Item> items) {

		public State state() {
			if (items.stream().allMatch(i -> i.state() == State.DONE)) {
				return State.DONE;
			}
			return items.stream().allMatch(i -> i.state() == State.NOT_STARTED) ? State.NOT_STARTED : State.IN_PROGRESS;
		}

		public boolean late() {
			return items.stream().anyMatch(Item::late);
		}
	}

	public record Plan(long id, String code, String title, String issuer, LocalDate issuedOn, LocalDate startsOn, LocalDate endsOn, List<Task> tasks) {

		public long items() {
			return tasks.stream().mapToLong(t -> t.items().size()).sum();
		}

		public long done() {
			return tasks.stream().flatMap(t -> t.items().stream()).filter(i -> i.state() == State.DONE).count();
		}

		public long late() {
			return tasks.stream().flatMap(t -> t.items().stream()).filter(Item::late).count();
		}
	}

	public record Summary(long id, String code, String title, LocalDate startsOn, LocalDate endsOn) {
	}

	/** The campaign's figures for {@link Measure#CAMPAIGN_LISTS} and {@link Measure#CAMPAIGN_REPORTS} (the campaign module). */
	public interface CampaignProgress {

		Optional<Judged> judge(Measure measure, LocalDate due, DataScope scope);
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final OrganizationDirectory directory;
	private final Catalogues catalogues;
	private final Training training;
	private final Compliance compliance;
	private final SupervisionPlans supervisionPlans;
	private final ObjectProvider<CampaignProgress> campaigns;
	private final FullProcessRecord record;
	private final Clock clock;

	ActionPlans(NamedParameterJdbcTemplate jdbc, OrganizationDirectory directory, Catalogues catalogues, Training training, Compliance compliance,
			SupervisionPlans supervisionPlans, ObjectProvider<CampaignProgress> campaigns, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.catalogues = catalogues;
		this.training = training;
		this.compliance = compliance;
		this.supervisionPlans = supervisionPlans;
		this.campaigns = campaigns;
		this.record = record;
		this.clock = clock;
	}

	/** Loads a plan from its text (a supervisor of a supervising unit, or the platform for the demo). */
	@Transactional
	public long load(Operator op, String text) {
		if (op.operatorKind() == Operator.Kind.USER && !op.holdsAnyRole(List.of("SUPERVISOR"))) {
			throw new AccessDeniedException("方案由执法监督人员导入");
		}
		ActionPlanText.Plan p = ActionPlanText.parse(text);
		if (jdbc.queryForObject("select count(*) from sv_action_plan where code = :c", Map.of("c", p.code()), Long.class) > 0) {
			throw new Conflict("编号为 " + p.code() + " 的方案已导入");
		}
		long id = jdbc.queryForObject("""
				insert into sv_action_plan (code, title, issuer, issued_on, starts_on, ends_on, source, loaded_by, loaded_at)
				values (:c, :t, :i, :io, :s, :e, :src, :by, :now) returning id""", new MapSqlParameterSource().addValue("c", p.code()).addValue("t", p.title())
			.addValue("i", p.issuer()).addValue("io", p.issuedOn()).addValue("s", p.startsOn()).addValue("e", p.endsOn()).addValue("src", text)
			.addValue("by", op.operatorName()).addValue("now", Timestamp.from(clock.instant())), Long.class);
		int items = 0;
		for (ActionPlanText.Task t : p.tasks()) {
			long taskId = jdbc.queryForObject("""
					insert into sv_action_task (plan_id, number, section, title, responsible) values (:p, :n, :s, :t, :r) returning id""",
					new MapSqlParameterSource().addValue("p", id).addValue("n", t.number()).addValue("s", t.section()).addValue("t", t.title())
						.addValue("r", t.responsible()), Long.class);
			int sort = 0;
			for (ActionPlanText.Item i : t.items()) {
				jdbc.update("insert into sv_action_item (task_id, title, due, responsible, measure, sort) values (:t, :ti, :d, :r, :m, :s)",
						new MapSqlParameterSource().addValue("t", taskId).addValue("ti", i.title()).addValue("d", i.due()).addValue("r", i.responsible())
							.addValue("m", i.measure() == null ? null : i.measure().name()).addValue("s", sort++));
				items++;
			}
		}
		record.append(op, SUBJECT, id, op.bodyId(), "actionplan.loaded", "导入《" + p.title() + "》的任务分解：" + p.tasks().size() + " 项任务，" + items + " 个事项",
				Map.of("code", p.code(), "tasks", p.tasks().size(), "items", items));
		return id;
	}

	public List<Summary> plans() {
		return jdbc.query("select id, code, title, starts_on, ends_on from sv_action_plan order by starts_on desc, id desc", Map.of(),
				(rs, i) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
	}

	/** The plan with every item's status as the scope's data show it today. */
	public Plan get(DataScope scope, long id) {
		var head = jdbc.query("select * from sv_action_plan where id = :id", Map.of("id", id), (rs, i) -> new Object[] { rs.getString("code"),
				rs.getString("title"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class) }).stream().findFirst().orElseThrow(() -> new NotFound("行动方案"));
		LocalDate today = LocalDate.now(clock);
		Map<Long, List<Report>> reports = new LinkedHashMap<>();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("p", id);
		// the reports of the bodies in the viewer's scope only
		String where = directory.sqlCondition(scope, "r.body_id", params);
		jdbc.query("""
				select r.*, b.name as body_name from sv_action_report r join body_view b on b.id = r.body_id
				join sv_action_item i on i.id = r.item_id join sv_action_task t on t.id = i.task_id where t.plan_id = :p""" + " and " + where + " order by r.reported_at",
				params, rs -> {
					reports.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(new Report(rs.getLong("id"), rs.getLong("body_id"),
							rs.getString("body_name"), State.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("file_name"),
							rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant(), rs.getBoolean("confirmed")));
				});
		Map<String, Judged> cache = new LinkedHashMap<>();
		List<Task> tasks = new ArrayList<>();
		jdbc.query("select * from sv_action_task where plan_id = :p order by number", Map.of("p", id), rs -> {
			tasks.add(new Task(rs.getLong("id"), rs.getInt("number"), rs.getString("section"), rs.getString("title"), rs.getString("responsible"),
					new ArrayList<>()));
		});
		for (Task t : tasks) {
			jdbc.query("select * from sv_action_item where task_id = :t order by sort", Map.of("t", t.id()), rs -> {
				long itemId = rs.getLong("id");
				LocalDate due = rs.getObject("due", LocalDate.class);
				Measure m = rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure"));
				Judged judged = m == null ? null : cache.computeIfAbsent(m + "/" + due, k -> judge(m, due, scope, id).orElse(null));
				List<Report> rep = reports.getOrDefault(itemId, List.of());
				State state = judged != null ? judged.state() : typed(rep);
				t.items().add(new Item(itemId, t.id(), rs.getString("title"), due, rs.getString("responsible"), m, judged, state,
						state != State.DONE && today.isAfter(due), rep));
			});
		}
		return new Plan(id, (String) head[0], (String) head[1], (String) head[2], (LocalDate) head[3], (LocalDate) head[4], (LocalDate) head[5],
				List.copyOf(tasks));
	}

	/**
	 * Without data: the units' reports show it under way; it is done only when a supervisor's latest report confirms it
	 * (one unit's "done" does not close an item for every unit).
	 */
	private static State typed(List<Report> reports) {
		if (reports.isEmpty()) {
			return State.NOT_STARTED;
		}
		return reports.stream().filter(Report::confirmed).reduce((a, b) -> b).map(Report::state).filter(s -> s == State.DONE).orElse(State.IN_PROGRESS);
	}

	/** A measured item's figures for the bodies of the scope (active bodies; supervising units for the supervision plans). */
	Optional<Judged> judge(Measure m, LocalDate due, DataScope scope, long planId) {
		int year = due.getYear();
		return switch (m) {
			case CATALOGUES -> {
				var latest = catalogues.latestVersions(scope);
				int bodies = activeBodies(scope, false);
				long published = latest.stream().filter(v -> v.publishedAt() != null).count();
				long onTime = latest.stream().filter(v -> v.publishedAt() != null && !v.publishedOn().isAfter(due)).count();
				yield Optional.of(new Judged((int) published, bodies, published + "/" + bodies + " 个单位已公布执法事项目录，其中 " + onTime + " 个在 " + due + " 前公布",
						(int) (published - onTime)));
			}
			case TRAINING_PLANS -> {
				var plans = training.plans(scope, year);
				int bodies = activeBodies(scope, false);
				long filed = plans.stream().filter(Training.Plan::filed).count();
				long late = plans.stream().filter(p -> p.filed() && p.late()).count();
				yield Optional.of(new Judged((int) filed, bodies, filed + "/" + bodies + " 个单位已报备" + year + "年轮训计划" + (late > 0 ? "（" + late + " 个逾期报备）" : ""),
						(int) late));
			}
			case TRAINING_HOURS -> {
				var total = compliance.total(compliance.figures(scope, year));
				yield Optional.of(new Judged(total.trainingComplete(), total.officers(), year + "年 " + total.trainingComplete() + "/" + total.officers()
						+ " 名执法人员培训学时达标（" + total.trainingRate() + "%）"));
			}
			case CERTIFICATION -> {
				var total = compliance.total(compliance.figures(scope, LocalDate.now(clock).getYear()));
				yield Optional.of(new Judged(total.certified(), total.officers(), total.certified() + "/" + total.officers() + " 名执法人员持有效执法证件（持证率 "
						+ total.certificateRate() + "%）"));
			}
			case SUPERVISION_PLANS -> {
				long filed = supervisionPlans.ofYear(scope, year).stream().filter(SupervisionPlans.Plan::filed).count();
				int missing = supervisionPlans.notFiled(scope, year).size();
				yield Optional.of(new Judged((int) filed, (int) filed + missing, filed + "/" + (filed + missing) + " 个执法监督机构已报备" + year + "年度监督计划"));
			}
			case SUPERVISION_STAFF -> {
				var figures = compliance.figures(scope, LocalDate.now(clock).getYear()).stream().filter(f -> !f.noStaffEntered()).toList();
				long ok = figures.stream().filter(f -> f.supervisionStaff() >= f.supervisionMin()).count();
				yield Optional.of(new Judged((int) ok, figures.size(), ok + "/" + figures.size() + " 个单位配齐执法监督人员"));
			}
			case EVALUATION_MIDTERM, EVALUATION_FINAL -> {
				String kind = m == Measure.EVALUATION_MIDTERM ? "MIDTERM" : "FINAL";
				var at = jdbc.queryForList("select generated_at from sv_action_evaluation where plan_id = :p and kind = :k order by generated_at limit 1",
						Map.of("p", planId, "k", kind), Timestamp.class);
				// generated after its time limit: done late, and said so
				boolean late = !at.isEmpty() && LocalDate.ofInstant(at.get(0).toInstant(), clock.getZone()).isAfter(due);
				yield Optional.of(new Judged(at.isEmpty() ? 0 : 1, 1, at.isEmpty() ? "尚未生成评估报告"
						: "已于 " + zhifa.shared.web.Formats.at(at.get(0).toInstant()) + " 生成评估报告" + (late ? "（逾期，时限为 " + due + "）" : ""), late ? 1 : 0));
			}
			case CAMPAIGN_LISTS, CAMPAIGN_REPORTS -> campaigns.orderedStream().map(c -> c.judge(m, due, scope)).flatMap(Optional::stream).findFirst();
		};
	}

	private int activeBodies(DataScope scope, boolean supervisoryOnly) {
		Map<String, Object> params = new java.util.HashMap<>();
		String where = directory.sqlCondition(scope, "id", params);
		return jdbc.queryForObject("select count(*) from body_view where status = 'ACTIVE' and kind <> 'ENTRUSTED_ORGANIZATION' and " + where
				+ (supervisoryOnly ? " and supervisory" : ""), params, Integer.class);
	}

	/** A unit reports progress on an item, with an optional attachment. */
	@Transactional
	public void report(Operator op, long itemId, String state, String note, UploadedFile file) {
		if (op.bodyId() == null || !op.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER", "SUPERVISOR"))) {
			throw new AccessDeniedException("进展由责任单位的单位管理员、负责人或执法监督人员报告");
		}
		var item = jdbc.query("select i.title, i.measure, t.plan_id from sv_action_item i join sv_action_task t on t.id = i.task_id where i.id = :i",
				Map.of("i", itemId), (rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3) }).stream().findFirst()
			.orElseThrow(() -> new NotFound("方案事项"));
		State s;
		try {
			s = State.valueOf(state == null ? "" : state);
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.onField("state", "请选择进行中或已完成");
		}
		if (s == State.NOT_STARTED) {
			throw BusinessRuleViolation.onField("state", "请选择进行中或已完成");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty() || text.length() > 2000 || RequestLimits.hasControlCharacters(text.replace("\n", "").replace("\r", ""))) {
			throw BusinessRuleViolation.onField("note", "请填写进展情况（2000字以内）");
		}
		if (file != null && file.bytes().length > 20 * 1024 * 1024) {
			throw BusinessRuleViolation.onField("file", "附件不超过20MB");
		}
		jdbc.update("""
				insert into sv_action_report (item_id, body_id, status, note, file_name, file_type, file_bytes, reported_by, reported_at, confirmed)
				values (:i, :b, :s, :n, :fn, :ft, :fb, :by, :now, :c)""", new MapSqlParameterSource().addValue("i", itemId).addValue("b", op.bodyId())
			.addValue("c", op.holdsAnyRole(List.of("SUPERVISOR")))
			.addValue("s", s.name()).addValue("n", text).addValue("fn", file == null ? null : file.name()).addValue("ft", file == null ? null : file.contentType())
			.addValue("fb", file == null ? null : file.bytes()).addValue("by", op.operatorName()).addValue("now", Timestamp.from(clock.instant())));
		record.append(op, SUBJECT, item[2], op.bodyId(), "actionplan.reported", "报告“" + item[0] + "”" + s.label() + "：" + text
				+ (item[1] == null ? "" : "（该事项的完成情况由平台数据计算，报告作为说明）"), Map.of("state", s.name()));
	}

	/** A report's attachment, for its own body or a supervisor over it. */
	public UploadedFile attachment(Operator op, long reportId) {
		return jdbc.query("select body_id, file_name, file_type, file_bytes from sv_action_report where id = :id and file_bytes is not null", Map.of("id", reportId),
				(rs, i) -> {
					long body = rs.getLong(1);
					boolean may = op.bodyId() != null && op.bodyId() == body || op.holdsAnyRole(List.of("SUPERVISOR")) && directory.covers(op.scope(), body);
					return may ? new UploadedFile(rs.getString(2), rs.getString(3), rs.getBytes(4)) : null;
				}).stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new NotFound("附件"));
	}

	/** The supervisor's home page: overdue items of the plans in force (for his region). */
	public List<Item> overdue(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		List<Item> out = new ArrayList<>();
		for (Summary s : plans()) {
			if (!today.isBefore(s.startsOn()) && !today.isAfter(s.endsOn().plusYears(1))) {
				get(scope, s.id()).tasks().forEach(t -> t.items().stream().filter(Item::late).forEach(out::add));
			}
		}
		return out;
	}
}
