package zhifa.supervision.referral;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;
import zhifa.shared.web.RequestLimits;
import zhifa.supervision.Act;
import zhifa.supervision.Ledger;
import zhifa.supervision.Referral;
import zhifa.supervision.ReferralLookup;
import zhifa.supervision.alert.Alerts;

/**
 * 行刑衔接 as its own procedure on any act of the ledger (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号): the team of
 * at least two officers reports the suspicion; the head decides within 3 days (not transferring needs written reasons);
 * the case goes to the police within 24 hours of the approval with the listed materials (第六条); the police's answer
 * within 3 days (filed, or not filed with reasons); a reconsideration asked within 3 days of a refusal; goods and
 * materials handed over within 3 days after the police filed; the procuratorate's supervision noted. Every period is
 * a timer of the alert rule {@code REFERRAL_PERIOD}; the 以罚代刑 rule reads the referral. 纪检监察 clues share the table
 * and the reading rules here (visible only to the body's 负责人); their steps are {@link DisciplineClues}'. Every step is
 * on the referral's record.
 */
@Service
public class Referrals implements ReferralLookup {

	static final String SUBJECT = "sv_referral";
	static final String SOURCE = "《行政执法机关移送涉嫌犯罪案件的规定》";

	/** 第六条: what goes with the transfer (the first three are required). */
	public static final Map<String, String> MATERIALS = ordered("TRANSFER_LETTER", "涉嫌犯罪案件移送书", "REPORT", "涉嫌犯罪案件情况的调查报告", "GOODS_LIST",
			"涉案物品清单", "EXPERT", "有关检验报告或者鉴定结论", "OTHER", "其他有关涉嫌犯罪的材料");
	static final List<String> REQUIRED = List.of("TRANSFER_LETTER", "REPORT", "GOODS_LIST");

