package zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import zhifa.support.IntegrationTestBase;

/**
 * The case kernel's migrations (V27 onwards) carry the data over: the demo database as it was at V26 — with measures and
 * a 催告 added — is loaded into a fresh database, migrated to the latest schema, and every case, timer, document, measure
 * and record entry is still there, where the new schema keeps it; {@code verify-records} then exits 0 on the migrated
 * record with the keys that wrote it.
 */
class MigrationIntegrationTest extends IntegrationTestBase {

	static final Path FIXTURE = Path.of("src/test/resources/db/v26-demo");

	@Test
	void theDemoDatabaseAtV26MigratesWithEveryCaseTimerDocumentAndRecordEntry() throws Exception {
		Scratch scratch = scratchDatabase("migration_v26");
		DataSource ds = scratch.dataSource();
		JdbcTemplate db = new JdbcTemplate(ds);
		try {
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("26").load().migrate();
			load(ds);
			Map<String, Long> before = counts(db, Map.of("cases", "select count(*) from penalty_case", "timers", "select count(*) from penalty_case_timer",
					"documents", "select count(*) from penalty_document", "records", "select count(*) from record_entry", "officers",
					"select count(*) from penalty_case_officer", "preservations", "select count(*) from penalty_measure where kind = 'PRESERVATION'",
					"seizures", "select count(*) from penalty_measure where kind <> 'PRESERVATION'", "enforcements", "select count(*) from penalty_enforcement",
					"payments", "select count(*) from penalty_payment"));
			assertThat(before.get("cases")).isEqualTo(12);
			assertThat(before.get("preservations")).isEqualTo(1);
			assertThat(before.get("seizures")).isEqualTo(2);
			assertThat(before.get("enforcements")).isEqualTo(1);
			var casesBefore = db.queryForList("select id, stage, case_number, decision_number, paid_total from penalty_case order by id");
			String timerRows = "select id, case_id, kind, label, unit, amount, legal_source, start_date, due_date, provisional, state, closed_on, extended from %s order by id";
			String documentRows = "select id, case_id, type, version, number, sm3, size_bytes, pages from %s order by id";
			String entryRows = "select id, subject_type, subject_id, seq, action, summary from record_entry order by id";
			var timersBefore = db.queryForList(timerRows.formatted("penalty_case_timer"));
			var documentsBefore = db.queryForList(documentRows.formatted("penalty_document"));
			var entriesBefore = db.queryForList(entryRows);

			var result = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
			assertThat(result.success).isTrue();

			Map<String, Long> after = counts(db, Map.of("cases", "select count(*) from enforcement_case where kind = 'PENALTY'", "timers",
					"select count(*) from case_timer", "documents", "select count(*) from case_document", "records", "select count(*) from record_entry",
					"officers", "select count(*) from case_officer", "preservations", "select count(*) from case_preservation", "seizures",
					"select count(*) from coercion_measure", "enforcements", "select count(*) from coercion_enforcement", "payments",
					"select count(*) from penalty_payment"));
			assertThat(after).isEqualTo(before);
			// every case keeps its id, stage and numbers; its penalty row and its paid total moved with it
			assertThat(db.queryForList("""
					select c.id, c.stage, c.case_number, p.decision_number, p.paid_total from enforcement_case c join penalty_case p on p.case_id = c.id
					order by c.id""")).isEqualTo(casesBefore);
			assertThat(db.queryForObject("select count(*) from enforcement_case where version <> 0", Long.class)).isZero();
			// every timer keeps its dates and state, every document its content hash, every record entry its place and words
			assertThat(db.queryForList(timerRows.formatted("case_timer"))).isEqualTo(timersBefore);
			assertThat(db.queryForList(documentRows.formatted("case_document"))).isEqualTo(documentsBefore);
			assertThat(db.queryForList(entryRows)).isEqualTo(entriesBefore);
			// the moved tables carry their own names now, and the database still refuses an unknown procedure
			assertThat(db.queryForObject("select pg_get_serial_sequence('enforcement_case', 'id')", String.class)).isEqualTo("public.enforcement_case_id_seq");
			assertThat(db.queryForObject("select pg_get_serial_sequence('case_timer', 'id')", String.class)).isEqualTo("public.case_timer_id_seq");
			assertThat(db.queryForList("select conrelid::regclass::text || ' ' || conname from pg_constraint where contype = 'p' and conrelid::regclass::text ~ '^(enforcement_case|case_|coercion_)' and conname <> conrelid::regclass::text || '_pkey'",
					String.class)).as("the kernel's and coercion's primary keys named after their tables").isEmpty();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.update("update penalty_case set procedure = 'OTHER' where case_id = (select min(case_id) from penalty_case)"))
				.hasMessageContaining("penalty_case_procedure");
			// the 查封 kept its extension and its timer still points to it; the enforcement knows where it stands
			assertThat(db.queryForObject("select count(*) from coercion_measure where kind = 'SEAL' and extended", Long.class)).isEqualTo(1);
			assertThat(db.queryForObject("""
					select count(*) from case_timer t where t.kind in ('SEIZURE', 'PRESERVATION')
					  and exists (select 1 from coercion_measure m where m.id = t.ref union select 1 from case_preservation p where p.id = t.ref)""", Long.class))
				.isEqualTo(3);
			assertThat(db.queryForObject("select stage from coercion_enforcement", String.class)).isEqualTo("URGED");
			// new attachments take ids no measure had
			long next = db.queryForObject("select nextval('case_attachment_id_seq')", Long.class);
			assertThat(next).isGreaterThan(db.queryForObject("select max(id) from coercion_measure", Long.class));
			// a payment still adds to the paid total through the re-pointed trigger
			long decided = db.queryForObject("select case_id from coercion_enforcement", Long.class);
			long paid = db.queryForObject("select paid_total from penalty_case where case_id = ?", Long.class, decided);
			db.update("insert into penalty_payment (case_id, paid_on, amount, receipt_no, recorded_by, recorded_at) values (?, current_date, 100, 'x', 'x', now())",
					decided);
			assertThat(db.queryForObject("select paid_total from penalty_case where case_id = ?", Long.class, decided)).isEqualTo(paid + 100);

			Path anchors = Files.createTempDirectory("migration-anchors");
			int exit = ZhifaApplication.verifyRecords("--ZHIFA_DB_URL=" + scratch.url(), "--ZHIFA_DB_USER=postgres",
					"--zhifa.record.key-file=" + FIXTURE.resolve("record.key").toAbsolutePath(),
					"--zhifa.record.signing-key-file=" + FIXTURE.resolve("record-signing.key").toAbsolutePath(), "--zhifa.record.anchor-dir=" + anchors,
					"--zhifa.crypto.key-file=", "--zhifa.evidence.dir=target/test-evidence", "--spring.flyway.enabled=false");
			assertThat(exit).as("verify-records on the migrated record").isZero();
		}
		finally {
			drop(scratch);
		}
	}

	/** Replaces every table's rows with the fixture's, foreign keys and triggers off while loading, and sets the sequences. */
	private static void load(DataSource ds) throws Exception {
		List<String> tables = Files.readAllLines(FIXTURE.resolve("tables.tsv")).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")[0])
			.filter(t -> !t.equals("flyway_schema_history")).toList();
		try (Connection c = ds.getConnection()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("set session_replication_role = replica");
				s.execute("truncate table " + String.join(", ", tables));
			}
			PGConnection pg = c.unwrap(PGConnection.class);
			for (String t : tables) {
				try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(FIXTURE.resolve(t + ".copy.gz"))), StandardCharsets.UTF_8)) {
					pg.getCopyAPI().copyIn("COPY " + t + " FROM STDIN", r);
				}
			}
			try (Statement s = c.createStatement()) {
				for (String line : Files.readAllLines(FIXTURE.resolve("sequences.tsv"))) {
					if (!line.isBlank()) {
						String[] f = line.split("\t");
						s.execute("select setval('" + f[0] + "', " + Long.parseLong(f[1]) + ")");
					}
				}
				s.execute("set session_replication_role = origin");
			}
			c.commit();
		}
	}

	private static Map<String, Long> counts(JdbcTemplate db, Map<String, String> queries) {
		Map<String, Long> counts = new LinkedHashMap<>();
		queries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counts.put(e.getKey(), db.queryForObject(e.getValue(), Long.class)));
		return counts;
	}
}
