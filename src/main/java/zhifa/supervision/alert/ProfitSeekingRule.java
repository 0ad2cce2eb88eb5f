package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 趋利性执法 (《行政执法监督条例》): a body's fines of the last ninety days far above its own past — at least {@code ratio}
 * times its average per ninety days over the year before, and at least a minimum amount. A statistical rule over the
 * ledger, evaluated per body in the nightly sweep; the alert shows the baseline it compared with. A second occurrence
 * ({@link #NON_LOCAL}): fines concentrated on non-local parties — of the recent fines whose party's region is known (from
 * the USCC or the masked ID number), at least {@code share} on parties from outside the body's region, and at least
 * {@code ratio} times the body's own share in the year before.
 */
final class ProfitSeekingRule implements AlertRule {

	static final String CODE = "PROFIT_SEEKING";

	static final String NON_LOCAL = "NON_LOCAL";

	public String code() {
		return CODE;
	}

	public String title() {
		return "趋利性执法（罚款金额明显高于本单位以往）";
	}

	@Override
	public String title(Finding finding) {
		return NON_LOCAL.equals(finding.occurrence()) ? NON_LOCAL_TITLE : title();
	}

	static final String NON_LOCAL_TITLE = "趋利性执法（罚款主要针对外地当事人）";

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

	/**
	 * The finding on non-local parties: of {@code recentKnown} fines (those whose party's region is known) in {@code [from, to]},
	 * {@code recentNonLocal} on parties from elsewhere, against the same share in the year before.
	 */
	static Optional<Finding> nonLocalFinding(long recentKnown, long recentNonLocal, int recentNonLocalActs, long beforeKnown, long beforeNonLocal,
			LocalDate from, LocalDate to, double share, double ratio, long minimum) {
		if (recentKnown <= 0 || recentNonLocal < minimum) {
			return Optional.empty();
		}
		double recentShare = (double) recentNonLocal / recentKnown;
		double beforeShare = beforeKnown <= 0 ? 0 : (double) beforeNonLocal / beforeKnown;
		if (recentShare < share || recentShare < beforeShare * ratio) {
			return Optional.empty();
		}
		return Optional.of(new Finding(NON_LOCAL, from + " 至 " + to + " 本单位对外地当事人作出罚款决定 " + recentNonLocalActs + " 件，罚款 "
				+ Money.yuan(recentNonLocal) + "，占可判明当事人所在地的罚款 " + Money.yuan(recentKnown) + " 的 " + percent(recentShare)
				+ "；此前一年该比例为 " + (beforeKnown <= 0 ? "无可比数据（只按占比标准判断）" : percent(beforeShare)) + "（预警标准：不低于 " + percent(share)
				+ (beforeKnown <= 0 ? "" : " 且为此前一年比例的 " + ratio + " 倍以上") + "，罚款不少于 " + Money.yuan(minimum) + "；当事人所在地取自统一社会信用代码的登记机关区划码或身份证号的前四位，按州（市）一级判断是否外地）；依据《行政执法监督条例》，"
				+ "请核查是否存在主要针对外地当事人执法的趋利性执法情形。"));
	}

	private static String percent(double share) {
		return java.math.BigDecimal.valueOf(share * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
	}
}
