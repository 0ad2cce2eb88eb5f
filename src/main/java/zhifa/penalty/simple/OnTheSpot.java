package zhifa.penalty.simple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.Liability;
import zhifa.discretion.PenaltyType;
import zhifa.organization.OrganizationDirectory;
import zhifa.penalty.CaseStage;
import zhifa.penalty.ClueSource;
import zhifa.penalty.DeviationPolicy;
import zhifa.penalty.FilingPolicy;
import zhifa.penalty.OnTheSpotPolicy;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.Sanction;
import zhifa.penalty.TimerKind;
import zhifa.penalty.execution.ExecutionRecords;
import zhifa.penalty.filing.Filing;
import zhifa.penalty.persistence.ExecutionRows;
import zhifa.penalty.persistence.OnSpotRows;
import zhifa.penalty.persistence.PenaltyRows;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 简易程序 (当场处罚, 行政处罚法第五十一、五十二、六十八至七十一条): decided in the field within {@link OnTheSpotPolicy}, by two
 * certified officers, on a numbered pre-printed decision form of a range allocated to the body or to one of them; handed
 * over on the spot; a fine collected on the spot is handed in within two working days; the decision is reported (备案)
 * to the body. A simple-procedure penalty is a case like any other: same party checks, record, timers and history.
 */
@Service
public class OnTheSpot {

	private final Filing filing;
	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseRecord caseRecord;
	private final FullProcessRecord record;
	private final PenaltyRows rows;
	private final ExecutionRows execution;
	private final OnSpotRows forms;
	private final Benchmarks benchmarks;
	private final zhifa.catalog.Matters matters;
	private final zhifa.catalog.LegalLibrary library;
	private final OrganizationDirectory directory;
	private final Clock clock;

	OnTheSpot(Filing filing, PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseOfficers officers, CaseTimers timers, CaseRecord caseRecord,
			FullProcessRecord record, PenaltyRows rows, ExecutionRows execution, OnSpotRows forms, Benchmarks benchmarks, OrganizationDirectory directory,
			Clock clock, zhifa.catalog.Matters matters, zhifa.catalog.LegalLibrary library) {
		this.matters = matters;
		this.library = library;
		this.filing = filing;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.officers = officers;
		this.timers = timers;
		this.caseRecord = caseRecord;
		this.record = record;
		this.rows = rows;
		this.execution = execution;
		this.forms = forms;
		this.benchmarks = benchmarks;
		this.directory = directory;
		this.clock = clock;
	}

	public record OnSpotForm(Filing.ClueForm clue, List<Long> officerIds, Set<PenaltyType> types, Long fine, Long rangeId, Integer formNumber,
			Boolean collectOnSpot, Boolean hardToCollect, String receiptNo, String decisionText) {
	}

	// ---- number ranges

