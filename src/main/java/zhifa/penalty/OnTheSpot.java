package zhifa.penalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.discretion.PenaltyType;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 简易程序 (当场处罚): decided in the field within {@link OnTheSpotPolicy}, by two certified officers, on a numbered
 * pre-printed decision form of a range allocated to the body or to one of them; handed over on the spot; a fine collected
 * on the spot is handed in within two working days; the decision is reported (备案) to the body. A simple-procedure
 * penalty is a case like any other: same party checks, record, timers, activity and party history.
 */
@Service
public class OnTheSpot {

	private final NamedParameterJdbcTemplate jdbc;
	private final PenaltyCases cases;
	private final CaseTimers timers;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;
	private final zhifa.discretion.Benchmarks benchmarks;

	OnTheSpot(NamedParameterJdbcTemplate jdbc, PenaltyCases cases, CaseTimers timers, BodyScopes scopes, FullProcessRecord record, Clock clock,
			zhifa.discretion.Benchmarks benchmarks) {
		this.benchmarks = benchmarks;
		this.jdbc = jdbc;
		this.cases = cases;
		this.timers = timers;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	public record Range(long id, long bodyId, Long officerId, String officerName, String prefix, int first, int last, int used, int voided) {
	}

	public record OnSpotForm(PenaltyCases.ClueForm clue, List<Long> officerIds, Set<PenaltyType> types, Long fine, Long rangeId, Integer formNumber,
			Boolean collectOnSpot, Boolean hardToCollect, String receiptNo, String decisionText) {
	}

	// ---- number ranges

	public List<Range> ranges(DataScope scope, long bodyId) {
		if (!scopes.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		return jdbc.query("""
				select r.*, o.name as officer_name,
				  (select count(*) from onspot_form_number n where n.range_id = r.id and n.status = 'USED') as used,
				  (select count(*) from onspot_form_number n where n.range_id = r.id and n.status = 'VOIDED') as voided
				from onspot_form_range r left join officer o on o.id = r.officer_id where r.body_id = :b order by r.prefix, r.first_no""",
				Map.of("b", bodyId), (rs, i) -> new Range(rs.getLong("id"), rs.getLong("body_id"), (Long) rs.getObject("officer_id"),
						rs.getString("officer_name"), rs.getString("prefix"), rs.getInt("first_no"), rs.getInt("last_no"), rs.getInt("used"), rs.getInt("voided")));
	}

	@Transactional
	public Range allocate(DataScope scope, long bodyId, Long officerId, String prefix, Integer first, Integer last) {
		if (!scopes.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		if (prefix == null || prefix.isBlank() || first == null || last == null || first < 1 || last < first || last - first > 100_000) {
			throw new BusinessRuleViolation("请填写号段前缀和起止号码（止号不小于起号）");
		}
		if (officerId != null && jdbc.queryForObject("select count(*) from officer where id = :o and body_id = :b", Map.of("o", officerId, "b", bodyId),
				Integer.class) == 0) {
			throw BusinessRuleViolation.onField("officerId", "领用人不是本机关的执法人员");
		}
		int overlap = jdbc.queryForObject("""
				select count(*) from onspot_form_range where body_id = :b and prefix = :p and first_no <= :l and last_no >= :f""",
				Map.of("b", bodyId, "p", prefix.strip(), "f", first, "l", last), Integer.class);
		if (overlap > 0) {
			throw new BusinessRuleViolation("号段与已分配的号段重叠，每个编号只能使用一次");
		}
		long id = jdbc.queryForObject("""
				insert into onspot_form_range (body_id, officer_id, prefix, first_no, last_no, allocated_by, allocated_at)
				values (:b, :o, :p, :f, :l, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("o", officerId).addValue("p", prefix.strip()).addValue("f", first)
					.addValue("l", last).addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		record.append("onspot_form_range", id, bodyId, "onspot.range_allocated", "分配当场处罚决定书号段 " + prefix.strip() + first + "–" + last,
				Map.of("officerId", officerId == null ? "" : officerId));
		return ranges(DataScope.all(), bodyId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** The lowest number of the range not used or voided yet, if any. */
	public java.util.Optional<Integer> nextFree(long rangeId) {
		return jdbc.queryForList("""
				select n from onspot_form_range r, generate_series(r.first_no, r.last_no) n
				where r.id = :r and not exists (select 1 from onspot_form_number x where x.range_id = r.id and x.number = n) order by n limit 1""",
				Map.of("r", rangeId), Integer.class).stream().findFirst();
	}

	/** 作废: a spoiled form keeps its number out of use, with the reason. */
	@Transactional
	public void voidNumber(DataScope scope, long rangeId, int number, String reason) {
		Range r = range(scope, rangeId);
		if (number < r.first() || number > r.last()) {
			throw BusinessRuleViolation.onField("number", "编号不在该号段内");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写作废原因");
		}
		try {
			jdbc.update("insert into onspot_form_number (range_id, number, status, reason, at) values (:r, :n, 'VOIDED', :why, now())",
					Map.of("r", rangeId, "n", number, "why", reason.strip()));
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new BusinessRuleViolation("编号 " + r.prefix() + number + " 已使用或已作废");
		}
		record.append("onspot_form_range", rangeId, r.bodyId(), "onspot.number_voided", "作废决定书 " + r.prefix() + number, Map.of("reason", reason.strip()));
	}

	// ---- the decision on the spot

	@Transactional
	public PenaltyCase decide(DataScope scope, OnSpotForm f) {
		var clue = f.clue();
		if (clue == null) {
			throw new BusinessRuleViolation("请填写当事人和违法行为");
		}
		boolean collect = Boolean.TRUE.equals(f.collectOnSpot());
		List<String> policy = OnTheSpotPolicy.refusals(clue.partyKind(), f.types(), f.fine(), collect, Boolean.TRUE.equals(f.hardToCollect()));
		if (!policy.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", policy));
		}
		if (f.decisionText() == null || f.decisionText().isBlank()) {
			throw BusinessRuleViolation.onField("decisionText", "请填写违法事实和处罚依据");
		}
		if (collect && (f.receiptNo() == null || f.receiptNo().isBlank())) {
			throw BusinessRuleViolation.onField("receiptNo", "当场收缴罚款的，应当向当事人出具专用票据，请填写票据号");
		}
		if (f.rangeId() == null || f.formNumber() == null) {
			throw BusinessRuleViolation.onField("formNumber", "请填写预定格式、编有号码的当场处罚决定书编号");
		}
		LocalDate today = LocalDate.now(clock);
		PenaltyCase c = cases.registerClue(scope, new PenaltyCases.ClueForm(clue.bodyId(), clue.matterId(), ClueSource.INSPECTION, clue.partyKind(),
				clue.partyName(), clue.partyIdNumber(), clue.partyUscc(), clue.placeRegionId(), clue.placeDetail(), clue.actDate() == null ? today : clue.actDate(),
				null, false, clue.description() == null || clue.description().isBlank() ? f.decisionText() : clue.description(), today), null, false);
		FilingPolicy.Check check = cases.filingCheck(c, f.officerIds() == null ? List.of() : f.officerIds(), today);
		if (!check.allowed()) {
			throw new BusinessRuleViolation("不能当场处罚：" + String.join("；", check.refusals()));
		}
		Sanction proposed = new Sanction(f.types(), f.types().contains(PenaltyType.FINE) ? f.fine() : null, null);
		LocalDate birthDate = cases.partyBirthDate(c.id()).orElse(null);
		var noLiability = zhifa.discretion.Liability.noPunishment(birthDate, c.actDate(), Set.of());
		if (noLiability.isPresent()) {
			throw new BusinessRuleViolation("不能当场处罚：" + noLiability.get());
		}
		boolean minor = zhifa.discretion.Liability.isMinor(birthDate, c.actDate());
		try {
			// the party's age decides the tier (行政处罚法第三十条): a minor's fine must lie in the 从轻 or 减轻 range
			var assessment = benchmarks.assess(new zhifa.discretion.Benchmarks.AssessmentRequest(null, c.bodyId(), c.actDate(), c.partyKind(), Set.of(), null,
					c.matterId(), null, birthDate));
			List<String> deviations = DeviationPolicy.deviations(assessment, proposed);
			if (!deviations.isEmpty()) {
				throw new BusinessRuleViolation("当场处罚不得偏离裁量基准：" + String.join("；", deviations) + "（" + assessment.benchmark() + "，"
						+ assessment.tier().label() + "阶次" + (minor ? "，当事人行为时不满十八周岁，应当从轻或者减轻——行政处罚法第三十条" : "") + "）");
			}
		}
		catch (NotFound e) {
			// no benchmark for this matter: the statute's range applies — but a minor's lighter range cannot be known on the spot
			if (minor && proposed.fine() != null) {
				throw new BusinessRuleViolation("当事人行为时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚（行政处罚法第三十条）；本事项没有裁量基准确定从轻、减轻的幅度，"
						+ "不能当场罚款，请给予警告或适用普通程序");
			}
		}
		catch (BusinessRuleViolation e) {
			if (e.getMessage().startsWith("当场处罚不得偏离")) {
				throw e;
			}
			// the matter names no single violation code: no benchmark applies — nor for a minor, whose fine cannot be lightened by it
			if (minor && proposed.fine() != null) {
				throw new BusinessRuleViolation("当事人行为时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚（行政处罚法第三十条）；无法确定本事项的裁量基准（"
						+ e.getMessage() + "），不能当场罚款，请给予警告或适用普通程序");
			}
		}
		Range r = range(scope, f.rangeId());
		if (r.bodyId() != c.bodyId() || (r.officerId() != null && !f.officerIds().contains(r.officerId()))) {
			throw BusinessRuleViolation.onField("formNumber", "该号段不属于本机关或本次执法人员");
		}
		if (f.formNumber() < r.first() || f.formNumber() > r.last()) {
			throw BusinessRuleViolation.onField("formNumber", "编号 " + f.formNumber() + " 不在号段 " + r.prefix() + r.first() + "–" + r.last() + " 内");
		}
		try {
			jdbc.update("insert into onspot_form_number (range_id, number, status, case_id, at) values (:r, :n, 'USED', :c, now())",
					Map.of("r", r.id(), "n", f.formNumber(), "c", c.id()));
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw BusinessRuleViolation.onField("formNumber", "决定书 " + r.prefix() + f.formNumber() + " 已使用或已作废，每个编号只能使用一次");
		}
		String number = r.prefix() + f.formNumber();
		Sanction s = new Sanction(f.types(), f.types().contains(PenaltyType.FINE) ? f.fine() : null, null);
		jdbc.update("""
				update penalty_case set stage = 'DECIDED', procedure = 'SIMPLE', decision_outcome = 'PENALTY', decided_on = :d, decision_number = :n,
				  decision_types = :t, decision_fine = :f, decision_text = :x, collected_on_spot = :col, updated_at = now() where id = :id""",
				new MapSqlParameterSource().addValue("d", today).addValue("n", number)
					.addValue("t", s.types().stream().map(Enum::name).collect(Collectors.joining(","))).addValue("f", s.fine())
					.addValue("x", f.decisionText().strip()).addValue("col", collect).addValue("id", c.id()));
		for (Long officerId : new LinkedHashSet<>(f.officerIds())) {
			jdbc.update("insert into penalty_case_officer (case_id, officer_id, assigned_on) values (:c, :o, :d)", Map.of("c", c.id(), "o", officerId, "d", today));
		}
		timers.close(c.id(), TimerKind.FILING, today);
		timers.start(c.id(), TimerKind.ONSPOT_REPORT, today, TimerKind.ONSPOT_REPORT.defaultAmount());
		// 当场交付 (第五十二条)
		jdbc.update("""
				insert into penalty_service (case_id, method, served_on, recipient, proof, recorded_by, recorded_at)
				values (:c, 'DIRECT', :d, :r, :p, :by, now())""",
				Map.of("c", c.id(), "d", today, "r", clue.partyName().strip(), "p", "当场交付（决定书 " + number + "）", "by", Operator.current().operatorName()));
		if (collect) {
			jdbc.update("insert into penalty_payment (case_id, paid_on, amount, receipt_no, recorded_by, recorded_at) values (:c, :d, :a, :r, :by, now())",
					Map.of("c", c.id(), "d", today, "a", s.fine(), "r", f.receiptNo().strip(), "by", Operator.current().operatorName()));
			timers.start(c.id(), TimerKind.HAND_IN, today, TimerKind.HAND_IN.defaultAmount());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("form", number);
		data.put("sanction", s.describe());
		data.put("collectedOnSpot", collect);
		if (collect) {
			data.put("receipt", f.receiptNo().strip());
		}
		record.append("penalty_case", c.id(), c.bodyId(), "case.onspot_decided", "当场作出行政处罚决定（" + number + "）：" + s.describe()
				+ (collect ? "，当场收缴" : ""), data);
		return cases.get(DataScope.all(), c.id());
	}

	/** Whether the fine was collected on the spot, when it was handed in and when the decision was reported. */
	public record Status(boolean collectedOnSpot, LocalDate handedInOn, LocalDate reportedOn) {
	}

	public Status status(long caseId) {
		return jdbc.queryForObject("select collected_on_spot, handed_in_on, reported_on from penalty_case where id = :id", Map.of("id", caseId),
				(rs, i) -> new Status(rs.getBoolean(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
						rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()));
	}

	/** 当场收缴的罚款交至行政机关 (第七十一条: 二日内). */
	@Transactional
	public PenaltyCase handIn(DataScope scope, long caseId, LocalDate on) {
		PenaltyCase c = simple(scope, caseId);
		var row = jdbc.queryForMap("select collected_on_spot, handed_in_on from penalty_case where id = :id", Map.of("id", caseId));
		if (!Boolean.TRUE.equals(row.get("collected_on_spot"))) {
			throw new BusinessRuleViolation("本案没有当场收缴罚款");
		}
		if (row.get("handed_in_on") != null) {
			throw new BusinessRuleViolation("罚款已于 " + row.get("handed_in_on") + " 交至行政机关");
		}
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		if (day.isBefore(c.decidedOn()) || day.isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("on", "交款日期应在处罚之后、今天之前");
		}
		jdbc.update("update penalty_case set handed_in_on = :d where id = :id", Map.of("d", day, "id", caseId));
		timers.close(caseId, TimerKind.HAND_IN, day);
		record.append("penalty_case", caseId, c.bodyId(), "case.handed_in", "当场收缴的罚款已交至行政机关（" + day + "）", Map.of());
		return cases.get(DataScope.all(), caseId);
	}

	/** 报所属行政机关备案 (第五十二条第三款). */
	@Transactional
	public PenaltyCase report(DataScope scope, long caseId) {
		PenaltyCase c = simple(scope, caseId);
		if (jdbc.queryForObject("select reported_on from penalty_case where id = :id", Map.of("id", caseId), LocalDate.class) != null) {
			throw new BusinessRuleViolation("已备案");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update penalty_case set reported_on = :d where id = :id", Map.of("d", today, "id", caseId));
		timers.close(caseId, TimerKind.ONSPOT_REPORT, today);
		record.append("penalty_case", caseId, c.bodyId(), "case.onspot_reported", "当场处罚决定已报本机关备案", Map.of());
		return cases.get(DataScope.all(), caseId);
	}

	private PenaltyCase simple(DataScope scope, long caseId) {
		PenaltyCase c = cases.get(scope, caseId);
		if (!c.simpleProcedure()) {
			throw new BusinessRuleViolation("本案不是当场处罚案件");
		}
		return c;
	}

	private Range range(DataScope scope, long rangeId) {
		var body = jdbc.queryForList("select body_id from onspot_form_range where id = :r", Map.of("r", rangeId), Long.class);
		if (body.isEmpty()) {
			throw new NotFound("号段");
		}
		return ranges(scope, body.get(0)).stream().filter(r -> r.id() == rangeId).findFirst().orElseThrow();
	}
}
