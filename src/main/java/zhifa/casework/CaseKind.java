package zhifa.casework;

/**
 * A kind of case (行政处罚, later 行政检查 …) plugged into the kernel: its code (stored with each case), its name, the record
 * subject its cases are written under, its lifecycle declared as data, and its timer types. A new kind is a Spring bean
 * implementing this; the workbench, the record, timers, numbers, evidence and documents work for it unchanged.
 */
public interface CaseKind extends TimerTypes {

	String code();

	String label();

	/** The full-process record's subject type for cases of this kind (kept as first written, so old entries stay on the timeline). */
	String recordSubject();

	Lifecycle lifecycle();

	/** How lists name a case: its number once it has one, else the clue's registration. */
	default String caseLabel(CaseFile c) {
		return c.caseNumber() != null ? c.caseNumber() : "案源第" + c.id() + "号";
	}

	/**
	 * What lists should say about these cases that their stage does not (a clue whose officer has asked to file it:
	 * "已报请立案"), by case id, read once for the page; none by default.
	 */
	default java.util.Map<Long, String> listNotes(java.util.List<CaseFile> cases) {
		return java.util.Map.of();
	}

	/** Who handle a case of this kind, as messages name them. */
	default String handlers() {
		return "办案人员";
	}

	/** What a refused officer is told to do to take part (said after the refusal); nothing by default. */
	default String joinHint() {
		return "；需要参与办理的，请负责人变更办案人员";
	}

	/** Whether the officer is one of those who handle the case (its officers; an inspection's whole team). */
	default boolean onTheCase(CaseFile c, long officerId) {
		return c.officerIds().contains(officerId);
	}

	/** Whether an officer's step has handlers of its own rather than the case's (a hearing's presiding officer); none by default. */
	default boolean ownHandlers(String action) {
		return false;
	}

	/** For a step with {@link #ownHandlers}: whether the officer is one of them. */
	default boolean handlesStep(CaseFile c, long officerId, String action) {
		return false;
	}

	/** The page where a case of this kind is worked on. */
	default String pagePath(long caseId) {
		return "/cases/" + caseId;
	}
}
