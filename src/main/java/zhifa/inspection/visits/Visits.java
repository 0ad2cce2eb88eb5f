package zhifa.inspection.visits;

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
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
import zhifa.catalog.Catalogues;
import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.MatterType;
import zhifa.inspection.Fields;
import zhifa.officer.AuthorityDecision;
import zhifa.penalty.ClueSource;
import zhifa.penalty.filing.Filing;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * A visit (one inspection case): the team shows its QR code (扫码入企 — the enterprise sees who inspects and on what basis,
 * confirms the visit or reports a problem, every scan kept), each body's inspectors record a result per item — 合格,
 * 责令整改 with its deadline (re-checked later), or 发现违法, which registers a penalty clue (ClueSource.INSPECTION) through
 * penalty's public API, linked both ways — then the visit is completed and its result published within 20 working days
 * ({@link InspectionTimer#RESULT_PUBLICATION}). A visit beyond the yearly cap waits for the head's approval with a reason.
 */
@Service
public class Visits {

	public enum Result {
		PASSED("合格"), RECTIFY("责令整改"), VIOLATION("发现违法");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Member(long officerId, long bodyId, String bodyName, String name, String certificateNumber, boolean valid, String explanation) {
	}

	public record Check(long itemId, long bodyId, String bodyName, String matterCode, String itemName, String basis, String method, Result result,
			String note, LocalDate rectifyBy, LocalDate recheckedOn, Boolean recheckPassed, Long clueCaseId, String recordedBy) {

		public boolean awaitingRecheck() {
			return result == Result.RECTIFY && recheckedOn == null;
		}
	}

	/** An expert assisting the team (not an enforcement officer). */
	public record Expert(String name, String expertise) {
	}

	public record Scan(Instant at, String action, String note) {

		public String label() {
			return switch (action) {
				case "VIEWED" -> "企业扫码查看";
				case "CONFIRMED" -> "企业确认接受检查";
				default -> "企业反映问题";
			};
		}
	}

	public record Visit(long id, long caseId, Long taskId, String taskCode, String taskName, long objectId, String uscc, String objectName, String address,
			String regionName, long bodyId, String bodyName, String stratum, Integer rank, String scanToken, LocalDate plannedOn, LocalDate checkedOn,
			LocalDate publishedOn, boolean overCap, String overCapReason, String overCapApprovedBy, Instant confirmedAt, VisitStage stage,
			List<Member> team, List<Check> checks, List<Scan> scans, CaseTimer publication, Origin origin, String originReason, String approvedBy,
			List<Expert> experts, String noticeKind, String noticeNote, LocalDate noticedOn) {

		/** The notice as the page and the record say it. */
		public String noticeLabel() {
			return noticeKind == null ? "尚未通知" : "NOTIFIED".equals(noticeKind) ? noticedOn + " 已通知被检查对象：" + noticeNote
					: "不预先通知（" + noticeNote + "）";
		}

		public boolean joint() {
			return team.stream().map(Member::bodyId).distinct().count() > 1;
		}

		/** Not to be carried out yet: beyond the yearly cap, or not drawn at random, and not approved by the head. */
		public boolean awaitingApproval() {
			return overCap && overCapApprovedBy == null || origin != Origin.RANDOM && approvedBy == null;
		}

		/** The result as the public sees it: the worst finding. */
		public String outcome() {
			if (checks.stream().anyMatch(c -> c.result() == null)) {
				return stage == VisitStage.PLANNED ? "待检查" : "—";
			}
			if (checks.stream().anyMatch(c -> c.result() == Result.VIOLATION)) {
				return "发现问题，已依法处置";
			}
			if (checks.stream().anyMatch(c -> c.result() == Result.RECTIFY)) {
				return "发现问题，责令整改";
			}
			return "未发现问题";
		}
	}

	/** The items of visit {@code v}: its task's, or its own when it was not drawn. */
	static final String ITEMS = """
			(select ti.item_id from insp_task_item ti where ti.task_id = v.task_id union all select vi.item_id from insp_visit_item vi where vi.visit_id = v.id)
			""";

	/** Why a visit was made. */
	public enum Origin {
		RANDOM("双随机抽查"), COMPLAINT("投诉举报核查"), REFERRAL("转办、交办、移送"), SPECIAL("专项检查"), OTHER("其他");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private static final String VISIT = """
			select v.*, t.code as task_code, t.name as task_name, o.name as object_name, o.address, r.name as region_name, b.name as body_name,
			  c.stage from insp_visit v join insp_object o on o.id = v.object_id join region_view r on r.id = o.region_id
			  join body_view b on b.id = v.body_id join case_view c on c.id = v.case_id left join insp_task t on t.id = v.task_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseOfficers officers;
	private final Catalogues catalogues;
	private final Filing filing;
	private final FullProcessRecord record;
	private final CaseRecord caseRecord;
	private final BodyScopes scopes;
	private final Clock clock;

	Visits(NamedParameterJdbcTemplate jdbc, Cases cases, CaseKinds kinds, CaseTimers timers, CaseOfficers officers, Catalogues catalogues, Filing filing,
			FullProcessRecord record, CaseRecord caseRecord, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.officers = officers;
		this.catalogues = catalogues;
		this.filing = filing;
		this.record = record;
		this.caseRecord = caseRecord;
		this.scopes = scopes;
		this.clock = clock;
	}

	// ----- reading

	/** A visit the operator may see: of a body in his scope, or one where his body is part of the team. */
	public Visit view(Operator op, long id) {
		Visit v = load(id).orElseThrow(() -> new NotFound("检查"));
		if (!scopes.covers(op.scope(), v.bodyId()) && v.team().stream().noneMatch(m -> scopes.covers(op.scope(), m.bodyId()))) {
			throw new NotFound("检查");
		}
		return v;
	}

	public long idOfCase(long caseId) {
		return jdbc.query("select id from insp_visit where case_id = :c", Map.of("c", caseId), (rs, i) -> rs.getLong(1)).stream().findFirst()
			.orElseThrow(() -> new NotFound("检查"));
	}

	public Optional<Visit> load(long id) {
		return jdbc.query(VISIT + " where v.id = :id", Map.of("id", id), (rs, i) -> {
			Timestamp confirmed = rs.getTimestamp("confirmed_at");
			return new Object[] { rs.getLong("id"), rs.getLong("case_id"), rs.getObject("task_id"), rs.getString("task_code"), rs.getString("task_name"),
					rs.getLong("object_id"), rs.getString("uscc"), rs.getString("object_name"), rs.getString("address"), rs.getString("region_name"),
					rs.getLong("body_id"), rs.getString("body_name"), rs.getString("stratum"), rs.getObject("rank"), rs.getString("scan_token"),
					rs.getObject("planned_on", LocalDate.class), rs.getObject("checked_on", LocalDate.class), rs.getObject("published_on", LocalDate.class),
					rs.getBoolean("over_cap"), rs.getString("over_cap_reason"), rs.getString("over_cap_approved_by"),
					confirmed == null ? null : confirmed.toInstant(), VisitStage.valueOf(rs.getString("stage").trim()), Origin.valueOf(rs.getString("origin")),
					rs.getString("origin_reason"), rs.getString("approved_by"), rs.getString("notice_kind"), rs.getString("notice_note"),
					rs.getObject("noticed_on", LocalDate.class) };
		}).stream().findFirst().map(r -> {
			long id2 = (Long) r[0];
			LocalDate planned = (LocalDate) r[15];
			return new Visit(id2, (Long) r[1], r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (Long) r[5], (String) r[6],
					(String) r[7], (String) r[8], (String) r[9], (Long) r[10], (String) r[11], r[12] == null ? null : ((String) r[12]).trim(),
					r[13] == null ? null : ((Number) r[13]).intValue(), (String) r[14], planned, (LocalDate) r[16], (LocalDate) r[17], (Boolean) r[18],
					(String) r[19], (String) r[20], (Instant) r[21], (VisitStage) r[22], team(id2, (Long) r[1], planned), checks(id2), scans(id2),
					timers.find((Long) r[1], InspectionTimer.RESULT_PUBLICATION).orElse(null), (Origin) r[23], (String) r[24], (String) r[25],
					experts(id2), (String) r[26], (String) r[27], (LocalDate) r[28]);
		});
	}

	private List<Member> team(long visitId, long caseId, LocalDate day) {
		Map<Long, String> domains = new HashMap<>();
		return jdbc.query("""
				select m.officer_id, m.body_id, b.name as body_name from insp_team_member m join body_view b on b.id = m.body_id
				where m.visit_id = :v order by m.body_id, m.draw_order""", Map.of("v", visitId), (rs, i) -> {
			long body = rs.getLong("body_id");
			String domain = domains.computeIfAbsent(body, b -> domainOf(visitId, b));
			AuthorityDecision a = officers.authority(rs.getLong("officer_id"), domain, day);
			return new Member(a.officerId(), body, rs.getString("body_name"), a.officerName(), a.certificateNumber(), a.allowed(),
					a.allowed() ? "执法证件有效" : a.explanation());
		});
	}

	/** The 执法领域 of the body's first item in the visit's task. */
	private String domainOf(long visitId, long bodyId) {
		List<String> codes = jdbc.queryForList("""
				select i.matter_code from insp_visit v join insp_item i on i.id in """ + ITEMS + """
				where v.id = :v and i.body_id = :b order by i.matter_code""", Map.of("v", visitId, "b", bodyId), String.class);
		var version = catalogues.publishedOn(bodyId, LocalDate.now(clock));
		return version.flatMap(ver -> catalogues.entries(ver.id()).stream().filter(e -> codes.contains(e.code())).map(CatalogueEntry::domainCode)
			.findFirst()).orElse("");
	}

	private List<Check> checks(long visitId) {
		return jdbc.query("""
				select i.id as item_id, i.body_id, b.name as body_name, i.matter_code, i.name, i.basis, i.method, k.result, k.note, k.rectify_by,
				  k.rechecked_on, k.recheck_passed, k.clue_case_id, k.recorded_by
				from insp_visit v join insp_item i on i.id in """ + ITEMS + """
				join body_view b on b.id = i.body_id left join insp_check k on k.visit_id = v.id and k.item_id = i.id
				where v.id = :v order by i.body_id = v.body_id desc, b.name, i.matter_code""", Map.of("v", visitId),
				(rs, i) -> new Check(rs.getLong("item_id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("matter_code"),
						rs.getString("name"), rs.getString("basis"), rs.getString("method"),
						rs.getString("result") == null ? null : Result.valueOf(rs.getString("result")), rs.getString("note"),
						rs.getObject("rectify_by", LocalDate.class), rs.getObject("rechecked_on", LocalDate.class),
						(Boolean) rs.getObject("recheck_passed"), (Long) rs.getObject("clue_case_id"), rs.getString("recorded_by")));
	}

	private List<Expert> experts(long visitId) {
		return jdbc.query("select name, expertise from insp_expert where visit_id = :v order by id", Map.of("v", visitId),
				(rs, i) -> new Expert(rs.getString(1), rs.getString(2)));
	}

	/** The head adds an expert to the team once its inspectors are drawn (before the inspection); the expert assists only. */
	@Transactional
	public Visit addExpert(Operator op, long id, String name, String expertise) {
		Visit v = view(op, id);
		if (!op.holdsAnyRole(List.of("LEADER")) || !scopes.covers(op.scope(), v.bodyId())) {
			throw new AccessDeniedException("专家由牵头机关负责人邀请加入检查组");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Fields.text(errors, "name", "专家姓名", name, 50);
		Fields.text(errors, "expertise", "专业领域和所在单位", expertise, 200);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		if (v.team().stream().filter(Member::valid).count() < 2) {
			throw new BusinessRuleViolation("检查组须先有两名持有效执法证件的检查人员，专家只能协助");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.require(c, InspectionKind.CHECK);
		cases.claim(c, null);
		jdbc.update("insert into insp_expert (visit_id, name, expertise, added_by, added_at) values (:v, :n, :e, :by, :now)",
				new MapSqlParameterSource().addValue("v", id).addValue("n", name.strip()).addValue("e", expertise.strip()).addValue("by", op.operatorName())
					.addValue("now", Timestamp.from(clock.instant())));
		caseRecord.append(c, "inspection.expert_added", "邀请专家" + name.strip() + "（" + expertise.strip() + "）协助检查",
				Map.of("expert", name.strip(), "expertise", expertise.strip()));
		return view(op, id);
	}

	private List<Scan> scans(long visitId) {
		return jdbc.query("select scanned_at, action, note from insp_scan where visit_id = :v order by scanned_at, id", Map.of("v", visitId),
				(rs, i) -> new Scan(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)));
	}

	// ----- acting

	private boolean onTeamFor(Operator op, Visit v, long bodyId) {
		Optional<Long> me = officers.officerOfUser(op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null);
		return me.isPresent() && v.team().stream().anyMatch(m -> m.officerId() == me.get() && m.bodyId() == bodyId)
				|| op.holdsAnyRole(List.of("LEADER")) && scopes.covers(op.scope(), bodyId);
	}

	/** How many of the body's inspectors on the team hold a certificate valid today for the body's items (行政处罚法第四十二条 applied to the visit day). */
	private long validToday(Visit v, long bodyId) {
		String domain = domainOf(v.id(), bodyId);
		LocalDate today = LocalDate.now(clock);
		return v.team().stream().filter(m -> m.bodyId() == bodyId).filter(m -> officers.authority(m.officerId(), domain, today).allowed()).count();
	}

	/** Why the visit cannot be completed (every reason); empty when it can. */
	public List<String> completionRefusals(CaseFile c) {
		Visit v = load(idOfCase(c.id())).orElseThrow();
		List<String> r = new ArrayList<>();
		if (v.awaitingApproval()) {
			r.add(v.overCap() && v.overCapApprovedBy() == null ? "已达年度检查次数上限，须经负责人批准" : "须经负责人批准后实施");
		}
		if (validToday(v, v.bodyId()) < 2) {
			r.add(v.bodyName() + "检查组中今天持有效执法证件的人员不足两名");
		}
		List<String> open = v.checks().stream().filter(k -> k.result() == null).map(k -> k.bodyName() + "“" + k.itemName() + "”").toList();
		if (!open.isEmpty()) {
			r.add("尚未记录检查结果：" + String.join("、", open));
		}
		return r;
	}

	/**
	 * The head's approval to carry out a visit that needs it: one beyond the yearly cap (with the reason it is needed) or
	 * one not drawn at random (its reason was given when it was registered).
	 */
	@Transactional
	public Visit approve(Operator op, long id, String reason) {
		Visit v = view(op, id);
		if (!op.holdsAnyRole(List.of("LEADER")) || !scopes.covers(op.scope(), v.bodyId())) {
			throw new AccessDeniedException("实施检查由机关负责人批准");
		}
		if (!v.awaitingApproval()) {
			throw new BusinessRuleViolation("本次检查不需要批准或已经批准");
		}
		boolean cap = v.overCap() && v.overCapApprovedBy() == null;
		Map<String, String> errors = new LinkedHashMap<>();
		if (cap) {
			Fields.text(errors, "reason", "超过年度检查次数上限的理由", reason, 500);
		}
		else {
			Fields.optional(errors, "reason", "批准意见", reason, 500);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.require(c, InspectionKind.CHECK);
		cases.claim(c, null);
		String text = Fields.strip(reason);
		LocalDate today = LocalDate.now(clock);
		if (cap) {
			jdbc.update("update insp_visit set over_cap_reason = :r, over_cap_approved_by = :by, over_cap_approved_on = :on where id = :id",
					new MapSqlParameterSource().addValue("r", text).addValue("by", op.operatorName()).addValue("on", today).addValue("id", id));
		}
		if (v.origin() != Origin.RANDOM && v.approvedBy() == null) {
			jdbc.update("update insp_visit set approved_by = :by, approved_on = :on where id = :id",
					new MapSqlParameterSource().addValue("by", op.operatorName()).addValue("on", today).addValue("id", id));
		}
		jdbc.update("update insp_visit set version = version + 1 where id = :id", Map.of("id", id));
		if (cap) {
			caseRecord.append(c, "inspection.over_cap_approved", "批准超过年度检查次数上限的检查：" + text, Map.of("reason", text));
		}
		if (v.origin() != Origin.RANDOM && v.approvedBy() == null) {
			caseRecord.append(c, "inspection.approved", "批准实施" + v.origin().label() + (text == null ? "" : "：" + text),
					text == null ? Map.of() : Map.of("reason", text));
		}
		return view(op, id);
	}

	/**
	 * 检查通知: the enterprise was told (how and when), or the visit is unannounced for the reason given. Recorded once,
	 * before any result.
	 */
	@Transactional
	public Visit notice(Operator op, long id, String kind, String note) {
		Visit v = view(op, id);
		if (!onTeamFor(op, v, v.bodyId())) {
			throw new AccessDeniedException("检查通知由牵头机关的检查人员记录");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.require(c, InspectionKind.CHECK);
		if (v.noticeKind() != null) {
			throw new BusinessRuleViolation("检查通知已经记录：" + v.noticeLabel());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!"NOTIFIED".equals(kind) && !"UNANNOUNCED".equals(kind)) {
			errors.put("kind", "请选择已通知或不预先通知");
		}
		Fields.text(errors, "note", "UNANNOUNCED".equals(kind) ? "不预先通知的理由" : "通知方式和时间", note, 500);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		cases.claim(c, null);
		jdbc.update("update insp_visit set notice_kind = :k, notice_note = :n, noticed_on = :d, version = version + 1 where id = :id",
				new MapSqlParameterSource().addValue("k", kind).addValue("n", note.strip()).addValue("d", LocalDate.now(clock)).addValue("id", id));
		caseRecord.append(c, "inspection.noticed", "NOTIFIED".equals(kind) ? "已通知被检查对象：" + note.strip() : "不预先通知：" + note.strip(),
				Map.of("notice", kind, "note", note.strip()));
		return view(op, id);
	}

	/**
	 * Records the result of one item, by an inspector of the item's body on the team (or that body's head): 合格; 责令整改
	 * with the day it is due; 发现违法, which registers a penalty clue of the item's body under the penalty matter chosen.
	 */
	@Transactional
	public Visit check(Operator op, long id, long itemId, String result, String note, LocalDate rectifyBy, Long penaltyMatterId) {
		Visit v = view(op, id);
		Check item = v.checks().stream().filter(k -> k.itemId() == itemId).findFirst()
			.orElseThrow(() -> BusinessRuleViolation.onField("itemId", "本次检查没有这个检查事项"));
		if (!onTeamFor(op, v, item.bodyId())) {
			throw new AccessDeniedException("“" + item.itemName() + "”由" + item.bodyName() + "的检查人员记录");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.require(c, InspectionKind.CHECK);
		if (v.awaitingApproval()) {
			throw new BusinessRuleViolation(v.overCap() && v.overCapApprovedBy() == null ? "本企业今年的检查已达年度上限，须经负责人说明理由批准后才能实施检查"
					: "本次" + v.origin().label() + "须经负责人批准后才能实施");
		}
		if (item.result() != null) {
			throw new BusinessRuleViolation("“" + item.itemName() + "”的检查结果已经记录（" + item.result().label() + "）");
		}
		if (v.noticeKind() == null) {
			throw new BusinessRuleViolation("请先记录检查通知（已通知被检查对象，或说明不预先通知的理由）");
		}
		if (validToday(v, item.bodyId()) < 2) {
			throw new BusinessRuleViolation(item.bodyName() + "检查组中今天持有效执法证件（覆盖检查事项的执法领域）的人员不足两名，不能实施检查；请负责人决定回避并重新抽取检查人员");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Result r = null;
		try {
			r = result == null ? null : Result.valueOf(result);
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (r == null) {
			errors.put("result", "请选择检查结果：合格、责令整改或发现违法");
		}
		Fields.text(errors, "note", "检查情况", note, 2000);
		LocalDate today = LocalDate.now(clock);
		CatalogueEntry penaltyMatter = null;
		if (r == Result.RECTIFY) {
			if (rectifyBy == null || !rectifyBy.isAfter(today) || rectifyBy.isAfter(today.plusYears(1))) {
				errors.put("rectifyBy", "请填写整改期限（今天之后、一年以内）");
			}
		}
		if (r == Result.VIOLATION) {
			penaltyMatter = catalogues.publishedOn(item.bodyId(), today).flatMap(ver -> catalogues.entries(ver.id()).stream()
				.filter(e -> e.type() == MatterType.PENALTY && penaltyMatterId != null && e.matterId() == penaltyMatterId).findFirst()).orElse(null);
			if (penaltyMatter == null) {
				errors.put("penaltyMatterId", "请选择" + item.bodyName() + "执法事项目录中的行政处罚事项（发现违法时登记处罚案源）");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		cases.claim(c, null);
		Long clueId = null;
		if (r == Result.VIOLATION) {
			var clue = filing.registerClue(DataScope.all(), new Filing.ClueForm(item.bodyId(), penaltyMatter.matterId(), ClueSource.INSPECTION,
					PartyType.ORGANIZATION, v.objectName(), null, v.uscc(), v.address(), c.placeRegionId(), v.address(), today, null, null,
					"行政检查发现（" + (v.taskCode() == null ? "" : v.taskCode() + " ") + "检查事项“" + item.itemName() + "”，检查记录见行政检查第"
							+ v.caseId() + "号）：" + note.strip(),
					today), "insp-check-" + v.id() + "-" + itemId, false);
			clueId = clue.id();
		}
		jdbc.update("""
				insert into insp_check (visit_id, item_id, body_id, result, note, rectify_by, clue_case_id, recorded_by, recorded_at)
				values (:v, :i, :b, :r, :note, :by, :clue, :who, :now)""",
				new MapSqlParameterSource().addValue("v", id).addValue("i", itemId).addValue("b", item.bodyId()).addValue("r", r.name())
					.addValue("note", note.strip()).addValue("by", r == Result.RECTIFY ? rectifyBy : null).addValue("clue", clueId)
					.addValue("who", op.operatorName()).addValue("now", Timestamp.from(clock.instant())));
		Map<String, Object> payload = new TreeMap<>();
		payload.put("item", item.matterCode());
		payload.put("result", r.name());
		payload.put("note", note.strip());
		if (rectifyBy != null && r == Result.RECTIFY) {
			payload.put("rectifyBy", rectifyBy.toString());
		}
		if (clueId != null) {
			payload.put("clueCaseId", clueId);
		}
		caseRecord.append(c, "inspection.item_checked", item.bodyName() + "检查事项“" + item.itemName() + "”："
				+ r.label() + (r == Result.RECTIFY ? "，限 " + rectifyBy + " 前整改" : "") + (clueId != null ? "，已登记处罚案源（第" + clueId + "号）" : ""),
				payload);
		return view(op, id);
	}

	/** The inspection is over: every item has its result; the 20 working days to publish it start. */
	@Transactional
	public Visit complete(Operator op, long id) {
		Visit v = view(op, id);
		if (!onTeamFor(op, v, v.bodyId())) {
			throw new AccessDeniedException("完成检查由牵头机关的检查人员办理");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.check(c, InspectionKind.COMPLETE);
		cases.claim(c, VisitStage.CHECKED.name());
		LocalDate today = LocalDate.now(clock);
		// the inspection ended the day its last item's result was recorded, not the day someone pressed 完成检查: the 20
		// working days to publish run from then (国发〔2019〕5号：自检查结束之日起), a late click does not lengthen them
		java.sql.Timestamp last = jdbc.queryForObject("select max(recorded_at) from insp_check where visit_id = :v", Map.of("v", id), java.sql.Timestamp.class);
		LocalDate ended = last == null ? today : last.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		if (ended.isAfter(today)) {
			ended = today;
		}
		CaseTimer t = timers.start(v.caseId(), InspectionTimer.RESULT_PUBLICATION, ended, InspectionTimer.RESULT_PUBLICATION.defaultAmount());
		jdbc.update("update insp_visit set checked_on = :d, publish_by = :due, version = version + 1 where id = :id",
				Map.of("d", ended, "due", t.due(), "id", id));
		List<String> others = jdbc.queryForList("""
				select distinct b.name from insp_visit o join body_view b on b.id = o.body_id
				where o.uscc = :u and o.id <> :id and o.body_id <> :body and o.checked_on between :from and :to
				and not exists (select 1 from insp_merge m where m.status = 'ACCEPTED' and m.visit_a = least(o.id, :id) and m.visit_b = greatest(o.id, :id))
				order by b.name""",
				Map.of("u", v.uscc(), "id", id, "body", v.bodyId(), "from", ended.minusDays(30), "to", ended), String.class);
		Map<String, Object> payload = new TreeMap<>();
		payload.put("publishBy", t.due().toString());
		payload.put("otherBodiesWithin30Days", others);
		payload.put("endedOn", ended.toString());
		caseRecord.append(c, "inspection.completed", "完成检查（" + ended + " 检查结束）：" + outcomeOf(v.id()) + "；检查结果应于 " + t.due()
				+ " 前公示" + (others.isEmpty() ? "" : "；30日内" + String.join("、", others) + "也检查过该企业"), payload);
		return view(op, id);
	}

	private String outcomeOf(long id) {
		return load(id).orElseThrow().outcome();
	}

	/** Publishes the result (for the public portal and the enterprise-credit publicity system); closes the timer. */
	@Transactional
	public Visit publish(Operator op, long id) {
		Visit v = view(op, id);
		if (!scopes.covers(op.scope(), v.bodyId())) {
			throw new AccessDeniedException("检查结果由牵头机关公示");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.check(c, InspectionKind.PUBLISH);
		cases.claim(c, VisitStage.PUBLISHED.name());
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update insp_visit set published_on = :d, version = version + 1 where id = :id", Map.of("d", today, "id", id));
		timers.close(v.caseId(), InspectionTimer.RESULT_PUBLICATION, today);
		boolean late = v.publication() != null && today.isAfter(v.publication().due());
		caseRecord.append(c, "inspection.result_published", "公示检查结果：" + v.outcome()
				+ (late ? "（超过公示期限 " + v.publication().due() + "）" : ""), Map.of("outcome", v.outcome(), "late", late));
		return view(op, id);
	}

	/** The re-check of an item given a deadline to rectify. */
	@Transactional
	public Visit recheck(Operator op, long id, long itemId, Boolean passed, String note) {
		Visit v = view(op, id);
		Check item = v.checks().stream().filter(k -> k.itemId() == itemId && k.awaitingRecheck()).findFirst()
			.orElseThrow(() -> BusinessRuleViolation.onField("itemId", "该事项没有待复查的整改"));
		if (!onTeamFor(op, v, item.bodyId())) {
			throw new AccessDeniedException("整改复查由" + item.bodyName() + "的检查人员办理");
		}
		CaseFile c = cases.get(DataScope.all(), v.caseId());
		kinds.require(c, InspectionKind.RECHECK);
		Map<String, String> errors = new LinkedHashMap<>();
		if (passed == null) {
			errors.put("passed", "请选择复查结论");
		}
		Fields.text(errors, "note", "复查情况", note, 2000);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		cases.claim(c, null);
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update insp_check set rechecked_on = :d, recheck_passed = :p where visit_id = :v and item_id = :i",
				Map.of("d", today, "p", passed, "v", id, "i", itemId));
		caseRecord.append(c, "inspection.rechecked", "整改复查“" + item.itemName() + "”：" + (passed ? "已整改" : "未整改")
				+ "；" + note.strip() + (!passed ? "" : "") + (today.isAfter(item.rectifyBy()) ? "（整改期限 " + item.rectifyBy() + "）" : ""),
				Map.of("item", item.matterCode(), "passed", passed, "note", note.strip()));
		return view(op, id);
	}

	/** The penalty matters of a body's catalogue in force, for the 发现违法 choice. */
	public List<CatalogueEntry> penaltyMatters(long bodyId) {
		return catalogues.publishedOn(bodyId, LocalDate.now(clock)).map(ver -> catalogues.entries(ver.id()).stream()
			.filter(e -> e.type() == MatterType.PENALTY).toList()).orElse(List.of());
	}
}
