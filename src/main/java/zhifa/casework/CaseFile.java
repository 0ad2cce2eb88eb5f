package zhifa.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A case as loaded — the aggregate root every kind shares. The party's ID number never leaves the kernel: only its
 * masked form. {@code version} is the optimistic lock: a write made from this copy succeeds only while nobody else has
 * changed the case since it was read ({@link Cases#claim}).
 */
public record CaseFile(long id, String kind, long bodyId, String bodyName, long matterId, String matterCode, String matterName, String domainCode,
		String stage, String source, PartyType partyKind, String partyName, String partyMasked, String partyAddress, long placeRegionId, String placeName, String placePath,
		String placeDetail, LocalDate actDate, LocalDate actEndDate, String description, LocalDate receivedOn, String registeredBy, String caseNumber,
		LocalDate filedOn, String filedBy, List<Officer> officers, boolean demo, long version, LocalDate archivedOn, LocalDate closedOn) {

	/** An officer on the case. */
	public record Officer(long officerId, String name, LocalDate assignedOn) {
	}

	public List<Long> officerIds() {
		return officers.stream().map(Officer::officerId).toList();
	}

	/**
	 * Refuses any change to an archived case (归档: the file is closed and read-only) with a 409 and the reason; every
	 * step ({@link Lifecycle#require}) and every write ({@link Cases#claim}) asks this first.
	 */
	public void requireNotArchived() {
		if (archivedOn != null) {
			throw new zhifa.shared.Conflict("案件已于 " + archivedOn + " 归档，案卷只读：不能再生成文书、上传材料或作任何修改");
		}
	}

	/** The last day of the act (the first when it did not continue). */
	public LocalDate actEnd() {
		return actEndDate == null ? actDate : actEndDate;
	}

}
