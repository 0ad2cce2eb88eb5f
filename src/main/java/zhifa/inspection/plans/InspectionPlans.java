package zhifa.inspection.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.inspection.Fields;
import zhifa.shared.RandomDraw;
import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.objects.InspectionObjects;
import zhifa.inspection.objects.RiskClass;
import zhifa.organization.OrganizationDirectory;
import zhifa.organization.Regions;
import zhifa.record.FullProcessRecord;
import zhifa.record.SignedAnchors;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;

/**
 * 年度抽查计划 and its tasks (RULES.md §5): a body drafts its plan for a year, files it with the justice bureau by the
 * configured day ({@code zhifa.inspection.plan-filing-deadline}, default 03-31; later filings are marked late), the
 * supervisor approves it or returns it with a reason; a returned plan is changed and filed again. A task of an approved
 * plan is then committed — its parameters and pool published with their SM3 commitment — and drawn once
 * ({@link zhifa.inspection.visits.Draws}).
 */
@Service
public class InspectionPlans {

	public enum PlanStatus {
		DRAFT("草稿"), FILED("已报备，待审核"), APPROVED("已批准"), RETURNED("已退回");

		private final String label;

		PlanStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum TaskStatus {
		PLANNED("待公布"), COMMITTED("已公布承诺值，待抽取"), DRAWN("已抽取");

		private final String label;

		TaskStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Plan(long id, long bodyId, String bodyName, int year, PlanStatus status, LocalDate filedOn, boolean filedLate, LocalDate decidedOn,
			String decidedBy, String decisionNote, int version, String lateReason) {
	}

	/** A body taking part in a joint task, and whether (by whom) it agreed. */
	public record Partner(long bodyId, String bodyName, String acceptedBy, Instant acceptedAt) {
	}

	/** An item of a task, with the body that brings it (a joint task has several). */
	public record TaskItem(long itemId, long bodyId, String bodyName, String matterCode, String name, String basis) {
	}

	public record Task(long id, long planId, long bodyId, String bodyName, String code, String name, Long regionId, String regionName,
			String industry, Map<RiskClass, BigDecimal> ratios, LocalDate startsOn, LocalDate endsOn, TaskStatus status, String commitment,
			Instant committedAt, Long anchorSeqAtCommit, Long beaconSeq, String beacon, String seed, String resultDigest, Instant drawnAt,
			String drawnBy, int version, List<TaskItem> items, List<Partner> partnerStatus) {

		/** The bodies taking part besides the initiating one (a joint task: 综合查一次). */
		public List<Long> partners() {
			return items.stream().map(TaskItem::bodyId).filter(b -> b != bodyId).distinct().toList();
		}

		public boolean joint() {
			return !partners().isEmpty();
		}

		/** The ratios as the draw takes them: a fraction per class letter. */
		public Map<String, BigDecimal> fractions() {
			Map<String, BigDecimal> m = new TreeMap<>();
			ratios.forEach((k, v) -> m.put(k.name(), v.movePointLeft(2).stripTrailingZeros()));
			return m;
		}
	}

	/** A task as typed: its own and its partners' published items, the pool filter, the ratio (percent) per class and the period. */
	public record TaskForm(String name, List<Long> itemIds, Long regionId, String industry, BigDecimal ratioA, BigDecimal ratioB, BigDecimal ratioC,
			BigDecimal ratioD, LocalDate startsOn, LocalDate endsOn) {
	}

	private static final String PLAN = "select p.*, b.name as body_name from insp_plan p join body_view b on b.id = p.body_id";
	private static final String TASK = """
			select t.*, b.name as body_name, r.name as region_name from insp_task t join body_view b on b.id = t.body_id
			left join region_view r on r.id = t.region_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final InspectionItems items;
	private final InspectionObjects objects;
	private final BodyScopes scopes;
	private final OrganizationDirectory directory;
	private final Regions regions;
	private final FullProcessRecord record;
	private final SignedAnchors anchors;
	private final Clock clock;
	private final MonthDay filingDeadline;

	InspectionPlans(NamedParameterJdbcTemplate jdbc, InspectionItems items, InspectionObjects objects, BodyScopes scopes,
			OrganizationDirectory directory, Regions regions, FullProcessRecord record, SignedAnchors anchors, Clock clock,
			@Value("${zhifa.inspection.plan-filing-deadline:--03-31}") String filingDeadline) {
		this.jdbc = jdbc;
		this.items = items;
		this.objects = objects;
		this.scopes = scopes;
		this.directory = directory;
		this.regions = regions;
		this.record = record;
		this.anchors = anchors;
		this.clock = clock;
		this.filingDeadline = MonthDay.parse(filingDeadline.startsWith("--") ? filingDeadline : "--" + filingDeadline);
	}

	/** The last day a year's plan may be filed without being late. */
	public LocalDate filingDeadline(int year) {
		return filingDeadline.atYear(year);
	}

	// ----- plans

	public List<Plan> plans(DataScope scope, Integer year) {
		Map<String, Object> p = new HashMap<>();
		String where = " where " + scopes.sqlCondition(scope, "p.body_id", p) + (year == null ? "" : " and p.year = :year");
		p.put("year", year);
		return jdbc.query(PLAN + where + " order by p.year desc, b.name", p, InspectionPlans::plan);
	}

	public Plan plan(DataScope scope, long id) {
		return jdbc.query(PLAN + " where p.id = :id", Map.of("id", id), InspectionPlans::plan).stream().filter(x -> scopes.covers(scope, x.bodyId()))
			.findFirst().orElseThrow(() -> new NotFound("抽查计划"));
	}

	/** A new plan of the operator's body (or the body he names, in his scope) for a year. */
	@Transactional
	public Plan createPlan(Operator op, Long bodyId, Integer year) {
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN", "PLATFORM_ADMIN"))) {
			throw new AccessDeniedException("抽查计划由本单位负责人或单位管理员办理");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		long body = bodyId != null ? bodyId : op.bodyId() == null ? -1 : op.bodyId();
		if (directory.facts(body).isEmpty() || !scopes.covers(op.scope(), body)) {
			errors.put("bodyId", "请选择本单位");
		}
		int thisYear = LocalDate.now(clock).getYear();
		if (year == null || year < thisYear - 1 || year > thisYear + 1) {
			errors.put("year", "年度应为" + (thisYear - 1) + "至" + (thisYear + 1) + "年");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from insp_plan where body_id = :b and year = :y)",
				Map.of("b", body, "y", year), Boolean.class))) {
			throw BusinessRuleViolation.onField("year", "本单位" + year + "年度的抽查计划已经建立");
		}
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.queryForObject("""
				insert into insp_plan (body_id, year, status, created_at, updated_at) values (:b, :y, 'DRAFT', :now, :now) returning id""",
				new MapSqlParameterSource().addValue("b", body).addValue("y", year).addValue("now", now), Long.class);
		record.append(op, "insp_plan", id, body, "inspection.plan_created", "建立" + year + "年度随机抽查计划", Map.of("year", year));
		return plan(DataScope.all(), id);
	}

	/** Files the plan with the justice bureau (first time or again after it was returned); after the deadline, saying why. */
	@Transactional
	public Plan file(Operator op, long id, int version, String lateReason) {
		Plan p = plan(op.scope(), id);
		requireOwnBody(op, p.bodyId());
		if (p.status() != PlanStatus.DRAFT && p.status() != PlanStatus.RETURNED) {
			throw new BusinessRuleViolation("计划" + p.status().label() + "，不能再报备");
		}
		if (tasks(p.id()).isEmpty()) {
			throw new BusinessRuleViolation("计划中还没有抽查任务，请先添加任务再报备");
		}
		LocalDate today = LocalDate.now(clock);
		// a plan first filed on time and returned by the supervisor is not late when filed again after the deadline
		boolean firstOnTime = p.status() == PlanStatus.RETURNED && p.filedOn() != null && !p.filedLate();
		boolean late = today.isAfter(filingDeadline(p.year())) && !firstOnTime;
		String reason = null;
		if (late) {
			// filed late: the supervisor decides knowing why (the plan says so to him, the record keeps it)
			Map<String, String> errors = new LinkedHashMap<>();
			Fields.text(errors, "lateReason", "逾期报备的原因（已超过报备期限 " + filingDeadline(p.year()) + "）", lateReason, 500);
			if (!errors.isEmpty()) {
				throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
			}
			reason = Fields.strip(lateReason);
		}
		move(id, version, "FILED", today, late, null, null, null);
		jdbc.update("update insp_plan set late_reason = :r where id = :id", new MapSqlParameterSource("r", reason).addValue("id", id));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("late", late);
		payload.put("deadline", filingDeadline(p.year()).toString());
		if (reason != null) {
			payload.put("lateReason", reason);
		}
		record.append(op, "insp_plan", id, p.bodyId(), "inspection.plan_filed",
				"报备" + p.year() + "年度随机抽查计划" + (late ? "（超过报备期限 " + filingDeadline(p.year()) + "：" + reason + "）" : ""), payload);
		return plan(DataScope.all(), id);
	}

	/** The supervisor's decision on a filed plan: approved, or returned with the reason. */
	@Transactional
	public Plan decide(Operator op, long id, int version, boolean approve, String note) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR"))) {
			throw new AccessDeniedException("抽查计划由执法监督机构审核");
		}
		Plan p = plan(op.scope(), id);
		if (p.status() != PlanStatus.FILED) {
			throw new BusinessRuleViolation("只有已报备的计划可以审核（本计划" + p.status().label() + "）");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (approve) {
			Fields.optional(errors, "note", "审核意见", note, 500);
		}
		else {
			Fields.text(errors, "note", "退回理由", note, 500);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		String n = Fields.strip(note);
		move(id, version, approve ? "APPROVED" : "RETURNED", p.filedOn(), p.filedLate(), LocalDate.now(clock), op.operatorName(), n);
		record.append(op, "insp_plan", id, p.bodyId(), approve ? "inspection.plan_approved" : "inspection.plan_returned",
				(approve ? "批准" : "退回") + p.bodyName() + p.year() + "年度随机抽查计划" + (n == null ? "" : "：" + n),
				n == null ? Map.of() : Map.of("note", n));
		return plan(DataScope.all(), id);
	}

	private void move(long id, int version, String status, LocalDate filedOn, boolean late, LocalDate decidedOn, String decidedBy, String note) {
		int n = jdbc.update("""
				update insp_plan set status = :s, filed_on = :filed, filed_late = :late, decided_on = :decided, decided_by = :by, decision_note = :note,
				  version = version + 1, updated_at = :now where id = :id and version = :v""",
				new MapSqlParameterSource().addValue("s", status).addValue("filed", filedOn).addValue("late", late).addValue("decided", decidedOn)
					.addValue("by", decidedBy).addValue("note", note).addValue("now", Timestamp.from(clock.instant())).addValue("id", id)
					.addValue("v", version));
		if (n != 1) {
			throw new StaleWrite("该抽查计划");
		}
	}

	private void requireOwnBody(Operator op, long bodyId) {
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN", "PLATFORM_ADMIN")) || !scopes.covers(op.scope(), bodyId)) {
			throw new AccessDeniedException("抽查计划由本单位负责人或单位管理员办理");
		}
	}

	// ----- tasks

	public List<Task> tasks(long planId) {
		return jdbc.query(TASK + " where t.plan_id = :p order by t.id", Map.of("p", planId), this::task);
	}

	public Task task(DataScope scope, long id) {
		return jdbc.query(TASK + " where t.id = :id", Map.of("id", id), this::task).stream()
			.filter(t -> scopes.covers(scope, t.bodyId()) || t.partners().stream().anyMatch(b -> scopes.covers(scope, b))).findFirst()
			.orElseThrow(() -> new NotFound("抽查任务"));
	}

	/** The tasks of the bodies in the scope (as initiator or partner) whose plan is approved, newest first. */
	public List<Task> approvedTasks(DataScope scope, int limit) {
		Map<String, Object> p = new HashMap<>();
		String own = scopes.sqlCondition(scope, "t.body_id", p);
		String partner = scopes.sqlCondition(scope, "ti.body_id", p);
		p.put("limit", limit);
		return jdbc.query(TASK + " join insp_plan p on p.id = t.plan_id where p.status = 'APPROVED' and (" + own
				+ " or exists (select 1 from insp_task_item ti where ti.task_id = t.id and " + partner + ")) order by t.starts_on desc, t.id desc limit :limit",
				p, this::task);
	}

	/** Adds a task to a draft or returned plan. */
	@Transactional
	public Task addTask(Operator op, long planId, TaskForm f) {
		Plan p = plan(op.scope(), planId);
		requireOwnBody(op, p.bodyId());
		if (p.status() != PlanStatus.DRAFT && p.status() != PlanStatus.RETURNED) {
			throw new BusinessRuleViolation("计划" + p.status().label() + "，不能再添加任务；如需调整请联系执法监督机构退回");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Fields.text(errors, "name", "任务名称", f.name(), 200);
		Fields.optional(errors, "industry", "行业", f.industry(), 100);
		List<InspectionItems.Item> chosen = new ArrayList<>();
		if (f.itemIds() != null && f.itemIds().stream().anyMatch(java.util.Objects::isNull)) {
			errors.put("itemIds", "检查事项的选择有误，请重新选择");
		}
		for (Long itemId : f.itemIds() == null || errors.containsKey("itemIds") ? List.<Long>of() : f.itemIds().stream().distinct().toList()) {
			var item = items.find(itemId).filter(i -> i.status() == InspectionItems.Status.PUBLISHED);
			if (item.isEmpty()) {
				errors.put("itemIds", "只能选择已公布的随机抽查事项");
				break;
			}
			chosen.add(item.get());
		}
		if (!errors.containsKey("itemIds") && chosen.stream().noneMatch(i -> i.bodyId() == p.bodyId())) {
			errors.put("itemIds", "请至少选择一项本单位已公布的随机抽查事项（其他单位的事项使本任务成为联合检查）");
		}
		Map<RiskClass, BigDecimal> ratios = new LinkedHashMap<>();
		ratio(errors, ratios, RiskClass.A, f.ratioA());
		ratio(errors, ratios, RiskClass.B, f.ratioB());
		ratio(errors, ratios, RiskClass.C, f.ratioC());
		ratio(errors, ratios, RiskClass.D, f.ratioD());
		if (ratios.size() == 4 && ratios.values().stream().allMatch(r -> r.signum() == 0)) {
			errors.put("ratioA", "至少一类对象的抽查比例应大于0");
		}
		if (f.startsOn() == null || f.endsOn() == null) {
			errors.put("startsOn", "请填写检查期间");
		}
		else if (f.endsOn().isBefore(f.startsOn())) {
			errors.put("endsOn", "结束日期不能早于开始日期");
		}
		else if (f.startsOn().getYear() != p.year() || f.endsOn().getYear() != p.year()) {
			errors.put("startsOn", "检查期间应在计划年度" + p.year() + "年内");
		}
		Long regionId = TaskRegion.of(directory, regions, p.bodyId(), f.regionId(), chosen.stream().map(InspectionItems.Item::bodyId).toList(),
				errors.containsKey("itemIds"), errors);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		int n = jdbc.queryForObject("select count(*) from insp_task where plan_id = :p", Map.of("p", planId), Integer.class) + 1;
		String code = "CC" + p.year() + "-" + p.bodyId() + "-" + String.format("%02d", n);
		long id = jdbc.queryForObject("""
				insert into insp_task (plan_id, body_id, code, name, region_id, industry, ratio_a, ratio_b, ratio_c, ratio_d, starts_on, ends_on, status, created_at)
				values (:plan, :body, :code, :name, :region, :industry, :a, :b, :c, :d, :from, :to, 'PLANNED', :now) returning id""",
				new MapSqlParameterSource().addValue("plan", planId).addValue("body", p.bodyId()).addValue("code", code).addValue("name", f.name().strip())
					.addValue("region", regionId).addValue("industry", Fields.strip(f.industry())).addValue("a", ratios.get(RiskClass.A))
					.addValue("b", ratios.get(RiskClass.B)).addValue("c", ratios.get(RiskClass.C)).addValue("d", ratios.get(RiskClass.D))
					.addValue("from", f.startsOn()).addValue("to", f.endsOn()).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		for (var i : chosen) {
			jdbc.update("insert into insp_task_item (task_id, item_id, body_id) values (:t, :i, :b)", Map.of("t", id, "i", i.id(), "b", i.bodyId()));
		}
		chosen.stream().map(InspectionItems.Item::bodyId).filter(b -> b != p.bodyId()).distinct()
			.forEach(b -> jdbc.update("insert into insp_task_partner (task_id, body_id) values (:t, :b)", Map.of("t", id, "b", b)));
		Map<String, Object> payload = new TreeMap<>();
		payload.put("code", code);
		payload.put("items", chosen.stream().map(InspectionItems.Item::matterCode).toList());
		payload.put("ratios", ratios.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue().toPlainString() + "%").toList());
		payload.put("period", f.startsOn() + "~" + f.endsOn());
		record.append(op, "insp_plan", planId, p.bodyId(), "inspection.task_added", "抽查计划添加任务 " + code + "“" + f.name().strip() + "”"
				+ (chosen.stream().anyMatch(i -> i.bodyId() != p.bodyId()) ? "（联合检查）" : ""), payload);
		return task(DataScope.all(), id);
	}

	private static void ratio(Map<String, String> errors, Map<RiskClass, BigDecimal> ratios, RiskClass k, BigDecimal v) {
		String field = "ratio" + k.name();
		if (v == null) {
			errors.put(field, "请填写" + k.name() + "类对象的抽查比例");
		}
		else if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
			errors.put(field, k.name() + "类抽查比例应在0至100之间（百分比，最多两位小数）");
		}
		else {
			ratios.put(k, v.setScale(2, RoundingMode.UNNECESSARY));
		}
	}

	/** A partner body agrees to take part in a joint task (its head or administrator); recorded on the task. */
	@Transactional
	public Task acceptPartnership(Operator op, long id) {
		Task t = task(op.scope(), id);
		var mine = t.partnerStatus().stream().filter(x -> scopes.covers(op.scope(), x.bodyId()) && x.acceptedBy() == null).findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("本单位不是本任务待确认的参加单位"));
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN"))) {
			throw new AccessDeniedException("参加联合检查由本单位负责人或单位管理员确认");
		}
		if (t.status() != TaskStatus.PLANNED) {
			throw new BusinessRuleViolation("本任务" + t.status().label());
		}
		jdbc.update("update insp_task_partner set accepted_by = :by, accepted_at = :now where task_id = :t and body_id = :b and accepted_by is null",
				new MapSqlParameterSource().addValue("by", op.operatorName()).addValue("now", Timestamp.from(clock.instant())).addValue("t", id)
					.addValue("b", mine.bodyId()));
		record.append(op, "insp_task", id, t.bodyId(), "inspection.partner_accepted", mine.bodyName() + "同意参加联合检查任务 " + t.code(),
				Map.of("partner", mine.bodyName()));
		return task(DataScope.all(), id);
	}

	/**
	 * Publishes the task's parameters and pool with their commitment, before anything about the draw can be known: the
	 * plan must be approved; the pool is the 名录库's objects matching the filter now, stratified by credit-risk class.
	 */
	@Transactional
	public Task commit(Operator op, long id, int version) {
		Task t = task(op.scope(), id);
		requireOwnBody(op, t.bodyId());
		Plan p = plan(DataScope.all(), t.planId());
		if (p.status() != PlanStatus.APPROVED) {
			throw new BusinessRuleViolation("抽查计划" + p.status().label() + "，经执法监督机构批准后才能公布任务、抽取对象");
		}
		if (t.status() != TaskStatus.PLANNED) {
			throw new BusinessRuleViolation("本任务" + t.status().label() + "，承诺值公布后不能更改");
		}
		if (LocalDate.now(clock).isAfter(t.endsOn())) {
			throw new BusinessRuleViolation("本任务的检查期间已于 " + t.endsOn() + " 结束");
		}
		List<String> waiting = t.partnerStatus().stream().filter(x -> x.acceptedBy() == null).map(Partner::bodyName).toList();
		if (!waiting.isEmpty()) {
			throw new BusinessRuleViolation("联合检查须参加单位同意后才能公布：" + String.join("、", waiting) + "尚未同意");
		}
		List<RandomDraw.Candidate> pool = objects.pool(t.regionId(), t.industry()).stream()
			.map(o -> new RandomDraw.Candidate(o.riskClass().name(), o.uscc())).toList();
		if (pool.isEmpty()) {
			throw new BusinessRuleViolation("检查对象名录库中没有符合本任务范围（区划、行业）的对象");
		}
		String canonical = RandomDraw.canonical(t.code(), t.fractions(), pool);
		String commitment = RandomDraw.commitment(t.code(), t.fractions(), pool);
		long anchorSeq = anchors.lastSeq();
		int n = jdbc.update("""
				update insp_task set status = 'COMMITTED', canonical = :text, commitment = :c, anchor_seq_at_commit = :seq,
				  version = version + 1 where id = :id and version = :v and status = 'PLANNED'""",
				new MapSqlParameterSource().addValue("text", canonical).addValue("c", commitment).addValue("seq", anchorSeq).addValue("id", id)
					.addValue("v", version));
		if (n != 1) {
			throw new StaleWrite("该抽查任务");
		}
		Map<String, Object> sizes = new TreeMap<>();
		RandomDraw.sizes(t.fractions(), pool).forEach((k, v) -> sizes.put(k, v[0] + "中抽" + v[1]));
		var entry = record.append(op, "insp_task", id, t.bodyId(), "inspection.task_committed", "公布抽查任务 " + t.code() + " 的参数、对象名录（" + pool.size()
				+ "户）和承诺值 " + commitment, Map.of("commitment", commitment, "pool", pool.size(), "strata", sizes, "anchorSeqAtCommit", anchorSeq));
		// the moment of the commitment is the moment of its record entry: the beacon is an anchor whose period ends after it
		jdbc.update("update insp_task set committed_at = :at where id = :id", Map.of("at", Timestamp.from(entry.occurredAt()), "id", id));
		return task(DataScope.all(), id);
	}

	/**
	 * What publishing the task now would commit to: the 名录库's objects matching its region and industry, by class, and how
	 * many of each the ratios draw — for the head to see before the one draw (a task over every industry had drawn 1,358).
	 */
	public Preview preview(Task t) {
		List<RandomDraw.Candidate> pool = objects.pool(t.regionId(), t.industry()).stream()
			.map(o -> new RandomDraw.Candidate(o.riskClass().name(), o.uscc())).toList();
		Map<String, int[]> sizes = new TreeMap<>(RandomDraw.sizes(t.fractions(), pool));
		return new Preview(pool.size(), sizes, sizes.values().stream().mapToInt(v -> v[1]).sum());
	}

	/** The pool's size, each class's size and draw, and the objects drawn in all. */
	public record Preview(int pool, Map<String, int[]> sizes, int drawn) {
	}

	/** A task by its code, once its parameters are published (committed or drawn): what the public draw page shows. */
	public java.util.Optional<Task> published(String code) {
		if (code == null || code.length() > 40) {
			return java.util.Optional.empty();
		}
		return jdbc.query(TASK + " where t.code = :c and t.status <> 'PLANNED'", Map.of("c", code), this::task).stream().findFirst();
	}

	/** The published text of a committed task (what its commitment is the SM3 of). */
	public String canonical(long id) {
		String text = jdbc.queryForObject("select canonical from insp_task where id = :id", Map.of("id", id), String.class);
		if (text == null) {
			throw new BusinessRuleViolation("本任务尚未公布承诺值");
		}
		return text;
	}

	private static Plan plan(ResultSet rs, int i) throws SQLException {
		return new Plan(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getInt("year"), PlanStatus.valueOf(rs.getString("status")),
				rs.getObject("filed_on", LocalDate.class), rs.getBoolean("filed_late"), rs.getObject("decided_on", LocalDate.class),
				rs.getString("decided_by"), rs.getString("decision_note"), rs.getInt("version"), rs.getString("late_reason"));
	}

	private Task task(ResultSet rs, int i) throws SQLException {
		long id = rs.getLong("id");
		Map<RiskClass, BigDecimal> ratios = new LinkedHashMap<>();
		for (RiskClass k : RiskClass.values()) {
			ratios.put(k, rs.getBigDecimal("ratio_" + k.name().toLowerCase()));
		}
		List<TaskItem> taskItems = jdbc.query("""
				select i.id, i.body_id, b.name as body_name, i.matter_code, i.name, i.basis from insp_task_item ti join insp_item i on i.id = ti.item_id
				join body_view b on b.id = i.body_id where ti.task_id = :t order by i.body_id = :own desc, b.name, i.matter_code""",
				Map.of("t", id, "own", rs.getLong("body_id")),
				(r, n) -> new TaskItem(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
		Timestamp committed = rs.getTimestamp("committed_at");
		Timestamp drawn = rs.getTimestamp("drawn_at");
		return new Task(id, rs.getLong("plan_id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("code"), rs.getString("name"),
				(Long) rs.getObject("region_id"), rs.getString("region_name"), rs.getString("industry"), ratios, rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), TaskStatus.valueOf(rs.getString("status")), trim(rs.getString("commitment")),
				committed == null ? null : committed.toInstant(), (Long) rs.getObject("anchor_seq_at_commit"), (Long) rs.getObject("beacon_seq"),
				trim(rs.getString("beacon")), trim(rs.getString("seed")), trim(rs.getString("result_digest")), drawn == null ? null : drawn.toInstant(),
				rs.getString("drawn_by"), rs.getInt("version"), taskItems, jdbc.query("""
						select p.body_id, b.name, p.accepted_by, p.accepted_at from insp_task_partner p join body_view b on b.id = p.body_id
						where p.task_id = :t order by b.name""", Map.of("t", id), (r, n) -> new Partner(r.getLong(1), r.getString(2), r.getString(3),
								r.getTimestamp(4) == null ? null : r.getTimestamp(4).toInstant())));
	}

	private static String trim(String s) {
		return s == null ? null : s.trim();
	}
}
