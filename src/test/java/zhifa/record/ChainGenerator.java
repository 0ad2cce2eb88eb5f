package zhifa.record;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * For the benchmarks: valid record chains in bulk, as the platform writes them — entries in time order, each chain's
 * hashes computed in Java from the one before (its last hash kept in memory), MACed with the platform's key, written
 * with COPY by a second thread, then the chain heads. Chain {@code c} (0 ≤ c < chains) belongs to subject
 * {@code subjectId(c)}, begins at an even spread over the period and takes a step every six days.
 */
public final class ChainGenerator {

	/** What the chains record: their subject type, each chain's subject id and owning body (null: none). */
	public record Subjects(String type, LongFunction<String> id, LongFunction<Long> ownerBody, String action, String summary) {
	}

	private static final long DAY = 86_400_000L;

	private ChainGenerator() {
	}

	/** Writes {@code chains} chains of {@code perChain} entries over the period; returns the entries written. */
	public static long generate(DataSource dataSource, RecordKeys keys, Subjects subjects, long chains, int perChain, Instant from, Instant end)
			throws Exception {
		// whole milliseconds: the database keeps microseconds, and the hash covers the time as it is read back
		Instant start = from.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		long spread = Duration.between(start, end).toMillis() - (perChain * 6L + 2) * DAY;
		String[] last = new String[(int) chains];
		java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<?> copying = writer.submit(() -> {
			try (Connection c = dataSource.getConnection()) {
				var copy = c.unwrap(PGConnection.class).getCopyAPI();
				for (String rows = queue.take(); !rows.isEmpty(); rows = queue.take()) {
					copy.copyIn("copy record_entry (subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id,"
							+ " owner_body_id, action, summary, payload, prev_hash, hash, mac) from stdin", new StringReader(rows));
				}
			}
			return null;
		});
		long written = 0;
		try {
			StringBuilder rows = new StringBuilder();
			long days = (spread + (perChain * 6L + 1) * DAY) / DAY + 1;
			for (long d = 0; d < days; d++) {
				List<long[]> today = new ArrayList<>();
				for (int k = 1; k <= perChain; k++) {
					long lo = d * DAY - (k - 1) * 6 * DAY;
					long hi = lo + DAY;
					for (long c = firstAtOrAfter(lo, chains, spread); c < chains && begins(c, chains, spread) < hi; c++) {
						today.add(new long[] { begins(c, chains, spread) + (k - 1) * 6 * DAY, c, k });
					}
				}
				today.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
				for (long[] e : today) {
					int c = (int) e[1];
					int seq = (int) e[2];
					String prev = seq == 1 ? RecordEntry.GENESIS : last[c];
					Instant at = start.plusMillis(e[0]);
					String payload = "{\"step\":" + seq + "}";
					String summary = subjects.summary() + "（第" + seq + "步）";
					String id = subjects.id().apply(c);
					Long owner = subjects.ownerBody().apply(c);
					RecordEntry entry = new RecordEntry(0, subjects.type(), id, seq, at, "SYSTEM", null, "系统", null, owner, subjects.action(), summary, payload,
							prev, "", null);
					String hash = RecordEntry.hash(prev, entry.canonical());
					rows.append(subjects.type()).append('\t').append(id).append('\t').append(seq).append('\t').append(at).append("\tSYSTEM\t\\N\t系统\t\\N\t")
						.append(owner == null ? "\\N" : owner.toString()).append('\t').append(subjects.action()).append('\t').append(summary).append('\t')
						.append(payload).append('\t').append(prev).append('\t').append(hash).append('\t').append(keys.mac(hash)).append('\n');
					last[c] = hash;
					written++;
				}
				if (rows.length() > 4_000_000 || d == days - 1) {
					hand(queue, rows.toString(), copying);
					rows.setLength(0);
				}
			}
		}
		finally {
			if (!copying.isDone()) {
				hand(queue, "", copying);
			}
			writer.shutdown();
		}
		// the writer's failure, if it failed
		copying.get();
		StringBuilder heads = new StringBuilder();
		try (Connection c = dataSource.getConnection()) {
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (int ch = 0; ch < chains; ch++) {
				heads.append(subjects.type()).append('\t').append(subjects.id().apply(ch)).append('\t').append(perChain).append('\t').append(last[ch])
					.append('\t').append(start.plusMillis(begins(ch, chains, spread) + (perChain - 1) * 6 * DAY)).append('\n');
				if (heads.length() > 4_000_000 || ch == chains - 1) {
					copy.copyIn("copy record_chain (subject_type, subject_id, last_seq, last_hash, updated_at) from stdin", new StringReader(heads.toString()));
					heads.setLength(0);
				}
			}
		}
		return written;
	}

	/** Hands rows to the writer, giving up if the writer has stopped (its error is reported by its future). */
	private static void hand(java.util.concurrent.BlockingQueue<String> queue, String rows, Future<?> copying) throws Exception {
		while (!queue.offer(rows, 1, java.util.concurrent.TimeUnit.SECONDS)) {
			if (copying.isDone()) {
				copying.get();
				throw new IllegalStateException("the COPY writer stopped");
			}
		}
	}

	/** When chain c begins, in milliseconds from the start. */
	private static long begins(long c, long chains, long spread) {
		return Math.floorDiv(spread * c, chains);
	}

	/** The first chain that begins at or after {@code t}. */
	private static long firstAtOrAfter(long t, long chains, long spread) {
		long lo = 0;
		long hi = chains;
		while (lo < hi) {
			long mid = (lo + hi) >>> 1;
			if (begins(mid, chains, spread) < t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}
}
