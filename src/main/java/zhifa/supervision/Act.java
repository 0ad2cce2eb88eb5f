package zhifa.supervision;

import java.time.Instant;

/** A row of the ledger (执法行为台账): the act as last reported, and when that report arrived. */
public record Act(long id, ActReport report, Instant receivedAt) {
}
