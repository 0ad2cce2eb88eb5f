package zhifa.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseChanged;
import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.discretion.PenaltyType;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TimerKind;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.StaleWrite;

/**
 * 事后公开 of penalty decisions: when a penalty is decided the platform drafts its public version, masked ({@link Masking});
 * the body publishes it within 7 working days (with the decision document's verification code) — a warning alone is
 * exempt when {@code zhifa.disclosure.exempt-warning-only} is set; when 复议 or 诉讼 changes, revokes or confirms the
 * decision illegal, the item is due for withdrawal within 3 working days (the case's timer) and the body withdraws it
 * with the reason, which the portal shows.
 */
@Service
public class DecisionDisclosures implements zhifa.casework.CaseFollower {

	public enum Status {
		DRAFT("待公开"), PUBLISHED("已公开"), WITHDRAWN("已撤回"), EXEMPT("依规定不予公开"), CANCELLED("公开前已被变更或撤销，不再公开");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What is published: the penalty decision (7 working days) or another decision on the case (20 working days). */
	public enum Kind {
		PENALTY("行政处罚决定", 7), MEASURE("行政强制措施决定", 20), ENFORCEMENT("行政强制执行决定", 20);

		private final String label;
		private final int days;

		Kind(String label, int days) {
			this.label = label;
			this.days = days;
		}

		public String label() {
			return label;
		}

		/** Working days from the decision within which it is published (国办发〔2018〕118号). */
		public int days() {
			return days;
		}
	}

	public record Item(long id, Kind kind, long caseId, long bodyId, String bodyName, String title, String decisionNumber, String party, String place,
			String matter, String sanction, String facts, String basis, LocalDate decidedOn, Status status, LocalDate publishBy, LocalDate publishedOn,
			String publishedBy, String verificationCode, LocalDate withdrawBy, LocalDate withdrawnOn, String withdrawReason, int version) {

		public boolean lateOn(LocalDate day) {
			return status == Status.DRAFT && day.isAfter(publishBy) || status == Status.PUBLISHED && withdrawBy != null && day.isAfter(withdrawBy);
		}

		/** Published and not withdrawn although the decision was changed, revoked or confirmed illegal. */
		public boolean dueForWithdrawal() {
			return status == Status.PUBLISHED && withdrawBy != null;
		}
	}

	static final String SELECT = "select d.*, b.name as body_name from disclosure_item d join body_view b on b.id = d.body_id";

	private final NamedParameterJdbcTemplate jdbc;
	private final PenaltyCases penalties;
	private final Cases cases;
	private final CaseRecord record;
	private final CaseDocuments documents;
	private final CaseTimers timers;
	private final CalendarService calendar;
	private final BodyScopes scopes;
	private final Clock clock;
	private final boolean exemptWarningOnly;
	private final zhifa.coercion.Measures measures;
	private final zhifa.record.FullProcessRecord fullRecord;
	private final zhifa.coercion.Enforcements enforcements;
	private final zhifa.penalty.DecisionClauses clauses;
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	DecisionDisclosures(NamedParameterJdbcTemplate jdbc, PenaltyCases penalties, Cases cases, CaseRecord record, CaseDocuments documents, CaseTimers timers,
			CalendarService calendar, BodyScopes scopes, Clock clock, @Value("${zhifa.disclosure.exempt-warning-only:false}") boolean exemptWarningOnly,
			zhifa.coercion.Measures measures, zhifa.coercion.Enforcements enforcements, zhifa.record.FullProcessRecord fullRecord,
			zhifa.penalty.DecisionClauses clauses) {
		this.clauses = clauses;
		this.fullRecord = fullRecord;
		this.measures = measures;
		this.enforcements = enforcements;
		this.jdbc = jdbc;
		this.penalties = penalties;
		this.cases = cases;
		this.record = record;
		this.documents = documents;
		this.timers = timers;
		this.calendar = calendar;
		this.scopes = scopes;
		this.clock = clock;
		this.exemptWarningOnly = exemptWarningOnly;
	}

	/**
	 * A decision made, or 复议/诉讼 concluded: draft the public version, or mark a published one for withdrawal — in the
	 * same transaction as the change, so a decision never exists without its draft and nothing is written later.
	 */
	@Override
	public void changed(CaseChanged changed) {
		if (!PenaltyCases.KIND.equals(changed.caseKind())) {
			return;
		}
		if ("case.decided".equals(changed.action())) {
			draft(changed.caseId());
		}
		else if ("case.remedy_ended".equals(changed.action())) {
			markForWithdrawal(changed.caseId());
		}
		else if ("case.measure_applied".equals(changed.action())) {
			measures.measures(changed.caseId()).forEach(m -> draftMeasure(changed.caseId(), m));
		}
		else if ("case.enforcement_decided".equals(changed.action())) {
			enforcements.enforcement(changed.caseId()).filter(e -> e.decidedOn() != null).ifPresent(e -> draftEnforcement(changed.caseId(), e));
		}
	}

