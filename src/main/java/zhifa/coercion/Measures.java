package zhifa.coercion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseActions;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.casework.ClosureCheck;
import zhifa.casework.MeasureApprovals;
import zhifa.casework.TimerTypes;
import zhifa.coercion.persistence.MeasureRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 查封、扣押 on a case of any kind (行政强制法第十八、二十二至二十八条): approved by the head, carried out by two or more
 * officers with an on-site record and uninterrupted audio-video, for thirty days with one thirty-day extension on
 * approval, then 解除 or dealt with (没收、销毁). When a case allows them is its kind's to declare.
 */
@Service
public class Measures implements TimerTypes, ClosureCheck, zhifa.casework.SeizedProperty {

	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final MeasureRows rows;
	private final Clock clock;

	private final zhifa.casework.MeasureApprovals approvals;
	private final zhifa.casework.CaseEvidence evidence;

	Measures(Cases cases, CaseKinds kinds, CaseOfficers officers, CaseTimers timers, CaseRecord record, MeasureRows rows,
			zhifa.casework.MeasureApprovals approvals, zhifa.casework.CaseEvidence evidence, Clock clock) {
		this.approvals = approvals;
		this.evidence = evidence;
		this.cases = cases;
		this.kinds = kinds;
		this.officers = officers;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.clock = clock;
	}

	@Override
	public List<CoercionTimer> timerTypes() {
		return List.of(CoercionTimer.values());
	}

	public List<Measure> measures(long caseId) {
		return rows.of(caseId);
	}

	/** The measures of many cases in one read, by case (a case without any has no entry). */
	public Map<Long, List<Measure>> measures(java.util.Collection<Long> caseIds) {
		return rows.of(caseIds);
	}

	/** Where the 现场笔录 and the uninterrupted audio-video record of a measure are required. */
	static final String AV_BASIS = "现场笔录：行政强制法第十八条第（七）项；全程音像记录：国办发〔2018〕118号";

	/** A 查封 or 扣押 is released or decided before the case closes (行政强制法第二十七条、第二十八条). */
	@Override
	public List<String> blockers(CaseFile c) {
		List<Measure> all = measures(c.id());
		List<String> b = new java.util.ArrayList<>(all.stream().filter(m -> m.closedOn() == null)
			.map(m -> m.kind().label() + "的“" + m.items() + "”尚未解除或作出处理决定（行政强制法第二十七条、第二十八条）").toList());
		if (all.isEmpty()) {
			return b;
		}
		// what the officer affirmed when applying it is in the file: the 现场笔录 and the audio-video record of that day
		List<zhifa.casework.CaseEvidence.Evidence> ev = evidence.evidence(c.id());
		List<zhifa.casework.CaseEvidence.Transcript> transcripts = evidence.transcripts(c.id());
		java.util.Map<String, java.util.List<String>> lacking = new java.util.LinkedHashMap<>();
		for (Measure m : all) {
			LocalDate day = m.appliedOn();
			String which = m.appliedOn() + " 实施的" + m.kind().label();
			if (ev.stream().noneMatch(e -> e.type() == zhifa.casework.EvidenceType.AUDIOVISUAL && day.equals(e.collectedOn()))) {
				lacking.computeIfAbsent(which, k -> new java.util.ArrayList<>()).add("全程音像记录（证据种类“视听资料”，取证日期为当日）");
			}
			if (ev.stream().noneMatch(e -> e.type() == zhifa.casework.EvidenceType.SITE_RECORD && day.equals(e.collectedOn()))
					&& transcripts.stream().noneMatch(t -> "INSPECTION".equals(t.kind()) && day.equals(t.heldOn()))) {
				lacking.computeIfAbsent(which, k -> new java.util.ArrayList<>()).add("现场笔录（当日的现场检查笔录，或证据种类“勘验笔录、现场笔录”）");
			}
		}
		lacking.forEach((which, what) -> b.add("案卷缺少" + which + "的" + String.join("和", what) + "，请在“证据与笔录”中补充（" + AV_BASIS + "）"));
		return b;
	}

	public Optional<Measure> measure(long caseId, long id) {
		return measures(caseId).stream().filter(m -> m.id() == id).findFirst();
	}

