package zhifa.penalty.web;

import java.util.List;

import org.springframework.http.HttpStatus;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.penalty.CaseTimer;
import zhifa.penalty.NextStep;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TriageOutcome;
import zhifa.record.RecordEntry;
import zhifa.record.RecordQueries;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件", description = "案源登记（幂等）、立案审查期限、不予立案/移交/移送、立案（负责人批准，依法校验）；案件的期限、下一步与全过程记录")
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

	private final PenaltyCases cases;
	private final RecordQueries records;
	private final zhifa.penalty.CaseProcedure procedure;

	CaseApi(PenaltyCases cases, RecordQueries records, zhifa.penalty.CaseProcedure procedure) {
		this.procedure = procedure;
		this.cases = cases;
		this.records = records;
	}

	@Operation(summary = "案件列表", description = "filter：ALL、MINE（我的案件）、OPEN（未结）、DUE_SOON（3个工作日内到期）、OVERDUE（已超期）")
	@GetMapping
	List<PenaltyCase> list(@RequestParam(defaultValue = "ALL") PenaltyCases.Filter filter) {
		return cases.list(Operator.current().scope(), filter);
	}

	@Operation(summary = "登记案源", description = "重试时带同一个 Idempotency-Key，不会产生第二个案件，返回已登记的案件")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER','UNIT_ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PenaltyCase register(@RequestBody PenaltyCases.ClueForm form,
			@Parameter(description = "幂等键（本机关内唯一）") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return cases.registerClue(Operator.current().scope(), form, key, false);
	}

	record CaseView(PenaltyCase caseFile, List<CaseTimer> deadlines, List<NextStep> gates, List<RecordEntry> record) {
	}

	@Operation(summary = "案件详情：期限（deadlines）、下一步及其阻碍（gates）、全过程记录（record）")
	@GetMapping("/{id}")
	CaseView get(@PathVariable long id) {
		var scope = Operator.current().scope();
		PenaltyCase c = cases.get(scope, id);
		return new CaseView(c, cases.timers(id), procedure.nextSteps(c), records.timeline(scope, "penalty_case", String.valueOf(id)));
	}

	record Reason(String reason) {
	}

	@Operation(summary = "延长立案审查期限（负责人批准，限一次）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/triage-extension")
	PenaltyCase extend(@PathVariable long id, @RequestBody Reason r) {
		return cases.extendTriage(Operator.current().scope(), id, r.reason());
	}

	record Decline(TriageOutcome outcome, String reason, String educationRecord, Long handOverBodyId) {
	}

	@Operation(summary = "不予立案、移交或移送司法机关（负责人批准）", description = "第三十三条等不予处罚情形须填写对当事人的教育情况")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/decline")
	PenaltyCase decline(@PathVariable long id, @RequestBody Decline d) {
		return cases.decline(Operator.current().scope(), id, d.outcome(), d.reason(), d.educationRecord(), d.handOverBodyId());
	}

	record Filing(List<Long> officerIds, Boolean acknowledgeEarlierFiling, String opinion) {
	}

	@Operation(summary = "立案（负责人批准）", description = "校验：事项在已发布目录中、发生地在管辖区域内、追责时效、两名以上持有效证件且领域覆盖的执法人员；他机关已先立案的须确认")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/{id}/filing")
	PenaltyCase file(@PathVariable long id, @RequestBody Filing f) {
		return cases.file(Operator.current().scope(), id, f.officerIds() == null ? List.of() : f.officerIds(),
				Boolean.TRUE.equals(f.acknowledgeEarlierFiling()), f.opinion());
	}
}