	/** A 查封 or 扣押 decided on the case: drafted for publication within 20 working days (once per measure). */
	@Transactional
	public void draftMeasure(long caseId, zhifa.coercion.Measure m) {
		PenaltyCase c = penalties.get(DataScope.all(), caseId);
		String items = m.items() == null ? "" : m.items();
		insertOther(c, Kind.MEASURE, m.id(), m.kind().label() + "决定" + (c.caseNumber() == null ? "" : "（" + c.caseNumber() + "）"), null,
				m.kind().label() + "：" + items, "依照《中华人民共和国行政强制法》第二十四条，" + (m.approvedBy() == null ? "" : "经" + m.approvedBy() + "批准，")
						+ "对当事人的下列" + (m.kind() == zhifa.coercion.Measure.Kind.SEAL ? "场所、设施或者财物予以查封" : "财物予以扣押") + "：" + items + "。",
				m.appliedOn());
	}

	/** A 强制执行决定 made by the body: drafted for publication within 20 working days. */
	@Transactional
	public void draftEnforcement(long caseId, zhifa.coercion.Enforcement e) {
		PenaltyCase c = penalties.get(DataScope.all(), caseId);
		insertOther(c, Kind.ENFORCEMENT, null, "行政强制执行决定书（" + e.decisionNumber() + "）", e.decisionNumber(),
				"强制执行：" + (e.obligation() == null ? "" : e.obligation()),
				"当事人在催告期限内未履行义务" + (e.obligation() == null ? "" : "（" + e.obligation() + "）") + "，依照" + e.powerBasis() + "，作出强制执行决定。",
				e.decidedOn());
	}

	private void insertOther(PenaltyCase c, Kind kind, Long ref, String title, String number, String sanction, String facts, LocalDate decidedOn) {
		if (decidedOn == null) {
			return;
		}
		String party = partyOf(c);
		LocalDate publishBy = calendar.due(Deadline.of(decidedOn, kind.days(), DeadlineUnit.WORKING_DAYS,
				"国办发〔2018〕118号：其他行政执法决定" + kind.days() + "个工作日内公开")).date();
		int n = jdbc.update("""
				insert into disclosure_item (case_id, kind, ref, body_id, title, decision_number, party, place, matter, sanction, facts, decided_on, status,
				  publish_by, created_at) values (:case, :kind, :ref, :body, :title, :number, :party, :place, :matter, :sanction, :facts, :decided, 'DRAFT',
				  :by, :now)
				on conflict do nothing""",
				new MapSqlParameterSource().addValue("case", c.id()).addValue("kind", kind.name()).addValue("ref", ref).addValue("body", c.bodyId())
					.addValue("title", Masking.cut(Masking.text(title, person(c), details(c)), 200)).addValue("number", number)
					.addValue("party", Masking.text(party)).addValue("place", c.placeName()).addValue("matter", c.matterName())
					.addValue("sanction", Masking.cut(Masking.text(sanction, person(c), details(c)), 500))
					.addValue("facts", Masking.text(facts, person(c), details(c))).addValue("decided", decidedOn).addValue("by", publishBy)
					.addValue("now", Timestamp.from(clock.instant())));
		if (n == 1) {
			changed();
			record.append(touch(c.id()), "case.disclosure_drafted", "已起草" + kind.label() + "的公开文本（已脱敏），应于 " + publishBy + " 前公开",
					Map.of("publishBy", publishBy.toString(), "kind", kind.name()));
		}
	}

