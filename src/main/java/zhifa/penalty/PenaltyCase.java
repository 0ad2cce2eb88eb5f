package zhifa.penalty;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import zhifa.casework.CaseFile;
import zhifa.casework.PartyType;

/**
 * A penalty case as read: the kernel's case with what only a penalty case has. The party's ID number never leaves the
 * kernel: only its masked form. {@code file} (the kernel's aggregate, with its version), {@code decision} (what was
 * decided, beyond the outcome) and {@code profile} (the procedure numbers applying to the case's domain, read with the
 * case: {@link ProcedureProfiles#of}) are for the services, not the JSON.
 */
public record PenaltyCase(long id, long bodyId, String bodyName, long matterId, String matterCode, String matterName, String domainCode,
		CaseStage stage, ClueSource source, PartyType partyKind, String partyName, String partyMasked, String partyAddress, long placeRegionId, String placeName,
		String placeDetail, LocalDate actDate, LocalDate actEndDate, boolean seriousHarm, String description, LocalDate receivedOn,
		String registeredBy, String caseNumber, LocalDate filedOn, String filedBy, TriageOutcome outcome, String outcomeReason,
		String educationRecord, String handedOverTo, DecisionOutcome decisionOutcome, String decisionNumber, LocalDate decidedOn, boolean simpleProcedure,
		List<CaseFile.Officer> officers, boolean demo, @JsonIgnore CaseFile file, @JsonIgnore Decision decision, @JsonIgnore ProcedureProfile profile) {

	/** What was decided beyond the outcome, how a simple-procedure fine was handled, and the closure report. */
	public record Decision(Sanction sanction, String text, boolean collectedOnSpot, LocalDate handedInOn, LocalDate reportedOn, String closureReport,
			long paidTotal) {
	}

	/** The same penalty case with the kernel case as a change just wrote it (its penalty row unchanged by that change). */
	public PenaltyCase withFile(CaseFile c) {
		return new PenaltyCase(c.id(), c.bodyId(), c.bodyName(), c.matterId(), c.matterCode(), c.matterName(), c.domainCode(), CaseStage.valueOf(c.stage()),
				ClueSource.valueOf(c.source()), c.partyKind(), c.partyName(), c.partyMasked(), c.partyAddress(), c.placeRegionId(), c.placeName(), c.placeDetail(), c.actDate(),
				c.actEndDate(), seriousHarm, c.description(), c.receivedOn(), c.registeredBy(), c.caseNumber(), c.filedOn(), c.filedBy(), outcome,
				outcomeReason, educationRecord, handedOverTo, decisionOutcome, decisionNumber, decidedOn, simpleProcedure, c.officers(), c.demo(), c,
				decision, profile);
	}

	/**
	 * The procedure numbers applying to the case's domain, as read with the case by {@link PenaltyCases#get} (a step's
	 * read); a case read for a list has none, and asking for it is a programming error, never a silent default.
	 */
	@Override
	@JsonIgnore
	public ProcedureProfile profile() {
		if (profile == null) {
			throw new IllegalStateException("案件 " + id + " 的办案期限设置未随案件读取：请用 PenaltyCases.get 读取要办理的案件");
		}
		return profile;
	}

	/** The case number once filed, else the clue's registration label. */
	public String label() {
		if (caseNumber != null) {
			return caseNumber;
		}
		return simpleProcedure && decisionNumber != null ? "当场处罚 " + decisionNumber : "案源第" + id + "号";
	}

	/** Whether the decision imposed a penalty. */
	public boolean penalised() {
		return decisionOutcome == DecisionOutcome.PENALTY;
	}

	/** The decided fine, if any. */
	public Long fine() {
		return decision.sanction().fine();
	}

	public List<Long> officerIds() {
		return file.officerIds();
	}
}
