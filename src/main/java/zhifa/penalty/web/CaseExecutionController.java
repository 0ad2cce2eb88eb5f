package zhifa.penalty.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.penalty.execution.Closure;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.ExecutionRecords.ServiceForm;
import zhifa.penalty.execution.ExecutionRecords.ServiceMethod;
import zhifa.penalty.execution.Payments;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** The case page's forms after the decision: service, payment, deferral, 复议/诉讼, execution notes, closure and archive. */
@Controller
class CaseExecutionController {

	private final Delivery delivery;
	private final Payments payments;
	private final Closure closure;

	CaseExecutionController(Delivery delivery, Payments payments, Closure closure) {
		this.delivery = delivery;
		this.payments = payments;
		this.closure = closure;
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/service")
	String serve(@PathVariable long id, @RequestParam(required = false) ServiceMethod method, @RequestParam(required = false) LocalDate servedOn,
			@RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String proof, @RequestParam(defaultValue = "") String witnesses,
			@RequestParam(defaultValue = "") String trackingNo, @RequestParam(defaultValue = "") String consentRef,
			@RequestParam(required = false) LocalDate announceFrom, @RequestParam(required = false) Integer announceDays, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已登记送达，送达日期 " + delivery.serve(Operator.current().scope(), id, new ServiceForm(method, servedOn,
				recipient, proof, witnesses, trackingNo, consentRef, announceFrom, announceDays)).servedOn());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/payments")
	String pay(@PathVariable long id, @RequestParam(required = false) LocalDate paidOn, @RequestParam(required = false) BigDecimal amountYuan,
			@RequestParam(defaultValue = "") String receiptNo, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已登记缴款，" + payments.pay(Operator.current().scope(), id, paidOn, PageActions.fen(amountYuan),
				receiptNo).status());
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/deferral")
	String defer(@PathVariable long id, @RequestParam(required = false) LocalDate newDue, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已批准暂缓缴纳至 " + payments.defer(Operator.current().scope(), id, newDue, reason).due());
	}

	/** 分期缴纳 on the page: up to four parts, each a due day and an amount in yuan; the empty rows are left out. */
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/instalments")
	String instalments(@PathVariable long id, @RequestParam(required = false) List<LocalDate> due, @RequestParam(required = false) List<BigDecimal> amountYuan,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			List<zhifa.penalty.LateFee.Instalment> parts = new java.util.ArrayList<>();
			int rows = Math.max(due == null ? 0 : due.size(), amountYuan == null ? 0 : amountYuan.size());
			if (rows > 12) {
				throw zhifa.shared.BusinessRuleViolation.onField("parts", "分期不超过12期");
			}
			for (int i = 0; i < rows; i++) {
				LocalDate d = due == null || i >= due.size() ? null : due.get(i);
				BigDecimal a = amountYuan == null || i >= amountYuan.size() ? null : amountYuan.get(i);
				if (d == null && a == null) {
					continue;
				}
				Long fen = a == null ? null : PageActions.fen(a);
				if (d == null || fen == null) {
					throw zhifa.shared.BusinessRuleViolation.onField("parts", "第" + (i + 1) + "期请同时填写缴纳期限和金额");
				}
				parts.add(new zhifa.penalty.LateFee.Instalment(d, fen));
			}
			var account = payments.instalments(Operator.current().scope(), id, parts, reason);
			long paid = account.fine() - account.unpaidFine();
			return paid > 0 ? "已批准分期缴纳：已缴的 " + zhifa.penalty.Sanction.yuan(paid) + " 计为第1期，其余分 " + parts.size() + " 期，第2期 " + parts.get(0).due()
					+ " 前缴纳 " + zhifa.penalty.Sanction.yuan(parts.get(0).amount())
					: "已批准分期缴纳（" + parts.size() + " 期），第1期 " + parts.get(0).due() + " 前缴纳 " + zhifa.penalty.Sanction.yuan(parts.get(0).amount());
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/remedies")
	String startRemedy(@PathVariable long id, @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) LocalDate startedOn,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			delivery.startRemedy(Operator.current().scope(), id, kind, startedOn);
			return "已登记，期间不加处罚款";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/remedies/{remedyId}/end")
	String endRemedy(@PathVariable long id, @PathVariable long remedyId, @RequestParam(required = false) LocalDate endedOn,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			delivery.endRemedy(Operator.current().scope(), id, remedyId, endedOn, outcome, note);
			return "已登记结果";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/execution-notes")
	String note(@PathVariable long id, @RequestParam(defaultValue = "") String content, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			closure.executionNote(Operator.current().scope(), id, content, from, to);
			return "已登记执行情况";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/closure")
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String report, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			closure.close(Operator.current().scope(), id, report);
			return "已结案";
		});
	}

	@PreAuthorize("hasAnyRole('LEADER','UNIT_ADMIN')")
	@PostMapping("/cases/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			closure.archive(Operator.current().scope(), id);
			return "已归档";
		});
	}
}
