package zhifa.penalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.catalog.Catalogues;
import zhifa.catalog.Matter;
import zhifa.catalog.Matters;
import zhifa.catalog.TownshipPowers;
import zhifa.discretion.Benchmarks.PartyType;
import zhifa.officer.AuthorityDecision;
import zhifa.officer.OfficerAuthority;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.PersonalData;
import zhifa.shared.Uscc;

/**
 * 行政处罚案件, part 1: register a clue (idempotent for other systems), triage it within the filing period — extend once
 * with approval, decline with a reason code (and an education record where the law requires one), hand over, transfer —
 * or file it under {@link FilingPolicy} with a gapless case number. Every step writes the record in the same transaction.
 */
@Service
public class PenaltyCases {

	private final NamedParameterJdbcTemplate jdbc;
	private final Matters matters;
	private final Catalogues catalogues;
	private final TownshipPowers townships;
	private final OfficerAuthority authority;
	private final OrganizationDirectory directory;
	private final BodyScopes scopes;
	private final PersonalData personal;
	private final CaseTimers timers;
	private final CaseNumbers numbers;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final Clock clock;

	PenaltyCases(NamedParameterJdbcTemplate jdbc, Matters matters, Catalogues catalogues, TownshipPowers townships, OfficerAuthority authority,
			OrganizationDirectory directory, BodyScopes scopes, PersonalData personal, CaseTimers timers, CaseNumbers numbers, CalendarService calendar,
			FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.matters = matters;
		this.catalogues = catalogues;
		this.townships = townships;
		this.authority = authority;
		this.directory = directory;
		this.scopes = scopes;
		this.personal = personal;
		this.timers = timers;
		this.numbers = numbers;
		this.calendar = calendar;
		this.record = record;
		this.clock = clock;
	}

	public record ClueForm(Long bodyId, Long matterId, ClueSource source, PartyType partyKind, String partyName, String partyIdNumber,
			String partyUscc, Long placeRegionId, String placeDetail, LocalDate actDate, LocalDate actEndDate, Boolean seriousHarm, String description,
			LocalDate receivedOn) {
	}

	// ---- reading

	public PenaltyCase get(DataScope scope, long id) {
		return load(" where c.id = :id", Map.of("id", id)).stream().filter(c -> scopes.covers(scope, c.bodyId())).findFirst()
			.orElseThrow(() -> new NotFound("案件"));
	}

	/** Which cases a list shows. */
	public enum Filter {
		ALL, MINE, OPEN, DUE_SOON, OVERDUE, UNPAID, ENFORCEMENT
	}

	public List<PenaltyCase> list(DataScope scope, Filter filter) {
		return page(scope, filter, 0, Integer.MAX_VALUE).items();
	}

	/** One page of the filtered list, newest first. */
	public zhifa.shared.Page<PenaltyCase> page(DataScope scope, Filter filter, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		String where = " where " + scopes.sqlCondition(scope, "c.body_id", p);
		LocalDate today = LocalDate.now(clock);
		switch (filter == null ? Filter.ALL : filter) {
			case MINE -> {
				where += " and (c.registered_by_id = :me or exists (select 1 from penalty_case_officer o join officer f on f.id = o.officer_id"
						+ " where o.case_id = c.id and o.released_on is null and f.user_id = :me))";
				p.put("me", Operator.current().operatorId());
			}
			case OPEN -> where += " and c.stage in ('CLUE', 'FILED')";
			case DUE_SOON -> {
				// running timers due within 3 working days from today
				LocalDate limit = today;
				for (int i = 0; i < 3; i++) {
					limit = calendar.calendar().nextWorkingDay(limit);
				}
				where += " and exists (select 1 from penalty_case_timer t where t.case_id = c.id and t.state = 'RUNNING' and t.due_date between :today and :limit)";
				p.put("today", today);
				p.put("limit", limit);
			}
			case OVERDUE -> {
				where += " and exists (select 1 from penalty_case_timer t where t.case_id = c.id and (t.state = 'MISSED'"
						+ " or (t.state = 'RUNNING' and t.due_date < :today and t.kind not in (:windows))))";
				p.put("today", today);
				p.put("windows", TimerKind.partyWindowNames());
			}
			case ENFORCEMENT -> where += " and c.stage = 'DECIDED' and exists (select 1 from penalty_enforcement e where e.case_id = c.id and e.result is null)";
			// paid_total is kept by a trigger on penalty_payment (V24); the partial index penalty_case_unpaid serves this
			case UNPAID -> where += " and c.decision_outcome = 'PENALTY' and c.decision_fine > c.paid_total";
			default -> {
			}
		}
		long total = jdbc.queryForObject("select count(*) from penalty_case c" + where, p, Long.class);
		int from = Math.max(0, page) * size;
		p.put("pageSize", size);
		p.put("pageOffset", from);
		return new zhifa.shared.Page<>(load(where + " order by c.id desc limit :pageSize offset :pageOffset", p), total, Math.max(0, page), size);
	}

