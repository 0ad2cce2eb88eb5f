package zhifa.penalty.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseNumbers;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
import zhifa.catalog.Catalogues;
import zhifa.catalog.TownshipPowers;
import zhifa.organization.OrganizationDirectory;
import zhifa.penalty.CaseStage;
import zhifa.penalty.ClueSource;
import zhifa.penalty.FilingPolicy;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.ProcedureProfiles;
import zhifa.penalty.TimerKind;
import zhifa.penalty.TriageOutcome;
import zhifa.penalty.persistence.PenaltyRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 立案 (行政处罚法第五十四条): register a clue (idempotent for other systems), triage it within the domain's filing period —
 * extend once with approval, decline with a reason code (and an education record where the law requires one), hand over,
 * transfer — or file it under {@link FilingPolicy} with a gapless case number.
 */
@Service
public class Filing {

	private final Cases cases;
	private final PenaltyCases penaltyCases;
	private final PenaltyRows rows;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseNumbers numbers;
	private final CaseOfficers officers;
	private final CaseRecord record;
	private final ProcedureProfiles profiles;
	private final Catalogues catalogues;
	private final TownshipPowers townships;
	private final OrganizationDirectory directory;
	private final PartyIdentity parties;
	private final CaseEvidence evidence;
	private final Clock clock;

	Filing(Cases cases, PenaltyCases penaltyCases, PenaltyRows rows, CaseKinds kinds, CaseTimers timers, CaseNumbers numbers, CaseOfficers officers,
			CaseRecord record, ProcedureProfiles profiles, Catalogues catalogues, TownshipPowers townships,
			OrganizationDirectory directory, PartyIdentity parties, CaseEvidence evidence, Clock clock) {
		this.cases = cases;
		this.penaltyCases = penaltyCases;
		this.rows = rows;
		this.kinds = kinds;
		this.timers = timers;
		this.numbers = numbers;
		this.officers = officers;
		this.record = record;
		this.profiles = profiles;
		this.catalogues = catalogues;
		this.townships = townships;
		this.directory = directory;
		this.parties = parties;
		this.evidence = evidence;
		this.clock = clock;
	}

	/**
	 * A clue as registered: body, matter, source, party (with the address when known: the decision needs it), place, act
	 * period and what happened.
	 */
	public record ClueForm(Long bodyId, Long matterId, ClueSource source, PartyType partyKind, String partyName, String partyIdNumber,
			String partyUscc, String partyAddress, Long placeRegionId, String placeDetail, LocalDate actDate, LocalDate actEndDate, Boolean seriousHarm, String description,
			LocalDate receivedOn) {
	}

	@Transactional
	public PenaltyCase registerClue(DataScope scope, ClueForm f, String idempotencyKey, boolean demo) {
		return register(scope, f, idempotencyKey, demo, false);
	}

	/** Registers the case of a simple-procedure decision (no triage period: it is decided on the spot). */
	@Transactional
	public PenaltyCase registerOnTheSpot(DataScope scope, ClueForm f) {
		return register(scope, f, null, false, true);
	}

