package zhifa.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.persistence.EvidenceRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;
import zhifa.shared.UploadedFile;

/**
 * What a case knows and how it was found out, for every kind: evidence of the eight statutory kinds with its file stored
 * by SM3 hash (行政处罚法第四十六条), transcripts of inquiries and on-site inspections (第五十五条), and 先行登记保存 — a way
 * of keeping evidence, not a coercive measure — with its seven-working-day 处理决定 (第五十六条). When each may happen is
 * the kind's to declare ({@link CaseActions#EVIDENCE}, {@link CaseActions#TRANSCRIPT}, {@link CaseActions#PRESERVATION},
 * {@link CaseActions#PRESERVATION_DECISION}).
 */
@Service
public class CaseEvidence implements TimerTypes, ClosureCheck {

	/** A piece of evidence; the file, if any, is kept by its SM3 hash. */
	public record Evidence(long id, EvidenceType type, String title, String fileName, String contentType, Long size, String sm3, LocalDate collectedOn,
			String collectedBy, String note) {
	}

	/** 询问笔录 ({@code INQUIRY}) or 现场检查笔录 ({@code INSPECTION}). */
	public record Transcript(long id, String kind, LocalDate heldOn, String place, String subject, String officers, String content, String createdBy,
			Instant createdAt) {

		public String kindLabel() {
			return "INQUIRY".equals(kind) ? "询问笔录" : "现场检查笔录";
		}
	}

	/** 先行登记保存 and, once made, its 处理决定. */
	/**
	 * {@code noticeDue}: recorded since its notice is made in the platform (V110), which 结案 then requires; {@code officers}:
	 * who took it (V115; empty for one recorded before, whose notice names the case's officers).
	 */
	public record Preservation(long id, String items, String approvedBy, LocalDate appliedOn, LocalDate closedOn, String outcome, boolean noticeDue,
			List<String> officers) {
	}

	/** The kernel's own timer. */
	public enum Timer implements TimerType {
		PRESERVATION("先行登记保存处理决定", DeadlineUnit.WORKING_DAYS, 7, "行政处罚法第五十六条");

		private final Rule rule;

		Timer(String label, DeadlineUnit unit, int defaultAmount, String source) {
			this.rule = new Rule(label, unit, defaultAmount, source);
		}

		@Override
		public Rule rule() {
			return rule;
		}
	}

	private final Cases cases;
	private final CaseKinds kinds;
	private final EvidenceRows rows;
	private final EvidenceStore store;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final Clock clock;

	private final MeasureApprovals approvals;
	private final CaseOfficers caseOfficers;

	CaseEvidence(Cases cases, CaseKinds kinds, EvidenceRows rows, EvidenceStore store, CaseTimers timers, CaseRecord record, MeasureApprovals approvals,
			CaseOfficers caseOfficers, Clock clock) {
		this.approvals = approvals;
		this.caseOfficers = caseOfficers;
		this.cases = cases;
		this.kinds = kinds;
		this.rows = rows;
		this.store = store;
		this.timers = timers;
		this.record = record;
		this.clock = clock;
	}

	@Override
	public List<Timer> timerTypes() {
		return List.of(Timer.values());
	}

	public List<Evidence> evidence(long caseId) {
		return rows.evidence(caseId);
	}

	public List<Transcript> transcripts(long caseId) {
		return rows.transcripts(caseId);
	}

	public List<Preservation> preservations(long caseId) {
		return rows.preservations(caseId);
	}

	/** The preservations of many cases in one read, by case (a case without any has no entry). */
	public Map<Long, List<Preservation>> preservations(java.util.Collection<Long> caseIds) {
		return rows.preservations(caseIds);
	}

	public Optional<Preservation> preservation(long caseId, long id) {
		return preservations(caseId).stream().filter(p -> p.id() == id).findFirst();
	}