	/** Drafts the public version of a penalty decision (once per case); nothing for a decision not to penalise. */
	@Transactional
	public Optional<Item> draft(long caseId) {
		Optional<Item> existing = ofCase(caseId);
		if (existing.isPresent()) {
			return existing;
		}
		PenaltyCase c = penalties.get(DataScope.all(), caseId);
		if (!c.penalised() || c.decision() == null || c.decidedOn() == null) {
			return Optional.empty();
		}
		var sanction = c.decision().sanction();
		boolean exempt = exemptWarningOnly(c.bodyId()) && Set.of(PenaltyType.WARNING).equals(sanction.types());
		String party = partyOf(c);
		LocalDate publishBy = calendar.due(Deadline.of(c.decidedOn(), 7, DeadlineUnit.WORKING_DAYS, "国办发〔2018〕118号：行政处罚决定7个工作日内公开")).date();
		jdbc.update("""
				insert into disclosure_item (case_id, body_id, title, decision_number, party, place, matter, sanction, facts, basis, decided_on, status,
				  publish_by, created_at) values (:case, :body, :title, :number, :party, :place, :matter, :sanction, :facts, :basis, :decided, :status, :by, :now)
				on conflict do nothing""",
				new MapSqlParameterSource().addValue("case", caseId).addValue("body", c.bodyId())
					.addValue("title", "行政处罚决定书" + (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）"))
					.addValue("number", c.decisionNumber()).addValue("party", Masking.text(party)).addValue("place", c.placeName())
					.addValue("matter", c.matterName()).addValue("sanction", Masking.text(sanction.describe(), person(c), details(c)))
					.addValue("facts", Masking.forThePublic(Masking.text(c.decision().text() == null ? "" : c.decision().text(), person(c), details(c))))
					.addValue("basis", clauses.basis(c)).addValue("decided", c.decidedOn())
					.addValue("status", exempt ? Status.EXEMPT.name() : Status.DRAFT.name()).addValue("by", publishBy)
					.addValue("now", Timestamp.from(clock.instant())));
		changed();
		// the case's version moves, so the ledger takes the act again with its publication
		record.append(touch(caseId), "case.disclosure_drafted", exempt ? "仅处警告，依本平台设置不予公开"
				: "已起草处罚决定的公开文本（已脱敏），应于 " + publishBy + " 前公开", Map.of("publishBy", publishBy.toString()));
		return ofCase(caseId);
	}

	/** Whether the body publishes no decision that imposes a warning alone (its own setting, else the platform's). */
	public boolean exemptWarningOnly(long bodyId) {
		return jdbc.query("select exempt_warning_only from disclosure_setting where body_id = :b", Map.of("b", bodyId), (rs, i) -> rs.getBoolean(1))
			.stream().findFirst().orElse(exemptWarningOnly);
	}

	/** The body's head or administrator decides whether decisions imposing a warning alone are published; on the body's record. */
	@Transactional
	public void setExemptWarningOnly(Operator op, long bodyId, boolean exempt) {
		requireHead(op, bodyId);
		boolean before = exemptWarningOnly(bodyId);
		jdbc.update("""
				insert into disclosure_setting (body_id, exempt_warning_only, updated_by, updated_at) values (:b, :e, :by, :at)
				on conflict (body_id) do update set exempt_warning_only = excluded.exempt_warning_only, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at""", new MapSqlParameterSource().addValue("b", bodyId).addValue("e", exempt)
			.addValue("by", op.operatorName()).addValue("at", Timestamp.from(clock.instant())));
		if (before != exempt) {
			fullRecord.append(op, "body", bodyId, bodyId, "disclosure.setting_changed", exempt ? "设置：仅处警告的处罚决定不予公开" : "设置：仅处警告的处罚决定也予以公开",
					Map.of("exemptWarningOnly", exempt));
		}
	}

	/** The party as published: a natural person as 张某, an organisation by name and 统一社会信用代码. */
	private static String partyOf(PenaltyCase c) {
		return c.partyKind() == zhifa.casework.PartyType.NATURAL_PERSON ? Masking.person(c.partyName())
				: c.partyName() + (c.partyMasked() == null || c.partyMasked().isBlank() ? "" : "（统一社会信用代码 " + c.partyMasked() + "）");
	}

	/** The precise places a published text must not show: the act's, and a natural person's home address. */
	private static String[] details(PenaltyCase c) {
		return new String[] { c.placeDetail(), c.partyKind() == zhifa.casework.PartyType.NATURAL_PERSON ? c.partyAddress() : null };
	}

	/** The natural person whose name is masked in what is published (none for an organisation). */
	private static String person(PenaltyCase c) {
		return c.partyKind() == zhifa.casework.PartyType.NATURAL_PERSON ? c.partyName() : null;
	}

	/** 复议/诉讼 changed, revoked or confirmed the decision illegal: a published item is due for withdrawal by the case's timer. */
	@Transactional
	public void markForWithdrawal(long caseId) {
		var timer = timers.find(caseId, TimerKind.WITHDRAW_PUBLICATION);
		if (timer.isEmpty()) {
			return;
		}
		changed();
		jdbc.update("update disclosure_item set withdraw_by = :by, version = version + 1 where case_id = :c and kind = 'PENALTY' and status = 'PUBLISHED' and withdraw_by is null",
				Map.of("by", timer.get().due(), "c", caseId));
		// not published yet: it will not be (nothing to withdraw; the case's timer is met)
		if (jdbc.update("update disclosure_item set status = 'CANCELLED', version = version + 1 where case_id = :c and kind = 'PENALTY' and status = 'DRAFT'",
				Map.of("c", caseId)) == 1) {
			if (timer.get().state() == zhifa.casework.CaseTimer.State.RUNNING) {
				timers.close(timer.get(), LocalDate.now(clock));
			}
			record.append(touch(caseId), "case.disclosure_cancelled", "处罚决定公开前已被变更、撤销或确认违法，不再公开", Map.of());
		}
	}

	/** Moves whenever a public item changes (in this instance): cached public pages older than it are rendered again. */
	public long generation() {
		return generation.get();
	}

	private void changed() {
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						generation.incrementAndGet();
					}
				});
	}

