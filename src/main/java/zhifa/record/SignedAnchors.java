package zhifa.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;
import zhifa.shared.Sm3;

/**
 * 签名锚定: at least every hour an SM3 Merkle root over the heads of every chain that changed since the previous anchor,
 * signed with SM2 ({@link RecordKeys}), stored in the database and appended (and forced to disk) to a file outside it
 * ({@code zhifa.record.anchor-dir}, one JSON line per anchor). Someone who can write to the database but has neither the
 * keys nor the file can change, insert or delete entries only unnoticed until the next anchor: the recomputed root no
 * longer matches the signed one (truncation too, since a deleted head changes its chain's leaf).
 * <p>
 * A period ends on a full hour at least {@code zhifa.record.anchor-grace} (5 minutes) ago. An anchor is made under an
 * exclusive lock that waits for every transaction appending entries and holds new ones until it commits, and an entry is
 * never dated before the end of the last anchor (a clock behind, another instance's skew): no entry can land in a
 * period already signed. Hours without entries are merged into the next anchor. The first anchor covers
 * everything written before it; when entries without a MAC (written before this version) existed then, it says so
 * ({@code legacy}), and only those entries may lack a MAC.
 */
@Service
public class SignedAnchors {

	private static final Logger log = LoggerFactory.getLogger(SignedAnchors.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String FILE_NAME = "record-anchors.jsonl";

	/** One signed anchor. {@code periodStart} is {@code null} for the first one. */
	public record SignedAnchor(long seq, Instant periodStart, Instant periodEnd, String root, int chains, long entries, String prevDigest,
			boolean legacy, String keyId, String signature, Instant createdAt) {

		/** The text the signature covers. */
		public String signedText() {
			return String.join("|", "zhifa-record-anchor", "v1", Long.toString(seq), periodStart == null ? "-" : periodStart.toString(),
					periodEnd.toString(), root, Integer.toString(chains), Long.toString(entries), prevDigest, Boolean.toString(legacy), keyId);
		}

		/** What the next anchor names as {@code prevDigest}. */
		public String digest() {
			return Sm3.hex(signedText() + "|" + signature);
		}
	}

	private static final RowMapper<SignedAnchor> ROW = (rs, i) -> new SignedAnchor(rs.getLong("seq"),
			rs.getTimestamp("period_start") == null ? null : rs.getTimestamp("period_start").toInstant(),
			rs.getTimestamp("period_end").toInstant(), rs.getString("root").trim(), rs.getInt("chains"), rs.getLong("entries"),
			rs.getString("prev_digest").trim(), rs.getBoolean("legacy"), rs.getString("key_id").trim(), rs.getString("signature"),
			rs.getTimestamp("created_at").toInstant());

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final RecordKeys keys;
	private final Path file;
	private final Duration grace;

	SignedAnchors(JdbcTemplate jdbc, Clock clock, TransactionTemplate tx, RecordKeys keys,
			@Value("${zhifa.record.anchor-dir:./data/anchors}") String anchorDir,
			@Value("${zhifa.record.anchor-grace:PT5M}") Duration grace) throws IOException {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
		this.keys = keys;
		this.grace = grace;
		Path dir = anchorDir == null || anchorDir.isBlank() ? Files.createTempDirectory("zhifa-anchors") : Path.of(anchorDir);
		Files.createDirectories(dir);
		this.file = dir.resolve(FILE_NAME).toAbsolutePath().normalize();
	}

	/** The append-only file the anchors are exported to. */
	public Path file() {
		return file;
	}

	public List<SignedAnchor> all() {
		return jdbc.query("select * from record_seal order by seq", ROW);
	}

	public Optional<SignedAnchor> find(long seq) {
		return jdbc.query("select * from record_seal where seq = ?", ROW, seq).stream().findFirst();
	}

	/** The latest anchors, newest first (the public page shows them). */
	public List<SignedAnchor> latest(int limit) {
		return jdbc.query("select * from record_seal order by seq desc limit ?", ROW, limit);
	}

	/** The number of the last anchor made (0 before the first). */
	public long lastSeq() {
		return jdbc.queryForObject("select coalesce(max(seq), 0) from record_seal", Long.class);
	}

	/** The first anchor made after the one numbered {@code seq} whose period ends after {@code moment} (so it covers what was written then). */
	public Optional<SignedAnchor> firstCovering(long seq, Instant moment) {
		return jdbc.query("select * from record_seal where seq > ? and period_end > ? order by seq limit 1", ROW, seq, Timestamp.from(moment)).stream()
			.findFirst();
	}

	/** The chain heads of the period (the last entry of each subject written in it), in a fixed byte order. */
	public List<DailyAnchors.Leaf> leaves(Instant from, Instant to) {
		String where = from == null ? "occurred_at < ?" : "occurred_at >= ? and occurred_at < ?";
		Object[] args = from == null ? new Object[] { Timestamp.from(to) } : new Object[] { Timestamp.from(from), Timestamp.from(to) };
		return jdbc.query("select distinct on (subject_type collate \"C\", subject_id collate \"C\") subject_type, subject_id, seq, hash"
				+ " from record_entry_all where " + where + " order by subject_type collate \"C\", subject_id collate \"C\", seq desc",
				(rs, i) -> new DailyAnchors.Leaf(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim()), args);
	}

	/** How many entries the period holds now. */
	public long entries(Instant from, Instant to) {
		return from == null ? jdbc.queryForObject("select count(*) from record_entry_all where occurred_at < ?", Long.class, Timestamp.from(to))
				: jdbc.queryForObject("select count(*) from record_entry_all where occurred_at >= ? and occurred_at < ?", Long.class,
						Timestamp.from(from), Timestamp.from(to));
	}

	/** The root of the period as the entries stand now. */
	public String computeRoot(Instant from, Instant to) {
		return DailyAnchors.merkleRoot(leaves(from, to).stream().map(DailyAnchors.Leaf::digest).toList());
	}

	/** Anchors at start-up (a database of an earlier version gets its first anchor at once) and every ten minutes. */
	@Scheduled(initialDelayString = "${zhifa.record.anchor-initial-delay:PT20S}", fixedDelayString = "PT10M")
	@SchedulerLock(name = "record-signed-anchors", lockAtMostFor = "PT30M")
	public void scheduled() {
		anchorPending();
	}

	/**
	 * Signs the period since the last anchor up to the last full hour that ended at least the grace period ago, when
	 * it holds entries; exports any anchor the file lacks.
	 *
	 * @return the new anchor, if one was made
	 */
	public synchronized Optional<SignedAnchor> anchorPending() {
		return anchor(clock.instant().minus(grace).truncatedTo(ChronoUnit.HOURS), false);
	}

	/**
	 * Signs at once everything written up to now (not waiting for the full hour): for an act that needs a value fixed
	 * only after something it has just recorded — the beacon of a 双随机 draw. The period ends just after the later of now
	 * and the end of the last anchor (entries dated at that end by a clock behind are covered); later entries are dated
	 * after it, as after any anchor.
	 *
	 * @return the new anchor, if anything was written since the last one
	 */
	public synchronized Optional<SignedAnchor> anchorNow() {
		return anchor(null, true);
	}

	private Optional<SignedAnchor> anchor(Instant hourBoundary, boolean upToNow) {
		Optional<SignedAnchor> made = tx.execute(status -> {
			// waits for every transaction that is appending entries to commit, and holds new appends until this one has:
			// what this anchor covers is exactly what is committed (FullProcessRecord.append takes the shared lock)
			jdbc.execute("select pg_advisory_xact_lock(" + FullProcessRecord.ANCHOR_LOCK + ")");
			jdbc.execute("set local statement_timeout = 0");
			List<SignedAnchor> last = jdbc.query("select * from record_seal order by seq desc limit 1 for update", ROW);
			Instant from = last.isEmpty() ? null : last.get(0).periodEnd();
			Instant boundary = hourBoundary;
			if (upToNow) {
				Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
				boundary = (from != null && from.isAfter(t) ? from : t).plus(1, ChronoUnit.MICROS);
			}
			if (last.isEmpty()) {
				// a database of an earlier version: the first anchor covers every entry written without a MAC (all of
				// them committed before this version started), even those after the last full hour
				Timestamp lastLegacy = jdbc.queryForObject("select max(occurred_at) from record_entry where mac is null", Timestamp.class);
				if (lastLegacy != null && !lastLegacy.toInstant().isBefore(boundary)) {
					boundary = lastLegacy.toInstant().plus(1, ChronoUnit.MICROS);
				}
			}
			if (from != null && !boundary.isAfter(from)) {
				return Optional.<SignedAnchor>empty();
			}
			long entries = entries(from, boundary);
			if (entries == 0) {
				return Optional.<SignedAnchor>empty();
			}
			List<DailyAnchors.Leaf> leaves = leaves(from, boundary);
			String root = DailyAnchors.merkleRoot(leaves.stream().map(DailyAnchors.Leaf::digest).toList());
			boolean legacy = last.isEmpty()
					&& jdbc.queryForObject("select exists (select 1 from record_entry where mac is null)", Boolean.class);
			long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
			String prev = last.isEmpty() ? RecordEntry.GENESIS : last.get(0).digest();
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			SignedAnchor unsigned = new SignedAnchor(seq, from, boundary, root, leaves.size(), entries, prev, legacy, keys.keyId(), "", now);
			SignedAnchor signed = new SignedAnchor(seq, from, boundary, root, leaves.size(), entries, prev, legacy, keys.keyId(),
					keys.sign(unsigned.signedText()), now);
			jdbc.update("""
					insert into record_seal (seq, period_start, period_end, root, chains, entries, prev_digest, legacy, key_id, signature, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, from == null ? null : Timestamp.from(from), Timestamp.from(boundary), root,
					leaves.size(), entries, prev, legacy, keys.keyId(), signed.signature(), Timestamp.from(now));
			return Optional.of(signed);
		});
		made.ifPresent(a -> log.info("Signed anchor {} of the full-process record: {} chains, {} entries up to {}", a.seq(), a.chains(),
				a.entries(), a.periodEnd()));
		export();
		return made;
	}

	/** Appends to the file every anchor it does not hold yet (after the database commit, so the file never runs ahead). */
	synchronized void export() {
		long inFile = exported().stream().mapToLong(SignedAnchor::seq).max().orElse(0);
		List<SignedAnchor> missing = jdbc.query("select * from record_seal where seq > ? order by seq", ROW, inFile);
		if (missing.isEmpty()) {
			return;
		}
		StringBuilder lines = new StringBuilder();
		for (SignedAnchor a : missing) {
			lines.append(toJson(a)).append('\n');
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
			channel.write(StandardCharsets.UTF_8.encode(lines.toString()));
			channel.force(true);
		}
		catch (IOException e) {
			log.error("Cannot append the signed anchors to {}; they are retried at the next run", file, e);
		}
	}

	/** The anchors in the file, in its order. A line that is not an anchor is reported by the verifier. */
	public List<SignedAnchor> exported() {
		return readFile().anchors();
	}

	record FileContents(List<SignedAnchor> anchors, List<String> unreadable) {
	}

	FileContents readFile() {
		List<SignedAnchor> anchors = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		if (!Files.exists(file)) {
			return new FileContents(anchors, unreadable);
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).isBlank()) {
					continue;
				}
				try {
					anchors.add(fromJson(lines.get(i)));
				}
				catch (RuntimeException e) {
					unreadable.add("第" + (i + 1) + "行");
				}
			}
		}
		catch (IOException e) {
			unreadable.add("文件无法读取：" + e.getMessage());
		}
		return new FileContents(anchors, unreadable);
	}

	private static String toJson(SignedAnchor a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("seq", a.seq());
		m.put("periodStart", a.periodStart() == null ? null : a.periodStart().toString());
		m.put("periodEnd", a.periodEnd().toString());
		m.put("root", a.root());
		m.put("chains", a.chains());
		m.put("entries", a.entries());
		m.put("prevDigest", a.prevDigest());
		m.put("legacy", a.legacy());
		m.put("keyId", a.keyId());
		m.put("signature", a.signature());
		m.put("createdAt", a.createdAt().toString());
		m.put("signedText", a.signedText());
		return JSON.writeValueAsString(m);
	}

	private static SignedAnchor fromJson(String line) {
		var n = JSON.readTree(line);
		var start = n.get("periodStart");
		return new SignedAnchor(n.get("seq").asLong(), start == null || start.isNull() ? null : Instant.parse(start.asString()),
				Instant.parse(n.get("periodEnd").asString()), n.get("root").asString(), n.get("chains").asInt(), n.get("entries").asLong(),
				n.get("prevDigest").asString(), n.get("legacy").asBoolean(), n.get("keyId").asString(), n.get("signature").asString(),
				Instant.parse(n.get("createdAt").asString()));
	}
}
