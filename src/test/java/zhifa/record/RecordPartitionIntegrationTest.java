package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.support.IntegrationTestBase;

/**
 * The record over ten years: entries go to monthly partitions; an old month moved to cold storage
 * ({@code record_archive_month}) is still read by the full check; the incremental check reads only what is new since
 * the last intact run and links it to what came before. Runs on a database of its own without demo data, so that it can
 * write entries dated in a past month before any anchor exists.
 */
@TestPropertySource(properties = { "zhifa.demo.enabled=false", "zhifa.record.verify-threads=3" })
class RecordPartitionIntegrationTest extends IntegrationTestBase {

	@Autowired
	RecordVerifier verifier;

	@Autowired
	SignedAnchors anchors;

	@Autowired
	FullProcessRecord record;

	@Autowired
	RecordPartitions partitions;

	@Autowired
	TransactionTemplate tx;

	private RecordEntry append(String chain, String summary) {
		return tx.execute(s -> record.append("test_archive", chain, null, "test.archived", summary, Map.of("n", summary)));
	}

	private String partitionOf(RecordEntry e) {
		return jdbc.queryForObject("select tableoid::regclass::text from record_entry where id = ?", String.class, e.id());
	}

	@Test
	void oldMonthsMoveToColdStorageAndStayVerifiableAndTheIncrementalCheckReadsOnlyWhatIsNew() {
		assertThat(jdbc.queryForObject("select relkind::text from pg_class where relname = 'record_entry'", String.class)).isEqualTo("p");
		assertThat(partitions.ensureAhead()).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("record_entry_y"));

		// March 2025, before any anchor: two chains begin there
		ZonedDateTime march = ZonedDateTime.parse("2025-03-10T10:00:00+08:00[Asia/Shanghai]");
		clock.shift(Duration.between(clock.instant(), march.toInstant()));
		assertThat(jdbc.queryForObject("select record_ensure_month('2025-03-01')", String.class)).isEqualTo("record_entry_y2025m03");
		RecordEntry first = append("1", "三月一");
		append("1", "三月二");
		append("2", "三月三");
		assertThat(partitionOf(first)).isEqualTo("record_entry_y2025m03");
		clock.reset();
		RecordEntry now = append("1", "本月");
		assertThat(partitionOf(now)).isEqualTo("record_entry_y" + ZonedDateTime.now(clock).getYear() + "m"
				+ String.format("%02d", ZonedDateTime.now(clock).getMonthValue()));

		var full = verifier.verifyAll();
		assertThat(full.intact()).as(full.describe()).isTrue();
		assertThat(full.mode()).isEqualTo("FULL");
		assertThat(full.threads()).isEqualTo(3);
		anchors.anchorNow();

		// the month goes to cold storage: out of the live table, still read by the check and by the anchors' recomputation
		assertThat(jdbc.queryForObject("select record_archive_month('2025-03-01')", String.class)).isEqualTo("record_archive.record_entry_y2025m03");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'test_archive'", Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from record_entry_all where subject_type = 'test_archive'", Long.class)).isEqualTo(4);
		assertThatThrownBy(() -> jdbc.update("update record_archive.record_entry_y2025m03 set summary = 'x'")).isInstanceOf(DataAccessException.class);
		// this month in 芒市 (the session's current_date is the JVM zone's: between 00:00 and 08:00 there it is yesterday,
		// and on the first of a month last month, which has no partition in a fresh database)
		assertThatThrownBy(() -> jdbc.queryForObject("select record_archive_month(?)", String.class, LocalDate.now(clock)))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("不能归档");
		var afterArchive = verifier.verifyAll();
		assertThat(afterArchive.intact()).as(afterArchive.describe()).isTrue();
		assertThat(afterArchive.entries()).isEqualTo(full.entries());
		assertThat(verifier.verifyChain("test_archive", "1").entries()).isEqualTo(3);

		// incremental: only the entry written since the anchor the last run verified, linked to the archived past
		RecordEntry later = append("1", "之后");
		var incremental = verifier.verifyIncrementally();
		assertThat(incremental.mode()).isEqualTo("INCREMENTAL");
		assertThat(incremental.intact()).as(incremental.describe()).isTrue();
		assertThat(incremental.entries()).isEqualTo(1);
		assertThat(incremental.chains()).isEqualTo(1);

		// a change to the new entry is found by the incremental check; a change in the archived month only by the full one
		String archivedPayload = jdbc.queryForObject("select payload from record_archive.record_entry_y2025m03 where id = ?", String.class, first.id());
		asSuperuser(() -> {
			jdbc.update("update record_entry set summary = '改动' where id = ?", later.id());
			jdbc.update("update record_archive.record_entry_y2025m03 set payload = '{\"n\":\"改动\"}' where id = ?", first.id());
		});
		try {
			var changed = verifier.verifyIncrementally();
			assertThat(changed.intact()).isFalse();
			assertThat(changed.found(RecordVerifier.LINKS)).singleElement().asString().contains("test_archive/1").contains("seq " + later.seq());
			var whole = verifier.verifyAll();
			assertThat(whole.found(RecordVerifier.LINKS)).singleElement().asString().contains("test_archive/1").contains("seq 1");
			// after a broken run the next one is full again
			assertThat(verifier.verifyIncrementally().mode()).isEqualTo("FULL");
		}
		finally {
			asSuperuser(() -> {
				jdbc.update("update record_entry set summary = '之后' where id = ?", later.id());
				jdbc.update("update record_archive.record_entry_y2025m03 set payload = ? where id = ?", archivedPayload, first.id());
			});
		}
		assertThat(verifier.verifyAll().intact()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from record_verification", Long.class)).isGreaterThanOrEqualTo(7);
		assertThatThrownBy(() -> jdbc.update("delete from record_verification")).isInstanceOf(DataAccessException.class);
	}

	private void asSuperuser(Runnable change) {
		jdbc.execute("alter table record_entry disable trigger record_entry_append_only");
		jdbc.execute("alter table record_archive.record_entry_y2025m03 disable trigger user");
		try {
			change.run();
		}
		finally {
			jdbc.execute("alter table record_entry enable trigger record_entry_append_only");
			jdbc.execute("alter table record_archive.record_entry_y2025m03 enable trigger user");
		}
	}
}