	public Optional<Item> ofCase(long caseId) {
		return jdbc.query(SELECT + " where d.case_id = :c and d.kind = 'PENALTY'", Map.of("c", caseId), DecisionDisclosures::row).stream().findFirst();
	}

	/** Every item of a case: its penalty decision and its other decisions. */
	/** Those of these cases that have any item, ascending. */
	public List<Long> casesWithItems(java.util.Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		// one index lookup per case, whatever the statistics say (an in list before the first analyze scans the table)
		return jdbc.queryForList("select k.id from unnest(cast(:ids as bigint[])) as k(id) cross join lateral (select 1 from disclosure_item where case_id = k.id limit 1) d "
				+ "order by k.id", Map.of("ids", caseIds.stream().distinct().toArray(Long[]::new)), Long.class);
	}

	public List<Item> allOfCase(long caseId) {
		return jdbc.query(SELECT + " where d.case_id = :c order by d.id", Map.of("c", caseId), DecisionDisclosures::row);
	}

	/** The items of the bodies in the scope: drafts and those due for withdrawal first. */
	public List<Item> forBodies(DataScope scope, Status status) {
		Map<String, Object> p = new HashMap<>();
		String where = scopes.sqlCondition(scope, "d.body_id", p) + (status == null ? "" : " and d.status = :s");
		p.put("s", status == null ? null : status.name());
		return jdbc.query(SELECT + " where " + where
				+ " order by d.status = 'DRAFT' desc, d.withdraw_by is not null and d.status = 'PUBLISHED' desc, d.publish_by, d.id desc limit 200", p,
				DecisionDisclosures::row);
	}

	/** Publishes a draft: the decision document must have been generated (its verification code goes with the item). */
	@Transactional
	public Item publish(Operator op, long id, int version) {
		return publish(op, id, version, null);
	}

	/**
	 * Publishes a draft, with the facts as the head corrected them (masked again); refused while what would be published
	 * still names the person in full or carries an ID or phone number.
	 */
	@Transactional
	public Item publish(Operator op, long id, int version, String facts) {
		Item d = get(op.scope(), id);
		requireHead(op, d.bodyId());
		if (d.status() != Status.DRAFT) {
			throw new BusinessRuleViolation("本条" + d.status().label() + "，不能再公开");
		}
		PenaltyCase c = penalties.get(DataScope.all(), d.caseId());
		String text = d.facts();
		if (facts != null && !facts.isBlank()) {
			if (facts.length() > 20_000 || zhifa.shared.web.RequestLimits.hasControlCharacters(facts.replace("\n", "").replace("\r", ""))) {
				throw BusinessRuleViolation.onField("facts", "公开的事实和理由不超过20000字，且不能含控制字符");
			}
			text = Masking.text(facts.strip(), person(c), details(c));
		}
		if (Masking.leaks(text, person(c)) || Masking.leaks(d.sanction(), person(c)) || Masking.leaks(d.party(), person(c))) {
			throw BusinessRuleViolation.onField("facts", "公开文本中仍有当事人的全名、身份证号码或电话号码，请修改后再公开");
		}
		jdbc.update("update disclosure_item set facts = :f where id = :id", Map.of("f", text, "id", id));
		// a penalty decision is published with its document's verification code; the other decisions' documents are not
		// generated on the platform (their 文号 is published)
		String code = d.kind() != Kind.PENALTY ? null
				: documents.documents(DataScope.all(), d.caseId()).stream().filter(x -> "DECISION".equals(x.type()) || "ONSPOT_DECISION".equals(x.type()))
					.reduce((a, b) -> b).map(CaseDocuments.Document::verificationCode)
					.orElseThrow(() -> new BusinessRuleViolation("请先生成行政处罚决定书，公开的决定附带决定书的验证码"));
		LocalDate today = LocalDate.now(clock);
		int n = jdbc.update("""
				update disclosure_item set status = 'PUBLISHED', published_on = :d, published_by = :by, verification_code = :code, version = version + 1
				where id = :id and version = :v and status = 'DRAFT'""", new MapSqlParameterSource().addValue("d", today).addValue("by", op.operatorName())
			.addValue("code", code).addValue("id", id).addValue("v", version));
		if (n != 1) {
			throw new StaleWrite("该公开事项");
		}
		changed();
		boolean late = today.isAfter(d.publishBy());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", d.kind().name());
		payload.put("late", late);
		if (code != null) {
			payload.put("code", code);
		}
		record.append(touch(d.caseId()), "case.disclosed", "公开" + d.kind().label() + (late ? "（超过公开期限 " + d.publishBy() + "）" : ""), payload);
		return get(DataScope.all(), id);
	}