	public List<FormRange> ranges(DataScope scope, long bodyId) {
		if (!directory.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		return forms.ranges(bodyId);
	}

	@Transactional
	public FormRange allocate(DataScope scope, long bodyId, Long officerId, String prefix, Integer first, Integer last) {
		if (!directory.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		if (prefix == null || prefix.isBlank() || first == null || last == null || first < 1 || last < first || last - first > 100_000) {
			throw new BusinessRuleViolation("请填写号段前缀和起止号码（止号不小于起号）");
		}
		if (officerId != null && officers.nameInBody(officerId, bodyId).isEmpty()) {
			throw BusinessRuleViolation.onField("officerId", "领用人不是本机关的执法人员");
		}
		if (officerId != null && officers.auxiliary(officerId)) {
			// 辅助人员 make no decision (行政处罚法第四十二条: 执法人员); a range in his hands would be used by nobody lawfully
			throw BusinessRuleViolation.onField("officerId", "辅助人员不能作出当场处罚决定，号段应由具有执法资格的执法人员领用");
		}
		if (forms.overlaps(bodyId, prefix.strip(), first, last)) {
			throw new BusinessRuleViolation("号段与已分配的号段重叠，每个编号只能使用一次");
		}
		long id = forms.allocate(bodyId, officerId, prefix.strip(), first, last, Operator.current().operatorName(), clock.instant());
		record.append("onspot_form_range", id, bodyId, "onspot.range_allocated", "分配当场处罚决定书号段 " + prefix.strip() + first + "–" + last,
				Map.of("officerId", officerId == null ? "" : officerId));
		return forms.ranges(bodyId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** The lowest number of the range not used or voided yet, if any. */
	public Optional<Integer> nextFree(long rangeId) {
		return forms.nextFree(rangeId);
	}

	/** 作废: a spoiled form keeps its number out of use, with the reason. */
	@Transactional
	public void voidNumber(DataScope scope, long rangeId, int number, String reason) {
		FormRange r = range(scope, rangeId);
		if (number < r.first() || number > r.last()) {
			throw BusinessRuleViolation.onField("number", "编号不在该号段内");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写作废原因");
		}
		if (!forms.take(rangeId, number, "VOIDED", null, reason.strip(), clock.instant())) {
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
		PenaltyCase c = filing.registerOnTheSpot(scope, new Filing.ClueForm(clue.bodyId(), clue.matterId(), ClueSource.INSPECTION, clue.partyKind(),
				clue.partyName(), clue.partyIdNumber(), clue.partyUscc(), clue.partyAddress(), clue.placeRegionId(), clue.placeDetail(), clue.actDate() == null ? today : clue.actDate(),
				null, false, clue.description() == null || clue.description().isBlank() ? f.decisionText() : clue.description(), today));
		List<Long> officerIds = f.officerIds() == null ? List.of() : f.officerIds();
		FilingPolicy.Check check = filing.filingCheck(c.file(), officerIds, today);
		if (!check.allowed()) {
			throw new BusinessRuleViolation("不能当场处罚：" + String.join("；", check.refusals()));
		}
		Sanction s = new Sanction(f.types(), f.types().contains(PenaltyType.FINE) ? f.fine() : null, null);
		checkLiabilityAndBenchmark(c, s);
		checkStatutoryFloor(c, s);
		// 一事不二罚款 (行政处罚法第二十九条), as the general procedure's gate checks it
		List<String> earlier = s.fine() == null ? List.of() : rows.earlierFines(c.id(), c.actDate(), c.file().actEnd(), c.matterId());
		if (!earlier.isEmpty()) {
			throw new BusinessRuleViolation("对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚（行政处罚法第二十九条）：" + String.join("；", earlier));
		}
		FormRange r = range(scope, f.rangeId());
		if (r.bodyId() != c.bodyId() || (r.officerId() != null && !officerIds.contains(r.officerId()))) {
			throw BusinessRuleViolation.onField("formNumber", "该号段不属于本机关或本次执法人员");
		}
		if (f.formNumber() < r.first() || f.formNumber() > r.last()) {
			throw BusinessRuleViolation.onField("formNumber", "编号 " + f.formNumber() + " 不在号段 " + r.prefix() + r.first() + "–" + r.last() + " 内");
		}
		CaseFile file = cases.claim(c.file(), CaseStage.DECIDED.name());
		if (!forms.take(r.id(), f.formNumber(), "USED", c.id(), null, clock.instant())) {
			throw BusinessRuleViolation.onField("formNumber", "决定书 " + r.prefix() + f.formNumber() + " 已使用或已作废，每个编号只能使用一次");
		}
		String number = r.prefix() + f.formNumber();
		rows.decidedOnTheSpot(c.id(), today, number, s, f.decisionText().strip(), collect);
		officers.assign(file, officerIds, today);
		ProcedureProfile.Number report = c.profile().onspotReport();
		timers.start(c.id(), TimerKind.ONSPOT_REPORT, today, report.days(), report.source());
		// 当场交付 (第五十二条)
		String who = Operator.current().operatorName();
		execution.served(c.id(), new ExecutionRecords.Served(ExecutionRecords.ServiceMethod.DIRECT, today, clue.partyName().strip(),
				"当场交付（决定书 " + number + "）", null, null, null, null, null), who, clock.instant());
		if (collect) {
			execution.paid(c.id(), today, s.fine(), f.receiptNo().strip(), who, clock.instant());
			timers.start(c.id(), TimerKind.HAND_IN, today, TimerKind.HAND_IN.defaultAmount());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("form", number);
		data.put("sanction", s.describe());
		data.put("collectedOnSpot", collect);
		if (collect) {
			data.put("receipt", f.receiptNo().strip());
		}
		// the decision is the two officers', whoever enters it: the record names them
		PenaltyCase decided = penaltyCases.get(DataScope.all(), c.id());
		String by = String.join("、", decided.file().officers().stream().map(CaseFile.Officer::name).toList());
		data.put("officers", by);
		caseRecord.append(file, "case.onspot_decided", "执法人员" + by + "当场作出行政处罚决定（" + number + "）：" + s.describe() + (collect ? "，当场收缴" : ""),
				data);
		return decided;
	}

	/** 行政处罚法第三十、三十一条 and the benchmark: a minor's fine lies in the lighter tier, and nothing outside the benchmark on the spot. */
	private void checkLiabilityAndBenchmark(PenaltyCase c, Sanction proposed) {
		LocalDate birthDate = cases.partyBirthDate(c.id()).orElse(null);
		var noLiability = Liability.noPunishment(birthDate, c.actDate(), Set.of());
		if (noLiability.isPresent()) {
			throw new BusinessRuleViolation("不能当场处罚：" + noLiability.get());
		}
		boolean minor = Liability.isMinor(birthDate, c.actDate());
		try {
			// the party's age decides the tier (行政处罚法第三十条): a minor's fine must lie in the 从轻 or 减轻 range
			var assessment = benchmarks.assess(new Benchmarks.AssessmentRequest(null, c.bodyId(), c.actDate(), c.partyKind(), Set.of(), null, c.matterId(),
					null, birthDate));
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
	}

	/**
	 * The fine within the law the matter punishes by, benchmark or not: a clause whose lowest fine is above the fine (食品安全法
	 * 第一百二十二条: 五万元以上) leaves no room for a fine on the spot — the simple procedure is for 200 or 3,000 yuan at most
	 * (第五十一条) — and the case goes the general way. Read from the clause's text in the library as in force at the act
	 * ({@link zhifa.catalog.StatutoryFines}); where the text gives no plain floor, nothing is refused here.
	 */
	private void checkStatutoryFloor(PenaltyCase c, Sanction proposed) {
		var m = matters.get(DataScope.all(), c.matterId());
		List<String> clauses = !m.penaltyClauses().isEmpty() ? m.penaltyClauses() : m.basis();
		// a warning is given on the spot only where the law provides one (第五十一条 "依法"); lighter than the law is the general procedure's 减轻
		if (proposed.types().contains(zhifa.discretion.PenaltyType.WARNING) && library.providesWarning(clauses, c.actDate()).equals(Optional.of(false))) {
			throw BusinessRuleViolation.onField("types", String.join("、", clauses) + "规定的行政处罚不包括警告，不能当场给予警告（行政处罚法第五十一条：依法给予警告）；"
					+ "请按该条规定的处罚种类和幅度适用普通程序");
		}
		if (proposed.fine() == null) {
			return;
		}
		library.lighterFloor(clauses, c.actDate(), LocalDate.now(clock)).filter(floor -> proposed.fine() < floor).ifPresent(floor -> {
			long cap = c.partyKind() == zhifa.casework.PartyType.NATURAL_PERSON ? 20_000L : 300_000L;
			throw BusinessRuleViolation.onField("fine", "罚款不得低于" + String.join("、", clauses) + "规定的最低数额" + Sanction.yuan(floor)
					+ (floor > cap ? "，已超出当场处罚的限额（对公民二百元以下、对法人或者其他组织三千元以下，行政处罚法第五十一条），不能当场处罚，请适用普通程序" : ""));
		});
	}

	/** 当场收缴的罚款交至行政机关 (第七十一条: 二日内). */
	@Transactional
	public PenaltyCase handIn(DataScope scope, long caseId, LocalDate on) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		simple(c);
		kinds.require(c.file(), PenaltyActions.HAND_IN);
		if (!c.decision().collectedOnSpot()) {
			throw new BusinessRuleViolation("本案没有当场收缴罚款");
		}
		if (c.decision().handedInOn() != null) {
			throw new BusinessRuleViolation("罚款已于 " + c.decision().handedInOn() + " 交至行政机关");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate day = on == null ? today : on;
		if (day.isBefore(c.decidedOn()) || day.isAfter(today)) {
			throw BusinessRuleViolation.onField("on", "交款日期应在处罚之后、不晚于今天");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.handedIn(caseId, day);
		timers.close(caseId, TimerKind.HAND_IN, day);
		caseRecord.append(file, "case.handed_in", "当场收缴的罚款已交至行政机关（" + day + "）", Map.of());
		return penaltyCases.get(DataScope.all(), caseId);
	}

	/** 报所属行政机关备案 (第五十二条第三款). */
	@Transactional
	public PenaltyCase report(DataScope scope, long caseId) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		simple(c);
		kinds.require(c.file(), PenaltyActions.ONSPOT_REPORT);
		if (c.decision().reportedOn() != null) {
			throw new BusinessRuleViolation("已备案");
		}
		LocalDate today = LocalDate.now(clock);
		CaseFile file = cases.claim(c.file(), null);
		rows.reported(caseId, today);
		timers.close(caseId, TimerKind.ONSPOT_REPORT, today);
		caseRecord.append(file, "case.onspot_reported", "当场处罚决定已报本机关备案", Map.of());
		return penaltyCases.get(DataScope.all(), caseId);
	}

	private static void simple(PenaltyCase c) {
		if (!c.simpleProcedure()) {
			throw new BusinessRuleViolation("本案不是当场处罚案件");
		}
	}

	private FormRange range(DataScope scope, long rangeId) {
		long body = forms.bodyOfRange(rangeId).orElseThrow(() -> new NotFound("号段"));
		return ranges(scope, body).stream().filter(r -> r.id() == rangeId).findFirst().orElseThrow();
	}
}
