package zhifa.penalty.execution;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.DocumentRenderer;
import zhifa.coercion.Obligation;
import zhifa.coercion.ObligationSource;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.Sanction;
import zhifa.penalty.execution.ExecutionRecords.Account;
import zhifa.shared.BusinessRuleViolation;

/**
 * A penalty decision that is not complied with goes to 行政强制执行 (行政处罚法第七十二条): this hands the coercion module
 * the unmet obligation — the fine and late fee owed, the due day, and when the 复议 and 诉讼 periods end.
 */
@Component
class PenaltyObligations implements ObligationSource {

	private final PenaltyCases cases;
	private final Payments payments;
	private final Delivery delivery;

	PenaltyObligations(PenaltyCases cases, Payments payments, Delivery delivery) {
		this.cases = cases;
		this.payments = payments;
		this.delivery = delivery;
	}

	@Override
	public String kind() {
		return PenaltyCases.KIND;
	}

	/** What is owed, each part named; the fine's parts only where there is a fine. */
	private static List<String> owed(Account a) {
		List<String> parts = new java.util.ArrayList<>();
		if (a.fine() > 0) {
			parts.add("罚款" + Sanction.yuan(a.unpaidFine()));
			parts.add("加处罚款" + Sanction.yuan(a.lateFee().fee()));
		}
		if (a.unpaidGains() > 0) {
			parts.add("没收违法所得" + Sanction.yuan(a.unpaidGains()));
		}
		return parts;
	}

	@Override
	public Obligation obligation(CaseFile file, LocalDate on) {
		PenaltyCase c = cases.of(file);
		Account a = payments.account(c, on).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款或没收违法所得，或处罚决定书尚未送达"));
		LocalDate served = delivery.service(c.id()).orElseThrow().servedOn();
		String description = "于" + DocumentRenderer.chineseDate(c.decidedOn()) + "作出行政处罚决定（" + c.decisionNumber() + "），截至"
				+ DocumentRenderer.chineseDate(on) + "尚欠" + String.join("，", owed(a));
		return new Obligation(description, a.outstanding(), a.due(), delivery.remedyPeriodsEnd(c.id(), served), a.lateFee().daysCounted());
	}
}
