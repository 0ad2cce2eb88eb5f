package zhifa.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: "report recorded → alert visible". Records {@code -Dbench.acts} (default 1,000) reported acts, each decided
 * by a single officer (行政处罚法第四十二条), one after the other, and for each measures the time from handing the report
 * to the ledger until its alert can be read from {@code sv_alert} by another connection. Prints p50/p95/max. Target:
 * under one second. Run with {@code ./mvnw verify -Pbench -Dit.test=AlertLatencyBenchmark}.
 */
class AlertLatencyBenchmark extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Test
	void reportToVisibleAlert() throws Exception {
		int n = Integer.getInteger("bench.acts", 1_000);
		long body = bodyId("芒市市场监督管理局");
		LocalDate today = LocalDate.now(clock);
		String run = UUID.randomUUID().toString().substring(0, 8);
		long[] nanos = new long[n];
		List<Long> slow = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ActReport r = new ActReport("BENCH", run + "-" + i, 1, body, "PENALTY", "BENCH-001", "基准事项", "基准案" + i, "ORGANIZATION", "基准公司" + i, "基*司",
					"BENCH-" + run + "-" + i, null, "DECIDED", today.minusDays(30), today.minusDays(30), today.minusDays(29), today.minusDays(20),
					today.minusDays(15), null, false, false, false, false, false, today.minusDays(10), "PENALTY", "基准决" + i, 100_000L, null, null,
					today.minusDays(9), 100_000L, null, List.of("BENCH-C-" + i), 1, false);
			long start = System.nanoTime();
			long actId = ledger.record(r).actId();
			while (jdbc.queryForObject("select count(*) from sv_alert where act_id = ? and rule_code = 'OFFICERS'", Long.class, actId) == 0) {
				if (System.nanoTime() - start > 10_000_000_000L) {
					throw new AssertionError("no alert after ten seconds for act " + actId);
				}
				Thread.sleep(1);
			}
			nanos[i] = System.nanoTime() - start;
			if (nanos[i] > 1_000_000_000L) {
				slow.add(actId);
			}
		}
		Arrays.sort(nanos);
		System.out.printf("%n%,d reported acts, report recorded → alert visible: p50 %.1f ms, p95 %.1f ms, max %.1f ms; over one second: %d%n", n,
				nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.95) - 1] / 1e6, nanos[n - 1] / 1e6, slow.size());
	}
}