	public List<CaseTimer> timers(long caseId) {
		return timers.of(caseId);
	}

	/** The nearest running due day of each case, for the workbench (one query for the page). */
	public Map<Long, CaseTimer> nearest(java.util.Collection<Long> caseIds) {
		return timers.nearestRunning(caseIds);
	}

	/**
	 * The steps open to the case now with what blocks each (the case page's "下一步"). Filing is checked with the officers
	 * proposed so far — none at the clue stage, so the two-officer rule is always listed until they are chosen.
	 */
	public List<NextStep> nextSteps(PenaltyCase c, List<Long> proposedOfficers) {
		LocalDate today = LocalDate.now(clock);
		return switch (c.stage()) {
			case CLUE -> {
				var check = filingCheck(c, proposedOfficers, today);
				CaseTimer filing = timers.get(c.id(), TimerKind.FILING);
				List<String> extendBlockers = new ArrayList<>();
				if (filing.extended() > 0) {
					extendBlockers.add("已延长过一次");
				}
				if (filing.stateOn(today) == CaseTimer.State.MISSED) {
					extendBlockers.add("立案审查期限已届满");
				}
				yield List.of(new NextStep("filing", "立案", "负责人批准", check.refusals()),
						new NextStep("decline", "不予立案、移交或移送", "负责人批准", List.of()),
						new NextStep("triage-extension", "延长立案审查期限（十五个工作日）", "负责人批准", extendBlockers));
			}
			default -> List.of();
		};
	}

	/** The body's officers in post with what {@link OfficerAuthority} says about them for the case's matter today. */
	public List<AuthorityDecision> officerChoices(PenaltyCase c) {
		return officerChoices(c.bodyId(), c.domainCode());
	}

