package zhifa.supervision.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.Bodies;
import zhifa.organization.EnforcementBody;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;
import zhifa.shared.web.RequestLimits;

/**
 * 行政执法突出问题专项整治 (方案任务5). The justice bureau opens a campaign with the plan's dates (problem lists with their
 * rectification plans by one day, the report of the rectification by another, its own special supervision reported to
 * the government by a third) and the problem categories as data; every active body in its scope gets a duty. A body lists
 * its outstanding problems, each with 问题表现, 整改措施, 工作标准 and 完成时限, and submits the list; reports progress per
 * problem; submits its final report. A vertically managed body reports to its superior and copies the justice bureau.
 * Late duties are alerted nightly and the action plan's task 5 is judged from them ({@link CampaignDeadlines}); the
 * special-supervision report to the government is generated from the duties ({@link CampaignReport}).
 */
@Service
public class Campaigns {

	static final String SUBJECT = "sv_campaign";
	/** A body's duty has its own record (owned by the body): one body does not read another's list through the campaign's. */
	static final String DUTY_SUBJECT = "sv_campaign_duty";
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The seven forms the plan names (方案任务5), the default categories of a campaign. */
	public static final List<String> PLAN_CATEGORIES = List.of("运动式执法", "“一刀切”执法", "简单粗暴执法", "野蛮执法", "过度执法", "机械执法", "逐利执法");

	public record Campaign(long id, String code, String title, long leadBodyId, String leadBodyName, List<String> categories, LocalDate listDue,
			LocalDate reportDue, LocalDate supervisionDue) {
	}

	public record Problem(long id, String category, String manifestation, String measures, String standard, LocalDate deadline, LocalDate rectifiedOn,
			String progress, int version) {

		public boolean lateOn(LocalDate day) {
			return rectifiedOn == null && day.isAfter(deadline);
		}

		/** Put right, but after its time limit. */
		public boolean rectifiedLate() {
			return rectifiedOn != null && rectifiedOn.isAfter(deadline);
		}
	}

	public record Duty(long id, long campaignId, long bodyId, String bodyName, long reportToBodyId, String reportToName, Long copyToBodyId, String copyToName,
			Instant listSubmittedAt, String listSubmittedBy, String finalReport, Instant finalSubmittedAt, int version, List<Problem> problems,
			String returnedReason, Instant returnedAt) {

		public boolean listSubmitted() {
			return listSubmittedAt != null;
		}

		public boolean reported() {
			return finalSubmittedAt != null;
		}

		public LocalDate listSubmittedOn() {
			return listSubmittedAt == null ? null : listSubmittedAt.atZone(ZONE).toLocalDate();
		}

		public LocalDate reportedOn() {
			return finalSubmittedAt == null ? null : finalSubmittedAt.atZone(ZONE).toLocalDate();
		}
	}

	public record ProblemForm(String category, String manifestation, String measures, String standard, LocalDate deadline) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Bodies bodies;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private final Clock clock;