	private PenaltyCase register(DataScope scope, ClueForm f, String idempotencyKey, boolean demo, boolean onTheSpot) {
		kinds.of(PenaltyCases.KIND).lifecycle().requireStart(onTheSpot ? PenaltyActions.ON_THE_SPOT : PenaltyActions.REGISTER);
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 100) {
			throw BusinessRuleViolation.onField("idempotencyKey", "幂等键不超过100个字符");
		}
		// a key is looked up within the user's own bodies: another body's keys are not for him to learn of
		if (key != null && f.bodyId() != null && directory.covers(scope, f.bodyId())) {
			var existing = cases.findByIdempotencyKey(f.bodyId(), key);
			if (existing.isPresent()) {
				return penaltyCases.get(scope, existing.get());
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.bodyId() == null || !directory.covers(scope, f.bodyId())) {
			errors.put("bodyId", "请选择本机关");
		}
		ProcedureProfiles.MatterProfile matter = null;
		LocalDate today = LocalDate.now(clock);
		if (f.matterId() == null) {
			errors.put("matterId", "请选择执法事项");
		}
		else if (f.bodyId() != null) {
			matter = profiles.forMatter(f.matterId());
			if (matter.bodyId() != f.bodyId() && !townships.delegatedTo(f.bodyId(), matter.matterId(), today)) {
				errors.put("matterId", "“" + matter.matterName() + "”不是本机关的执法事项");
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
		// a natural person's ID number may be unknown when the clue comes in (a stall reported to 12345): registered without
		// it, the case cannot be filed until it is added (FilingPolicy); a decision on the spot needs it at once
		boolean unidentified = f.partyKind() == PartyType.NATURAL_PERSON && !onTheSpot && (f.partyIdNumber() == null || f.partyIdNumber().isBlank());
		PartyIdentity.Party party = f.partyKind() == null || unidentified ? null : parties.check(f.partyKind(), f.partyIdNumber(), f.partyUscc(), errors);
		String partyKey = party == null ? null : party.key();
		String masked = party == null ? null : party.masked();
		String cipher = party == null ? null : party.cipher();
		LocalDate birth = party == null ? null : party.birth();
		String address = PartyIdentity.address(f.partyAddress(), onTheSpot, errors);
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
			if (birth != null && f.actDate().isBefore(birth)) {
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
		var registered = cases.register(new Cases.NewCase(PenaltyCases.KIND, f.bodyId(), f.matterId(), CaseStage.CLUE.name(), f.source().name(), key,
				f.partyKind(), f.partyName().strip(), cipher, partyKey, masked, address, f.placeRegionId(), f.placeDetail() == null ? "" : f.placeDetail().strip(),
				f.actDate(), f.actEndDate(), f.description().strip(), received, op.operatorName(),
				op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null, demo));
		if (!registered.created()) {
			return penaltyCases.get(scope, registered.id());
		}
		long id = registered.id();
		CaseFile c = registered.file();
		ProcedureProfile profile = matter.profile();
		var penalty = rows.insert(id, onTheSpot, Boolean.TRUE.equals(f.seriousHarm()), profile);
		// a decision on the spot has no triage period (简易程序: it is decided there and then)
		if (!onTheSpot) {
			timers.start(id, TimerKind.FILING, received, profile.filing().days(), profile.filing().source());
		}
		record.append(c, "case.clue_registered", "登记案源（" + f.source().label() + "）：" + f.partyName().strip(),
				Map.of("matter", matter.matterName(), "party", masked == null ? "未登记身份证号" : masked, "actDate", f.actDate().toString(), "receivedOn", received.toString()));
		return PenaltyCases.of(c, penalty);
	}

	/** 延长立案审查期限: once, with the head's approval, by the domain's extension (市场监管: 十五个工作日). */
	@Transactional
	public PenaltyCase extendTriage(DataScope scope, long id, String reason) {
		var read = penaltyCases.get(scope, id, TimerKind.FILING);
		PenaltyCase c = read.c();
		kinds.require(c.file(), PenaltyActions.TRIAGE_EXTENSION);
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写延长理由");
		}
		CaseTimer filing = read.timer();
		List<String> refusals = triageExtensionRefusals(filing);
		if (!refusals.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", refusals));
		}
		ProcedureProfile.Number extension = c.profile().filingExtension();
		if (extension.days() == 0) {
			throw new BusinessRuleViolation("本领域的程序规定没有延长立案审查期限（" + extension.source() + "）");
		}
		CaseFile file = cases.claim(c.file(), null);
		LocalDate due = timers.extend(filing, extension.days());
		record.append(file, "case.triage_extended", "经负责人批准延长立案审查期限至 " + due, Map.of("reason", reason.strip(), "source", extension.source()));
		// the case as the claim wrote it (nothing after it changes the case's row or its penalty row)
		return c.withFile(file);
	}

	/** Why the triage period cannot be extended now (the guard of the lifecycle's step). */
	public List<String> triageExtensionRefusals(CaseFile c) {
		return triageExtensionRefusals(timers.get(c.id(), TimerKind.FILING));
	}

	private List<String> triageExtensionRefusals(CaseTimer filing) {
		if (filing.extended() > 0) {
			return List.of("立案审查期限已延长过一次，不能再延长");
		}
		if (filing.stateOn(LocalDate.now(clock)) == CaseTimer.State.MISSED) {
			return List.of("立案审查期限已于 " + filing.due() + " 届满，不能再延长");
		}
		return List.of();
	}

	/** 不予立案 / 移交 / 移送司法机关, with the reason code and, where the law requires it, the education given. */
	@Transactional
	public PenaltyCase decline(DataScope scope, long id, TriageOutcome outcome, String reason, String educationRecord, Long handOverBodyId) {
		PenaltyCase c = penaltyCases.get(scope, id);
		kinds.require(c.file(), PenaltyActions.DECLINE);
		if (outcome == null) {
			throw BusinessRuleViolation.onField("outcome", "请选择处理结果");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写理由");
		}
		if (outcome.educationRequired() && (educationRecord == null || educationRecord.isBlank())) {
			throw BusinessRuleViolation.onField("educationRecord", "不予行政处罚的，应当对当事人进行教育（行政处罚法第三十三条第三款），请填写教育情况");
		}
		var contradiction = outcome.contradiction(c.partyKind(), c.partyMasked() != null, cases.partyBirthDate(id).orElse(null), c.actDate(),
				evidence.expertOpinionOnFile(id));
		if (contradiction.isPresent()) {
			throw BusinessRuleViolation.onField("outcome", contradiction.get());
		}
		String handedTo = null;
		if (outcome == TriageOutcome.HAND_OVER) {
			if (handOverBodyId == null || handOverBodyId == c.bodyId()) {
				throw BusinessRuleViolation.onField("handOverBodyId", "请选择接收移交的机关");
			}
			var to = directory.facts(handOverBodyId).orElseThrow(() -> new NotFound("接收移交的机关"));
			if (!to.active()) {
				throw BusinessRuleViolation.onField("handOverBodyId", to.name() + "已撤销或停用，不能接收移交");
			}
			handedTo = to.name();
		}
		CaseFile file = cases.claim(c.file(), outcome.stage().name());
		rows.declined(id, outcome, reason.strip(), educationRecord == null || educationRecord.isBlank() ? null : educationRecord.strip(),
				outcome == TriageOutcome.HAND_OVER ? handOverBodyId : null);
		timers.close(id, TimerKind.FILING, LocalDate.now(clock));
		// the case ends here (已办结): its closing day is the day the ledger, case-file review and the transfer check count from
		cases.closed(id, LocalDate.now(clock));
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
		record.append(file, "case.declined", outcome.stage().label() + "：" + outcome.label(), data);
		return penaltyCases.get(DataScope.all(), id);
	}

	/** The facts the filing check weighs, for the proposed officers on the given day. */
	public FilingPolicy.Check filingCheck(CaseFile c, List<Long> officerIds, LocalDate day) {
		boolean inCatalogue = catalogues.inForce(c.bodyId(), c.matterId(), day) || townships.inForceFor(c.bodyId(), c.matterId(), day);
		String bodyRegionPath = directory.facts(c.bodyId()).orElseThrow().regionPath();
		CaseOfficers.Candidates candidates = officers.candidates(c.bodyId(), c.domainCode(), officerIds, day);
		PenaltyCase p = penaltyCases.of(c);
		String type = profiles.matterType(c.matterId());
		return FilingPolicy.check(new FilingPolicy.Facts(CaseStage.valueOf(c.stage()), c.matterName(), inCatalogue, c.placeName(),
				c.placePath().startsWith(bodyRegionPath), c.actDate(), c.actEndDate(), p.seriousHarm(), c.receivedOn(), candidates.own(), candidates.others(),
				cases.filedElsewhere(c), "PENALTY".equals(type) ? null : zhifa.catalog.MatterType.valueOf(type).label(), c.partyMasked() == null,
				c.partyKind() == PartyType.NATURAL_PERSON && c.partyMasked() != null && cases.partyBirthDate(c.id())
					.flatMap(birth -> zhifa.discretion.Liability.band(birth, c.actDate())).filter(b -> b == zhifa.discretion.Liability.AgeBand.UNDER_14).isPresent()));
	}

	/**
	 * What stops the clue from being filed now, before anyone is chosen: the officers are chosen at filing, so the
	 * two-officer rule is checked against every officer of the body who may take the case (not the clue's empty list).
	 */
	public List<String> filingRefusals(CaseFile c, LocalDate day) {
		List<Long> available = officers.choices(c.bodyId(), c.domainCode()).stream().filter(zhifa.officer.AuthorityDecision::allowed)
			.map(zhifa.officer.AuthorityDecision::officerId).toList();
		return filingCheck(c, c.officerIds().isEmpty() ? available : c.officerIds(), day).refusals().stream()
			.map(r -> c.officerIds().isEmpty() ? r.replace("，目前只有 ", "，本机关可选的只有 ") : r).toList();
	}

	/**
	 * 报请立案: the handling officer writes what checking the clue found and his opinion (市场监督管理行政处罚程序规定第十八条、
	 * 第十九条) for the head who decides; the 立案审批表 prints it as the 承办人意见 with his name and the day. A later
	 * request replaces it (both are in the record).
	 */
	@Transactional
	public PenaltyCase requestFiling(DataScope scope, long id, String opinion) {
		PenaltyCase c = penaltyCases.get(scope, id);
		kinds.require(c.file(), PenaltyActions.FILING_REQUEST);
		String written = opinion == null ? "" : opinion.strip();
		if (written.isEmpty()) {
			throw BusinessRuleViolation.onField("opinion", "请填写承办人意见：核查情况和是否建议立案");
		}
		if (written.length() > 500) {
			throw BusinessRuleViolation.onField("opinion", "承办人意见不超过500字");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.filingRequest(id, written, LocalDate.now(clock), Operator.current().operatorName());
		// the summary has the record's 500 characters for itself and the prefix: the whole opinion is in the payload
		record.append(file, "case.filing_requested", "承办人报请立案：" + (written.length() > 80 ? written.substring(0, 80) + "……" : written),
				Map.of("opinion", written));
		return c.withFile(file);
	}

	/** 立案: approved by the head; refused with every reason under {@link FilingPolicy}, changing nothing. */
	@Transactional
	public PenaltyCase file(DataScope scope, long id, List<Long> officerIds, boolean acknowledgeEarlierFiling, String opinion) {
		PenaltyCase c = penaltyCases.get(scope, id);
		kinds.require(c.file(), PenaltyActions.FILING);
		LocalDate today = LocalDate.now(clock);
		FilingPolicy.Check check = filingCheck(c.file(), officerIds, today);
		if (!check.allowed()) {
			throw new BusinessRuleViolation("不能立案：" + String.join("；", check.refusals()));
		}
		if (!check.warnings().isEmpty() && !acknowledgeEarlierFiling) {
			throw new BusinessRuleViolation("请先确认：" + String.join("；", check.warnings()));
		}
		String written = opinion == null || opinion.isBlank() ? null : opinion.strip();
		if (written != null && written.length() > 500) {
			throw BusinessRuleViolation.onField("opinion", "审批意见不超过500字");
		}
		if (!check.warnings().isEmpty() && written == null) {
			// filing over a warning is the head's decision against what the platform found: his reasons go on the record and
			// the 立案审批表 (another body filed first: 协商一致 or 指定管辖, 行政处罚法第二十五条第二款)
			throw BusinessRuleViolation.onField("opinion", "仍需立案的，请在审批意见中写明理由（如经协商由本机关管辖、上级机关指定管辖的文号）："
					+ String.join("；", check.warnings()));
		}
		CaseFile file = cases.claim(c.file(), CaseStage.FILED.name());
		CaseNumbers.Number number = numbers.next(c.bodyId(), CaseNumbers.FILING, today.getYear());
		cases.number(id, number, today, Operator.current().operatorName());
		rows.filingOpinion(id, written);
		officers.assign(file, officerIds, today);
		timers.close(id, TimerKind.FILING, today);
		ProcedureProfile.Number decision = c.profile().decision();
		timers.start(id, TimerKind.DECISION, today, decision.days(), decision.source());
		CaseFile filed = cases.find(id).orElseThrow();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("caseNumber", number.text());
		data.put("officers", filed.officers().stream().map(CaseFile.Officer::name).toList());
		data.put("opinion", opinion == null ? "" : opinion.strip());
		if (!check.warnings().isEmpty()) {
			data.put("acknowledged", check.warnings());
		}
		record.append(filed, "case.filed", "负责人批准立案，案件编号 " + number.text(), data);
		return penaltyCases.of(filed);
	}
}