	public enum Status {
		REPORTED("待负责人决定"), APPROVED("已批准移送，待移送"), NOT_TRANSFERRED("决定不移送"), TRANSFERRED("已移送，待公安机关答复"), FILED("公安机关已立案，待移交涉案物品"),
		HANDED_OVER("已移交涉案物品，待司法机关处理结果"), NOT_FILED("公安机关不予立案"), RECONSIDERING("已提请复议"), CLOSED("办结"), REFERRED("已移送纪检监察机关，待答复"),
		ANSWERED("纪检监察机关已答复");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Item(long id, long actId, long bodyId, String bodyName, String caseNumber, String kind, Status status, String team, String suspicion,
			Instant reportedAt, String reportedBy, String decision, String decisionReasons, Instant decidedAt, String decidedBy, String policeOrgan,
			List<String> materials, Instant transferredAt, String policeAnswer, LocalDate policeAnsweredOn, String policeReasons, LocalDate noticeReceivedOn,
			LocalDate reconsiderationOn, String reconsiderationAnswer, LocalDate reconsiderationAnsweredOn, String reconsiderationReasons,
			LocalDate reconsiderationReceivedOn, String reconsiderationResult, LocalDate handedOverOn, String handedOverItems, String procuratorate, String official, String clue, String organ,
			LocalDate referredOn, String answer, LocalDate answeredOn, Boolean courtFined, int version) {

		public boolean criminal() {
			return "CRIMINAL".equals(kind);
		}

		Referral facts() {
			return new Referral(id, reportedAt, decision, decidedAt, transferredAt, policeAnswer, policeAnsweredOn, noticeReceivedOn, reconsiderationOn,
					reconsiderationAnswer, reconsiderationAnsweredOn, reconsiderationReceivedOn, handedOverOn, status == Status.CLOSED, courtFined);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Ledger ledger;
	private final Alerts alerts;
	private final OrganizationDirectory directory;
	private final CalendarService calendar;
	private final ReferralTeams teams;
	private final FullProcessRecord record;
	private final Clock clock;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.casework.SeizedProperty> seized;

	Referrals(NamedParameterJdbcTemplate jdbc, Ledger ledger, Alerts alerts, OrganizationDirectory directory, CalendarService calendar,
			ReferralTeams teams, FullProcessRecord record, Clock clock, org.springframework.beans.factory.ObjectProvider<zhifa.casework.SeizedProperty> seized) {
		this.seized = seized;
		this.teams = teams;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.alerts = alerts;
		this.directory = directory;
		this.calendar = calendar;
		this.record = record;
		this.clock = clock;
	}

	@Override
	public List<Referral> ofAct(long actId) {
		return jdbc.query(SELECT + " where r.act_id = :a and r.kind = 'CRIMINAL' order by r.id", Map.of("a", actId), this::row).stream().map(Item::facts).toList();
	}

	@Override
	public List<Referral> ofActLocked(long actId) {
		// the act first (a new report locks it for update before its duplicate check), then the referrals (a step on one updates it)
		jdbc.query("select id from sv_act where id = :a for share", Map.of("a", actId), (rs, i) -> rs.getLong(1));
		return jdbc.query(SELECT + " where r.act_id = :a and r.kind = 'CRIMINAL' order by r.id for share of r", Map.of("a", actId), this::row).stream()
			.map(Item::facts).toList();
	}

	@Override
	public Map<Long, List<Referral>> ofActs(java.util.Collection<Long> actIds) {
		Map<Long, List<Referral>> m = new java.util.HashMap<>();
		if (actIds.isEmpty()) {
			return m;
		}
		jdbc.query(SELECT + " where r.act_id in (:a) and r.kind = 'CRIMINAL' order by r.id", Map.of("a", actIds), this::row)
			.forEach(item -> m.computeIfAbsent(item.actId(), k -> new java.util.ArrayList<>()).add(item.facts()));
		return m;
	}

	// ---- 行刑衔接

	/** The team's report: at least two officers of the body on duty, and the suspicion (罪名 and facts). */
	@Transactional
	public Item report(Operator op, String caseNumber, List<Long> officerIds, String suspicion) {
		Act act = ownAct(op, caseNumber, List.of("OFFICER", "LEADER", "UNIT_ADMIN"));
		Map<String, String> errors = new LinkedHashMap<>();
		List<Long> ids = officerIds == null ? List.of() : officerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		List<ReferralTeams.Member> team = teams.of(act.report().bodyId(), ids, today());
		List<String> names = team.stream().map(ReferralTeams.Member::name).toList();
		List<String> uncertified = team.stream().filter(m -> !m.eligible()).map(ReferralTeams.Member::name).toList();
		if (ids.size() < 2 || team.size() != ids.size()) {
			errors.put("officerIds", "专案组应由本单位至少两名在岗行政执法人员组成（协管等辅助人员不计；" + SOURCE + "第五条）");
		}
		else if (!uncertified.isEmpty()) {
			errors.put("officerIds", String.join("、", uncertified) + "今日没有有效的行政执法证件，不能作为专案组成员");
		}
		String what = text(suspicion, 4000, "suspicion", "涉嫌的罪名和主要事实");
		if (what == null) {
			errors.put("suspicion", "请写明涉嫌的罪名和主要事实（4000字以内）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		// one report at a time per act, and none unseen by a fine being decided on it (which reads under a share lock)
		jdbc.query("select id from sv_act where id = :a for update", Map.of("a", act.id()), (rs, i) -> rs.getLong(1));
		long open = jdbc.queryForObject("select count(*) from sv_referral where act_id = :a and kind = 'CRIMINAL' and status not in ('NOT_TRANSFERRED', 'CLOSED')",
				Map.of("a", act.id()), Long.class);
		if (open > 0) {
			throw new BusinessRuleViolation("本案已有正在办理的涉嫌犯罪移送");
		}
		long id = jdbc.queryForObject("""
				insert into sv_referral (act_id, body_id, kind, status, team, suspicion, reported_at, reported_by, created_at)
				values (:a, :b, 'CRIMINAL', 'REPORTED', :team, :s, :now, :by, :now) returning id""", new MapSqlParameterSource().addValue("a", act.id())
			.addValue("b", act.report().bodyId()).addValue("team", String.join("、", names)).addValue("s", what).addValue("now", Timestamp.from(clock.instant()))
			.addValue("by", op.operatorName()), Long.class);
		record.append(op, SUBJECT, id, act.report().bodyId(), "referral.reported", "专案组（" + String.join("、", names) + "）报告涉嫌犯罪：" + caseNumberOf(act),
				Map.of("act", act.id(), "team", String.join("、", names)));
		return changed(id);
	}

	/** The head's decision: transfer, or not with written reasons. */
	@Transactional
	public Item decide(Operator op, long id, int version, String decision, String reasons) {
		Item r = own(op, id, "LEADER", "负责人");
		requireStatus(r, Status.REPORTED);
		String why = text(reasons, 4000, "reasons", "理由");
		boolean transfer = Referral.TRANSFER.equals(decision);
		if (!transfer && !Referral.NOT_TRANSFER.equals(decision)) {
			throw BusinessRuleViolation.onField("decision", "请选择批准移送或者不批准移送");
		}
		if (!transfer && why == null) {
			throw BusinessRuleViolation.onField("reasons", "不批准移送的，应当书面说明理由（" + SOURCE + "第五条）");
		}
		update(id, version, "status = :st, decision = :d, decision_reasons = :why, decided_at = :now, decided_by = :by",
				p -> p.addValue("st", transfer ? "APPROVED" : "NOT_TRANSFERRED").addValue("d", decision).addValue("why", why)
					.addValue("now", Timestamp.from(clock.instant())).addValue("by", op.operatorName()));
		record.append(op, SUBJECT, id, r.bodyId(), "referral.decided", (transfer ? "负责人批准移送" + (why == null ? "" : "（" + why + "）") : "负责人决定不移送：" + why),
				Map.of("decision", transfer ? "批准移送" : "不予移送"));
		return changed(id);
	}

	/** The transfer to the police with the listed materials. */
	@Transactional
	public Item transfer(Operator op, long id, int version, String policeOrgan, List<String> materials) {
		Item r = own(op, id, null, null);
		requireStatus(r, Status.APPROVED);
		String organ = text(policeOrgan, 200, "policeOrgan", "公安机关");
		if (organ == null) {
			throw BusinessRuleViolation.onField("policeOrgan", "请填写接受移送的公安机关");
		}
		List<String> listed = materials == null ? List.of() : materials.stream().filter(MATERIALS::containsKey).distinct().toList();
		List<String> missing = REQUIRED.stream().filter(m -> !listed.contains(m)).map(MATERIALS::get).toList();
		if (!missing.isEmpty()) {
			throw BusinessRuleViolation.onField("materials", "移送时应当附有：" + String.join("、", missing) + "（" + SOURCE + "第六条）");
		}
		update(id, version, "status = 'TRANSFERRED', police_organ = :o, materials = :m, transferred_at = :now",
				p -> p.addValue("o", organ).addValue("m", String.join(",", listed)).addValue("now", Timestamp.from(clock.instant())));
		record.append(op, SUBJECT, id, r.bodyId(), "referral.transferred", "移送" + organ + "，附" + String.join("、", listed.stream().map(MATERIALS::get).toList()),
				Map.of("organ", organ));
		return changed(id);
	}

	/**
	 * The police's answer as received — filed, or not filed with its reasons — with the day the body received the notice
	 * (the reconsideration and the hand-over count from it). After a reconsideration the answer is kept beside the first.
	 */
	@Transactional
	public Item policeAnswer(Operator op, long id, int version, String answer, LocalDate on, LocalDate receivedOn, String reasons) {
		Item r = own(op, id, null, null);
		boolean second = r.status() == Status.RECONSIDERING;
		if (r.status() != Status.TRANSFERRED && !second) {
			throw new BusinessRuleViolation("本移送" + r.status().label() + "，不能登记公安机关的决定");
		}
		boolean filed = Referral.FILED.equals(answer);
		if (!filed && !Referral.NOT_FILED.equals(answer)) {
			throw BusinessRuleViolation.onField("answer", "请选择立案或者不予立案");
		}
		LocalDate from = second ? r.reconsiderationOn() : r.transferredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		if (on == null || on.isBefore(from) || on.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "决定日期应在" + (second ? "提请复议" : "移送") + "之日（" + from + "）至今天之间");
		}
		if (receivedOn == null || receivedOn.isBefore(on) || receivedOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("receivedOn", "接到通知书的日期应在决定日期（" + on + "）至今天之间");
		}
		String why = text(reasons, 4000, "reasons", "理由");
		if (!filed && why == null) {
			throw BusinessRuleViolation.onField("reasons", "请登记不予立案的理由（不予立案决定书）");
		}
		if (second) {
			update(id, version, "status = :st, reconsideration_answer = :a, reconsideration_answered_on = :on, reconsideration_reasons = :why, reconsideration_received_on = :rc",
					p -> p.addValue("st", filed ? "FILED" : "NOT_FILED").addValue("a", answer).addValue("on", on).addValue("why", why).addValue("rc", receivedOn));
		}
		else {
			update(id, version, "status = :st, police_answer = :a, police_answered_on = :on, police_reasons = :why, notice_received_on = :rc",
					p -> p.addValue("st", filed ? "FILED" : "NOT_FILED").addValue("a", answer).addValue("on", on).addValue("why", why).addValue("rc", receivedOn));
		}
		record.append(op, SUBJECT, id, r.bodyId(), "referral.police_answered", (second ? "复议后，" : "") + (filed ? "公安机关于 " + on + " 立案" : "公安机关于 " + on
				+ " 决定不予立案：" + why) + "（" + receivedOn + " 接到通知书）", Map.of("answer", filed ? "立案" : "不予立案", "on", on, "receivedOn", receivedOn));
		return changed(id);
	}

	/** The body asks the police to reconsider a refusal (within 3 days; later is recorded as late). */
	@Transactional
	public Item reconsideration(Operator op, long id, int version, LocalDate on) {
		Item r = own(op, id, "LEADER", "负责人");
		requireStatus(r, Status.NOT_FILED);
		if (r.reconsiderationOn() != null) {
			throw new BusinessRuleViolation("已于 " + r.reconsiderationOn() + " 提请过复议，公安机关已作出复议决定");
		}
		if (on == null || on.isBefore(r.noticeReceivedOn()) || on.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "提请复议日期应在接到不予立案通知书之日（" + r.noticeReceivedOn() + "）至今天之间");
		}
		LocalDate due = calendar.due(Deadline.of(r.noticeReceivedOn(), 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第九条")).date();
		update(id, version, "status = 'RECONSIDERING', reconsideration_on = :on", p -> p.addValue("on", on));
		record.append(op, SUBJECT, id, r.bodyId(), "referral.reconsideration", "提请公安机关复议" + (on.isAfter(due) ? "（超过 " + due + " 的期限）" : ""),
				Map.of("on", on, "late", on.isAfter(due)));
		return changed(id);
	}

	/**
	 * Goods and materials handed over after the police filed the case; with them, every 查封、扣押 of this platform's case
	 * still holding property, ticked in {@code measureIds} — each then ends as handed over, the party told in writing on
	 * {@code partyToldOn} (行政强制法第二十一条). One left unticked is refused: released first if it has nothing to do with
	 * the crime, or handed over.
	 */
	@Transactional
	public Item handover(Operator op, long id, int version, LocalDate on, String items, java.util.Collection<Long> measureIds, LocalDate partyToldOn) {
		Item r = own(op, id, null, null);
		requireStatus(r, Status.FILED);
		LocalDate received = r.facts().finalNoticeReceivedOn();
		if (on == null || on.isBefore(received) || on.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "移交日期应在接到立案通知书之日（" + received + "）至今天之间");
		}
		String what = text(items, 4000, "items", "移交的涉案物品和材料");
		if (what == null) {
			throw BusinessRuleViolation.onField("items", "请列明移交的涉案物品和材料");
		}
		Long caseId = caseOf(r);
		List<Long> ticked = measureIds == null ? List.of() : measureIds.stream().filter(java.util.Objects::nonNull).toList();
		if (caseId == null && !ticked.isEmpty()) {
			throw BusinessRuleViolation.onField("measureIds", "该执法行为不是本平台办理的案件，没有可随案移送的查封、扣押");
		}
		if (caseId != null && !ticked.isEmpty() && !op.holdsAnyRole(List.of("OFFICER", "LEADER"))) {
			throw new BusinessRuleViolation("随案移送查封、扣押由本案的办案人员或负责人登记");
		}
		if (partyToldOn != null && partyToldOn.isBefore(received)) {
			throw BusinessRuleViolation.onField("partyToldOn", "书面告知当事人的日期应在接到立案通知书之日（" + received + "）之后");
		}
		// every measure still holding the case's property goes with it, checked against the case as it is read there
		List<zhifa.casework.SeizedProperty.Held> handedOver = caseId == null ? List.of()
				: seized.getObject().handOverAll(op.scope(), caseId, ticked, on, partyToldOn, r.policeOrgan());
		List<String> measures = handedOver.stream().map(zhifa.casework.SeizedProperty.Held::label).toList();
		// the referral's page says what went with the goods, and when the party was told
		String handed = measures.isEmpty() ? what : what + "；随案移送" + String.join("、", measures) + "，已于 " + partyToldOn + " 书面告知当事人";
		if (handed.length() > 4000) {
			throw BusinessRuleViolation.onField("items", "移交的涉案物品和材料连同随案移送的查封、扣押清单超过4000字，请精简");
		}
		update(id, version, "status = 'HANDED_OVER', handed_over_on = :on, handed_over_items = :i", p -> p.addValue("on", on).addValue("i", handed));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("on", on);
		if (!measures.isEmpty()) {
			payload.put("measures", measures);
			payload.put("partyToldOn", partyToldOn);
		}
		record.append(op, SUBJECT, id, r.bodyId(), "referral.handed_over", "于 " + on + " 移交涉案物品和材料：" + handed, payload);
		return changed(id);
	}

	/** This platform's case the referral is about (null for an act another system handled). */
	private Long caseOf(Item r) {
		return ledger.find(r.actId()).filter(Act::platform).map(a -> Long.valueOf(a.report().externalId())).orElse(null);
	}

	/** The 查封、扣押 of the referral's case still holding property (none for an act another system handled). */
	public List<zhifa.casework.SeizedProperty.Held> heldBy(Item r) {
		Long caseId = caseOf(r);
		return caseId == null ? List.of() : seized.getObject().held(caseId);
	}

	/**
	 * The referral ends, with the note: a refusal accepted (after reconsideration or without it), or the judicial organs
	 * done with the case (撤销案件、不起诉、免予刑事处罚、判决) — then the head also says whether the people's court fined the
	 * party (罚金): if it did, the case gets no administrative fine any more (行政处罚法第三十五条第二款, enforced at the decision);
	 * whether the body may still punish it otherwise, and how, is the note's and the decision's.
	 */
	@Transactional
	public Item close(Operator op, long id, int version, String note, Boolean courtFined) {
		Item r = own(op, id, "LEADER", "负责人");
		if (r.status() != Status.NOT_FILED && r.status() != Status.HANDED_OVER && r.status() != Status.FILED) {
			throw new BusinessRuleViolation("公安机关不予立案、立案后，才能办结（当前：" + r.status().label() + "）");
		}
		boolean judicial = r.status() != Status.NOT_FILED;
		List<zhifa.casework.SeizedProperty.Held> held = r.status() == Status.FILED ? heldBy(r) : List.of();
		if (!held.isEmpty()) {
			throw new BusinessRuleViolation("本案尚有未解除的查封、扣押：" + String.join("、", held.stream().map(zhifa.casework.SeizedProperty.Held::label).toList())
					+ "。请先登记移交涉案物品（随案移送，行政强制法第二十一条），或在案件页面解除与涉嫌犯罪无关的，再办结");
		}
		String why = text(note, 2000, "note", "处理结果或说明");
		if (why == null) {
			throw BusinessRuleViolation.onField("note", judicial ? "请写明司法机关的处理结果（如撤销案件、不起诉、免予刑事处罚、判处罚金）及文书文号"
					: "请说明办结的情况（如不再提请复议、复议维持的决定）");
		}
		if (judicial && courtFined == null) {
			throw BusinessRuleViolation.onField("courtFined", "请选择人民法院是否对当事人判处罚金（判处罚金的，本机关不再给予罚款，行政处罚法第三十五条第二款）");
		}
		Boolean fined = judicial ? courtFined : null;
		update(id, version, "status = 'CLOSED', reconsideration_result = :n, court_fined = :f", p -> p.addValue("n", why).addValue("f", fined));
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		if (fined != null) {
			data.put("courtFined", fined);
		}
		record.append(op, SUBJECT, id, r.bodyId(), "referral.closed",
				"办结：" + why + (Boolean.TRUE.equals(fined) ? "（人民法院判处罚金：本机关不再给予罚款，此前已给予的罚款依法折抵罚金）" : ""), data);
		return changed(id);
	}

	/** 检察机关的监督 (立案监督, 检察建议…) noted on the referral by the body or the supervisor. */
	@Transactional
	public Item procuratorate(Operator op, long id, int version, String note) {
		Item r = visible(op, id);
		boolean mine = op.bodyId() != null && op.bodyId() == r.bodyId();
		if (!mine && !op.holdsAnyRole(List.of("SUPERVISOR"))) {
			throw new AccessDeniedException("由移送机关或执法监督人员登记");
		}
		if (r.transferredAt() == null && r.status() != Status.NOT_TRANSFERRED) {
			throw new BusinessRuleViolation("移送或者决定不移送后才登记检察机关的监督");
		}
		String what = text(note, 1000, "note", "检察机关的监督情况");
		if (what == null) {
			throw BusinessRuleViolation.onField("note", "请填写检察机关的监督情况（1000字以内）");
		}
		String line = today() + " " + what;
		update(id, version, "procuratorate = coalesce(procuratorate || E'\\n', '') || :l", p -> p.addValue("l", line));
		record.append(op, SUBJECT, id, r.bodyId(), "referral.procuratorate", "检察机关监督：" + what, Map.of());
		return changed(id);
	}

	// ---- reading

	/** A referral as the operator may see it: 行刑衔接 for the body and the supervisors over it; 纪检监察 for the body's 负责人 only. */
	public Item visible(Operator op, long id) {
		Item r = load(id).orElseThrow(() -> new NotFound("移送"));
		if (!mayRead(op, r)) {
			throw new NotFound("移送");
		}
		return r;
	}

	public Item get(Operator op, long id) {
		return visible(op, id);
	}

	private boolean mayRead(Operator op, Item r) {
		boolean ownBody = op.bodyId() != null && op.bodyId() == r.bodyId();
		if (!r.criminal()) {
			return ownBody && op.holdsAnyRole(List.of("LEADER"));
		}
		return ownBody || op.holdsAnyRole(List.of("SUPERVISOR")) && directory.covers(op.scope(), r.bodyId());
	}

	/** The referrals the operator may see, newest first. */
	public List<Item> list(Operator op, boolean openOnly) {
		Map<String, Object> params = new HashMap<>();
		String where = directory.sqlCondition(op.scope(), "r.body_id", params);
		List<Item> all = jdbc.query(SELECT + " where " + where + (openOnly ? " and r.status not in ('NOT_TRANSFERRED', 'CLOSED', 'ANSWERED')" : "")
				+ " order by r.id desc limit 300", params, this::row);
		return all.stream().filter(r -> mayRead(op, r)).toList();
	}

	// ---- helpers

	private static final String SELECT = """
			select r.*, b.name as body_name, a.case_number from sv_referral r join body_view b on b.id = r.body_id join sv_act a on a.id = r.act_id""";

	private Optional<Item> load(long id) {
		return jdbc.query(SELECT + " where r.id = :id", Map.of("id", id), this::row).stream().findFirst();
	}

	private Item row(ResultSet rs, int i) throws SQLException {
		String materials = rs.getString("materials");
		return new Item(rs.getLong("id"), rs.getLong("act_id"), rs.getLong("body_id"), rs.getString("body_name"),
				rs.getString("case_number") == null ? "台账第" + rs.getLong("act_id") + "号" : rs.getString("case_number"), rs.getString("kind"),
				Status.valueOf(rs.getString("status")), rs.getString("team"), rs.getString("suspicion"), instant(rs, "reported_at"), rs.getString("reported_by"),
				rs.getString("decision"), rs.getString("decision_reasons"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("police_organ"),
				materials == null ? List.of() : List.of(materials.split(",")), instant(rs, "transferred_at"), rs.getString("police_answer"),
				rs.getObject("police_answered_on", LocalDate.class), rs.getString("police_reasons"), rs.getObject("notice_received_on", LocalDate.class),
				rs.getObject("reconsideration_on", LocalDate.class), rs.getString("reconsideration_answer"), rs.getObject("reconsideration_answered_on", LocalDate.class),
				rs.getString("reconsideration_reasons"), rs.getObject("reconsideration_received_on", LocalDate.class), rs.getString("reconsideration_result"), rs.getObject("handed_over_on", LocalDate.class), rs.getString("handed_over_items"),
				rs.getString("procuratorate"), rs.getString("official"), rs.getString("clue"), rs.getString("organ"), rs.getObject("referred_on", LocalDate.class),
				rs.getString("answer"), rs.getObject("answered_on", LocalDate.class), (Boolean) rs.getObject("court_fined"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** The act of the operator's own body by its case number (or ledger number), for a holder of one of the roles. */
	Act ownAct(Operator op, String caseNumber, List<String> roles) {
		if (op.bodyId() == null || !op.holdsAnyRole(roles)) {
			throw new AccessDeniedException("移送由案件所属单位办理");
		}
		String n = caseNumber == null ? "" : caseNumber.strip();
		if (n.isEmpty() || n.length() > 100 || RequestLimits.hasControlCharacters(n)) {
			throw BusinessRuleViolation.onField("caseNumber", "请填写本单位案件的案号");
		}
		// a number another system reported too (its own numbering may collide): the platform's own case first
		List<Long> ids = jdbc.queryForList("""
				select id from sv_act where body_id = :b and (case_number = :n or cast(id as varchar) = :n)
				order by source = :platform desc, id desc limit 2""", Map.of("b", op.bodyId(), "n", n, "platform", zhifa.supervision.ActReport.PLATFORM), Long.class);
		if (ids.isEmpty()) {
			throw BusinessRuleViolation.onField("caseNumber", "本单位没有案号为“" + n + "”的案件");
		}
		return ledger.find(ids.get(0)).orElseThrow();
	}

	Item own(Operator op, long id, String role, String roleLabel) {
		Item r = visible(op, id);
		if (op.bodyId() == null || op.bodyId() != r.bodyId()) {
			throw new AccessDeniedException("移送由案件所属单位办理");
		}
		if (role != null && !op.holdsAnyRole(List.of(role))) {
			throw new AccessDeniedException("此步骤由" + roleLabel + "办理");
		}
		if (role == null && !op.holdsAnyRole(List.of("OFFICER", "LEADER", "UNIT_ADMIN"))) {
			throw new AccessDeniedException("此步骤由本单位执法人员或负责人办理");
		}
		return r;
	}

	static void requireStatus(Item r, Status s) {
		if (r.status() != s) {
			throw new BusinessRuleViolation("本移送" + r.status().label() + "，不能办理此步骤");
		}
	}

	void update(long id, int version, String set, java.util.function.UnaryOperator<MapSqlParameterSource> params) {
		MapSqlParameterSource p = params.apply(new MapSqlParameterSource().addValue("id", id).addValue("v", version));
		if (jdbc.update("update sv_referral set " + set + ", version = version + 1 where id = :id and version = :v", p) != 1) {
			throw new StaleWrite("该移送");
		}
	}

	/** After a change of a 行刑衔接: the act's alerts are evaluated again (以罚代刑, the periods). */
	private Item changed(long id) {
		Item r = load(id).orElseThrow();
		alerts.evaluate(r.actId());
		return r;
	}

	private String caseNumberOf(Act a) {
		return a.report().caseNumber() == null ? "台账第" + a.id() + "号" : a.report().caseNumber();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * A text field stripped; null when blank (the caller says what is missing). Too long, or with control characters: refused
	 * on the field, saying which — never taken as missing.
	 */
	static String text(String s, int max, String field, String label) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		if (v.length() > max) {
			throw BusinessRuleViolation.onField(field, label + "不超过" + max + "字（现为" + v.length() + "字）");
		}
		if (RequestLimits.hasControlCharacters(v.replace("\n", "").replace("\r", "").replace("\t", ""))) {
			throw BusinessRuleViolation.onField(field, label + "含有不允许的控制字符，请删除后重试");
		}
		return v;
	}

	private static Map<String, String> ordered(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(m);
	}
}
