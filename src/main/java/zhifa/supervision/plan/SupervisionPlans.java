package zhifa.supervision.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.Bodies;
import zhifa.organization.EnforcementBody;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;
import zhifa.shared.web.RequestLimits;

/**
 * 年度行政执法监督计划: a supervising unit (a 司法行政机关 with supervision duties) drafts its plan for a year — items with
 * target, schedule and responsible person —, files it by 31 March (a later filing is marked late), and reports progress
 * per item; the level above sees every unit's plan in its region and the units that have not filed (an alert after 31
 * March). Every change is on the plan's record ({@code sv_plan}).
 */
@Service
public class SupervisionPlans {

	static final String SUBJECT = "sv_plan";

	public enum Progress {
		NOT_STARTED("未开始"), IN_PROGRESS("进行中"), DONE("已完成");

		private final String label;

		Progress(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Item(long id, String title, String target, LocalDate startsOn, LocalDate endsOn, String responsible, Progress progress,
			String progressNote, LocalDate progressOn, int version) {

		/** Past its end and not done. */
		public boolean lateOn(LocalDate day) {
			return progress != Progress.DONE && day.isAfter(endsOn);
		}
	}

	public record Plan(long id, long bodyId, String bodyName, int year, boolean filed, LocalDate filedOn, String filedBy, boolean late, int version,
			List<Item> items) {

		public LocalDate due() {
			return LocalDate.of(year, 3, 31);
		}
	}

	public record ItemForm(String title, String target, LocalDate startsOn, LocalDate endsOn, String responsible) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Bodies bodies;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	SupervisionPlans(NamedParameterJdbcTemplate jdbc, Bodies bodies, BodyScopes scopes, FullProcessRecord record, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The supervising unit's own plan for a year, drafted when it does not exist yet. */
	@Transactional
	public Plan draft(Operator op, int year) {
		long body = ownSupervisingBody(op);
		if (year < today().getYear() - 1 || year > today().getYear() + 1) {
			throw BusinessRuleViolation.onField("year", "只能编制去年、今年或明年的监督计划");
		}
		Integer n = jdbc.update("""
				insert into sv_plan (body_id, year, status, created_at) values (:b, :y, 'DRAFT', :now) on conflict (body_id, year) do nothing""",
				new MapSqlParameterSource().addValue("b", body).addValue("y", year).addValue("now", Timestamp.from(clock.instant())));
		long id = jdbc.queryForObject("select id from sv_plan where body_id = :b and year = :y", Map.of("b", body, "y", year), Long.class);
		if (n == 1) {
			record.append(op, SUBJECT, id, body, "plan.drafted", "编制" + year + "年度行政执法监督计划", Map.of("year", year));
		}
		return get(op.scope(), id);
	}

	@Transactional
	public Plan addItem(Operator op, long planId, ItemForm f) {
		Plan p = own(op, planId);
		if (p.filed()) {
			throw new BusinessRuleViolation("计划已报备，不能再增加事项");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = line(f.title(), 200);
		if (title == null) {
			errors.put("title", "请填写监督事项（200字以内）");
		}
		String target = line(f.target(), 500);
		if (target == null) {
			errors.put("target", "请填写工作目标（500字以内）");
		}
		String who = line(f.responsible(), 100);
		if (who == null) {
			errors.put("responsible", "请填写责任人（100字以内）");
		}
		if (f.startsOn() == null || f.endsOn() == null || f.endsOn().isBefore(f.startsOn()) || f.startsOn().getYear() != p.year()
				|| f.endsOn().getYear() != p.year()) {
			errors.put("endsOn", "请填写本年度内的起止日期（结束不早于开始）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		touchDraft(planId);
		jdbc.update("""
				insert into sv_plan_item (plan_id, title, target, starts_on, ends_on, responsible) values (:p, :t, :g, :s, :e, :r)""",
				new MapSqlParameterSource().addValue("p", planId).addValue("t", title).addValue("g", target).addValue("s", f.startsOn())
					.addValue("e", f.endsOn()).addValue("r", who));
		record.append(op, SUBJECT, planId, p.bodyId(), "plan.item_added", "增加监督事项：" + title + "（" + f.startsOn() + " 至 " + f.endsOn() + "，" + who + "）",
				Map.of("title", title));
		return get(op.scope(), planId);
	}

	@Transactional
	public Plan removeItem(Operator op, long planId, long itemId) {
		Plan p = own(op, planId);
		if (p.filed()) {
			throw new BusinessRuleViolation("计划已报备，不能删除事项");
		}
		Item item = p.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() -> new NotFound("监督事项"));
		touchDraft(planId);
		jdbc.update("delete from sv_plan_item where id = :i and plan_id = :p", Map.of("i", itemId, "p", planId));
		record.append(op, SUBJECT, planId, p.bodyId(), "plan.item_removed", "删除监督事项：" + item.title(), Map.of("title", item.title()));
		return get(op.scope(), planId);
	}

	/** 报备: the plan as it stands is filed (31 March of its year; later is marked late). */
	@Transactional
	public Plan file(Operator op, long planId, int version) {
		Plan p = own(op, planId);
		if (p.filed()) {
			throw new Conflict("计划已于 " + p.filedOn() + " 报备");
		}
		if (p.items().isEmpty()) {
			throw new BusinessRuleViolation("计划中还没有监督事项");
		}
		LocalDate today = today();
		boolean late = today.isAfter(p.due());
		if (jdbc.update("""
				update sv_plan set status = 'FILED', filed_on = :d, filed_by = :by, late = :late, version = version + 1
				where id = :id and version = :v and status = 'DRAFT'""", new MapSqlParameterSource().addValue("d", today).addValue("by", op.operatorName())
			.addValue("late", late).addValue("id", planId).addValue("v", version)) != 1) {
			throw new StaleWrite("该监督计划");
		}
		record.append(op, SUBJECT, planId, p.bodyId(), "plan.filed", "报备" + p.year() + "年度行政执法监督计划（" + p.items().size() + " 项）"
				+ (late ? "，超过 " + p.due() + " 的期限" : ""), Map.of("items", p.items().size(), "late", late));
		events.publishEvent(new zhifa.supervision.YearlyDutyDone(p.bodyId(), zhifa.supervision.YearlyDutyDone.Duty.PLAN, p.year()));
		return get(op.scope(), planId);
	}

	/** Progress on one item of a filed plan. */
	@Transactional
	public Plan progress(Operator op, long planId, long itemId, int version, String progress, String note) {
		Plan p = own(op, planId);
		if (!p.filed()) {
			throw new BusinessRuleViolation("计划报备后才报告进展");
		}
		Item item = p.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() -> new NotFound("监督事项"));
		Progress to;
		try {
			to = Progress.valueOf(progress == null ? "" : progress.strip());
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.onField("progress", "请选择进展（未开始、进行中、已完成）");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && (text.length() > 2000 || RequestLimits.hasControlCharacters(text.replace("\n", "").replace("\r", "")))) {
			throw BusinessRuleViolation.onField("note", "进展说明不超过2000字");
		}
		if (to == Progress.DONE && text == null) {
			throw BusinessRuleViolation.onField("note", "完成的事项请说明完成情况");
		}
		if (jdbc.update("""
				update sv_plan_item set progress = :p, progress_note = :n, progress_on = :d, version = version + 1
				where id = :i and plan_id = :plan and version = :v""", new MapSqlParameterSource().addValue("p", to.name()).addValue("n", text)
			.addValue("d", today()).addValue("i", itemId).addValue("plan", planId).addValue("v", version)) != 1) {
			throw new StaleWrite("该监督事项");
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("title", item.title());
		payload.put("progress", to.name());
		if (text != null) {
			payload.put("note", text);
		}
		record.append(op, SUBJECT, planId, p.bodyId(), "plan.progress", item.title() + "：" + to.label() + (text == null ? "" : "（" + text + "）"), payload);
		return get(op.scope(), planId);
	}

	/** The draft's version moves with its items (the filing form sees the plan it shows); a plan filed meanwhile is refused. */
	private void touchDraft(long planId) {
		if (jdbc.update("update sv_plan set version = version + 1 where id = :id and status = 'DRAFT'", Map.of("id", planId)) != 1) {
			throw new BusinessRuleViolation("计划已报备，不能再修改事项");
		}
	}

	// ---- reading

	public Plan get(DataScope scope, long id) {
		return load(id).filter(p -> scopes.covers(scope, p.bodyId())).orElseThrow(() -> new NotFound("监督计划"));
	}

	private java.util.Optional<Plan> load(long id) {
		return jdbc.query("select p.*, b.name as body_name from sv_plan p join body_view b on b.id = p.body_id where p.id = :id", Map.of("id", id),
				(rs, i) -> new Plan(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getInt("year"), "FILED".equals(rs.getString("status")),
						rs.getObject("filed_on", LocalDate.class), rs.getString("filed_by"), rs.getBoolean("late"), rs.getInt("version"), items(id)))
			.stream().findFirst();
	}

	private List<Item> items(long planId) {
		return jdbc.query("select * from sv_plan_item where plan_id = :p order by starts_on, id", Map.of("p", planId),
				(rs, i) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("target"), rs.getObject("starts_on", LocalDate.class),
						rs.getObject("ends_on", LocalDate.class), rs.getString("responsible"), Progress.valueOf(rs.getString("progress")),
						rs.getString("progress_note"), rs.getObject("progress_on", LocalDate.class), rs.getInt("version")));
	}

	/** The plans of a year of the supervising units in the scope. */
	public List<Plan> ofYear(DataScope scope, int year) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("y", year);
		return jdbc.queryForList("select id from sv_plan where year = :y and " + scopes.sqlCondition(scope, "body_id", p) + " order by id", p, Long.class)
			.stream().map(id -> load(id).orElseThrow()).toList();
	}

	/** The active supervising units in the scope without a filed plan for the year. */
	public List<EnforcementBody> notFiled(DataScope scope, int year) {
		Set<Long> filed = new TreeSet<>(jdbc.queryForList("select body_id from sv_plan where year = :y and status = 'FILED'", Map.of("y", year), Long.class));
		List<EnforcementBody> missing = new ArrayList<>();
		for (int page = 0;; page++) {
			var found = bodies.search(scope, new Bodies.Query(null, null, null, true, null), page, 100);
			for (EnforcementBody b : found.items()) {
				if (b.supervisory() && !filed.contains(b.id())) {
					missing.add(b);
				}
			}
			if (!found.hasNext()) {
				return missing;
			}
		}
	}

	/** Every active supervising unit without a filed plan for the year (the nightly alert). */
	public Set<Long> notFiledIds(int year) {
		Set<Long> ids = new TreeSet<>();
		notFiled(DataScope.all(), year).forEach(b -> ids.add(b.id()));
		return ids;
	}

	// ---- checks

	private long ownSupervisingBody(Operator op) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR")) || op.bodyId() == null) {
			throw new AccessDeniedException("监督计划由执法监督机构的执法监督人员编制");
		}
		EnforcementBody b = bodies.find(DataScope.all(), op.bodyId()).orElseThrow(() -> new NotFound("执法主体"));
		if (!b.supervisory()) {
			throw new AccessDeniedException("本单位不是执法监督机构");
		}
		return b.id();
	}

	private Plan own(Operator op, long planId) {
		long body = ownSupervisingBody(op);
		Plan p = get(op.scope(), planId);
		if (p.bodyId() != body) {
			throw new AccessDeniedException("只能编制和报告本单位的监督计划");
		}
		return p;
	}

	private static String line(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		return v.length() > max || RequestLimits.hasControlCharacters(v) ? null : v;
	}
}