	/** 先行登记保存 must end in a 处理决定 within seven working days (行政处罚法第五十六条): an undecided one keeps the case open. */
	@Override
	public List<String> blockers(CaseFile c) {
		return preservations(c.id()).stream().filter(p -> p.closedOn() == null)
			.map(p -> "先行登记保存的“" + p.items() + "”尚未作出处理决定（行政处罚法第五十六条）").toList();
	}

	/** Whether a 鉴定意见 is among the case's evidence (what 行政处罚法第三十一条 findings rest on). */
	public boolean expertOpinionOnFile(long caseId) {
		return rows.hasEvidenceOfType(caseId, EvidenceType.EXPERT_OPINION);
	}

	/** Whether the investigation has produced anything yet: evidence or a transcript. */
	public boolean anyOnFile(long caseId) {
		return !evidence(caseId).isEmpty() || !transcripts(caseId).isEmpty();
	}

	@Transactional
	public Evidence addEvidence(DataScope scope, long caseId, EvidenceType type, String title, byte[] file, String fileName, String contentType,
			LocalDate collectedOn, String note) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.EVIDENCE);
		if (type == null) {
			throw BusinessRuleViolation.onField("type", "请选择证据种类");
		}
		if (title == null || title.isBlank()) {
			throw BusinessRuleViolation.onField("title", "请填写证据名称");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate day = collectedOn == null ? today : collectedOn;
		if (day.isAfter(today) || day.isBefore(c.actDate())) {
			throw BusinessRuleViolation.onField("collectedOn", "取证日期应在违法行为发生之后、不晚于今天");
		}
		// a file chosen but empty is refused (it had saved the evidence without its file); no file chosen is a record without one
		boolean chosen = file != null && (file.length > 0 || fileName != null && !fileName.isBlank());
		UploadedFile upload = chosen ? UploadedFile.of(file, contentType, fileName) : null;
		c = cases.claim(c, null);
		// the row first, the file last: a refused row leaves no file behind
		String hash = upload == null ? null : Sm3.hex(upload.bytes());
		long id = rows.insertEvidence(caseId, type, title.strip(), upload == null ? null : upload.name(), upload == null ? null : upload.contentType(),
				hash == null ? null : (long) file.length, hash, day, who(), note == null ? "" : note.strip(), clock.instant());
		if (upload != null) {
			store.store(upload);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type.label());
		data.put("title", title.strip());
		if (hash != null) {
			data.put("sm3", hash);
			data.put("size", file.length);
		}
		record.append(c, "case.evidence_added", "收集证据（" + type.label() + "）：" + title.strip(), data);
		return evidence(caseId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	public byte[] evidenceFile(DataScope scope, long caseId, long evidenceId) {
		cases.get(scope, caseId);
		Evidence e = evidence(caseId).stream().filter(x -> x.id() == evidenceId && x.sm3() != null).findFirst()
			.orElseThrow(() -> new NotFound("证据文件"));
		return store.read(e.sm3());
	}

	@Transactional
	public Transcript addTranscript(DataScope scope, long caseId, String kind, LocalDate heldOn, String place, String subject, String content) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.TRANSCRIPT);
		if (!"INQUIRY".equals(kind) && !"INSPECTION".equals(kind)) {
			throw BusinessRuleViolation.onField("kind", "请选择询问笔录或现场检查笔录");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))) {
			errors.put("heldOn", heldOn == null ? "请填写制作笔录的日期" : "笔录的日期不能晚于今天");
		}
		else if (heldOn.isBefore(c.actDate())) {
			// as for evidence: nothing is taken down before what it is about began (the act, or the inspection's opening)
			errors.put("heldOn", "笔录的日期不能早于 " + c.actDate() + "（违法行为发生或检查开始的日期）");
		}
		if (blank(place)) {
			errors.put("place", "请填写地点");
		}
		if (blank(subject)) {
			errors.put("subject", "请填写被询问人或检查对象");
		}
		if (blank(content)) {
			errors.put("content", "请填写笔录内容");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请完整填写笔录：" + String.join("；", errors.values()), errors);
		}
		c = cases.claim(c, null);
		String officers = String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList());
		long id = rows.insertTranscript(caseId, kind, heldOn, place.strip(), subject.strip(), officers, content.strip(), who(), clock.instant());
		record.append(c, "case.transcript_added", ("INQUIRY".equals(kind) ? "询问笔录" : "现场检查笔录") + "：" + subject.strip() + "（" + heldOn + "）",
				Map.of("place", place.strip(), "officers", officers, "sm3", Sm3.hex(content.strip())));
		return transcripts(caseId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/**
	 * 先行登记保存: with the approval of a head of the body ({@link MeasureApprovals#approver}: the head himself, or the head
	 * the officer names, who confirms it); a 处理决定 is due within seven working days (行政处罚法第五十六条).
	 */
	@Transactional
	public Preservation preserve(DataScope scope, long caseId, String items, Long approverId, String approvedBy, LocalDate appliedOn, List<Long> officerIds) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.PRESERVATION);
		if (blank(items)) {
			throw BusinessRuleViolation.onField("items", "请列明物品清单");
		}
		if (appliedOn == null || appliedOn.isAfter(LocalDate.now(clock)) || appliedOn.isBefore(c.receivedOn())) {
			throw BusinessRuleViolation.onField("appliedOn", "实施日期应在收到案源之后、不晚于今天");
		}
		if (items.strip().length() > 2000) {
			throw BusinessRuleViolation.onField("items", "物品清单不超过2000字");
		}
		// done by the officers named (none: the case's), two or more with valid certificates that day (行政处罚法第四十二条、第五十五条)
		Map<Long, String> by = caseOfficers.carriedOutBy(c, officerIds, appliedOn, "先行登记保存", "行政处罚法第四十二条");
		MeasureApprovals.Approver approver = approvals.approver(c, approverId, approvedBy, "先行登记保存");
		c = cases.claim(c, null);
		long id = rows.insertPreservation(caseId, items.strip(), approver.name(), appliedOn, by, who(), clock.instant());
		approvals.request(c, id, approver);
		timers.start(caseId, Timer.PRESERVATION, id, "先行登记保存处理决定", appliedOn, Timer.PRESERVATION.defaultAmount());
		record.append(c, "case.measure_applied", "先行登记保存：" + items.strip(), Map.of("measure", id, "approvedBy", approver.name(), "approval",
				approver.self() ? "负责人本人批准" : "待" + approver.name() + "确认", "carriedOutBy", String.join("、", by.values())));
		return preservation(caseId, id).orElseThrow();
	}

	/** 先行登记保存 cannot be extended: the 处理决定 is due within seven working days. */
	public void refuseExtension(DataScope scope, long caseId, long id) {
		cases.get(scope, caseId);
		preservation(caseId, id).orElseThrow(() -> new NotFound("措施"));
		throw new BusinessRuleViolation("先行登记保存应当在七个工作日内作出处理决定，不能延长");
	}

	/** The 处理决定: 解除、没收、移送检测… */
	@Transactional
	public Preservation decide(DataScope scope, long caseId, long id, String outcome) {
		CaseFile c = cases.get(scope, caseId);
		kinds.require(c, CaseActions.PRESERVATION_DECISION);
		Preservation p = preservation(caseId, id).orElseThrow(() -> new NotFound("措施"));
		if (p.closedOn() != null) {
			throw new BusinessRuleViolation("措施已于 " + p.closedOn() + " 处理");
		}
		if (blank(outcome)) {
			throw BusinessRuleViolation.onField("outcome", "请写明处理决定（如 解除先行登记保存、予以没收、移送检测）");
		}
		c = cases.claim(c, null);
		LocalDate today = LocalDate.now(clock);
		rows.closePreservation(id, today, outcome.strip());
		timers.close(timers.ofRef(caseId, Timer.PRESERVATION, id), today);
		record.append(c, "case.measure_closed", "先行登记保存处理：" + outcome.strip(), Map.of("measure", id));
		return preservation(caseId, id).orElseThrow();
	}

	private static String who() {
		return Operator.current().operatorName();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