	public List<AuthorityDecision> officerChoices(long bodyId, String domainCode) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.queryForList("select id from officer where body_id = :b order by name", Map.of("b", bodyId), Long.class).stream()
			.map(id -> authority.check(id, domainCode, today)).toList();
	}

	/** The officer record of a user account, if the account belongs to one. */
	public Optional<Long> officerOfUser(Long userId) {
		return userId == null ? Optional.empty()
				: jdbc.queryForList("select id from officer where user_id = :u", Map.of("u", userId), Long.class).stream().findFirst();
	}

	// ---- the clue

	@Transactional
	public PenaltyCase registerClue(DataScope scope, ClueForm f, String idempotencyKey, boolean demo) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 100) {
			throw BusinessRuleViolation.onField("idempotencyKey", "幂等键不超过100个字符");
		}
		if (key != null && f.bodyId() != null) {
			var existing = jdbc.queryForList("select id from penalty_case where body_id = :b and idempotency_key = :k", Map.of("b", f.bodyId(), "k", key),
					Long.class);
			if (!existing.isEmpty()) {
				return get(scope, existing.get(0));
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.bodyId() == null || !scopes.covers(scope, f.bodyId())) {
			errors.put("bodyId", "请选择本机关");
		}
		Matter matter = null;
		if (f.matterId() == null) {
			errors.put("matterId", "请选择执法事项");
		}
		else if (f.bodyId() != null) {
			matter = matters.get(DataScope.all(), f.matterId());
			if (matter.bodyId() != f.bodyId() && !townships.delegatedTo(f.bodyId(), matter.id(), LocalDate.now(clock))) {
				errors.put("matterId", "“" + matter.name() + "”不是本机关的执法事项");
			}
		}
		if (f.source() == null) {
			errors.put("source", "请选择案源");
		}
		if (f.partyKind() == null) {
			errors.put("partyKind", "请选择当事人类型");
		}
		if (f.partyName() == null || f.partyName().isBlank()) {
			errors.put("partyName", "请填写当事人名称或姓名");
		}
		String partyKey = null;
		String masked = null;
		String cipher = null;
		if (f.partyKind() == PartyType.NATURAL_PERSON) {
			String id = f.partyIdNumber() == null ? "" : f.partyIdNumber().strip().toUpperCase();
			var problem = IdNumber.problem(id);
			if (problem.isPresent()) {
				errors.put("partyIdNumber", problem.get());
			}
			else {
				partyKey = "P:" + personal.fingerprint(id);
				masked = IdNumber.mask(id);
				cipher = personal.encrypt(id);
			}
		}
		else if (f.partyKind() == PartyType.ORGANIZATION) {
			String code = f.partyUscc() == null ? "" : f.partyUscc().strip().toUpperCase();
			var problem = Uscc.problem(code);
			if (problem.isPresent()) {
				errors.put("partyUscc", problem.get());
			}
			else {
				partyKey = "U:" + code;
				masked = code;
			}
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate received = f.receivedOn() == null ? today : f.receivedOn();
		if (received.isAfter(today)) {
			errors.put("receivedOn", "收到日期不能晚于今天");
		}
		if (f.actDate() == null) {
			errors.put("actDate", "请填写违法行为发生日期");
		}
		else {
			if (f.actDate().isAfter(received)) {
				errors.put("actDate", "违法行为发生日期不能晚于收到案源的日期");
			}
			else if (f.actDate().isBefore(received.minusYears(30))) {
				errors.put("actDate", "违法行为发生日期早于收到案源三十年以上，请核对");
			}
			if (f.actEndDate() != null && f.actEndDate().isBefore(f.actDate())) {
				errors.put("actEndDate", "行为终了日期不能早于发生日期");
			}
			if (cipher != null && f.actDate().isBefore(IdNumber.birthDate(f.partyIdNumber().strip().toUpperCase()))) {
				errors.put("actDate", "违法行为发生日期早于当事人的出生日期（按身份证号），请核对身份证号或发生日期");
			}
		}
		if (f.placeRegionId() == null) {
			errors.put("placeRegionId", "请选择违法行为发生地");
		}
		if (f.description() == null || f.description().isBlank()) {
			errors.put("description", "请简要描述案源情况");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Operator op = Operator.current();
		// the unique (body, key) constraint decides between concurrent retries: a loser waits for the winner's commit,
		// inserts nothing and answers with the winner's case
		List<Long> inserted = jdbc.queryForList("""
				insert into penalty_case (body_id, matter_id, stage, source, idempotency_key, party_kind, party_name, party_id_cipher, party_key,
				  party_masked, place_region_id, place_detail, act_date, act_end_date, serious_harm, description, received_on, registered_by,
				  registered_by_id, demo, created_at, updated_at)
				values (:b, :m, 'CLUE', :s, :k, :pk, :pn, :pc, :pkey, :pm, :r, :rd, :a, :ae, :h, :d, :rec, :by, :byId, :demo, :now, :now)
				on conflict (body_id, idempotency_key) do nothing returning id""",
				new MapSqlParameterSource().addValue("b", f.bodyId()).addValue("m", f.matterId()).addValue("s", f.source().name()).addValue("k", key)
					.addValue("pk", f.partyKind().name()).addValue("pn", f.partyName().strip()).addValue("pc", cipher).addValue("pkey", partyKey)
					.addValue("pm", masked).addValue("r", f.placeRegionId()).addValue("rd", f.placeDetail() == null ? "" : f.placeDetail().strip())
					.addValue("a", f.actDate()).addValue("ae", f.actEndDate()).addValue("h", Boolean.TRUE.equals(f.seriousHarm()))
					.addValue("d", f.description().strip()).addValue("rec", received).addValue("by", op.operatorName())
					.addValue("byId", op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null).addValue("demo", demo)
					.addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		if (inserted.isEmpty()) {
			return get(scope, jdbc.queryForObject("select id from penalty_case where body_id = :b and idempotency_key = :k",
					Map.of("b", f.bodyId(), "k", key), Long.class));
		}
		long id = inserted.get(0);
		ProcedureProfile profile = ProcedureProfile.of(matter.domainCode());
		timers.start(id, TimerKind.FILING, received, profile.filingWorkingDays());
		record.append("penalty_case", id, f.bodyId(), "case.clue_registered", "登记案源（" + f.source().label() + "）：" + f.partyName().strip(),
				Map.of("matter", matter.name(), "party", masked, "actDate", f.actDate().toString(), "receivedOn", received.toString()));
		return get(DataScope.all(), id);
	}

	/** 延长立案审查期限: once, with the head's approval (市场监督管理行政处罚程序规定第十八条: 经批准可以延长十五个工作日). */
	@Transactional
	public PenaltyCase extendTriage(DataScope scope, long id, String reason) {
		PenaltyCase c = get(scope, id);
		requireStage(c, CaseStage.CLUE, "延长立案审查期限");
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写延长理由");
		}
		CaseTimer t = timers.get(id, TimerKind.FILING);
		if (t.extended() > 0) {
			throw new BusinessRuleViolation("立案审查期限已延长过一次，不能再延长");
		}
		if (t.stateOn(LocalDate.now(clock)) == CaseTimer.State.MISSED) {
			throw new BusinessRuleViolation("立案审查期限已于 " + t.due() + " 届满，不能再延长");
		}
		LocalDate due = timers.extend(id, TimerKind.FILING, ProcedureProfile.of(c.domainCode()).filingExtensionWorkingDays());
		record.append("penalty_case", id, c.bodyId(), "case.triage_extended", "经负责人批准延长立案审查期限至 " + due, Map.of("reason", reason.strip()));
		return get(DataScope.all(), id);
	}

	/** 不予立案 / 移交 / 移送司法机关, with the reason code and, where the law requires it, the education given. */
	@Transactional
	public PenaltyCase decline(DataScope scope, long id, TriageOutcome outcome, String reason, String educationRecord, Long handOverBodyId) {
		PenaltyCase c = get(scope, id);
		requireStage(c, CaseStage.CLUE, "作出不予立案、移交或移送决定");
		if (outcome == null) {
			throw BusinessRuleViolation.onField("outcome", "请选择处理结果");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写理由");
		}
		if (outcome.educationRequired() && (educationRecord == null || educationRecord.isBlank())) {
			throw BusinessRuleViolation.onField("educationRecord", "不予行政处罚的，应当对当事人进行教育（行政处罚法第三十三条第三款），请填写教育情况");
		}
		var contradiction = outcome.contradiction(partyBirthDate(id).orElse(null), c.actDate(), expertOpinionOnFile(id));
		if (contradiction.isPresent()) {
			throw BusinessRuleViolation.onField("outcome", contradiction.get());
		}
		String handedTo = null;
		if (outcome == TriageOutcome.HAND_OVER) {
			if (handOverBodyId == null || handOverBodyId == c.bodyId()) {
				throw BusinessRuleViolation.onField("handOverBodyId", "请选择接收移交的机关");
			}
			handedTo = directory.facts(handOverBodyId).orElseThrow(() -> new NotFound("接收移交的机关")).name();
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.update("""
				update penalty_case set stage = :st, outcome = :o, outcome_reason = :r, education_record = :e, handed_over_to = :h, updated_at = :now
				where id = :id""",
				new MapSqlParameterSource().addValue("st", outcome.stage().name()).addValue("o", outcome.name()).addValue("r", reason.strip())
					.addValue("e", educationRecord == null || educationRecord.isBlank() ? null : educationRecord.strip())
					.addValue("h", outcome == TriageOutcome.HAND_OVER ? handOverBodyId : null).addValue("now", Timestamp.from(clock.instant()))
					.addValue("id", id));
		timers.close(id, TimerKind.FILING, today);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outcome", outcome.label());
		data.put("source", outcome.source());
		data.put("reason", reason.strip());
		if (handedTo != null) {
			data.put("handedOverTo", handedTo);
		}
		if (educationRecord != null && !educationRecord.isBlank()) {
			data.put("education", educationRecord.strip());
		}
		record.append("penalty_case", id, c.bodyId(), "case.declined", outcome.stage().label() + "：" + outcome.label(), data);
		return get(DataScope.all(), id);
	}

	/** The party's birth date from a natural person's ID number (行政处罚法第三十条 is applied from it); empty otherwise. */
	public Optional<LocalDate> partyBirthDate(long caseId) {
		List<String> cipher = jdbc.queryForList("select party_id_cipher from penalty_case where id = :id and party_id_cipher is not null",
				Map.of("id", caseId), String.class);
		return cipher.isEmpty() ? Optional.empty() : Optional.of(IdNumber.birthDate(personal.decrypt(cipher.get(0))));
	}

	/** Whether a 鉴定意见 is among the case's evidence (what 行政处罚法第三十一条 findings rest on). */
	public boolean expertOpinionOnFile(long caseId) {
		return jdbc.queryForObject("select count(*) from penalty_evidence where case_id = :c and type = 'EXPERT_OPINION'", Map.of("c", caseId),
				Long.class) > 0;
	}

	/** The facts the filing check weighs, for the proposed officers on the given day. */
	public FilingPolicy.Check filingCheck(PenaltyCase c, List<Long> officerIds, LocalDate day) {
		boolean inCatalogue = catalogues.inForce(c.bodyId(), c.matterId(), day) || townships.delegatedTo(c.bodyId(), c.matterId(), day);
		var bodyFacts = directory.facts(c.bodyId()).orElseThrow();
		String placePath = jdbc.queryForObject("select path from org_region where id = :r", Map.of("r", c.placeRegionId()), String.class);
		String bodyRegionPath = bodyFacts.regionPath();
		List<AuthorityDecision> decisions = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (Long officerId : new LinkedHashSet<>(officerIds == null ? List.<Long>of() : officerIds)) {
			var row = jdbc.queryForList("select name, body_id from officer where id = :id", Map.of("id", officerId));
			if (row.isEmpty()) {
				throw new NotFound("执法人员");
			}
			if (((Number) row.get(0).get("body_id")).longValue() != c.bodyId()) {
				others.add((String) row.get(0).get("name"));
				continue;
			}
			decisions.add(authority.check(officerId, c.domainCode(), day));
		}
		List<String> earlier = jdbc.query("""
				select b.name, c.filed_on from penalty_case c join org_body b on b.id = c.body_id
				where c.party_key = (select party_key from penalty_case where id = :id) and c.body_id <> :b and c.filed_on is not null
				  and c.act_date <= :end and coalesce(c.act_end_date, c.act_date) >= :start
				  and exists (select 1 from enforcement_matter_basis x join enforcement_matter_basis y on x.provision_id = y.provision_id
				              where x.matter_id = c.matter_id and y.matter_id = :m)
				order by c.filed_on""",
				new MapSqlParameterSource().addValue("id", c.id()).addValue("b", c.bodyId()).addValue("start", c.actDate())
					.addValue("end", c.actEndDate() == null ? c.actDate() : c.actEndDate()).addValue("m", c.matterId()),
				(rs, i) -> rs.getString(1) + "（" + rs.getDate(2).toLocalDate() + "）");
		return FilingPolicy.check(new FilingPolicy.Facts(c.stage(), c.matterName(), inCatalogue, c.placeName(), placePath.startsWith(bodyRegionPath),
				c.actDate(), c.actEndDate(), c.seriousHarm(), c.receivedOn(), decisions, others, earlier));
	}

	/** 立案: approved by the head; refused with every reason under {@link FilingPolicy}, changing nothing. */
	@Transactional
	public PenaltyCase file(DataScope scope, long id, List<Long> officerIds, boolean acknowledgeEarlierFiling, String opinion) {
		PenaltyCase c = get(scope, id);
		jdbc.queryForObject("select id from penalty_case where id = :id for update", Map.of("id", id), Long.class);
		c = get(scope, id);
		LocalDate today = LocalDate.now(clock);
		FilingPolicy.Check check = filingCheck(c, officerIds, today);
		if (!check.allowed()) {
			throw new BusinessRuleViolation("不能立案：" + String.join("；", check.refusals()));
		}
		if (!check.warnings().isEmpty() && !acknowledgeEarlierFiling) {
			throw new BusinessRuleViolation("请先确认：" + String.join("；", check.warnings()));
		}
		CaseNumbers.Number number = numbers.next(c.bodyId(), CaseNumbers.FILING, today.getYear());
		jdbc.update("""
				update penalty_case set stage = 'FILED', case_number = :n, case_year = :y, case_seq = :s, filed_on = :d, filed_by = :by, updated_at = :now
				where id = :id""",
				new MapSqlParameterSource().addValue("n", number.text()).addValue("y", number.year()).addValue("s", number.sequence()).addValue("d", today)
					.addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())).addValue("id", id));
		for (Long officerId : new LinkedHashSet<>(officerIds)) {
			jdbc.update("insert into penalty_case_officer (case_id, officer_id, assigned_on) values (:c, :o, :d)",
					Map.of("c", id, "o", officerId, "d", today));
		}
		timers.close(id, TimerKind.FILING, today);
		timers.start(id, TimerKind.DECISION, today, ProcedureProfile.of(c.domainCode()).decisionDays());
		PenaltyCase filed = get(DataScope.all(), id);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("caseNumber", number.text());
		data.put("officers", filed.officers().stream().map(PenaltyCase.Officer::name).toList());
		data.put("opinion", opinion == null ? "" : opinion.strip());
		if (!check.warnings().isEmpty()) {
			data.put("acknowledged", check.warnings());
		}
		record.append("penalty_case", id, c.bodyId(), "case.filed", "负责人批准立案，案件编号 " + number.text(), data);
		return filed;
	}

	/** The number sequences a body can format: case numbers, decisions and the documents with their own 文号. */
	public static final List<String> NUMBER_KINDS = List.of(CaseNumbers.FILING, CaseNumbers.DECISION, "告知", "听证", "送达", "催告");

	/** Sets the number format of a kind (立案, 决定, 告知, 听证, 送达, 催告), e.g. 芒市监罚立〔{年}〕{号}号. */
	@Transactional
	public void setNumberPattern(long bodyId, String kind, String pattern) {
		if (!NUMBER_KINDS.contains(kind)) {
			throw BusinessRuleViolation.onField("kind", "编号种类应为" + String.join("、", NUMBER_KINDS) + "之一");
		}
		if (pattern == null || !pattern.contains("{年}") || !pattern.contains("{号}") || pattern.length() > 100) {
			throw BusinessRuleViolation.onField("pattern", "编号格式须包含 {年} 和 {号}，如 芒市监罚立〔{年}〕{号}号");
		}
		numbers.setPattern(bodyId, kind, pattern.strip());
		record.append("org_body", bodyId, bodyId, "case.number_pattern", "设置" + kind + "编号格式：" + pattern.strip(), Map.of("pattern", pattern.strip()));
	}

	// ----

	private static void requireStage(PenaltyCase c, CaseStage stage, String action) {
		if (c.stage() != stage) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能" + action);
		}
	}

	private static final String SELECT = """
			select c.*, b.name as body_name, m.code as matter_code, m.name as matter_name, m.domain_code, r.name as place_name, hb.name as handed_name
			from penalty_case c join org_body b on b.id = c.body_id join enforcement_matter m on m.id = c.matter_id
			join org_region r on r.id = c.place_region_id left join org_body hb on hb.id = c.handed_over_to""";

	private List<PenaltyCase> load(String where, Map<String, Object> params) {
		List<PenaltyCase> rows = jdbc.query(SELECT + where, params, (rs, i) -> row(rs, List.of()));
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<PenaltyCase.Officer>> officers = new HashMap<>();
		jdbc.query("""
				select o.case_id, o.officer_id, f.name, o.assigned_on from penalty_case_officer o join officer f on f.id = o.officer_id
				where o.case_id in (:ids) and o.released_on is null order by o.assigned_on, f.name""",
				Map.of("ids", rows.stream().map(PenaltyCase::id).toList()), rs -> {
					officers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new PenaltyCase.Officer(rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()));
				});
		return rows.stream().map(c -> officers.containsKey(c.id()) ? withOfficers(c, officers.get(c.id())) : c).toList();
	}

	private static PenaltyCase withOfficers(PenaltyCase c, List<PenaltyCase.Officer> o) {
		return new PenaltyCase(c.id(), c.bodyId(), c.bodyName(), c.matterId(), c.matterCode(), c.matterName(), c.domainCode(), c.stage(), c.source(),
				c.partyKind(), c.partyName(), c.partyMasked(), c.placeRegionId(), c.placeName(), c.placeDetail(), c.actDate(), c.actEndDate(),
				c.seriousHarm(), c.description(), c.receivedOn(), c.registeredBy(), c.caseNumber(), c.filedOn(), c.filedBy(), c.outcome(),
				c.outcomeReason(), c.educationRecord(), c.handedOverTo(), c.decisionOutcome(), c.decisionNumber(), c.decidedOn(), c.simpleProcedure(), o, c.demo());
	}

	private static PenaltyCase row(ResultSet rs, List<PenaltyCase.Officer> officers) throws SQLException {
		return new PenaltyCase(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getLong("matter_id"), rs.getString("matter_code"),
				rs.getString("matter_name"), rs.getString("domain_code"), CaseStage.valueOf(rs.getString("stage")), ClueSource.valueOf(rs.getString("source")),
				PartyType.valueOf(rs.getString("party_kind")), rs.getString("party_name"), rs.getString("party_masked"), rs.getLong("place_region_id"),
				rs.getString("place_name"), rs.getString("place_detail"), rs.getDate("act_date").toLocalDate(),
				rs.getDate("act_end_date") == null ? null : rs.getDate("act_end_date").toLocalDate(), rs.getBoolean("serious_harm"),
				rs.getString("description"), rs.getDate("received_on").toLocalDate(), rs.getString("registered_by"), rs.getString("case_number"),
				rs.getDate("filed_on") == null ? null : rs.getDate("filed_on").toLocalDate(), rs.getString("filed_by"),
				rs.getString("outcome") == null ? null : TriageOutcome.valueOf(rs.getString("outcome")), rs.getString("outcome_reason"),
				rs.getString("education_record"), rs.getString("handed_name"),
				rs.getString("decision_outcome") == null ? null : DecisionOutcome.valueOf(rs.getString("decision_outcome")), rs.getString("decision_number"),
				rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(), "SIMPLE".equals(rs.getString("procedure")), officers,
				rs.getBoolean("demo"));
	}
}
