package zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import zhifa.support.IntegrationTestBase;

/**
 * V93: what the event publication registry had not delivered to the ledger and the alert rules when the ledger's queue
 * replaced it is queued, not lost with the old listeners; what it had delivered, and other events, are left alone.
 */
class LedgerQueueMigrationIntegrationTest extends IntegrationTestBase {

	@Test
	void undeliveredLedgerEventsOfTheRegistryAreQueued() throws Exception {
		Scratch scratch = scratchDatabase("migration_v92");
		DataSource ds = scratch.dataSource();
		JdbcTemplate db = new JdbcTemplate(ds);
		try {
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("92").load().migrate();
			db.update("""
					insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts)
					values (gen_random_uuid(), 'zhifa.supervision.Ledger.on(zhifa.casework.CaseChanged)', 'zhifa.casework.CaseChanged',
					        '{"caseId":41,"caseKind":"PENALTY","bodyId":3,"action":"case.filed"}', now(), null, 'PUBLISHED', 1),
					       (gen_random_uuid(), 'zhifa.supervision.Ledger.on(zhifa.casework.CaseChanged)', 'zhifa.casework.CaseChanged',
					        '{"caseId":42,"caseKind":"PENALTY","bodyId":3,"action":"case.filed"}', now(), now(), 'COMPLETED', 1),
					       (gen_random_uuid(), 'zhifa.supervision.alert.AlertTriggers.on(zhifa.supervision.ActRecorded)', 'zhifa.supervision.ActRecorded',
					        '{"actId":77,"bodyId":3}', now(), null, 'FAILED', 3),
					       (gen_random_uuid(), 'zhifa.other.Listener.on(zhifa.other.Happened)', 'zhifa.other.Happened', '{"caseId":43}', now(), null, 'PUBLISHED', 1)""");

			Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

			assertThat(db.queryForList("select kind || ' ' || ref from sv_ledger_queue order by kind, ref", String.class)).containsExactly("ACT 77", "CASE 41");
			assertThat(db.queryForList("select event_type from event_publication where completion_date is null", String.class))
				.containsExactly("zhifa.other.Happened");
		}
		finally {
			drop(scratch);
		}
	}
}