	/** Withdraws a published item with the reason (shown on the portal); closes the case's withdrawal timer. */
	@Transactional
	public Item withdraw(Operator op, long id, int version, String reason) {
		Item d = get(op.scope(), id);
		requireHead(op, d.bodyId());
		if (d.status() != Status.PUBLISHED) {
			throw new BusinessRuleViolation("只有已公开的决定可以撤回（本条" + d.status().label() + "）");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500 || zhifa.shared.web.RequestLimits.hasControlCharacters(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写撤回原因（500字以内）");
		}
		LocalDate today = LocalDate.now(clock);
		int n = jdbc.update("""
				update disclosure_item set status = 'WITHDRAWN', withdrawn_on = :d, withdraw_reason = :r, version = version + 1
				where id = :id and version = :v and status = 'PUBLISHED'""", new MapSqlParameterSource().addValue("d", today).addValue("r", reason.strip())
			.addValue("id", id).addValue("v", version));
		if (n != 1) {
			throw new StaleWrite("该公开事项");
		}
		changed();
		if (d.kind() == Kind.PENALTY) {
			// the case's withdrawal timer is the penalty decision's
			timers.find(d.caseId(), TimerKind.WITHDRAW_PUBLICATION).filter(t -> t.state() == zhifa.casework.CaseTimer.State.RUNNING)
				.ifPresent(t -> timers.close(t, today));
		}
		record.append(touch(d.caseId()), "case.disclosure_withdrawn", "撤回已公开的" + d.kind().label() + "：" + reason.strip(),
				Map.of("reason", reason.strip()));
		return get(DataScope.all(), id);
	}

	/**
	 * The case, its version moved so the ledger takes its act again with the publication; an archived case's file is
	 * read-only and keeps its version (its publication still changes here).
	 */
	private zhifa.casework.CaseFile touch(long caseId) {
		var c = cases.get(DataScope.all(), caseId);
		return c.archivedOn() == null ? cases.claim(c, null) : c;
	}

	private void requireHead(Operator op, long bodyId) {
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) || op.bodyId() == null || op.bodyId() != bodyId) {
			throw new AccessDeniedException("处罚决定的公开和撤回由本单位负责人或单位管理员办理");
		}
	}

	public Item get(DataScope scope, long id) {
		return jdbc.query(SELECT + " where d.id = :id", Map.of("id", id), DecisionDisclosures::row).stream().filter(d -> scopes.covers(scope, d.bodyId()))
			.findFirst().orElseThrow(() -> new NotFound("公开事项"));
	}

	static Item row(ResultSet rs, int i) throws SQLException {
		return new Item(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("case_id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("title"),
				rs.getString("decision_number"), rs.getString("party"), rs.getString("place"), rs.getString("matter"), rs.getString("sanction"),
				rs.getString("facts"), rs.getString("basis"), rs.getObject("decided_on", LocalDate.class), Status.valueOf(rs.getString("status")),
				rs.getObject("publish_by", LocalDate.class), rs.getObject("published_on", LocalDate.class), rs.getString("published_by"),
				rs.getString("verification_code"), rs.getObject("withdraw_by", LocalDate.class), rs.getObject("withdrawn_on", LocalDate.class),
				rs.getString("withdraw_reason"), rs.getInt("version"));
	}
}
