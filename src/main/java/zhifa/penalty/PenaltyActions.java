package zhifa.penalty;

/**
 * The names of the penalty lifecycle's steps ({@link PenaltyKind} declares each with its stages, roles, basis and
 * guard); the API, the pages and the services name steps by these. The kernel's shared steps are in
 * {@link zhifa.casework.CaseActions}.
 */
public final class PenaltyActions {

	public static final String REGISTER = "register";
	public static final String ON_THE_SPOT = "onspot-decision";
	public static final String FILING_REQUEST = "filing-request";
	public static final String FILING = "filing";
	public static final String DECLINE = "decline";
	public static final String TRIAGE_EXTENSION = "triage-extension";
	public static final String PARTY = "party";
	public static final String RECUSAL = "recusal";
	public static final String RECUSAL_DECISION = "recusal-decision";
	public static final String OFFICERS = "officers";
	public static final String PROPOSAL = "proposal";
	public static final String PROPOSAL_REVISION = "proposal-revision";
	public static final String LEGAL_REVIEW = "legal-review";
	public static final String COLLECTIVE = "collective";
	public static final String NOTICE = "notice";
	public static final String NOTICE_SERVICE = "serve";
	public static final String WAIVER = "waiver";
	public static final String STATEMENT = "statement";
	public static final String REEXAMINE = "reexamine";
	public static final String HEARING_REQUEST = "hearing-request";
	public static final String HEARING_SCHEDULE = "hearing";
	public static final String HEARING_RECORD = "hearing-record";
	public static final String DECISION_PAUSE = "decision-pause";
	public static final String DECISION_RESUME = "decision-resume";
	public static final String DECISION_EXTENSION = "decision-extension";
	public static final String DECISION = "decision";
	public static final String NO_PENALTY = "decision-no-penalty";
	public static final String SERVICE = "service";
	public static final String PAYMENT = "payment";
	public static final String DEFERRAL = "deferral";
	public static final String REMEDY = "remedy";
	public static final String EXECUTION_NOTE = "execution-note";
	public static final String HAND_IN = "hand-in";
	public static final String ONSPOT_REPORT = "onspot-report";
	public static final String CLOSURE = "closure";
	public static final String ARCHIVE = "archive";

	private PenaltyActions() {
	}
}
