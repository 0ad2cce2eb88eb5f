package zhifa.supervision;

/**
 * Follows the ledger: told, inside the transaction that wrote it, of every new or newer act the ledger took (the alert
 * rules through the ledger's queue, the outbound exchange, the dashboard's summaries). Called directly rather than
 * through an application event: a bulk report of a thousand acts would pass the event machinery three thousand times.
 * Implementations are singletons created with the context (found once, at the first act).
 */
public interface ActFollower {

	void recorded(ActRecorded recorded);
}
