package zhifa.exchange;

import java.time.Instant;

/** One delivery of an element: what it is, where its delivery stands and why. */
public record Outbound(long id, ElementClass elementClass, String elementKey, Long bodyId, String bodyName, int version, OutboundState state,
		int attempts, String firstChange, String lastChange, Instant changedAt, Instant nextAttemptAt, String lastError, Instant finishedAt,
		Instant createdAt) {

	/** What the receiver dedupes on. */
	public String idempotencyKey() {
		return elementClass.name() + ":" + elementKey + ":" + id + "." + version;
	}
}
