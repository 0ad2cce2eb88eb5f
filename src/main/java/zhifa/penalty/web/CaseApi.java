package zhifa.penalty.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.NextStep;
import zhifa.casework.PartyType;
import zhifa.casework.Workbench;
import zhifa.coercion.Enforcements;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TriageOutcome;
import zhifa.penalty.filing.Filing;
import zhifa.record.RecordEntry;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件", description = "案源登记（幂等）、立案审查期限、不予立案/移交/移送、立案（负责人批准，依法校验）；案件的期限、下一步与全过程记录")
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

	private final PenaltyCases cases;
	private final Filing filing;
	private final zhifa.penalty.filing.PartyCorrections partyCorrections;
	private final Workbench workbench;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final Enforcements enforcements;

	CaseApi(PenaltyCases cases, Filing filing, zhifa.penalty.filing.PartyCorrections partyCorrections, Workbench workbench, CaseKinds kinds, CaseTimers timers, CaseRecord record, Enforcements enforcements) {
		this.cases = cases;
		this.filing = filing;
		this.partyCorrections = partyCorrections;
		this.workbench = workbench;
		this.kinds = kinds;
		this.timers = timers;
		this.record = record;
		this.enforcements = enforcements;
	}

	@Operation(summary = "案件列表（按编号倒序分页）", description = """
			filter：ALL、MINE（我的案件）、FOR_ME（待我处理：按角色）、APPROVAL（待审批：立案、回避、归档）、LEGAL_REVIEW（待法制审核）、OPEN（未结：未结案、未归档的全部阶段）、DUE_SOON（3个工作日内到期）、OVERDUE（已超期）、UNPAID（罚款未缴清）、ENFORCEMENT（强制执行中）。
			每页 size 条（默认 100，最多 500）；还有下一页时响应头 Link 给出 rel="next" 的地址（after=本页最后一个案件的 id），X-Total-Estimate 为匹配数（超过 1000 时为 1,000+）。""")
	@GetMapping
	ResponseEntity<List<PenaltyCase>> list(@RequestParam(defaultValue = "ALL") String filter,
			@Parameter(description = "从该 id 之后（更早）继续") @RequestParam(required = false) Long after,
			@Parameter(description = "每页条数，1–500，默认 100") @RequestParam(required = false) Integer size) {
		Workbench.Page page = workbench.page(Operator.current().scope(), filter, after, size);
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Total-Estimate", page.count());
		if (page.next() != null) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("after", page.next()).build().toUriString();
			headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return ResponseEntity.ok().headers(headers).body(cases.of(page.items()));
	}

	@Operation(summary = "登记案源", description = "重试时带同一个 Idempotency-Key，不会产生第二个案件，返回已登记的案件。自然人当事人的身份证号 partyIdNumber 尚不知道的可不填（partyMasked 为 null），立案前须经更正当事人信息补登")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PenaltyCase register(@RequestBody Filing.ClueForm form,
			@Parameter(description = "幂等键（本机关内唯一）") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return filing.registerClue(Operator.current().scope(), form, key, false);
	}

	record CaseView(PenaltyCase caseFile, List<CaseTimer> deadlines, List<NextStep> gates, List<RecordEntry> record) {
	}

	@Operation(summary = "案件详情：期限（deadlines）、下一步及其阻碍（gates，由案件种类的办理流程声明得出）、全过程记录（record）")
	@GetMapping("/{id}")
	CaseView get(@PathVariable long id) {
		var scope = Operator.current().scope();
		PenaltyCase c = cases.get(scope, id);
		List<NextStep> steps = new ArrayList<>(kinds.options(c.file()));
		steps.addAll(enforcements.options(c.file()));
		return new CaseView(c, timers.of(id), steps, record.timeline(scope, c.file()));
	}

	record Reason(String reason) {
	}

	record FilingRequest(String opinion) {
	}

	@Operation(summary = "报请立案（承办人核查意见，立案审批表的“承办人意见”；再次报请替换前一次）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/{id}/filing-request")
	PenaltyCase requestFiling(@PathVariable long id, @RequestBody FilingRequest r) {
		return filing.requestFiling(Operator.current().scope(), id, r.opinion());
	}

	@Operation(summary = "延长立案审查期限（负责人批准，限一次）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/triage-extension")
	PenaltyCase extend(@PathVariable long id, @RequestBody Reason r) {
		return filing.extendTriage(Operator.current().scope(), id, r.reason());
	}

	/**
	 * 更正当事人信息: {@code partyIdNumber} for a natural person, {@code partyUscc} for an organisation (empty with the kind
	 * unchanged: kept), {@code partyAddress} (empty: kept); the reason is required. After the notice only the address.
	 */
	record PartyCorrection(PartyType partyKind, String partyName, String partyIdNumber, String partyUscc, String partyAddress, String reason) {
	}

	@Operation(summary = "更正当事人信息（事先告知前，写明理由）", description = "当事人类型、名称或姓名、身份证号或统一社会信用代码；全过程记录保存更正前后的信息（证件号脱敏）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/{id}/party")
	PenaltyCase correctParty(@PathVariable long id, @RequestBody PartyCorrection p) {
		return partyCorrections.correct(Operator.current().scope(), id, p.partyKind(), p.partyName(), p.partyIdNumber(), p.partyUscc(), p.partyAddress(), p.reason());
	}

	record Decline(TriageOutcome outcome, String reason, String educationRecord, Long handOverBodyId) {
	}

	@Operation(summary = "不予立案、移交或移送司法机关（负责人批准）", description = "第三十三条等不予处罚情形须填写对当事人的教育情况")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/decline")
	PenaltyCase decline(@PathVariable long id, @RequestBody Decline d) {
		return filing.decline(Operator.current().scope(), id, d.outcome(), d.reason(), d.educationRecord(), d.handOverBodyId());
	}

	record Filed(List<Long> officerIds, Boolean acknowledgeEarlierFiling, String opinion) {
	}

	@Operation(summary = "立案（负责人批准）", description = "校验：事项在已发布目录中、发生地在管辖区域内、追责时效、两名以上持有效证件且领域覆盖的执法人员、自然人当事人已登记身份证号；提示（他机关已先立案、当事人行为时不满十四周岁）须以 acknowledgeEarlierFiling: true 确认")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/filing")
	PenaltyCase file(@PathVariable long id, @RequestBody Filed f) {
		return filing.file(Operator.current().scope(), id, f.officerIds() == null ? List.of() : f.officerIds(), Boolean.TRUE.equals(f.acknowledgeEarlierFiling()),
				f.opinion());
	}
}
