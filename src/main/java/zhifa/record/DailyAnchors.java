package zhifa.record;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.shared.Sm3;

/**
 * 每日锚定: for each day, an SM3 Merkle root over the heads of all chains that changed that day (the last entry of
 * each such subject on that day, in subject order). Anchors are published so that rewriting history would have to
 * rewrite every later anchor as well.
 */
@Service
public class DailyAnchors {

	private static final Logger log = LoggerFactory.getLogger(DailyAnchors.class);
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final TransactionTemplate tx;

	DailyAnchors(JdbcTemplate jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	/** A stored anchor. */
	public record Anchor(LocalDate day, String root, int chains, java.time.Instant createdAt) {
	}

	/** A leaf: one chain's head at the end of the day. */
	public record Leaf(String subjectType, String subjectId, long seq, String hash) {
		String digest() {
			return Sm3.hex(subjectType + "\u001f" + subjectId + "\u001f" + seq + "\u001f" + hash);
		}
	}

	public List<Anchor> all() {
		return jdbc.query("select day, root, chains, created_at from record_anchor order by day desc",
				(rs, i) -> new Anchor(rs.getDate("day").toLocalDate(), rs.getString("root").trim(), rs.getInt("chains"),
						rs.getTimestamp("created_at").toInstant()));
	}

	public Optional<Anchor> find(LocalDate day) {
		return jdbc.query("select day, root, chains, created_at from record_anchor where day = ?",
				(rs, i) -> new Anchor(rs.getDate("day").toLocalDate(), rs.getString("root").trim(), rs.getInt("chains"),
						rs.getTimestamp("created_at").toInstant()),
				Date.valueOf(day)).stream().findFirst();
	}

	public List<Leaf> leaves(LocalDate day) {
		var from = Timestamp.from(day.atStartOfDay(ZONE).toInstant());
		var to = Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
		return jdbc.query("""
				select distinct on (subject_type, subject_id) subject_type, subject_id, seq, hash
				from record_entry where occurred_at >= ? and occurred_at < ?
				order by subject_type, subject_id, seq desc""",
				(rs, i) -> new Leaf(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim()), from, to);
	}

	/** The Merkle root of the day's leaves as they are stored now; pairs hash as SM3(left‖right), an odd node moves up. */
	public String computeRoot(LocalDate day) {
		return merkleRoot(leaves(day).stream().map(Leaf::digest).toList());
	}

	static String merkleRoot(List<String> level) {
		if (level.isEmpty()) {
			return Sm3.hex("");
		}
		List<String> nodes = new ArrayList<>(level);
		while (nodes.size() > 1) {
			List<String> next = new ArrayList<>();
			for (int i = 0; i < nodes.size(); i += 2) {
				next.add(i + 1 < nodes.size() ? Sm3.hex(nodes.get(i) + nodes.get(i + 1)) : nodes.get(i));
			}
			nodes = next;
		}
		return nodes.get(0);
	}

	/** Anchors one finished day (idempotent). Days with no change get no anchor. */
	public Optional<Anchor> anchor(LocalDate day) {
		if (!day.isBefore(LocalDate.now(clock.withZone(ZONE)))) {
			throw new IllegalArgumentException("only finished days can be anchored");
		}
		return tx.execute(status -> {
			Optional<Anchor> existing = find(day);
			if (existing.isPresent()) {
				return existing;
			}
			List<Leaf> leaves = leaves(day);
			if (leaves.isEmpty()) {
				return Optional.<Anchor>empty();
			}
			String root = merkleRoot(leaves.stream().map(Leaf::digest).toList());
			jdbc.update("insert into record_anchor (day, root, chains, created_at) values (?, ?, ?, now()) on conflict do nothing",
					Date.valueOf(day), root, leaves.size());
			return find(day);
		});
	}

	/** Anchors every finished day that has entries but no anchor yet: at start-up and shortly after midnight. */
	@Scheduled(initialDelayString = "${zhifa.record.anchor-initial-delay:PT20S}", fixedDelayString = "PT1H")
	@SchedulerLock(name = "record-daily-anchors", lockAtMostFor = "PT30M")
	public void scheduledAnchoring() {
		anchorPendingDays();
	}

	/** @return how many days were anchored */
	public int anchorPendingDays() {
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		List<LocalDate> days = jdbc.query("""
				select distinct (occurred_at at time zone 'Asia/Shanghai')::date as day from record_entry
				where occurred_at < ? and (occurred_at at time zone 'Asia/Shanghai')::date not in (select day from record_anchor)
				order by day""", (rs, i) -> rs.getDate(1).toLocalDate(), Timestamp.from(today.atStartOfDay(ZONE).toInstant()));
		days.forEach(this::anchor);
		if (!days.isEmpty()) {
			log.info("Anchored {} day(s) of the full-process record", days.size());
		}
		return days.size();
	}
}
