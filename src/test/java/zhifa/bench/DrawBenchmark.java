package zhifa.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import zhifa.shared.RandomDraw;
import zhifa.shared.Sm3;
import zhifa.shared.Uscc;

/**
 * Not a test: prints how long a 双随机 draw takes over {@code bench.objects} objects (default 1,000,000) in four
 * credit-risk classes, and shows it is reproducible bit for bit (two runs, compared by the SM3 of their output). Run with
 * {@code ./mvnw verify -Pbench -Dit.test=DrawBenchmark}; target: under one second.
 */
class DrawBenchmark {

	@Test
	void aDrawOverAMillionObjects() {
		int n = Integer.getInteger("bench.objects", 1_000_000);
		Random random = new Random(42);
		List<RandomDraw.Candidate> pool = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String first17 = "91" + String.format("%06d", 530000 + random.nextInt(4000)) + String.format("%09d", i);
			int r = random.nextInt(100);
			pool.add(new RandomDraw.Candidate(r < 40 ? "A" : r < 85 ? "B" : r < 95 ? "C" : "D", first17 + Uscc.checkCharacter(first17)));
		}
		// the example ratios of RULES.md §5: high and fairly high risk 100%, general 5%, low 2%
		Map<String, BigDecimal> ratios = Map.of("A", new BigDecimal("0.02"), "B", new BigDecimal("0.05"), "C", BigDecimal.ONE, "D", BigDecimal.ONE);
		for (int round = 1; round <= 6; round++) {
			long t0 = System.nanoTime();
			String commitment = RandomDraw.commitment("基准任务", ratios, pool);
			long t1 = System.nanoTime();
			String seed = RandomDraw.seed(commitment, "record-anchor-root");
			var drawn = RandomDraw.select(seed, ratios, pool);
			long t2 = System.nanoTime();
			StringBuilder out = new StringBuilder();
			drawn.forEach(d -> out.append(d.stratum()).append(' ').append(d.rank()).append(' ').append(d.uscc()).append('\n'));
			System.out.printf("draw over %,d objects, round %d: commitment %.0f ms, selection %.0f ms (total %.0f ms), %,d drawn, result SM3 %s%n", n,
					round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, drawn.size(), Sm3.hex(out.toString()).substring(0, 16));
		}
	}
}
