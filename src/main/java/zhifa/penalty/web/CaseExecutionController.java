package zhifa.penalty.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.penalty.CaseExecution;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** The case page's forms after the decision: service, payment, deferral, 复议/诉讼. */
@Controller
class CaseExecutionController {

	private final CaseExecution execution;

	CaseExecutionController(CaseExecution execution) {
		this.execution = execution;
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/service")
	String serve(@PathVariable long id, @RequestParam(required = false) CaseExecution.ServiceMethod method,
			@RequestParam(required = false) LocalDate servedOn, @RequestParam(defaultValue = "") String recipient,
			@RequestParam(defaultValue = "") String proof, @RequestParam(defaultValue = "") String witnesses,
			@RequestParam(defaultValue = "") String trackingNo, @RequestParam(defaultValue = "") String consentRef,
			@RequestParam(required = false) LocalDate announceFrom, @RequestParam(required = false) Integer announceDays, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已登记送达，送达日期 " + execution.serve(Operator.current().scope(), id, new CaseExecution.ServiceForm(method, servedOn,
				recipient, proof, witnesses, trackingNo, consentRef, announceFrom, announceDays)).servedOn());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/payments")
	String pay(@PathVariable long id, @RequestParam(required = false) LocalDate paidOn, @RequestParam(required = false) BigDecimal amountYuan,
			@RequestParam(defaultValue = "") String receiptNo, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已登记缴款，" + execution.pay(Operator.current().scope(), id, paidOn,
				PageActions.fen(amountYuan), receiptNo).status());
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/deferral")
	String defer(@PathVariable long id, @RequestParam(required = false) LocalDate newDue, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已批准暂缓缴纳至 " + execution.defer(Operator.current().scope(), id, newDue, reason).due());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/remedies")
	String startRemedy(@PathVariable long id, @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) LocalDate startedOn,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.startRemedy(Operator.current().scope(), id, kind, startedOn);
			return "已登记，期间不加处罚款";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/remedies/{remedyId}/end")
	String endRemedy(@PathVariable long id, @PathVariable long remedyId, @RequestParam(required = false) LocalDate endedOn,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.endRemedy(Operator.current().scope(), id, remedyId, endedOn, outcome, note);
			return "已登记结果";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/urge")
	String urge(@PathVariable long id, @RequestParam(required = false) LocalDate servedOn, @RequestParam(defaultValue = "") String proof,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.urge(Operator.current().scope(), id, servedOn, proof);
			return "已登记催告";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/court-application")
	String apply(@PathVariable long id, @RequestParam(required = false) LocalDate appliedOn, @RequestParam(defaultValue = "") String court,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.applyToCourt(Operator.current().scope(), id, appliedOn, court);
			return "已登记强制执行申请";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/court-result")
	String courtResult(@PathVariable long id, @RequestParam(required = false) LocalDate on, @RequestParam(defaultValue = "") String result,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.courtResult(Operator.current().scope(), id, on, result);
			return "已登记法院结果";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/execution-notes")
	String note(@PathVariable long id, @RequestParam(defaultValue = "") String content, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.executionNote(Operator.current().scope(), id, content, from, to);
			return "已登记执行情况";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/closure")
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String report, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.close(Operator.current().scope(), id, report);
			return "已结案";
		});
	}

	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/cases/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			execution.archive(Operator.current().scope(), id);
			return "已归档";
		});
	}

}
