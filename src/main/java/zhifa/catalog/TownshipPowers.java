package zhifa.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 乡镇赋权 (方案任务10): the matters of county departments delegated to each township/街道 by a document, added and
 * withdrawn with a reason (the rows are the history), and the evaluation of how the powers are used — usage from the
 * enforcement data ({@link MatterActivity}), third-party assessments, public feedback — reported to the prefecture.
 */
@Service
public class TownshipPowers {

	private final NamedParameterJdbcTemplate jdbc;
	private final Matters matters;
	private final MatterActivity activity;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;

	private final Catalogues catalogues;

	TownshipPowers(NamedParameterJdbcTemplate jdbc, Matters matters, MatterActivity activity, BodyScopes scopes, FullProcessRecord record,
			Clock clock, Catalogues catalogues) {
		this.catalogues = catalogues;
		this.jdbc = jdbc;
		this.matters = matters;
		this.activity = activity;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	public record Township(long bodyId, String name, int liveDelegations) {
	}

	public record Delegation(long id, long townshipBodyId, String township, long matterId, String matterCode, String matterName, String matterBody,
			String documentTitle, String documentNumber, LocalDate effectiveFrom, String reason, String addedBy, Instant addedAt, LocalDate withdrawnOn,
			String withdrawReason, String withdrawnBy, MatterType matterType, String provincialBasis) {

		/** A power to punish delegated without the province's decision on record (rows from before it was asked for). */
		public boolean provincialBasisMissing() {
			return matterType == MatterType.PENALTY && (provincialBasis == null || provincialBasis.isBlank());
		}

		public boolean live() {
			return withdrawnOn == null;
		}
	}

	/**
	 * A delegation asked for. {@code provincialBasis}: the province's decision that hands the power to punish to townships
	 * (行政处罚法第二十四条), name and 文号 — required for a 行政处罚 matter.
	 */
	public record Delegate(Long townshipBodyId, Long matterId, String documentTitle, String documentNumber, LocalDate effectiveFrom, String reason,
			String provincialBasis) {
	}

	public enum Channel {
		HOTLINE("12345热线"), LETTER("来信来访"), MEETING("座谈走访"), ONLINE("网络"), OTHER("其他");

		private final String label;

		Channel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Satisfaction {
		SATISFIED("满意"), BASIC("基本满意"), UNSATISFIED("不满意");

		private final String label;

		Satisfaction(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Evaluation(long id, long townshipBodyId, int year, String assessor, BigDecimal score, String comments, LocalDate assessedOn) {
	}

	public record NewEvaluation(Integer year, String assessor, BigDecimal score, String comments, LocalDate assessedOn) {
	}

	public record Feedback(long id, long townshipBodyId, LocalDate receivedOn, Channel channel, Satisfaction satisfaction, String content) {
	}

	public record NewFeedback(LocalDate receivedOn, Channel channel, Satisfaction satisfaction, String content) {
	}

	/** One township's line of the evaluation report. Usage is empty when no activity data is connected. */
	public record ReportLine(Township township, List<Delegation> delegations, Optional<Map<Long, Long>> usage, List<Evaluation> evaluations,
			Map<Satisfaction, Long> feedback) {

		/** e.g. 2 / 1 / 0 for 满意 / 基本满意 / 不满意. */
		public String feedbackSummary() {
			return String.join(" / ", java.util.Arrays.stream(Satisfaction.values()).map(s -> String.valueOf(feedback.getOrDefault(s, 0L))).toList());
		}

		public Optional<Long> totalUsage() {
			return usage.map(u -> u.values().stream().mapToLong(Long::longValue).sum());
		}
	}

	// ---- reading

	public List<Township> townships(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("""
				select b.id, b.name, (select count(*) from township_delegation d where d.township_body_id = b.id and d.withdrawn_at is null) as live
				from body_view b
				where b.region_level = 'TOWNSHIP' and b.status = 'ACTIVE' and\s""" + scopes.sqlCondition(scope, "b.id", p) + " order by b.region_id, b.name",
				p, (rs, i) -> new Township(rs.getLong("id"), rs.getString("name"), rs.getInt("live")));
	}

	public Township township(DataScope scope, long bodyId) {
		return townships(scope).stream().filter(t -> t.bodyId() == bodyId).findFirst().orElseThrow(() -> new NotFound("乡镇（街道）"));
	}

	/** Every delegation of the township, live first, withdrawn ones kept as history. */
	public List<Delegation> delegations(DataScope scope, long townshipBodyId) {
		township(scope, townshipBodyId);
		return jdbc.query(DELEGATION + " where d.township_body_id = :t order by d.withdrawn_at nulls first, m.code, d.id", Map.of("t", townshipBodyId),
				(rs, i) -> delegation(rs));
	}

	/** Matters that may be delegated to the township: 有效, marked for townships, of a body of the township's county. */
	public List<Matter> delegable(long townshipBodyId) {
		return jdbc.queryForList("""
				select m.id from enforcement_matter m join body_view b on b.id = m.body_id
				where m.status = 'ACTIVE' and m.township and b.region_level = 'COUNTY'
				  and (select tb.region_path from body_view tb where tb.id = :t) like b.region_path || '%'
				  and not exists (select 1 from township_delegation d where d.matter_id = m.id and d.township_body_id = :t and d.withdrawn_at is null)
				order by b.name, m.code""", Map.of("t", townshipBodyId), Long.class).stream().map(id -> matters.get(DataScope.all(), id)).toList();
	}

	public List<Evaluation> evaluations(long townshipBodyId) {
		return jdbc.query("select * from township_evaluation where township_body_id = :t order by year desc, assessed_on desc", Map.of("t", townshipBodyId),
				(rs, i) -> new Evaluation(rs.getLong("id"), rs.getLong("township_body_id"), rs.getInt("year"), rs.getString("assessor"),
						rs.getBigDecimal("score"), rs.getString("comments"), rs.getDate("assessed_on").toLocalDate()));
	}

	public List<Feedback> feedback(long townshipBodyId) {
		return jdbc.query("select * from township_feedback where township_body_id = :t order by received_on desc, id desc", Map.of("t", townshipBodyId),
				(rs, i) -> new Feedback(rs.getLong("id"), rs.getLong("township_body_id"), rs.getDate("received_on").toLocalDate(),
						Channel.valueOf(rs.getString("channel")), Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("content")));
	}

	/** The matters delegated to the body and not withdrawn (empty for a body that is not a township). */
	public List<Matter> delegatedMatters(long townshipBodyId) {
		return jdbc.queryForList("select matter_id from township_delegation where township_body_id = :t and withdrawn_at is null order by id",
				Map.of("t", townshipBodyId), Long.class).stream().map(id -> matters.get(DataScope.all(), id)).toList();
	}

	/** Whether the matter was delegated to the township on the day — it is then the township's matter too. */
	public boolean delegatedTo(long townshipBodyId, long matterId, LocalDate day) {
		return department(townshipBodyId, matterId, day).isPresent();
	}

	/**
	 * Whether the township may enforce the matter on the day: delegated to it then, and in force in its department's
	 * catalogue as published on that day ({@link Catalogues#inForce}, what the department itself is held to). A matter
	 * the department cancelled or suspended is no power of the township either, whether or not the delegation was
	 * withdrawn: a delegation hands down no more than the department has.
	 */
	public boolean inForceFor(long townshipBodyId, long matterId, LocalDate day) {
		return department(townshipBodyId, matterId, day).map(d -> catalogues.inForce(d, matterId, day)).orElse(false);
	}

	private Optional<Long> department(long townshipBodyId, long matterId, LocalDate day) {
		return jdbc.queryForList("""
				select m.body_id from township_delegation d join enforcement_matter m on m.id = d.matter_id
				where d.township_body_id = :t and d.matter_id = :m and d.effective_from <= :d and (d.withdrawn_on is null or d.withdrawn_on > :d)
				limit 1""", Map.of("t", townshipBodyId, "m", matterId, "d", day), Long.class).stream().findFirst();
	}

	public boolean activityConnected() {
		return activity.connected();
	}

	// ---- changes

	@Transactional
	public Delegation delegate(DataScope scope, Delegate f, boolean demo) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.townshipBodyId() == null) {
			errors.put("townshipBodyId", "请选择乡镇（街道）");
		}
		if (f.matterId() == null) {
			errors.put("matterId", "请选择下放的执法事项");
		}
		if (blank(f.documentTitle())) {
			errors.put("documentTitle", "请填写赋权文件名称");
		}
		if (blank(f.documentNumber())) {
			errors.put("documentNumber", "请填写赋权文件文号");
		}
		if (f.effectiveFrom() == null) {
			errors.put("effectiveFrom", "请填写生效日期");
		}
		if (blank(f.reason())) {
			errors.put("reason", "请填写下放理由");
		}
		if (f.matterId() != null && blank(f.provincialBasis()) && jdbc.queryForList("select type from enforcement_matter where id = :m", Map.of("m", f.matterId()), String.class).contains("PENALTY")) {
			errors.put("provincialBasis", "行政处罚权交由乡镇（街道）行使，须有省、自治区、直辖市的决定（行政处罚法第二十四条）：请填写该决定的名称和文号");
		}
		if (!blank(f.provincialBasis()) && f.provincialBasis().strip().length() > 300) {
			errors.put("provincialBasis", "省级决定的名称和文号不超过300字");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Township t = township(scope, f.townshipBodyId());
		if (delegable(t.bodyId()).stream().noneMatch(m -> m.id() == f.matterId())) {
			Matter m = matters.get(DataScope.all(), f.matterId());
			String why = m.status() != MatterStatus.ACTIVE ? "该事项当前为“" + m.status().label() + "”，只有有效事项可以下放"
					: !m.township() ? "该事项在目录中未标注为可下放乡镇（街道）"
							: "该事项已下放给" + t.name() + "，或不属于本县（市）的执法主体";
			throw BusinessRuleViolation.onField("matterId", why);
		}
		long id = jdbc.queryForObject("""
				insert into township_delegation (township_body_id, matter_id, document_title, document_number, effective_from, reason, added_by, added_at, demo,
				  provincial_basis)
				values (:t, :m, :dt, :dn, :f, :r, :by, :now, :demo, :pb) returning id""",
				new MapSqlParameterSource().addValue("pb", blank(f.provincialBasis()) ? null : f.provincialBasis().strip())
					.addValue("t", t.bodyId()).addValue("m", f.matterId()).addValue("dt", f.documentTitle().strip())
					.addValue("dn", f.documentNumber().strip()).addValue("f", f.effectiveFrom()).addValue("r", f.reason().strip())
					.addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())).addValue("demo", demo),
				Long.class);
		Delegation d = get(id);
		record.append("township_delegation", id, t.bodyId(), "township.delegated", "向" + t.name() + "下放“" + d.matterName() + "”",
				Map.of("matter", d.matterCode(), "document", d.documentNumber(), "effectiveFrom", f.effectiveFrom().toString(), "reason", d.reason(),
						"provincialBasis", d.provincialBasis() == null ? "" : d.provincialBasis()));
		return d;
	}

	@Transactional
	public Delegation withdraw(DataScope scope, long id, LocalDate on, String reason) {
		Delegation d = get(id);
		township(scope, d.townshipBodyId());
		if (!d.live()) {
			throw new BusinessRuleViolation("该事项已于 " + d.withdrawnOn() + " 收回");
		}
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写收回理由");
		}
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		if (day.isBefore(d.effectiveFrom())) {
			throw BusinessRuleViolation.onField("withdrawnOn", "收回日期不能早于赋权生效日期 " + d.effectiveFrom());
		}
		jdbc.update("""
				update township_delegation set withdrawn_on = :on, withdraw_reason = :r, withdrawn_by = :by, withdrawn_at = :now
				where id = :id and withdrawn_at is null""",
				new MapSqlParameterSource().addValue("on", day).addValue("r", reason.strip()).addValue("by", Operator.current().operatorName())
					.addValue("now", Timestamp.from(clock.instant())).addValue("id", id));
		record.append("township_delegation", id, d.townshipBodyId(), "township.withdrawn", "从" + d.township() + "收回“" + d.matterName() + "”",
				Map.of("matter", d.matterCode(), "withdrawnOn", day.toString(), "reason", reason.strip()));
		return get(id);
	}

