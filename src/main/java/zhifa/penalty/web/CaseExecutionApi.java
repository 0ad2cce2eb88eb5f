package zhifa.penalty.web;

import java.time.Clock;
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
import zhifa.casework.CaseDocuments;
import zhifa.penalty.LateFee;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.execution.Closure;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.ExecutionRecords.Account;
import zhifa.penalty.execution.ExecutionRecords.ExecutionNote;
import zhifa.penalty.execution.ExecutionRecords.PaymentRecord;
import zhifa.penalty.execution.ExecutionRecords.Remedy;
import zhifa.penalty.execution.ExecutionRecords.Served;
import zhifa.penalty.execution.ExecutionRecords.ServiceForm;
import zhifa.penalty.execution.Payments;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件：送达与缴款", description = "处罚决定书送达（各送达方式的条件）、缴款期限、缴款、暂缓或分期缴纳、复议诉讼期间、加处罚款（按日计算）、执行情况、结案与归档。金额单位：分。催告和申请强制执行见“行政强制执行”")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseExecutionApi {

	private final PenaltyCases cases;
	private final Delivery delivery;
	private final Payments payments;
	private final Closure closure;
	private final CaseDocuments documents;
	private final Clock clock;

	CaseExecutionApi(PenaltyCases cases, Delivery delivery, Payments payments, Closure closure, CaseDocuments documents, Clock clock) {
		this.cases = cases;
		this.delivery = delivery;
		this.payments = payments;
		this.closure = closure;
		this.documents = documents;
		this.clock = clock;
	}

	private static DataScope scope() {
		return Operator.current().scope();
	}

	record ExecutionView(Optional<Served> service, Optional<Account> account, List<PaymentRecord> payments, List<Remedy> remedies) {
	}

	@Operation(summary = "送达、缴款与加处罚款（asOf 为计算日，默认今天）")
	@GetMapping("/execution")
	ExecutionView view(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
		PenaltyCase c = cases.get(scope(), id);
		return new ExecutionView(delivery.service(id), payments.account(c, asOf == null ? LocalDate.now(clock) : asOf), payments.payments(id),
				delivery.remedies(id));
	}

	@Operation(summary = "送达处罚决定书", description = "留置须见证人，邮寄须单号，电子须当事人确认书，公告须发布日期和公告期（期满视为送达）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/service")
	Served serve(@PathVariable long id, @RequestBody ServiceForm f) {
		return delivery.serve(scope(), id, f);
	}

	record Payment(LocalDate paidOn, Long amount, String receiptNo) {
	}

	@Operation(summary = "登记缴款（先冲抵罚款，再冲抵没收违法所得，最后冲抵加处罚款）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/payments")
	Account pay(@PathVariable long id, @RequestBody Payment p) {
		return payments.pay(scope(), id, p.paidOn(), p.amount(), p.receiptNo());
	}

	record Deferral(LocalDate newDue, String reason) {
	}

	@Operation(summary = "批准暂缓缴纳")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/deferral")
	Account defer(@PathVariable long id, @RequestBody Deferral d) {
		return payments.defer(scope(), id, d.newDue(), d.reason());
	}

	record Instalments(List<LateFee.Instalment> parts, String reason) {
	}

	@Operation(summary = "批准分期缴纳（各期合计等于罚款）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/instalments")
	Account instalments(@PathVariable long id, @RequestBody Instalments i) {
		return payments.instalments(scope(), id, i.parts(), i.reason());
	}

	record RemedyStart(String kind, LocalDate startedOn) {
	}

	@Operation(summary = "登记行政复议（REVIEW）或行政诉讼（LITIGATION）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/remedies")
	Remedy startRemedy(@PathVariable long id, @RequestBody RemedyStart r) {
		return delivery.startRemedy(scope(), id, r.kind(), r.startedOn());
	}

	record RemedyEnd(LocalDate endedOn, String outcome, String note) {
	}

	@Operation(summary = "复议或诉讼结果（UPHELD 维持、CHANGED 变更、REVOKED 撤销、CONFIRMED_ILLEGAL 确认违法、CONFIRMED_INVALID 确认无效、WITHDRAWN 撤回或终止）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/remedies/{remedyId}/end")
	Remedy endRemedy(@PathVariable long id, @PathVariable long remedyId, @RequestBody RemedyEnd r) {
		return delivery.endRemedy(scope(), id, remedyId, r.endedOn(), r.outcome(), r.note());
	}

	record Note(String content, LocalDate from, LocalDate to) {
	}

	@Operation(summary = "登记罚款以外处罚的执行情况（如 吊销许可证、停产停业起止）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/execution-notes")
	ExecutionNote note(@PathVariable long id, @RequestBody Note n) {
		return closure.executionNote(scope(), id, n.content(), n.from(), n.to());
	}

	record ClosureReport(String report) {
	}

	@Operation(summary = "结案（执行完毕或依法终结；说明尚未满足的条件）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/closure")
	PenaltyCase close(@PathVariable long id, @RequestBody ClosureReport c) {
		return closure.close(scope(), id, c.report());
	}

	@Operation(summary = "归档（案卷只读）")
	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/archive")
	PenaltyCase archive(@PathVariable long id) {
		return closure.archive(scope(), id);
	}

	@Operation(summary = "案卷目录（按办理顺序）")
	@GetMapping("/file-index")
	List<String> fileIndex(@PathVariable long id) {
		cases.get(scope(), id);
		return documents.fileIndex(id);
	}
}
