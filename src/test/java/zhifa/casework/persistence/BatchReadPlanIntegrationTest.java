package zhifa.casework.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.support.IntegrationTestBase;

/**
 * The ledger queue reads the timers of a hundred cases at once. Before PostgreSQL has analyzed a table that grew fast
 * (a new installation's first days, a bulk load) it assumes 200 distinct cases in it; a plain join or an {@code in} list
 * is then planned as a scan of the whole table, which made the queue fall behind in the write benchmark. The read stays
 * one index lookup per case in that state (shown against a plain join, which is scanned). Rolled back: nothing stays.
 */
class BatchReadPlanIntegrationTest extends IntegrationTestBase {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theTimersOfManyCasesAreLookedUpByCaseEvenBeforeTheTableIsAnalyzed() {
		// the statistics are reset as a superuser may (the embedded database's user is one)
		org.junit.jupiter.api.Assumptions.assumeTrue("on".equals(jdbc.queryForObject("select current_setting('is_superuser')", String.class)));
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.update("""
					insert into case_timer (case_id, kind, ref, label, unit, amount, legal_source, start_date, due_date, state)
					select c.id, 'FILING', 1000000 + g, '计划测试', 'WORKING_DAYS', 1, '测试', current_date, current_date, 'RUNNING'
					from (select id from enforcement_case order by id limit 10) c, generate_series(1, 7000) g""");
			// as never analyzed: no column statistics, no row count
			jdbc.execute("delete from pg_statistic where starelid = 'case_timer'::regclass");
			jdbc.execute("update pg_class set reltuples = -1, relpages = 0 where relname = 'case_timer'");
			String ids = String.join(",", jdbc.queryForList("select id::text from enforcement_case order by id limit 10", String.class));

			List<String> join = jdbc.queryForList("explain select t.* from unnest('{" + ids + "}'::bigint[]) as k(id) join case_timer t on t.case_id = k.id",
					String.class);
			assertThat(join).as("a plain join in this state").anyMatch(l -> l.contains("Seq Scan on case_timer"));

			List<String> ours = jdbc.queryForList("explain " + TimerRows.OF_CASES.replace(":ids", "'{" + ids + "}'"), String.class);
			assertThat(ours).as(String.join("\n", ours)).noneMatch(l -> l.contains("Seq Scan on case_timer"))
				.anyMatch(l -> l.contains("Index Cond: (case_id = k.id)"));
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("select count(*) from case_timer where label = '计划测试'", Long.class)).isZero();
	}
}
