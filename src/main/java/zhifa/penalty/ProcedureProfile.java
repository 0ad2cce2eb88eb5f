package zhifa.penalty;

/**
 * The procedure numbers of one 执法领域 (RULES.md §2 [CONF]), each with the rule that sets it: the triage period and its
 * one extension (working days), the decision period and its extension (calendar days), the legal-review period, the
 * party's statement window and the on-the-spot 备案 period (working days). A domain without its own uses {@code DEFAULT}.
 */
public record ProcedureProfile(String domainCode, Number filing, Number filingExtension, Number decision, Number decisionExtension, Number legalReview,
		Number statement, Number onspotReport, String updatedBy) {

	/** The profile that applies to domains without their own. */
	public static final String DEFAULT = "DEFAULT";

	/** One number with its source. */
	public record Number(int days, String source) {
	}
}
