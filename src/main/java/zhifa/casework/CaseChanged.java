package zhifa.casework;

/**
 * Published in the transaction of every recorded change to a case ({@link CaseRecord#append}), of every kind: the
 * supervision ledger listens (through the event publication registry, so an event lost in a crash is delivered again).
 */
public record CaseChanged(long caseId, String caseKind, long bodyId, String action) {
}
