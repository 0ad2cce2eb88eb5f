package zhifa.supervision;

/** Told to the {@link ActFollower}s when the ledger takes a new or newer report of an act. */
public record ActRecorded(long actId, long bodyId) {
}
