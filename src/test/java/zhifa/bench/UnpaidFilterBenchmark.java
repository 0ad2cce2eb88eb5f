package zhifa.bench;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.penalty.PenaltyCases;
import zhifa.shared.DataScope;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: how long the workbench's "未缴清" filter takes on many cases ({@code -Dbench.cases}, default 100,000; a
 * tenth decided with a fine, half of those partly paid). Prints the filter as it is now (paid total kept on the case,
 * partial index) and the correlated sum it replaced. Run with {@code ./mvnw verify -Pbench -Dit.test=UnpaidFilterBenchmark}.
 */
class UnpaidFilterBenchmark extends IntegrationTestBase {

	@Autowired
	PenaltyCases cases;

	@Test
	void unpaidFilterOnManyCases() {
		int n = Integer.getInteger("bench.cases", 100_000);
		long body = bodyId("芒市市场监督管理局");
		long matter = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class);
		long start = System.nanoTime();
		jdbc.update("""
				insert into penalty_case (body_id, matter_id, stage, source, party_kind, party_name, party_key, party_masked, place_region_id,
				  act_date, description, received_on, registered_by, decision_outcome, decision_fine, demo, created_at, updated_at)
				select ?, ?, case when g % 10 = 0 then 'DECIDED' else 'FILED' end, 'INSPECTION', 'ORGANIZATION', '基准当事人' || g, 'BENCH:' || g,
				  'BENCH', 3, current_date - 30, '基准测试', current_date - 20, 'bench',
				  case when g % 10 = 0 then 'PENALTY' end, case when g % 10 = 0 then 500000 end, true, now(), now()
				from generate_series(1, ?) g""", body, matter, n);
		jdbc.update("""
				insert into penalty_payment (case_id, paid_on, amount, receipt_no, recorded_by, recorded_at)
				select id, current_date, 100000, 'BENCH', 'bench', now() from penalty_case where party_key like 'BENCH:%' and decision_outcome = 'PENALTY' and id % 2 = 0""");
		jdbc.execute("analyze penalty_case");
		jdbc.execute("analyze penalty_payment");
		System.out.printf("%n%d cases generated in %.1f s%n", n, (System.nanoTime() - start) / 1e9);

		time("未缴清 (paid total on the case, partial index): count + first page", () -> cases.page(DataScope.all(), PenaltyCases.Filter.UNPAID, 0, 30));
		time("未缴清 as it was (correlated sum per case), count only", () -> jdbc.queryForObject("""
				select count(*) from penalty_case c where c.decision_outcome = 'PENALTY' and c.decision_fine is not null
				and c.decision_fine > coalesce((select sum(x.amount) from penalty_payment x where x.case_id = c.id), 0)""", Long.class));
	}

	private static void time(String what, Runnable run) {
		run.run();
		long[] t = new long[15];
		for (int i = 0; i < t.length; i++) {
			long s = System.nanoTime();
			run.run();
			t[i] = System.nanoTime() - s;
		}
		Arrays.sort(t);
		System.out.printf("%-70s p50 %8.1f ms  p95 %8.1f ms%n", what, t[7] / 1e6, t[13] / 1e6);
	}
}