	@Transactional
	public Measure apply(DataScope scope, long caseId, Measure.Kind kind, Measure.Taken m, Long approverId, String approvedBy, boolean avRecorded) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.COERCIVE_MEASURE);
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "请选择措施");
		}
		String items = m.items();
		LocalDate appliedOn = m.appliedOn();
		if (blank(items)) {
			throw BusinessRuleViolation.onField("items", "请列明物品清单");
		}
		if (items.strip().length() > 2000) {
			throw BusinessRuleViolation.onField("items", "物品清单不超过2000字");
		}
		// the decision handed over on the spot states them (行政强制法第二十四条第二款第（二）、（三）项)
		String reason = text(m.reason(), "reason", "请写明" + kind.label() + "的理由（如：涉嫌……，为防止证据灭失、转移）", 500, kind.label() + "的理由不超过500字");
		String basis = text(m.basis(), "basis", "请写明" + kind.label() + "的法律依据（如：《中华人民共和国食品安全法》第一百一十条第（四）项）", 300,
				kind.label() + "的依据不超过300字");
		String place = m.place() == null || m.place().isBlank() ? null : m.place().strip();
		if (place != null && place.length() > 200) {
			throw BusinessRuleViolation.onField("place", "场所不超过200字");
		}
		if (appliedOn == null || appliedOn.isAfter(today()) || appliedOn.isBefore(c.receivedOn())) {
			throw BusinessRuleViolation.onField("appliedOn", "实施日期应在收到案源之后、今天之前");
		}
		if (!avRecorded) {
			throw BusinessRuleViolation.onField("avRecorded", kind.label() + "应当制作现场笔录并全程音像记录（" + AV_BASIS + "）");
		}
		Map<Long, String> by = officers.carriedOutBy(c, m.officerIds(), appliedOn, "行政强制措施", "行政强制法第十八条第（二）项");
		var approver = approvals.approver(c, approverId, approvedBy, kind.label());
		c = cases.claim(c, null);
		long id = rows.insert(caseId, kind, new Measure.Taken(items.strip(), reason, basis, place, appliedOn, List.copyOf(by.keySet())), by, approver.name(), true,
				Operator.current().operatorName(), clock.instant());
		approvals.request(c, id, approver);
		timers.start(caseId, CoercionTimer.SEIZURE, id, kind.label() + "期限", appliedOn, CoercionTimer.SEIZURE.defaultAmount());
		record.append(c, "case.measure_applied", kind.label() + "：" + items.strip(),
				Map.of("measure", id, "approvedBy", approver.name(), "avRecorded", true, "approval",
						approver.self() ? "负责人本人批准" : "待" + approver.name() + "确认", "reason", reason, "basis", basis, "carriedOutBy",
						String.join("、", by.values())));
		return measure(caseId, id).orElseThrow();
	}


	/** Extended once by thirty days with approval (行政强制法第二十五条). */
	@Transactional
	public Measure extend(DataScope scope, long caseId, long measureId, String reason) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.COERCIVE_MEASURE_EXTENSION);
		Measure m = measure(caseId, measureId).orElseThrow(() -> new NotFound("措施"));
		if (m.extended()) {
			throw new BusinessRuleViolation("查封、扣押期限已延长过一次，延长期限不得超过三十日（行政强制法第二十五条）");
		}
		if (m.closedOn() != null || blank(reason)) {
			throw new BusinessRuleViolation(m.closedOn() != null ? "措施已解除或处理" : "请填写延长理由");
		}
		if (reason.strip().length() > 500) {
			throw BusinessRuleViolation.onField("reason", "延长理由不超过500字");
		}
		// a measure the head has not yet confirmed is not extended: he may still refuse it (行政强制法第十九条、第二十五条)
		if (approvals.of(measureId).filter(MeasureApprovals.Approval::pending).isPresent()) {
			throw new BusinessRuleViolation(m.kind().label() + "尚待负责人确认批准（行政强制法第十九条），确认批准后才能延长期限");
		}
		CaseTimer t = timers.ofRef(caseId, CoercionTimer.SEIZURE, measureId);
		// the statute's thirty days end on the thirtieth day after it was taken, a day off or not (CoercionTimer.limitOnTheBody)
		if (t.stateOn(today()) == CaseTimer.State.MISSED || today().isAfter(t.due())) {
			throw new BusinessRuleViolation("查封、扣押期限已于 " + t.due() + " 届满，不能再延长");
		}
		c = cases.claim(c, null);
		LocalDate due = timers.extend(t, CoercionTimer.SEIZURE.defaultAmount());
		rows.extended(measureId, reason.strip(), today());
		record.append(c, "case.measure_extended", m.kind().label() + "期限经批准延长三十日，至 " + due + " 届满",
				Map.of("measure", measureId, "reason", reason.strip(), "reminderDue", due.toString()));
		return measure(caseId, measureId).orElseThrow();
	}

	/**
	 * The measure ends: 解除 on a ground the officers choose (行政强制法第二十八条), or what was sealed or detained is dealt
	 * with (第二十七条). Release because the head refused it is {@link #releaseNotApproved}'s alone.
	 */
	@Transactional
	public Measure close(DataScope scope, long caseId, long measureId, String outcome, Measure.ReleaseGround releaseGround) {
		if (releaseGround == Measure.ReleaseGround.NOT_APPROVED) {
			throw BusinessRuleViolation.onField("releaseGround", "“负责人认为不应当采取”的解除由负责人不予批准时作出（行政强制法第十九条），请选择第二十八条规定的解除情形");
		}
		if (releaseGround == Measure.ReleaseGround.EXPIRED) {
			// the release document would state a ground that is not true yet
			CaseTimer t = timers.ofRef(caseId, CoercionTimer.SEIZURE, measureId);
			if (t != null && today().isBefore(t.due())) {
				throw BusinessRuleViolation.onField("releaseGround", "查封、扣押期限至 " + t.due() + " 届满，届满前不能以“期限已经届满”（行政强制法第二十八条第一款第（四）项）解除，请选择实际的解除情形");
			}
		}
		return end(scope, caseId, measureId, outcome, releaseGround);
	}

	/**
	 * A measure the head refused to approve is released at once (行政强制法第十九条), in the refusal's transaction: it was
	 * taken, and its decision handed over on the spot, so it gets its 解除决定书 on that ground.
	 */
	@Transactional
	public Measure releaseNotApproved(DataScope scope, long caseId, long measureId) {
		var a = approvals.of(measureId).filter(x -> x.caseId() == caseId && Boolean.FALSE.equals(x.approved()))
			.orElseThrow(() -> new BusinessRuleViolation("只有负责人不予批准的措施才以此解除（行政强制法第十九条）"));
		Measure m = measure(caseId, measureId).orElseThrow(() -> new NotFound("措施"));
		// the head's reason stays with his refusal (and in the record); the release says what was done
		return end(scope, caseId, measureId, "负责人不予批准，立即解除" + m.kind().label(), Measure.ReleaseGround.NOT_APPROVED);
	}

	private Measure end(DataScope scope, long caseId, long measureId, String outcome, Measure.ReleaseGround releaseGround) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.COERCIVE_MEASURE_END);
		Measure m = measure(caseId, measureId).orElseThrow(() -> new NotFound("措施"));
		if (m.closedOn() != null) {
			throw new BusinessRuleViolation("措施已于 " + m.closedOn() + " 处理");
		}
		if (blank(outcome)) {
			throw BusinessRuleViolation.onField("outcome", "请写明处理决定（如 解除查封、予以没收、依法销毁）");
		}
		c = cases.claim(c, null);
		if (outcome.strip().length() > 500) {
			throw BusinessRuleViolation.onField("outcome", "处理决定不超过500字");
		}
		rows.closed(measureId, today(), outcome.strip(), releaseGround);
		timers.close(timers.ofRef(caseId, CoercionTimer.SEIZURE, measureId), today());
		record.append(c, "case.measure_closed", m.kind().label() + (releaseGround == null ? "处理：" : "解除（" + releaseGround.label() + "）：") + outcome.strip(),
				Map.of("measure", measureId));
		return measure(caseId, measureId).orElseThrow();
	}

	@Override
	public List<zhifa.casework.SeizedProperty.Held> held(long caseId) {
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(caseId);
		return held(measures(caseId)).stream().map(m -> new zhifa.casework.SeizedProperty.Held(m.id(), label(m, approved))).toList();
	}

	/** The measures still holding property, oldest first. */
	private static List<Measure> held(List<Measure> all) {
		return all.stream().filter(m -> m.closedOn() == null).sorted(java.util.Comparator.comparing(Measure::appliedOn).thenComparingLong(Measure::id)).toList();
	}

	/** 扣押“伪劣电线电缆120卷”（2026-05-01 实施，待负责人确认批准）. */
	private static String label(Measure m, Map<Long, MeasureApprovals.Approval> approvals) {
		boolean pending = approvals.containsKey(m.id()) && approvals.get(m.id()).pending();
		return m.kind().label() + "“" + m.items() + "”（" + m.appliedOn() + " 实施" + (pending ? "，待负责人确认批准" : "") + "）";
	}

	/**
	 * Handed over with the case (行政强制法第二十一条): each measure is dealt with on the day of the hand-over — not released,
	 * the property is no longer the body's to hold — its period closed on that day, and the case's record says to whom
	 * and when the party was told.
	 */
	@Override
	@Transactional
	public List<zhifa.casework.SeizedProperty.Held> handOverAll(DataScope scope, long caseId, java.util.Collection<Long> measureIds, LocalDate on,
			LocalDate partyToldOn, String organ) {
		java.util.Set<Long> ticked = new java.util.TreeSet<>(measureIds.stream().filter(java.util.Objects::nonNull).toList());
		CaseFile c = cases.get(scope, caseId);
		List<Measure> all = measures(caseId);
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(caseId);
		List<Measure> held = held(all);
		for (Long id : ticked) {
			Measure m = all.stream().filter(x -> x.id() == id).findFirst()
				.orElseThrow(() -> BusinessRuleViolation.onField("measureIds", "所选的查封、扣押不是本案的措施"));
			if (m.closedOn() != null) {
				throw BusinessRuleViolation.onField("measureIds", m.kind().label() + "“" + m.items() + "”已于 " + m.closedOn() + " 解除或处理，不能再随案移送");
			}
		}
		List<String> left = held.stream().filter(m -> !ticked.contains(m.id())).map(m -> label(m, approved)).toList();
		if (!left.isEmpty()) {
			throw new BusinessRuleViolation("本案尚有未解除的查封、扣押：" + String.join("、", left)
					+ "。涉嫌犯罪移送的，查封、扣押的财物应当一并移送并书面告知当事人（行政强制法第二十一条）。请勾选随案移送；与涉嫌犯罪无关的，请先到案件页面解除",
					Map.of("measureIds", "请勾选：查封、扣押的财物应当随案移送（行政强制法第二十一条）"));
		}
		if (held.isEmpty()) {
			return List.of();
		}
		kinds.require(c, CaseActions.COERCIVE_MEASURE_END);
		if (on == null || on.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "请填写移交日期（不晚于今天）");
		}
		if (partyToldOn == null || partyToldOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("partyToldOn", partyToldOn == null ? "随案移送查封、扣押的财物，应当书面告知当事人（行政强制法第二十一条），请填写告知日期"
					: "书面告知当事人的日期不能晚于今天");
		}
		for (Measure m : held) {
			if (approved.containsKey(m.id()) && approved.get(m.id()).pending()) {
				// taken on the spot, the head has not confirmed it yet: approved it stands, refused it is released (第十九条)
				throw BusinessRuleViolation.onField("measureIds", m.kind().label() + "“" + m.items() + "”尚待负责人确认批准（行政强制法第十九条），负责人批准后才能随案移送");
			}
			if (on.isBefore(m.appliedOn())) {
				throw BusinessRuleViolation.onField("on", "移交日期早于" + m.kind().label() + "“" + m.items() + "”的实施日期（" + m.appliedOn() + "）");
			}
		}
		c = cases.claim(c, null);
		String outcome = "随案移送" + organ + "（行政强制法第二十一条），已于 " + partyToldOn + " 书面告知当事人";
		for (Measure m : held) {
			rows.closed(m.id(), on, outcome, null);
			timers.close(timers.ofRef(caseId, CoercionTimer.SEIZURE, m.id()), on);
			record.append(c, "case.measure_closed", m.kind().label() + "“" + m.items() + "”于 " + on + " " + outcome,
					Map.of("measure", m.id(), "policeOrgan", organ, "handedOverOn", on, "partyToldOn", partyToldOn));
		}
		return held.stream().map(m -> new zhifa.casework.SeizedProperty.Held(m.id(), label(m, approved))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String text(String value, String field, String missing, int max, String tooLong) {
		if (blank(value)) {
			throw BusinessRuleViolation.onField(field, missing);
		}
		if (value.strip().length() > max) {
			throw BusinessRuleViolation.onField(field, tooLong);
		}
		return value.strip();
	}
}
