package zhifa.officer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;
import zhifa.shared.IdNumber;
import zhifa.shared.NotFound;
import zhifa.shared.PersonalData;

/**
 * 全员轮训: each body's annual plan filed with the justice bureau (late after the plan date, default 31 March), training
 * sessions organised by one or several bodies with attendees from any body, and each officer's hours against the
 * year's targets.
 */
@Service
public class Training {

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final PersonalData personal;
	private final FullProcessRecord record;
	private final Clock clock;

	Training(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, PersonalData personal, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.personal = personal;
		this.record = record;
		this.clock = clock;
	}

	// ---- targets

	public TrainingHours.Target target(int year) {
		return jdbc.query("select * from training_target where year = :y", Map.of("y", year),
				(rs, i) -> new TrainingHours.Target(year, rs.getBigDecimal("total_hours"), rs.getBigDecimal("public_hours"),
						rs.getBigDecimal("business_hours")))
			.stream().findFirst()
			.orElse(new TrainingHours.Target(year, BigDecimal.valueOf(60), BigDecimal.valueOf(18), BigDecimal.valueOf(42)));
	}

	public LocalDate planDue(int year) {
		return jdbc.query("select plan_due from training_target where year = :y", Map.of("y", year), (rs, i) -> rs.getDate(1).toLocalDate())
			.stream().findFirst().orElse(LocalDate.of(year, 3, 31));
	}

	public LocalDate completionDue(int year) {
		return jdbc.query("select completion_due from training_target where year = :y", Map.of("y", year), (rs, i) -> rs.getDate(1).toLocalDate())
			.stream().findFirst().orElse(LocalDate.of(year, 6, 30));
	}

	@Transactional
	public void saveTarget(int year, BigDecimal total, BigDecimal publicLaw, BigDecimal business, LocalDate planDue,
			LocalDate completionDue, String source) {
		if (total == null || publicLaw == null || business == null || total.signum() < 0 || publicLaw.signum() < 0 || business.signum() < 0) {
			throw new BusinessRuleViolation("学时目标须为非负数");
		}
		if (publicLaw.add(business).compareTo(total) > 0) {
			throw BusinessRuleViolation.onField("total", "公共法律知识与业务知识、执法技能学时之和不能超过总学时");
		}
		if (source == null || source.isBlank()) {
			throw BusinessRuleViolation.onField("source", "请填写依据文件");
		}
		LocalDate plan = planDue == null ? LocalDate.of(year, 3, 31) : planDue;
		LocalDate done = completionDue == null ? LocalDate.of(year, 6, 30) : completionDue;
		jdbc.update("""
				insert into training_target (year, total_hours, public_hours, business_hours, plan_due, completion_due, source)
				values (:y, :t, :p, :b, :pd, :cd, :s) on conflict (year) do update set total_hours = excluded.total_hours,
				public_hours = excluded.public_hours, business_hours = excluded.business_hours, plan_due = excluded.plan_due,
				completion_due = excluded.completion_due, source = excluded.source""",
				new MapSqlParameterSource().addValue("y", year).addValue("t", total).addValue("p", publicLaw).addValue("b", business)
					.addValue("pd", plan).addValue("cd", done).addValue("s", source.strip()));
		record.append("training_target", year, null, "training.target_saved", "设置" + year + "年培训学时目标",
				Map.of("total", total, "publicLaw", publicLaw, "business", business, "planDue", plan.toString(),
						"completionDue", done.toString(), "source", source.strip()));
	}

	// ---- plans

	public record Plan(long id, long bodyId, String bodyName, int year, String title, String content, boolean filed,
			java.time.Instant filedAt, boolean late) {
	}

	public List<Plan> plans(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("y", year);
		return jdbc.query("select t.*, b.name as body_name from training_plan t join body_view b on b.id = t.body_id where t.year = :y and "
				+ scopes.sqlCondition(scope, "t.body_id", p) + " order by b.name", p, (rs, i) -> plan(rs));
	}

	/** The bodies in scope with enforcement officers in post that have not filed a plan for the year (a draft is not filed). */
	public List<String> notFiled(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("y", year);
		return jdbc.queryForList("select b.name from body_view b where " + scopes.sqlCondition(scope, "b.id", p)
				+ " and exists (select 1 from officer o where o.body_id = b.id and o.status = 'ON_DUTY' and o.staffing_type <> 'AUXILIARY')"
				+ " and not exists (select 1 from training_plan t where t.body_id = b.id and t.year = :y and t.filed_at is not null) order by b.name", p, String.class);
	}

