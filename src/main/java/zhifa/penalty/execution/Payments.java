package zhifa.penalty.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.Cases;
import zhifa.coercion.Enforcements;
import zhifa.penalty.LateFee;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.Sanction;
import zhifa.penalty.execution.ExecutionRecords.Account;
import zhifa.penalty.execution.ExecutionRecords.PaymentRecord;
import zhifa.penalty.persistence.ExecutionRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.Operator;

/**
 * The fine after the decision (行政处罚法第六十六、六十七、七十二、七十三条): due fifteen days after service, paid in parts
 * with receipts (罚缴分离), deferred or split into instalments with approval, and the late fee to the day ({@link LateFee}),
 * not accruing while 复议 or 诉讼 runs.
 */
@Service
public class Payments {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseRecord record;
	private final ExecutionRows rows;
	private final CalendarService calendar;
	private final Enforcements enforcements;
	private final Clock clock;

	Payments(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseRecord record, ExecutionRows rows, CalendarService calendar,
			Enforcements enforcements, Clock clock) {
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.record = record;
		this.rows = rows;
		this.calendar = calendar;
		this.enforcements = enforcements;
		this.clock = clock;
	}

	public List<PaymentRecord> payments(long caseId) {
		return rows.payments(caseId);
	}

	public Optional<ExecutionRecords.DeferralRecord> deferral(long caseId) {
		return rows.deferral(caseId);
	}

	public List<LateFee.Instalment> instalments(long caseId) {
		return rows.instalments(caseId);
	}

	/** 自收到行政处罚决定书之日起十五日内: calendar days, moved to the next working day when the last is a day off. */
	public LocalDate paymentDue(LocalDate servedOn) {
		return calendar.due(Deadline.of(servedOn, 15, DeadlineUnit.CALENDAR_DAYS, "行政处罚法第六十七条第三款")).date();
	}

	/**
	 * The payment account of a decided fine or 没收违法所得 on a day; empty when the decision has neither or is not served
	 * yet. Payments go to what falls due first (the fine, or the gains when the fine is deferred or split), then to the
	 * other, then to the late fee (which runs on the unpaid fine only).
	 */
	public Optional<Account> account(PenaltyCase c, LocalDate day) {
		long fine = !c.penalised() || c.fine() == null ? 0 : c.fine();
		Long decidedGains = c.penalised() ? c.decision().sanction().gains() : null;
		long gains = decidedGains == null ? 0 : decidedGains;
		if (fine == 0 && gains == 0) {
			return Optional.empty();
		}
		var served = rows.service(c.id());
		if (served.isEmpty()) {
			return Optional.empty();
		}
		LocalDate statutoryDue = paymentDue(served.get().servedOn());
		Optional<LocalDate> deferral = rows.deferredTo(c.id());
		LocalDate due = deferral.orElse(statutoryDue);
		List<LateFee.Instalment> schedule = fine == 0 ? List.of() : instalments(c.id());
		// what falls due first is paid first: with the fine deferred or split (第六十六条) the gains, due fifteen days after
		// service, come before it; otherwise the fine first (its late fee runs), then the gains
		boolean gainsFirst = gains > 0 && (deferral.isPresent() || !schedule.isEmpty());
		List<LateFee.Payment> toFine = new ArrayList<>();
		long allocated = 0;
		long toGains = 0;
		long paid = 0;
		for (PaymentRecord p : payments(c.id())) {
			paid += p.amount();
			long left = p.amount();
			if (gainsFirst) {
				long g = Math.min(left, gains - toGains);
				toGains += g;
				left -= g;
			}
			long part = Math.min(left, fine - allocated);
			if (part > 0) {
				toFine.add(new LateFee.Payment(p.paidOn(), part));
				allocated += part;
				left -= part;
			}
			if (!gainsFirst) {
				toGains += Math.min(left, gains - toGains);
			}
		}
		long unpaidGains = gains - toGains;
		// the gains are due fifteen days after service whatever was approved for the fine (暂缓、分期 are of the fine, 第六十六条)
		boolean gainsOverdue = unpaidGains > 0 && day.isAfter(statutoryDue);
		List<LateFee.Pause> pauses = rows.remedies(c.id()).stream().map(r -> new LateFee.Pause(r.startedOn(), r.endedOn())).toList();
		if (!schedule.isEmpty()) {
			LocalDate lastDue = schedule.get(schedule.size() - 1).due();
			long dueByNow = schedule.stream().filter(i -> i.due().isBefore(day)).mapToLong(LateFee.Instalment::amount).sum();
			LateFee.Result fee = LateFee.asOf(fine, schedule, toFine, pauses, day);
			long outstanding = Math.max(0, fine + gains + fee.fee() - paid);
			String status = outstanding == 0 ? "已缴清" : allocated < dueByNow || gainsOverdue ? "逾期未缴" : "分期缴纳中";
			// the earliest instalment the fine paid so far does not cover
			long covered = 0;
			LocalDate unpaidFineDue = null;
			for (LateFee.Instalment i : schedule) {
				covered += i.amount();
				if (covered > allocated) {
					unpaidFineDue = i.due();
					break;
				}
			}
			return Optional.of(new Account(fine, lastDue, true, paid, Math.max(0, fine - allocated), fee, outstanding, status, gains, unpaidGains, statutoryDue,
					unpaidFineDue));
		}
		LateFee.Result fee = fine == 0 ? new LateFee.Result(0, 0, false, 0) : LateFee.asOf(fine, due, toFine, pauses, day);
		long outstanding = Math.max(0, fine + gains + fee.fee() - paid);
		boolean overdue = fine - allocated > 0 && day.isAfter(due) || gainsOverdue;
		String status = outstanding == 0 ? "已缴清" : overdue ? "逾期未缴" : paid > 0 ? "部分缴纳" : "待缴纳";
		return Optional.of(new Account(fine, fine == 0 ? statutoryDue : due, deferral.isPresent(), paid, Math.max(0, fine - allocated), fee, outstanding, status,
				gains, unpaidGains, statutoryDue, fine - allocated > 0 ? due : null));
	}

