package zhifa.penalty.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.penalty.CaseExecution;
import zhifa.penalty.PenaltyCases;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件：送达与缴款", description = "处罚决定书送达（各送达方式的条件）、缴款期限、缴款、暂缓缴纳、复议诉讼期间、加处罚款（按日计算）。金额单位：分")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseExecutionApi {

	private final CaseExecution execution;
	private final PenaltyCases cases;
	private final java.time.Clock clock;

	CaseExecutionApi(CaseExecution execution, PenaltyCases cases, java.time.Clock clock) {
		this.execution = execution;
		this.cases = cases;
		this.clock = clock;
	}

	record ExecutionView(Optional<CaseExecution.Served> service, Optional<CaseExecution.Account> account, List<CaseExecution.PaymentRecord> payments,
			List<CaseExecution.Remedy> remedies) {
	}

	@Operation(summary = "送达、缴款与加处罚款（asOf 为计算日，默认今天）")
	@GetMapping("/execution")
	ExecutionView view(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
		cases.get(Operator.current().scope(), id);
		return new ExecutionView(execution.service(id), execution.account(id, asOf == null ? LocalDate.now(clock) : asOf), execution.payments(id),
				execution.remedies(id));
	}

	@Operation(summary = "送达处罚决定书", description = "留置须见证人，邮寄须单号，电子须当事人确认书，公告须发布日期和公告期（期满视为送达）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/service")
	CaseExecution.Served serve(@PathVariable long id, @RequestBody CaseExecution.ServiceForm f) {
		return execution.serve(Operator.current().scope(), id, f);
	}

	record Payment(LocalDate paidOn, Long amount, String receiptNo) {
	}

	@Operation(summary = "登记缴款（先冲抵罚款，再冲抵加处罚款）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/payments")
	CaseExecution.Account pay(@PathVariable long id, @RequestBody Payment p) {
		return execution.pay(Operator.current().scope(), id, p.paidOn(), p.amount(), p.receiptNo());
	}

	record Deferral(LocalDate newDue, String reason) {
	}

	@Operation(summary = "批准暂缓缴纳")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/deferral")
	CaseExecution.Account defer(@PathVariable long id, @RequestBody Deferral d) {
		return execution.defer(Operator.current().scope(), id, d.newDue(), d.reason());
	}

	record Instalments(List<zhifa.penalty.LateFee.Instalment> parts, String reason) {
	}

	@Operation(summary = "批准分期缴纳（各期合计等于罚款）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/instalments")
	CaseExecution.Account instalments(@PathVariable long id, @RequestBody Instalments i) {
		return execution.instalments(Operator.current().scope(), id, i.parts(), i.reason());
	}

	record RemedyStart(String kind, LocalDate startedOn) {
	}

	@Operation(summary = "登记行政复议（REVIEW）或行政诉讼（LITIGATION）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/remedies")
	CaseExecution.Remedy startRemedy(@PathVariable long id, @RequestBody RemedyStart r) {
		return execution.startRemedy(Operator.current().scope(), id, r.kind(), r.startedOn());
	}

	record RemedyEnd(LocalDate endedOn, String outcome, String note) {
	}

	@Operation(summary = "复议或诉讼结果（UPHELD 维持、CHANGED 变更、REVOKED 撤销、CONFIRMED_ILLEGAL 确认违法）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/remedies/{remedyId}/end")
	CaseExecution.Remedy endRemedy(@PathVariable long id, @PathVariable long remedyId, @RequestBody RemedyEnd r) {
		return execution.endRemedy(Operator.current().scope(), id, remedyId, r.endedOn(), r.outcome(), r.note());
	}

	record Urge(LocalDate servedOn, String proof) {
	}

	@Operation(summary = "催告（缴纳期限届满后）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/urge")
	CaseExecution.Enforcement urge(@PathVariable long id, @RequestBody Urge u) {
		return execution.urge(Operator.current().scope(), id, u.servedOn(), u.proof());
	}

	record CourtApplication(LocalDate appliedOn, String court) {
	}

	@Operation(summary = "申请人民法院强制执行（催告书送达十日后；复议、诉讼期限届满后三个月内）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/court-application")
	CaseExecution.Enforcement apply(@PathVariable long id, @RequestBody CourtApplication a) {
		return execution.applyToCourt(Operator.current().scope(), id, a.appliedOn(), a.court());
	}

	record CourtResult(LocalDate on, String result) {
	}

	@Operation(summary = "法院强制执行结果")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/court-result")
	CaseExecution.Enforcement courtResult(@PathVariable long id, @RequestBody CourtResult r) {
		return execution.courtResult(Operator.current().scope(), id, r.on(), r.result());
	}

	record Note(String content, LocalDate from, LocalDate to) {
	}

	@Operation(summary = "登记罚款以外处罚的执行情况（如 吊销许可证、停产停业起止）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/execution-notes")
	CaseExecution.ExecutionNote note(@PathVariable long id, @RequestBody Note n) {
		return execution.executionNote(Operator.current().scope(), id, n.content(), n.from(), n.to());
	}

	record Closure(String report) {
	}

	@Operation(summary = "结案（执行完毕或依法终结；说明尚未满足的条件）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/closure")
	zhifa.penalty.PenaltyCase close(@PathVariable long id, @RequestBody Closure c) {
		return execution.close(Operator.current().scope(), id, c.report());
	}

	@Operation(summary = "归档（案卷只读）")
	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/archive")
	zhifa.penalty.PenaltyCase archive(@PathVariable long id) {
		return execution.archive(Operator.current().scope(), id);
	}

	@Operation(summary = "案卷目录（按办理顺序）")
	@GetMapping("/file-index")
	List<String> fileIndex(@PathVariable long id) {
		cases.get(Operator.current().scope(), id);
		return execution.fileIndex(id);
	}
}
