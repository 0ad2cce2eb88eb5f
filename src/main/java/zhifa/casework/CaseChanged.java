package zhifa.casework;

/**
 * Told to the {@link CaseFollower}s in the transaction of every recorded change to a case ({@link CaseRecord#append}), of every kind: the
 * supervision ledger queues the case in that same transaction and reports it after the commit (so a change is never
 * lost in a crash); the disclosure drafts what a decision publishes.
 */
public record CaseChanged(long caseId, String caseKind, long bodyId, String action) {
}
