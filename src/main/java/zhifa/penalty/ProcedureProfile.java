package zhifa.penalty;

/**
 * The per-domain procedure numbers (RULES.md §2 [CONF]): the triage period and its one extension, and the decision
 * period. Only the defaults are built in; a domain whose rules differ gets its own profile here.
 */
public record ProcedureProfile(String domainCode, int filingWorkingDays, int filingExtensionWorkingDays, int decisionDays) {

	/** 市场监管: 15 working days to decide on filing, +15 with the head's approval; 90 days to decide. */
	public static ProcedureProfile of(String domainCode) {
		return new ProcedureProfile(domainCode, 15, 15, 90);
	}
}
