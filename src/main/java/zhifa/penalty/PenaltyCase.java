package zhifa.penalty;

import java.time.LocalDate;
import java.util.List;

import zhifa.discretion.Benchmarks.PartyType;

/** A case as read. The party's ID number never leaves the service: only its masked form. */
public record PenaltyCase(long id, long bodyId, String bodyName, long matterId, String matterCode, String matterName, String domainCode,
		CaseStage stage, ClueSource source, PartyType partyKind, String partyName, String partyMasked, long placeRegionId, String placeName,
		String placeDetail, LocalDate actDate, LocalDate actEndDate, boolean seriousHarm, String description, LocalDate receivedOn,
		String registeredBy, String caseNumber, LocalDate filedOn, String filedBy, TriageOutcome outcome, String outcomeReason,
		String educationRecord, String handedOverTo, DecisionOutcome decisionOutcome, String decisionNumber, LocalDate decidedOn, boolean simpleProcedure,
		List<Officer> officers, boolean demo) {

	/** An officer on the case. */
	public record Officer(long officerId, String name, LocalDate assignedOn) {
	}

	/** The case number once filed, else the clue's registration label. */
	public String label() {
		if (caseNumber != null) {
			return caseNumber;
		}
		return simpleProcedure && decisionNumber != null ? "当场处罚 " + decisionNumber : "案源第" + id + "号";
	}
}