	@Transactional
	public Account pay(DataScope scope, long caseId, LocalDate paidOn, Long amount, String receiptNo) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.PAYMENT);
		LocalDate today = LocalDate.now(clock);
		Account before = account(c, today).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款或没收违法所得，或处罚决定书尚未送达"));
		if (amount == null || amount <= 0) {
			throw BusinessRuleViolation.onField("amount", "请填写缴款金额");
		}
		if (paidOn == null || paidOn.isAfter(today) || paidOn.isBefore(c.decidedOn())) {
			throw BusinessRuleViolation.onField("paidOn", "缴款日期应在作出决定之后、今天之前");
		}
		if (blank(receiptNo)) {
			throw BusinessRuleViolation.onField("receiptNo", "请填写缴款凭证号或非税收入缴款码（罚缴分离，行政处罚法第六十七条）");
		}
		// the same receipt, day and amount again is the form sent twice, not a second payment
		payments(caseId).stream().filter(p -> p.receiptNo().equals(receiptNo.strip()) && p.paidOn().equals(paidOn) && p.amount() == amount).findFirst()
			.ifPresent(p -> {
				throw new zhifa.shared.Conflict("凭证 " + p.receiptNo() + " 于 " + p.paidOn() + " 缴纳的 " + Sanction.yuan(p.amount()) + " 已经登记，不重复登记");
			});
		Account asPaid = account(c, paidOn).orElseThrow();
		if (amount > asPaid.outstanding()) {
			throw BusinessRuleViolation.onField("amount", "缴款金额超过应缴金额 " + Sanction.yuan(asPaid.outstanding()) + (asPaid.gains() > 0 ? "（罚款、没收违法所得及截至缴款日的加处罚款）" : "（罚款及截至缴款日的加处罚款）"));
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.paid(caseId, paidOn, amount, receiptNo.strip(), Operator.current().operatorName(), clock.instant());
		Account after = account(c, today).orElseThrow();
		record.append(file, "case.payment", "缴纳 " + Sanction.yuan(amount) + "（" + paidOn + "，" + receiptNo.strip() + "）",
				Map.of("outstanding", after.outstanding(), "status", after.status(), "before", before.outstanding()));
		if (after.outstanding() == 0) {
			enforcements.fulfilled(file, paidOn, (after.gains() > 0 ? "当事人缴清罚款、没收违法所得及加处罚款（" : "当事人缴清罚款及加处罚款（") + paidOn + "）");
		}
		return after;
	}

	/** 暂缓缴纳 with the head's approval (第六十六条): the due day moves. {@link #instalments(DataScope, long, List, String)} splits it. */
	@Transactional
	public Account defer(DataScope scope, long caseId, LocalDate newDue, String reason) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.DEFERRAL);
		LocalDate today = LocalDate.now(clock);
		Account a = account(c, today).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (a.fine() == 0) {
			throw new BusinessRuleViolation("暂缓或者分期缴纳适用于罚款（行政处罚法第六十六条）；本案没有罚款");
		}
		if (a.deferred()) {
			throw new BusinessRuleViolation("已批准过暂缓或分期缴纳");
		}
		if (newDue == null || !newDue.isAfter(a.due())) {
			throw BusinessRuleViolation.onField("newDue", "暂缓后的缴纳期限应晚于原期限 " + a.due());
		}
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "当事人确有经济困难需要暂缓缴纳的，请写明理由");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.deferred(caseId, newDue, reason.strip(), Operator.current().operatorName(), today);
		record.append(file, "case.payment_deferred", "经批准暂缓缴纳罚款至 " + newDue, Map.of("reason", reason.strip()));
		return account(c, today).orElseThrow();
	}

	/** 分期缴纳 with approval (第六十六条): the parts must add up to the fine, each with a later due day than the one before. */
	@Transactional
	public Account instalments(DataScope scope, long caseId, List<LateFee.Instalment> parts, String reason) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.DEFERRAL);
		LocalDate today = LocalDate.now(clock);
		Account a = account(c, today).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (a.fine() == 0) {
			throw new BusinessRuleViolation("暂缓或者分期缴纳适用于罚款（行政处罚法第六十六条）；本案没有罚款");
		}
		if (a.deferred()) {
			throw new BusinessRuleViolation("已批准过暂缓或分期缴纳");
		}
		// what the party has paid of the fine already is not split again: it stands as the first part, due on the day it was paid.
		// With the fine split, payments meet the gains first (their due day comes first, account()): so does this part
		long paidOfFine = Math.max(0, Math.min(a.fine(), a.paid() - a.gains()));
		if (parts == null || parts.size() < (paidOfFine > 0 ? 1 : 2)) {
			throw BusinessRuleViolation.onField("parts", "分期缴纳至少分两期");
		}
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请写明分期缴纳的理由");
		}
		LocalDate lastPaid = payments(caseId).stream().map(PaymentRecord::paidOn).max(LocalDate::compareTo).orElse(c.decidedOn());
		long sum = 0;
		LocalDate previous = paidOfFine > 0 && lastPaid.isAfter(c.decidedOn()) ? lastPaid : c.decidedOn();
		for (LateFee.Instalment p : parts) {
			if (p.due() == null || p.amount() <= 0 || !p.due().isAfter(previous)) {
				throw BusinessRuleViolation.onField("parts", "每期应有金额，且期限晚于上一期（首期晚于" + (paidOfFine > 0 ? "最近一次缴款的日期 " : "决定日期 ") + previous + "）");
			}
			previous = p.due();
			sum += p.amount();
		}
		if (sum != a.fine() - paidOfFine) {
			throw BusinessRuleViolation.onField("parts", "各期金额合计 " + Sanction.yuan(sum) + (paidOfFine > 0
					? " 应等于尚未缴纳的罚款 " + Sanction.yuan(a.fine() - paidOfFine) + "（罚款 " + Sanction.yuan(a.fine()) + "，已缴 " + Sanction.yuan(paidOfFine) + "）"
					: " 应等于罚款 " + Sanction.yuan(a.fine())));
		}
		List<LateFee.Instalment> schedule = new ArrayList<>();
		if (paidOfFine > 0) {
			schedule.add(new LateFee.Instalment(lastPaid, paidOfFine));
		}
		schedule.addAll(parts);
		CaseFile file = cases.claim(c.file(), null);
		int seq = 1;
		for (LateFee.Instalment p : schedule) {
			rows.instalment(caseId, seq++, p, Operator.current().operatorName(), reason.strip());
		}
		record.append(file, "case.payment_instalments", "经批准分 " + schedule.size() + " 期缴纳罚款" + (paidOfFine > 0 ? "（第1期为已缴的 " + Sanction.yuan(paidOfFine) + "）" : ""),
				Map.of("parts", schedule.stream().map(p -> p.due() + " " + Sanction.yuan(p.amount())).toList(), "reason", reason.strip()));
		return account(c, today).orElseThrow();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
