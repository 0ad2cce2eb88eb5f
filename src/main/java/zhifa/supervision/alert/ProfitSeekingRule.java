package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 趋利性执法 (《行政执法监督条例》): a body's fines of the last ninety days far above its own past — at least {@code ratio}
 * times its average per ninety days over the year before, and at least a minimum amount. A statistical rule over the
 * ledger, evaluated per body in the nightly sweep; the alert shows the baseline it compared with. (Fines on non-local
 * parties would be a second test; the ledger does not know where a party belongs yet.)
 */
final class ProfitSeekingRule implements AlertRule {

	static final String CODE = "PROFIT_SEEKING";

	public String code() {
		return CODE;
	}

	public String title() {
		return "趋利性执法（罚款金额明显高于本单位以往）";
	}

	public String article() {
		return "《行政执法监督条例》（国务院令第825号）";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	/** Per body, not per act: see {@link #finding}. */
	public List<Finding> evaluate(ActReport a, RuleContext c) {
		return List.of();
	}

	/**
	 * The finding for a body: fines decided in {@code [from, to]} ({@code recent}, over {@code recentActs} decisions) against
	 * the year before ({@code yearBefore}, averaged per ninety days).
	 */
	static Optional<Finding> finding(long recent, int recentActs, long yearBefore, LocalDate from, LocalDate to, double ratio, long minimum) {
		long baseline = yearBefore / 4;
		if (recent < minimum || baseline <= 0 || recent < baseline * ratio) {
			return Optional.empty();
		}
		String times = java.math.BigDecimal.valueOf(recent).divide(java.math.BigDecimal.valueOf(baseline), 1, java.math.RoundingMode.HALF_UP).toPlainString();
		return Optional.of(Finding.once(from + " 至 " + to + " 本单位作出罚款决定 " + recentActs + " 件，罚款合计 " + Money.yuan(recent)
				+ "，是此前一年平均每九十日 " + Money.yuan(baseline) + " 的 " + times + " 倍（预警标准：" + ratio + " 倍且不少于 " + Money.yuan(minimum)
				+ "）；依据《行政执法监督条例》，请核查是否存在为罚款而执法、下达或变相下达罚没指标等趋利性执法情形。"));
	}
}
