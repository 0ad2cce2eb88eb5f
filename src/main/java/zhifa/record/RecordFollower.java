package zhifa.record;

/**
 * Follows the entries of some subject types, called synchronously inside the appending transaction after each entry is
 * written: what it writes in response (the outbound exchange's outbox) commits or rolls back with the change itself.
 * Called directly rather than through an application event: every entry of every case would otherwise pass the event
 * machinery (a tenth of a case transition's time in this JVM) for a follower that wants bodies, officers and
 * certificates.
 * Implementations are singletons created with the context (found once, at the first entry of each subject type).
 */
public interface RecordFollower {

	/** Whether entries of this subject type concern it (asked once per type). */
	boolean follows(String subjectType);

	/** An entry of a followed subject type was written. */
	void appended(RecordAppended entry);
}
