package zhifa.supervision;

/** Published when the ledger takes a new or newer report of an act (the alert rules listen). */
public record ActRecorded(long actId, long bodyId) {
}