	@Transactional
	public Evaluation addEvaluation(DataScope scope, long townshipBodyId, NewEvaluation e, boolean demo) {
		Township t = township(scope, townshipBodyId);
		if (e.year() == null || blank(e.assessor()) || e.score() == null || blank(e.comments()) || e.assessedOn() == null) {
			throw new BusinessRuleViolation("请完整填写评估年度、评估机构、得分、评估意见和评估日期");
		}
		if (e.score().compareTo(BigDecimal.ZERO) < 0 || e.score().compareTo(BigDecimal.valueOf(100)) > 0 || e.score().scale() > 1) {
			throw BusinessRuleViolation.onField("score", "得分应在 0 至 100 之间，最多一位小数");
		}
		if (e.assessedOn().isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("assessedOn", "评估日期不能晚于今天");
		}
		if (e.year() < 2000 || e.year() > e.assessedOn().getYear()) {
			throw BusinessRuleViolation.onField("year", "评估年度应在2000年至评估日期所在年度之间");
		}
		long id;
		try {
			id = jdbc.queryForObject("""
					insert into township_evaluation (township_body_id, year, assessor, score, comments, assessed_on, recorded_by, recorded_at, demo)
					values (:t, :y, :a, :s, :c, :d, :by, :now, :demo) returning id""",
					new MapSqlParameterSource().addValue("t", townshipBodyId).addValue("y", e.year()).addValue("a", e.assessor().strip())
						.addValue("s", e.score()).addValue("c", e.comments().strip()).addValue("d", e.assessedOn())
						.addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())).addValue("demo", demo),
					Long.class);
		}
		catch (org.springframework.dao.DuplicateKeyException x) {
			throw new BusinessRuleViolation(e.assessor().strip() + "已录入" + t.name() + e.year() + "年度的评估");
		}
		record.append("township_evaluation", id, townshipBodyId, "township.evaluated", t.name() + e.year() + "年度第三方评估：" + e.score() + "分",
				Map.of("assessor", e.assessor().strip(), "score", e.score().toPlainString(), "year", e.year()));
		return evaluations(townshipBodyId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public Feedback addFeedback(DataScope scope, long townshipBodyId, NewFeedback f, boolean demo) {
		Township t = township(scope, townshipBodyId);
		if (f.receivedOn() == null || f.channel() == null || f.satisfaction() == null || blank(f.content())) {
			throw new BusinessRuleViolation("请完整填写收到日期、渠道、满意度和评价内容");
		}
		if (f.receivedOn().isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("receivedOn", "收到日期不能晚于今天");
		}
		if (f.content().strip().length() > 2000) {
			throw BusinessRuleViolation.onField("content", "评价内容不超过2000字");
		}
		long id = jdbc.queryForObject("""
				insert into township_feedback (township_body_id, received_on, channel, satisfaction, content, recorded_by, recorded_at, demo)
				values (:t, :d, :c, :s, :x, :by, :now, :demo) returning id""",
				new MapSqlParameterSource().addValue("t", townshipBodyId).addValue("d", f.receivedOn()).addValue("c", f.channel().name())
					.addValue("s", f.satisfaction().name()).addValue("x", f.content().strip()).addValue("by", Operator.current().operatorName())
					.addValue("now", Timestamp.from(clock.instant())).addValue("demo", demo),
				Long.class);
		record.append("township_feedback", id, townshipBodyId, "township.feedback", t.name() + "群众评价（" + f.satisfaction().label() + "）",
				Map.of("channel", f.channel().label(), "satisfaction", f.satisfaction().label()));
		return feedback(townshipBodyId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	// ---- the evaluation report

	public List<ReportLine> report(DataScope scope, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		List<ReportLine> lines = new ArrayList<>();
		for (Township t : townships(scope)) {
			List<Delegation> inYear = delegations(scope, t.bodyId()).stream()
				.filter(d -> !d.effectiveFrom().isAfter(to) && (d.withdrawnOn() == null || !d.withdrawnOn().isBefore(from))).toList();
			var usage = activity.counts(inYear.stream().map(Delegation::matterId).toList(), t.bodyId(), from, to);
			Map<Satisfaction, Long> fb = new LinkedHashMap<>();
			for (Satisfaction s : Satisfaction.values()) {
				fb.put(s, feedback(t.bodyId()).stream().filter(f -> f.satisfaction() == s && f.receivedOn().getYear() == year).count());
			}
			lines.add(new ReportLine(t, inYear, usage, evaluations(t.bodyId()).stream().filter(e -> e.year() == year).toList(), fb));
		}
		return lines;
	}

	/** The report as a workbook for the prefecture: a summary per township and the delegated matters. */
	public byte[] reportWorkbook(DataScope scope, int year) {
		List<ReportLine> lines = report(scope, year);
		List<List<Object>> summary = new ArrayList<>();
		List<List<Object>> items = new ArrayList<>();
		for (ReportLine l : lines) {
			summary.add(List.of(l.township().name(), l.delegations().size(), l.totalUsage().<Object>map(n -> n).orElse("尚未接入执法数据"),
					String.join("；", l.evaluations().stream().map(e -> e.assessor() + " " + e.score().toPlainString() + "分").toList()),
					String.join("；", l.evaluations().stream().map(Evaluation::comments).toList()),
					l.feedback().get(Satisfaction.SATISFIED), l.feedback().get(Satisfaction.BASIC), l.feedback().get(Satisfaction.UNSATISFIED)));
			for (Delegation d : l.delegations()) {
				items.add(List.of(l.township().name(), d.matterCode(), d.matterName(), d.matterBody(), d.documentTitle(), d.documentNumber(),
						d.effectiveFrom().toString(), d.withdrawnOn() == null ? "" : d.withdrawnOn() + " " + d.withdrawReason(),
						l.usage().<Object>map(u -> u.getOrDefault(d.matterId(), 0L)).orElse("尚未接入")));
			}
		}
		return Excel.workbook(List.of(
				new Excel.SheetData(year + "年度评估汇总",
						List.of("乡镇（街道）", "赋权事项数", "办件量", "第三方评估得分", "第三方评估意见", "群众评价：满意", "基本满意", "不满意"), summary),
				new Excel.SheetData("赋权事项明细",
						List.of("乡镇（街道）", "事项编码", "事项名称", "原实施主体", "赋权文件", "文号", "生效日期", "收回", "办件量"), items)));
	}

	// ----

	private Delegation get(long id) {
		return jdbc.query(DELEGATION + " where d.id = :id", Map.of("id", id), (rs, i) -> delegation(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFound("赋权记录"));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static final String DELEGATION = """
			select d.*, tb.name as township, m.code as matter_code, m.name as matter_name, m.type as matter_type, mb.name as matter_body
			from township_delegation d join body_view tb on tb.id = d.township_body_id join enforcement_matter m on m.id = d.matter_id
			join body_view mb on mb.id = m.body_id""";

	private static Delegation delegation(ResultSet rs) throws SQLException {
		return new Delegation(rs.getLong("id"), rs.getLong("township_body_id"), rs.getString("township"), rs.getLong("matter_id"),
				rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("matter_body"), rs.getString("document_title"),
				rs.getString("document_number"), rs.getDate("effective_from").toLocalDate(), rs.getString("reason"), rs.getString("added_by"),
				rs.getTimestamp("added_at").toInstant(), rs.getDate("withdrawn_on") == null ? null : rs.getDate("withdrawn_on").toLocalDate(),
				rs.getString("withdraw_reason"), rs.getString("withdrawn_by"), MatterType.valueOf(rs.getString("matter_type")), rs.getString("provincial_basis"));
	}
}