	public Optional<Plan> plan(long bodyId, int year) {
		return jdbc.query("select t.*, b.name as body_name from training_plan t join body_view b on b.id = t.body_id where t.body_id = :b and t.year = :y",
				Map.of("b", bodyId, "y", year), (rs, i) -> plan(rs)).stream().findFirst();
	}

	private Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp filed = rs.getTimestamp("filed_at");
		int year = rs.getInt("year");
		boolean late = filed != null && filed.toInstant().atZone(clock.getZone()).toLocalDate().isAfter(planDue(year));
		return new Plan(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), year, rs.getString("title"),
				rs.getString("content"), filed != null, filed == null ? null : filed.toInstant(), late);
	}

	/** Saves the body's plan for a year and, when {@code file} is true, files it with the justice bureau (then it is fixed). */
	@Transactional
	public Plan savePlan(DataScope scope, long bodyId, int year, String title, String content, boolean file) {
		if (!scopes.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		if (title == null || title.isBlank() || content == null || content.isBlank()) {
			throw new BusinessRuleViolation("请填写计划名称和内容");
		}
		Optional<Plan> existing = plan(bodyId, year);
		if (existing.isPresent() && existing.get().filed()) {
			throw new BusinessRuleViolation(year + "年轮训计划已报备，不能再修改");
		}
		Timestamp filedAt = file ? Timestamp.from(clock.instant()) : null;
		jdbc.update("""
				insert into training_plan (body_id, year, title, content, status, filed_at, created_at)
				values (:b, :y, :t, :c, :s, :f, now()) on conflict (body_id, year) do update
				set title = excluded.title, content = excluded.content, status = excluded.status, filed_at = excluded.filed_at""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("y", year).addValue("t", title.strip())
					.addValue("c", content.strip()).addValue("s", file ? "FILED" : "DRAFT").addValue("f", filedAt));
		Plan saved = plan(bodyId, year).orElseThrow();
		record.append("training_plan", saved.id(), bodyId, file ? "training.plan_filed" : "training.plan_saved",
				(file ? "报备" : "保存") + year + "年轮训计划" + (saved.late() ? "（逾期报备，应于" + planDue(year) + "前）" : ""),
				Map.of("title", title.strip(), "late", saved.late()));
		return saved;
	}

	// ---- sessions

	public record Session(long id, String title, TrainingCategory category, TrainingKind kind, LocalDate heldOn,
			BigDecimal hours, String place, long createdByBodyId, String organisers, int attendees) {
	}

	public record NewSession(String title, TrainingCategory category, TrainingKind kind, LocalDate heldOn, BigDecimal hours,
			String place, List<Long> coOrganiserIds) {
	}

	public List<Session> sessions(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("from", LocalDate.of(year, 1, 1));
		p.put("to", LocalDate.of(year, 12, 31));
		String visible = scope.kind() == DataScope.Kind.ALL ? "true"
				: "(exists (select 1 from training_session_organiser o where o.session_id = s.id and " + scopes.sqlCondition(scope, "o.body_id", p)
						+ ") or exists (select 1 from training_attendance a join officer f on f.id = a.officer_id where a.session_id = s.id and "
						+ scopes.sqlCondition(scope, "f.body_id", p) + "))";
		return jdbc.query(SESSION_SELECT + " where s.held_on between :from and :to and " + visible + " order by s.held_on desc, s.id desc",
				p, (rs, i) -> session(rs));
	}

	private static final String SESSION_SELECT = """
			select s.*, (select string_agg(b.name, '、' order by b.name) from training_session_organiser o join body_view b on b.id = o.body_id
			  where o.session_id = s.id) as organisers,
			  (select count(*) from training_attendance a where a.session_id = s.id) as attendees
			from training_session s""";

	public Session session(long id) {
		return jdbc.query(SESSION_SELECT + " where s.id = :id", Map.of("id", id), (rs, i) -> session(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFound("培训"));
	}

	private static Session session(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Session(rs.getLong("id"), rs.getString("title"), TrainingCategory.valueOf(rs.getString("category")),
				TrainingKind.valueOf(rs.getString("kind")), rs.getDate("held_on").toLocalDate(), rs.getBigDecimal("hours"),
				rs.getString("place"), rs.getLong("created_by_body_id"), rs.getString("organisers"), rs.getInt("attendees"));
	}

	@Transactional
	public Session createSession(long organiserBodyId, NewSession s, boolean demo) {
		if (s.title() == null || s.title().isBlank()) {
			throw BusinessRuleViolation.onField("title", "请填写培训名称");
		}
		if (s.title().strip().length() > 200) {
			throw BusinessRuleViolation.onField("title", "培训名称不超过200字");
		}
		if (s.place() != null && s.place().strip().length() > 200) {
			throw BusinessRuleViolation.onField("place", "地点不超过200字");
		}
		if (s.category() == null || s.kind() == null) {
			throw BusinessRuleViolation.onField("category", "请选择培训类别和形式");
		}
		if (s.heldOn() == null) {
			throw BusinessRuleViolation.onField("heldOn", "请填写培训日期");
		}
		LocalDate today = LocalDate.now(clock);
		// hours count toward a year's 60: a session five years back or a year ahead is a typing mistake, not a training
		LocalDate earliest = LocalDate.of(today.getYear() - 5, 1, 1);
		if (s.heldOn().isBefore(earliest) || s.heldOn().isAfter(today.plusYears(1))) {
			throw BusinessRuleViolation.onField("heldOn", "培训日期应在 " + earliest + " 至 " + today.plusYears(1) + " 之间");
		}
		if (s.hours() == null || s.hours().signum() <= 0 || s.hours().compareTo(BigDecimal.valueOf(200)) > 0) {
			throw BusinessRuleViolation.onField("hours", "学时应大于0且不超过200");
		}
		oneDecimal(s.hours());
		if (s.category() == TrainingCategory.PUBLIC_LAW) {
			// 公共法律知识 hours are the justice bureau's (方案任务2): it organises, alone or with the department that hosts
			List<Long> all = new ArrayList<>();
			all.add(organiserBodyId);
			if (s.coOrganiserIds() != null) {
				s.coOrganiserIds().stream().filter(java.util.Objects::nonNull).forEach(all::add);
			}
			boolean justice = jdbc.queryForObject("select count(*) from body_view where id in (:ids) and supervisory", Map.of("ids", all), Integer.class) > 0;
			if (!justice) {
				throw BusinessRuleViolation.onField("category", "公共法律知识培训由司法局组织（芒市方案任务2），其学时才计入18学时；"
						+ "本单位承办的，请把司法局列为联合主办单位，或选择业务知识、执法技能");
			}
		}
		long id = jdbc.queryForObject("""
				insert into training_session (title, category, kind, held_on, hours, place, created_by_body_id, demo, created_at)
				values (:t, :c, :k, :d, :h, :p, :b, :demo, now()) returning id""",
				new MapSqlParameterSource().addValue("t", s.title().strip()).addValue("c", s.category().name()).addValue("k", s.kind().name())
					.addValue("d", s.heldOn()).addValue("h", s.hours()).addValue("p", s.place()).addValue("b", organiserBodyId).addValue("demo", demo),
				Long.class);
		List<Long> organisers = new ArrayList<>();
		organisers.add(organiserBodyId);
		if (s.coOrganiserIds() != null) {
			s.coOrganiserIds().stream().filter(b -> b != null && !organisers.contains(b)).forEach(organisers::add);
		}
		jdbc.batchUpdate("insert into training_session_organiser (session_id, body_id) values (:s, :b)",
				organisers.stream().map(b -> new MapSqlParameterSource().addValue("s", id).addValue("b", b)).toArray(MapSqlParameterSource[]::new));
		record.append("training_session", id, organiserBodyId, "training.session_created",
				"组织培训“" + s.title().strip() + "”（" + s.category().label() + "，" + s.hours().stripTrailingZeros().toPlainString() + "学时）",
				Map.of("category", s.category().label(), "kind", s.kind().label(), "heldOn", s.heldOn().toString(),
						"hours", s.hours(), "organisers", organisers));
		return session(id);
	}

	/** Whether the operator's scope may manage the session (one of its organisers is in scope). */
	public boolean manages(DataScope scope, long sessionId) {
		return jdbc.queryForList("select body_id from training_session_organiser where session_id = :s", Map.of("s", sessionId), Long.class)
			.stream().anyMatch(b -> scopes.covers(scope, b));
	}

	/** Hours are kept to one decimal (numeric(5,1)): 1.25 would be rounded silently, so it is refused. */
	private static void oneDecimal(BigDecimal hours) {
		if (hours.stripTrailingZeros().scale() > 1) {
			throw BusinessRuleViolation.onField("hours", "学时最多保留一位小数（如 1.5）");
		}
	}

	/** Adds attendees (from any body) with the session's hours unless given. Already present officers are skipped. */
	@Transactional
	public int addAttendees(DataScope scope, long sessionId, Collection<Long> officerIds, BigDecimal hours) {
		Session s = session(sessionId);
		if (!manages(scope, sessionId)) {
			throw new BusinessRuleViolation("只有培训的组织单位可以登记参训人员");
		}
		if (officerIds.isEmpty()) {
			throw BusinessRuleViolation.onField("officerIds", "请勾选参训人员（可先按姓名查找）");
		}
		if (s.heldOn().isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleViolation("本次培训 " + s.heldOn() + " 举行，举行后才能登记参训人员和学时");
		}
		BigDecimal h = hours == null ? s.hours() : hours;
		if (h.signum() <= 0 || h.compareTo(s.hours()) > 0) {
			throw BusinessRuleViolation.onField("hours", "个人学时应大于0且不超过本次培训的学时（" + s.hours().stripTrailingZeros().toPlainString() + "）");
		}
		oneDecimal(h);
		int added = 0;
		for (Long officerId : officerIds) {
			var status = jdbc.queryForList("select staffing_type from officer where id = :id", Map.of("id", officerId), String.class);
			if (status.isEmpty()) {
				throw new NotFound("执法人员");
			}
			added += jdbc.update("insert into training_attendance (session_id, officer_id, hours) values (:s, :o, :h) on conflict do nothing",
					new MapSqlParameterSource().addValue("s", sessionId).addValue("o", officerId).addValue("h", h));
		}
		if (added > 0) {
			record.append("training_session", sessionId, s.createdByBodyId(), "training.attendance_added",
					"登记培训“" + s.title() + "”参训人员 " + added + " 名", Map.of("officerIds", List.copyOf(officerIds), "hours", h));
		}
		return added;
	}

	/**
	 * Takes an attendance recorded by mistake off the session (the wrong person, or wrong hours, to be registered again),
	 * with the reason, on the session's record; the officer's hours of the year follow.
	 */
	@Transactional
	public void removeAttendee(DataScope scope, long sessionId, long officerId, String reason) {
		Session s = session(sessionId);
		if (!manages(scope, sessionId)) {
			throw new BusinessRuleViolation("只有培训的组织单位可以更正参训登记");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 200 || zhifa.shared.web.RequestLimits.hasControlCharacters(why)) {
			throw BusinessRuleViolation.onField("reason", "请填写删除这条参训登记的原因（200字以内）");
		}
		var removed = jdbc.query("delete from training_attendance a using officer o where a.session_id = :s and a.officer_id = :o and o.id = a.officer_id "
				+ "returning o.name, a.hours", Map.of("s", sessionId, "o", officerId), (rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)));
		if (removed.isEmpty()) {
			throw new BusinessRuleViolation("该人员不在本次培训的参训登记中（可能已被删除）");
		}
		record.append("training_session", sessionId, s.createdByBodyId(), "training.attendance_removed",
				"删除培训“" + s.title() + "”的参训登记：" + removed.get(0).getKey() + "（" + removed.get(0).getValue().stripTrailingZeros().toPlainString()
						+ "学时），原因：" + why,
				Map.of("officerId", officerId, "hours", removed.get(0).getValue(), "reason", why));
	}

	public record Attendee(long officerId, String name, String bodyName, String idNumberMasked, BigDecimal hours) {
	}

	public List<Attendee> attendees(long sessionId) {
		return attendees(DataScope.all(), sessionId);
	}

	/**
	 * A training as the user may see it: an organiser sees it whole; a body whose officers attended sees it with its own
	 * attendees only; anyone else finds no such training.
	 */
	public Session session(DataScope scope, long id) {
		Session s = session(id);
		if (!manages(scope, id) && attendees(scope, id).isEmpty()) {
			throw new NotFound("培训");
		}
		return s;
	}

	/** The attendees the user may see: all of them for an organiser, otherwise those of the bodies in the user's scope. */
	public List<Attendee> attendees(DataScope scope, long sessionId) {
		Map<String, Object> p = new HashMap<>();
		p.put("s", sessionId);
		String visible = scope.kind() == DataScope.Kind.ALL || manages(scope, sessionId) ? "true" : scopes.sqlCondition(scope, "o.body_id", p);
		return jdbc.query("""
				select o.id, o.name, b.name as body_name, o.id_number_masked, a.hours from training_attendance a
				join officer o on o.id = a.officer_id join body_view b on b.id = o.body_id where a.session_id = :s and\s""" + visible + " order by b.name, o.name",
				p, (rs, i) -> new Attendee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
	}

	/** Attendance from Excel: 姓名 | 身份证号 | 学时 (optional). Rows are matched by ID number; good rows are kept. */
	@Transactional
	public ImportReport importAttendance(DataScope scope, long sessionId, InputStream xlsx) {
		Session s = session(sessionId);
		if (!manages(scope, sessionId)) {
			throw new BusinessRuleViolation("只有培训的组织单位可以登记参训人员");
		}
		List<ImportReport.RowError> errors = new ArrayList<>();
		Map<Long, BigDecimal> rows = new LinkedHashMap<>();
		List<List<String>> table = Excel.read(xlsx, 3);
		for (int r = 1; r < table.size(); r++) {
			String name = table.get(r).get(0);
			String id = table.get(r).get(1).toUpperCase();
			String hoursText = table.get(r).get(2);
			if (name.isEmpty() && id.isEmpty()) {
				continue;
			}
			var problem = IdNumber.problem(id);
			if (problem.isPresent()) {
				errors.add(new ImportReport.RowError(r + 1, name, problem.get()));
				continue;
			}
			var match = jdbc.queryForList("select id, name from officer where id_number_fingerprint = :fp",
					Map.of("fp", personal.fingerprint(id)));
			if (match.isEmpty()) {
				errors.add(new ImportReport.RowError(r + 1, name, "平台中没有该身份证号的执法人员"));
				continue;
			}
			if (!name.isEmpty() && !name.equals(match.get(0).get("name"))) {
				errors.add(new ImportReport.RowError(r + 1, name, "姓名与平台登记的“" + match.get(0).get("name") + "”不一致"));
				continue;
			}
			BigDecimal hours = s.hours();
			if (!hoursText.isEmpty()) {
				try {
					hours = new BigDecimal(hoursText);
				}
				catch (NumberFormatException e) {
					errors.add(new ImportReport.RowError(r + 1, name, "学时“" + hoursText + "”不是数字"));
					continue;
				}
				if (hours.signum() <= 0 || hours.compareTo(s.hours()) > 0) {
					errors.add(new ImportReport.RowError(r + 1, name, "学时应大于0且不超过本次培训的学时"));
					continue;
				}
			}
			rows.put(((Number) match.get(0).get("id")).longValue(), hours);
		}
		int added = 0;
		for (var e : rows.entrySet()) {
			added += addAttendees(scope, sessionId, List.of(e.getKey()), e.getValue());
		}
		return new ImportReport(added, errors);
	}

	// ---- hours

	/** Hours per officer and category in a year, for the given officers (one query). */
	public Map<Long, TrainingHours> hours(Collection<Long> officerIds, int year) {
		TrainingHours.Target target = target(year);
		Map<Long, Map<TrainingCategory, BigDecimal>> sums = new HashMap<>();
		if (!officerIds.isEmpty()) {
			jdbc.query("""
					select a.officer_id, s.category, sum(a.hours) from training_attendance a join training_session s on s.id = a.session_id
					where a.officer_id in (:ids) and s.held_on between :from and :to group by a.officer_id, s.category""",
					new MapSqlParameterSource().addValue("ids", officerIds).addValue("from", LocalDate.of(year, 1, 1))
						.addValue("to", LocalDate.of(year, 12, 31)),
					rs -> {
						sums.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(TrainingCategory.valueOf(rs.getString(2)), rs.getBigDecimal(3));
					});
		}
		Map<Long, TrainingHours> out = new HashMap<>();
		for (Long id : officerIds) {
			var m = sums.getOrDefault(id, Map.of());
			out.put(id, new TrainingHours(m.getOrDefault(TrainingCategory.PUBLIC_LAW, BigDecimal.ZERO),
					m.getOrDefault(TrainingCategory.BUSINESS, BigDecimal.ZERO), m.getOrDefault(TrainingCategory.SKILL, BigDecimal.ZERO), target));
		}
		return out;
	}

}