	Campaigns(NamedParameterJdbcTemplate jdbc, Bodies bodies, OrganizationDirectory directory, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Opens a campaign for every active body in the lead's scope (other than the lead itself). */
	@Transactional
	public long open(Operator op, String code, String title, List<String> categories, LocalDate listDue, LocalDate reportDue, LocalDate supervisionDue) {
		Long lead = op.bodyId();
		if (lead == null || !op.holdsAnyRole(List.of("SUPERVISOR")) || directory.facts(lead).filter(OrganizationDirectory.BodyFacts::supervisory).isEmpty()) {
			throw new AccessDeniedException("专项整治由执法监督机构组织");
		}
		return open(op, lead, op.scope(), code, title, categories, listDue, reportDue, supervisionDue);
	}

	/**
	 * A campaign run before the platform (e.g. the 2024 campaign of the seed plan), entered on behalf of its lead unit for
	 * its region; its duties' past submissions are then entered with {@link #backfill}.
	 */
	@Transactional
	public long openOnBehalf(long lead, String code, String title, List<String> categories, LocalDate listDue, LocalDate reportDue, LocalDate supervisionDue) {
		var facts = directory.facts(lead).filter(OrganizationDirectory.BodyFacts::supervisory).orElseThrow(() -> new NotFound("执法监督机构"));
		return open(Operator.SYSTEM, lead, DataScope.regionSubtree(lead, facts.regionPath()), code, title, categories, listDue, reportDue, supervisionDue);
	}

	private long open(Operator op, long lead, DataScope scope, String code, String title, List<String> categories, LocalDate listDue, LocalDate reportDue,
			LocalDate supervisionDue) {
		Map<String, String> errors = new LinkedHashMap<>();
		String c = code == null ? "" : code.strip();
		if (!c.matches("[A-Za-z0-9-]{1,40}")) {
			errors.put("code", "编号应为40位以内的字母、数字或连字符");
		}
		String t = line(title, 200);
		if (t == null) {
			errors.put("title", "请填写专项整治名称（200字以内）");
		}
		List<String> cats = categories == null ? List.of() : categories.stream().map(x -> line(x, 40)).filter(java.util.Objects::nonNull).distinct().toList();
		if (cats.isEmpty() || cats.size() > 20 || cats.stream().anyMatch(x -> x.contains(","))) {
			errors.put("categories", "请列出问题类别（1至20类，每类40字以内，不含逗号）");
		}
		if (listDue == null) {
			errors.put("listDue", "请填写问题清单和整改方案的报送时限");
		}
		if (reportDue == null) {
			errors.put("reportDue", "请填写专项整治情况的报送时限");
		}
		else if (listDue != null && reportDue.isBefore(listDue)) {
			errors.put("reportDue", "专项整治情况的报送时限不能早于问题清单的报送时限（" + listDue + "）");
		}
		if (supervisionDue == null) {
			errors.put("supervisionDue", "请填写专项监督时限");
		}
		else if (reportDue != null && supervisionDue.isBefore(reportDue)) {
			errors.put("supervisionDue", "专项监督时限不能早于专项整治情况的报送时限（" + reportDue + "）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		if (jdbc.queryForObject("select count(*) from sv_campaign where code = :c", Map.of("c", c), Long.class) > 0) {
			throw new Conflict("编号为 " + c + " 的专项整治已存在");
		}
		long id = jdbc.queryForObject("""
				insert into sv_campaign (code, title, lead_body_id, categories, list_due, report_due, supervision_due, created_by, created_at)
				values (:c, :t, :l, :cat, :ld, :rd, :sd, :by, :now) returning id""", new MapSqlParameterSource().addValue("c", c).addValue("t", t)
			.addValue("l", lead).addValue("cat", String.join(",", cats)).addValue("ld", listDue).addValue("rd", reportDue).addValue("sd", supervisionDue)
			.addValue("by", op.operatorName()).addValue("now", Timestamp.from(clock.instant())), Long.class);
		int duties = 0;
		for (int page = 0;; page++) {
			var found = bodies.search(scope, new Bodies.Query(null, null, null, true, null), page, 100);
			for (EnforcementBody b : found.items()) {
				// a body without an enforcement domain (the government itself, a Party office listed in the plan) enforces nothing
				if (b.id() == lead || !b.active() || b.kind() == zhifa.organization.BodyKind.ENTRUSTED_ORGANIZATION || b.domainCodes().isEmpty()) {
					continue;
				}
				boolean vertical = b.vertical() && b.superiorBodyId() != null;
				jdbc.update("insert into sv_campaign_duty (campaign_id, body_id, report_to_body_id, copy_to_body_id) values (:c, :b, :to, :cc)",
						new MapSqlParameterSource().addValue("c", id).addValue("b", b.id()).addValue("to", vertical ? b.superiorBodyId() : lead)
							.addValue("cc", vertical ? lead : null));
				duties++;
			}
			if (!found.hasNext()) {
				break;
			}
		}
		record.append(op, SUBJECT, id, lead, "campaign.opened", "部署专项整治“" + t + "”：" + duties + " 个单位，问题清单 " + listDue + " 前、整改情况 " + reportDue + " 前报送",
				Map.of("code", c, "duties", duties));
		return id;
	}

	/** A body adds a problem with its rectification plan (before its list is submitted). */
	@Transactional
	public Duty addProblem(Operator op, long dutyId, ProblemForm f) {
		Duty d = ownDuty(op, dutyId);
		if (d.listSubmitted()) {
			throw new BusinessRuleViolation("问题清单已报送，不能再增加（整改进展请逐项报告）");
		}
		Campaign c = campaign(d.campaignId());
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.category() == null || !c.categories().contains(f.category())) {
			errors.put("category", "请选择问题类别");
		}
		String m = required(errors, "manifestation", "问题表现", f.manifestation(), 1000);
		String measures = required(errors, "measures", "整改措施", f.measures(), 2000);
		String standard = required(errors, "standard", "工作标准", f.standard(), 1000);
		// a problem listed now is put right from now on: its time limit is not in the past (past campaigns are 补录, not listed)
		LocalDate latest = c.listDue().plusYears(3);
		if (f.deadline() == null) {
			errors.put("deadline", "请填写完成时限");
		}
		else if (f.deadline().isBefore(today()) || f.deadline().isAfter(latest)) {
			errors.put("deadline", "完成时限应在今天（" + today() + "）至 " + latest + " 之间");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		touch(dutyId, d.version());
		jdbc.update("""
				insert into sv_campaign_problem (duty_id, category, manifestation, measures, standard, deadline) values (:d, :c, :m, :me, :s, :dl)""",
				new MapSqlParameterSource().addValue("d", dutyId).addValue("c", f.category()).addValue("m", m).addValue("me", measures).addValue("s", standard)
					.addValue("dl", f.deadline()));
		record.append(op, DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.problem_added", d.bodyName() + "列出问题（" + f.category() + "）：" + m, Map.of("category", f.category()));
		return duty(dutyId);
	}

	/** The list with its rectification plans submitted (late marked on the record). */
	@Transactional
	public Duty submitList(Operator op, long dutyId, int version) {
		Duty d = ownDuty(op, dutyId);
		if (d.listSubmitted()) {
			throw new Conflict("问题清单已于 " + d.listSubmittedOn() + " 报送");
		}
		if (d.problems().isEmpty()) {
			throw new BusinessRuleViolation("请先列出突出问题及其整改方案；确无问题的，列出“经自查未发现”并写明自查情况");
		}
		Campaign c = campaign(d.campaignId());
		if (jdbc.update("update sv_campaign_duty set list_submitted_at = :now, list_submitted_by = :by, returned_reason = null, returned_at = null, "
				+ "version = version + 1 where id = :id and version = :v",
				new MapSqlParameterSource().addValue("now", Timestamp.from(clock.instant())).addValue("by", op.operatorName()).addValue("id", dutyId)
					.addValue("v", version)) != 1) {
			throw new StaleWrite("该专项整治任务");
		}
		boolean late = today().isAfter(c.listDue());
		record.append(op, DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.list_submitted", d.bodyName() + "报送突出问题清单和整改方案（" + d.problems().size() + " 个问题）" + "，报"
				+ d.reportToName() + (d.copyToName() == null ? "" : "并抄送" + d.copyToName()) + (late ? "，超过 " + c.listDue() + " 的期限" : ""),
				Map.of("problems", d.problems().size(), "late", late));
		return duty(dutyId);
	}

	/** Progress on one problem; rectified with the day. */
	@Transactional
	public Duty progress(Operator op, long dutyId, long problemId, int version, String progress, boolean rectified) {
		Duty d = ownDuty(op, dutyId);
		if (!d.listSubmitted()) {
			throw new BusinessRuleViolation("问题清单报送后再报告整改进展");
		}
		Problem p = d.problems().stream().filter(x -> x.id() == problemId).findFirst().orElseThrow(() -> new NotFound("问题"));
		String text = line(progress, 2000);
		if (text == null) {
			throw BusinessRuleViolation.onField("progress", "请填写整改进展（2000字以内）");
		}
		if (jdbc.update("""
				update sv_campaign_problem set progress = :p, rectified_on = coalesce(rectified_on, :r), version = version + 1
				where id = :id and duty_id = :d and version = :v""",
				new MapSqlParameterSource().addValue("p", text).addValue("r", rectified ? today() : null).addValue("id", problemId).addValue("d", dutyId)
					.addValue("v", version)) != 1) {
			throw new StaleWrite("该问题");
		}
		record.append(op, DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.progress", d.bodyName() + "“" + p.manifestation() + "”：" + (rectified ? "已整改。" : "") + text,
				Map.of("rectified", rectified));
		return duty(dutyId);
	}

	/** The body's report of the rectification (清单、方案和专项整治情况). */
	@Transactional
	public Duty submitReport(Operator op, long dutyId, int version, String report) {
		Duty d = ownDuty(op, dutyId);
		if (!d.listSubmitted()) {
			throw new BusinessRuleViolation("请先报送问题清单和整改方案");
		}
		if (d.reported()) {
			throw new Conflict("整改情况已于 " + d.reportedOn() + " 报送");
		}
		String text = line(report, 8000);
		if (text == null) {
			throw BusinessRuleViolation.onField("report", "请填写专项整治情况（8000字以内）");
		}
		Campaign c = campaign(d.campaignId());
		if (jdbc.update("""
				update sv_campaign_duty set final_report = :r, final_submitted_at = :now, final_submitted_by = :by, returned_reason = null, returned_at = null,
				  version = version + 1 where id = :id and version = :v""",
				new MapSqlParameterSource().addValue("r", text).addValue("now", Timestamp.from(clock.instant())).addValue("by", op.operatorName())
					.addValue("id", dutyId).addValue("v", version)) != 1) {
			throw new StaleWrite("该专项整治任务");
		}
		boolean late = today().isAfter(c.reportDue());
		record.append(op, DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.reported", d.bodyName() + "报送专项整治情况" + (late ? "（超过 " + c.reportDue() + " 的期限）" : ""),
				Map.of("late", late));
		return duty(dutyId);
	}

	/** A problem entered afterwards with the day it was rectified ({@code null}: not yet). */
	public record PastProblem(ProblemForm form, LocalDate rectifiedOn, String progress) {
	}

	/**
	 * 补录: a duty done before the platform (on paper) entered with its real days — the problems, the day the list was
	 * submitted and the day the report was; recorded as an entry made afterwards. By the platform or the lead unit only.
	 */
	@Transactional
	public Duty backfill(Operator op, long dutyId, List<PastProblem> problems, LocalDate listOn, LocalDate reportOn, String report) {
		Duty d = duty(dutyId);
		Campaign c = campaign(d.campaignId());
		if (op.operatorKind() != Operator.Kind.SYSTEM && (op.bodyId() == null || op.bodyId() != c.leadBodyId() || !op.holdsAnyRole(List.of("SUPERVISOR")))) {
			throw new AccessDeniedException("补录由组织专项整治的执法监督机构办理");
		}
		if (d.listSubmitted() || !d.problems().isEmpty()) {
			throw new Conflict("该单位的清单已在平台上报送，不能补录");
		}
		if (listOn == null || listOn.isAfter(today()) || reportOn != null && (reportOn.isBefore(listOn) || reportOn.isAfter(today()))) {
			throw BusinessRuleViolation.onField("listOn", "请填写清单报送日期（不晚于今天，整改情况报送不早于清单）");
		}
		for (PastProblem p : problems) {
			jdbc.update("""
					insert into sv_campaign_problem (duty_id, category, manifestation, measures, standard, deadline, rectified_on, progress)
					values (:d, :c, :m, :me, :s, :dl, :r, :p)""", new MapSqlParameterSource().addValue("d", dutyId).addValue("c", p.form().category())
				.addValue("m", p.form().manifestation()).addValue("me", p.form().measures()).addValue("s", p.form().standard()).addValue("dl", p.form().deadline())
				.addValue("r", p.rectifiedOn()).addValue("p", p.progress()));
		}
		jdbc.update("""
				update sv_campaign_duty set list_submitted_at = :l, list_submitted_by = '补录', final_report = :r, final_submitted_at = :f,
				  final_submitted_by = :fb, version = version + 1 where id = :id""",
				new MapSqlParameterSource().addValue("l", Timestamp.from(listOn.atTime(12, 0).atZone(ZONE).toInstant())).addValue("r", report)
					.addValue("f", reportOn == null ? null : Timestamp.from(reportOn.atTime(12, 0).atZone(ZONE).toInstant()), java.sql.Types.TIMESTAMP)
					.addValue("fb", reportOn == null ? null : "补录").addValue("id", dutyId));
		record.append(op, DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.backfilled", "补录" + d.bodyName() + "的报送情况：清单 " + listOn + "（" + problems.size() + " 个问题）"
				+ (reportOn == null ? "" : "，整改情况 " + reportOn), Map.of("problems", problems.size()));
		return duty(dutyId);
	}

	// ---- reading

	public List<Campaign> campaigns() {
		return jdbc.query(CAMPAIGN + " order by c.list_due desc, c.id desc", Map.of(), this::campaignRow);
	}

	public Campaign campaign(long id) {
		return jdbc.query(CAMPAIGN + " where c.id = :id", Map.of("id", id), this::campaignRow).stream().findFirst().orElseThrow(() -> new NotFound("专项整治"));
	}

	/** The duties of a campaign the operator may see: every one in a supervisor's scope, or his own body's and those reported to it. */
	public List<Duty> duties(Operator op, long campaignId) {
		Map<String, Object> params = new HashMap<>();
		params.put("c", campaignId);
		String where = op.holdsAnyRole(List.of("SUPERVISOR")) ? directory.sqlCondition(op.scope(), "d.body_id", params)
				: op.bodyId() == null ? "false" : "(d.body_id = :me or d.report_to_body_id = :me or d.copy_to_body_id = :me)";
		if (op.bodyId() != null) {
			params.put("me", op.bodyId());
		}
		return jdbc.query(DUTY + " where d.campaign_id = :c and " + where + " order by b.name", params, this::dutyRow);
	}

	public Duty visibleDuty(Operator op, long dutyId) {
		Duty d = duty(dutyId);
		boolean mine = op.bodyId() != null && (op.bodyId() == d.bodyId() || op.bodyId() == d.reportToBodyId() || d.copyToBodyId() != null && op.bodyId().equals(d.copyToBodyId()));
		if (mine || op.holdsAnyRole(List.of("SUPERVISOR")) && directory.covers(op.scope(), d.bodyId())) {
			return d;
		}
		throw new NotFound("专项整治任务");
	}

	public Optional<Duty> ownDutyIn(Operator op, long campaignId) {
		if (op.bodyId() == null) {
			return Optional.empty();
		}
		return jdbc.query(DUTY + " where d.campaign_id = :c and d.body_id = :b", Map.of("c", campaignId, "b", op.bodyId()), this::dutyRow).stream().findFirst();
	}

	/** Whether the operator is a supervisor of the campaign's lead unit (who reports the special supervision to the government). */
	public boolean leads(Operator op, long campaignId) {
		return op.bodyId() != null && op.holdsAnyRole(List.of("SUPERVISOR")) && campaign(campaignId).leadBodyId() == op.bodyId();
	}

	/** Open duties of the operator's body (its home page). */
	public List<Duty> openDutiesOf(long bodyId) {
		return jdbc.query(DUTY + " where d.body_id = :b and (d.list_submitted_at is null or d.final_submitted_at is null) order by d.id", Map.of("b", bodyId),
				this::dutyRow);
	}

	/**
	 * Lists and reports sent to (or copied to) a body since a moment, newest first, of campaigns whose supervision is not
	 * over — what its supervisor reads and, if wrong, returns.
	 */
	public List<Duty> submittedTo(long bodyId, Instant since, LocalDate today) {
		return jdbc.query(DUTY + """
				 join sv_campaign c on c.id = d.campaign_id
				where (d.report_to_body_id = :b or d.copy_to_body_id = :b) and c.supervision_due >= :today
				  and (d.list_submitted_at >= :since or d.final_submitted_at >= :since)
				order by greatest(d.list_submitted_at, coalesce(d.final_submitted_at, d.list_submitted_at)) desc, d.id""",
				Map.of("b", bodyId, "since", java.sql.Timestamp.from(since), "today", today), this::dutyRow);
	}

	Duty duty(long id) {
		return jdbc.query(DUTY + " where d.id = :id", Map.of("id", id), this::dutyRow).stream().findFirst().orElseThrow(() -> new NotFound("专项整治任务"));
	}

	/** The duties of a campaign, within a scope. */
	List<Duty> duties(long campaignId, DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("c", campaignId);
		return jdbc.query(DUTY + " where d.campaign_id = :c and " + directory.sqlCondition(scope, "d.body_id", params), params, this::dutyRow);
	}

	// ---- helpers

	private static final String CAMPAIGN = "select c.*, b.name as lead_name from sv_campaign c join body_view b on b.id = c.lead_body_id";
	private static final String DUTY = """
			select d.*, b.name as body_name, t.name as to_name, cc.name as cc_name from sv_campaign_duty d join body_view b on b.id = d.body_id
			join body_view t on t.id = d.report_to_body_id left join body_view cc on cc.id = d.copy_to_body_id""";

	private Campaign campaignRow(ResultSet rs, int i) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getLong("lead_body_id"), rs.getString("lead_name"),
				List.of(rs.getString("categories").split(",")), rs.getObject("list_due", LocalDate.class), rs.getObject("report_due", LocalDate.class),
				rs.getObject("supervision_due", LocalDate.class));
	}

	private Duty dutyRow(ResultSet rs, int i) throws SQLException {
		long id = rs.getLong("id");
		Timestamp list = rs.getTimestamp("list_submitted_at");
		Timestamp fin = rs.getTimestamp("final_submitted_at");
		return new Duty(id, rs.getLong("campaign_id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getLong("report_to_body_id"), rs.getString("to_name"),
				(Long) rs.getObject("copy_to_body_id"), rs.getString("cc_name"), list == null ? null : list.toInstant(), rs.getString("list_submitted_by"),
				rs.getString("final_report"), fin == null ? null : fin.toInstant(), rs.getInt("version"), problems(id), rs.getString("returned_reason"),
				rs.getTimestamp("returned_at") == null ? null : rs.getTimestamp("returned_at").toInstant());
	}

	private List<Problem> problems(long dutyId) {
		return jdbc.query("select * from sv_campaign_problem where duty_id = :d order by id", Map.of("d", dutyId),
				(rs, i) -> new Problem(rs.getLong("id"), rs.getString("category"), rs.getString("manifestation"), rs.getString("measures"), rs.getString("standard"),
						rs.getObject("deadline", LocalDate.class), rs.getObject("rectified_on", LocalDate.class), rs.getString("progress"), rs.getInt("version")));
	}

	Duty ownDuty(Operator op, long dutyId) {
		Duty d = duty(dutyId);
		if (op.bodyId() == null || op.bodyId() != d.bodyId() || !op.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER"))) {
			throw new AccessDeniedException("由本单位的单位管理员或负责人报送");
		}
		return d;
	}

	void touch(long dutyId, int version) {
		if (jdbc.update("update sv_campaign_duty set version = version + 1 where id = :id and version = :v and list_submitted_at is null",
				Map.of("id", dutyId, "v", version)) != 1) {
			throw new StaleWrite("该专项整治任务");
		}
	}

	/** A required text: the value, or null with the reason in {@code errors} (empty, too long — by how much —, or with control characters). */
	private static String required(Map<String, String> errors, String field, String label, String s, int max) {
		if (s == null || s.isBlank()) {
			errors.put(field, "请填写" + label);
			return null;
		}
		String v = line(s, max);
		if (v == null) {
			int length = s.strip().length();
			errors.put(field, length > max ? label + "不超过" + max + "字（现有" + length + "字）" : label + "含有不允许的控制字符");
		}
		return v;
	}

	private static String line(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		return v.length() > max || RequestLimits.hasControlCharacters(v.replace("\n", "").replace("\r", "")) ? null : v;
	}
}
