/**
 * 执法行为报送: other departments' systems report their enforcement acts into the ledger — JSON batches over
 * {@code POST /api/v1/exchange/acts} and Excel uploads — mapped from the source's codes, validated record by record,
 * and kept or refused one by one. The service API ({@link zhifa.supervision.exchange.ActExchange},
 * {@link zhifa.supervision.exchange.SourceSystems}) is a named interface so the demo data can load through it.
 */
@org.springframework.modulith.NamedInterface("exchange")
package zhifa.supervision.exchange;
