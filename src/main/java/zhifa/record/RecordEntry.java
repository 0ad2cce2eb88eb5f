package zhifa.record;

import java.time.Instant;

/**
 * One entry of the full-process record.
 *
 * @param subjectType the kind of thing changed, e.g. {@code body}
 * @param subjectId its id
 * @param seq position in the subject's chain, from 1, without gaps
 * @param ownerBodyId the body whose data the subject is (decides who may read it); {@code null} for platform data
 * @param actorKind USER, TOKEN or SYSTEM
 * @param action a code such as {@code body.created}
 * @param summary what happened, in Chinese, for the timeline
 * @param payload canonical JSON (keys sorted) with the data or the changed fields
 * @param mac HMAC-SM3 of {@code hash} under the record key kept outside the database; {@code null} on entries written
 *        before the key existed (they are covered by the first signed anchor)
 */
public record RecordEntry(long id, String subjectType, String subjectId, long seq, Instant occurredAt, String actorKind,
		Long actorId, String actorName, Long actorBodyId, Long ownerBodyId, String action, String summary, String payload,
		String prevHash, String hash, String mac) {

	public static final String GENESIS = "0".repeat(64);

	/** The text the hash covers, fields in a fixed order separated by U+001F. */
	String canonical() {
		return String.join("\u001f", subjectType, subjectId, Long.toString(seq), occurredAt.toString(), actorKind,
				String.valueOf(actorId), actorName, String.valueOf(actorBodyId), String.valueOf(ownerBodyId), action, summary,
				payload);
	}

	static String hash(String prevHash, String canonical) {
		return zhifa.shared.Sm3.hex(prevHash + "\u001e" + canonical);
	}

	/** Whether the stored hash matches the stored fields and the given previous hash. */
	boolean holds(String expectedPrevHash) {
		return prevHash.equals(expectedPrevHash) && hash.equals(hash(prevHash, canonical()));
	}
}
