package zhifa.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * A token's calls counted in memory and added to its row every few seconds ({@code zhifa.tokens.usage-flush}, default
 * 10 s) and at shutdown — a call no longer writes the token row. Each node adds only its own counts, so several nodes
 * sum correctly; a node killed outright loses at most its last interval of counts (usage statistics, not a business
 * write). The token list adds what is still pending here.
 */
@Component
public class TokenUsage {

	private final ConcurrentHashMap<Long, AtomicLong> calls = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<Long, Instant> lastUsed = new ConcurrentHashMap<>();
	private final NamedParameterJdbcTemplate jdbc;

	TokenUsage(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void count(long tokenId, Instant at) {
		calls.computeIfAbsent(tokenId, k -> new AtomicLong()).incrementAndGet();
		lastUsed.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
	}

	long pendingCalls(long tokenId) {
		AtomicLong n = calls.get(tokenId);
		return n == null ? 0 : n.get();
	}

	Instant pendingLastUsed(long tokenId) {
		return lastUsed.get(tokenId);
	}

	/** Adds the counts gathered since the last flush to the tokens' rows. */
	@Scheduled(fixedDelayString = "${zhifa.tokens.usage-flush:PT10S}")
	public void flush() {
		for (Map.Entry<Long, AtomicLong> e : calls.entrySet()) {
			long n = e.getValue().getAndSet(0);
			if (n == 0) {
				continue;
			}
			Instant at = lastUsed.get(e.getKey());
			try {
				jdbc.update("""
						update idn_api_token set call_count = call_count + :n, last_used_at = greatest(coalesce(last_used_at, :at), :at) where id = :id""",
						new MapSqlParameterSource().addValue("n", n).addValue("at", Timestamp.from(at)).addValue("id", e.getKey()));
			}
			catch (RuntimeException ex) {
				// not lost: counted again at the next flush
				e.getValue().addAndGet(n);
				throw ex;
			}
		}
	}

	@PreDestroy
	void flushAtShutdown() {
		flush();
	}
}
