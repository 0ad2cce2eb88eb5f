package zhifa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import zhifa.support.IntegrationTestBase;

/**
 * Not a test: the public portal's load target (issue 15) — the decision list and a decision page served at ≥ 50% of the
 * rate of a static file, p99 < 200 ms at 80% of that peak. Closed loop with {@code bench.clients} (8) clients for
 * {@code bench.seconds} (10) per page to find each peak, then the same clients paced to 80% of it for the latencies
 * (measured from when each request was due). Full renders
 * (no ETag sent). Run with {@code ./mvnw verify -Pbench -Dit.test=PortalBenchmark}.
 */
class PortalBenchmark extends IntegrationTestBase {

	private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

	@Test
	void thePortalUnderLoad() throws Exception {
		// every penalty case of the demo as a published decision (the list pages through them)
		jdbc.update("""
				insert into disclosure_item (case_id, body_id, title, decision_number, party, place, matter, sanction, facts, decided_on, status, publish_by,
				  published_on, verification_code, created_at)
				select c.id, c.body_id, '行政处罚决定书（基准' || c.id || '）', '基准罚决〔' || c.id || '〕号', '某某商贸有限公司', '芒市', '基准事项', '罚款5,000.00元',
				  '经查，当事人……', current_date - 10, 'PUBLISHED', current_date, current_date - 5, 'BENCH' || c.id, now()
				from case_view c where c.kind = 'PENALTY' on conflict do nothing""");
		long one = jdbc.queryForObject("select min(id) from disclosure_item where status = 'PUBLISHED'", Long.class);
		int clients = Integer.getInteger("bench.clients", 8);
		int seconds = Integer.getInteger("bench.seconds", 10);
		String base = "http://localhost:" + port;
		String[][] pages = { { "static file /css/app.css", base + "/css/app.css" }, { "decision list /portal/decisions", base + "/portal/decisions" },
				{ "decision page /portal/decisions/{id}", base + "/portal/decisions/" + one } };
		double[] peak = new double[pages.length];
		System.out.printf("%n%-40s %12s %9s %9s %9s%n", "page (closed loop, " + clients + " clients)", "req/s", "p50 ms", "p99 ms", "ratio");
		for (int i = 0; i < pages.length; i++) {
			warm(pages[i][1]);
			var r = closedLoop(pages[i][1], clients, seconds);
			peak[i] = r.rate;
			System.out.printf("%-40s %12.0f %9.1f %9.1f %9s%n", pages[i][0], r.rate, r.p(50), r.p(99), i == 0 ? "" : String.format("%.2f", r.rate / peak[0]));
		}
		System.out.printf("%n%-40s %12s %9s %9s%n", "page (paced at 80% of its peak)", "req/s", "p50 ms", "p99 ms");
		for (int i = 1; i < pages.length; i++) {
			var r = openLoop(pages[i][1], peak[i] * 0.8, seconds);
			System.out.printf("%-40s %12.0f %9.1f %9.1f%n", pages[i][0], r.rate, r.p(50), r.p(99));
		}
		System.out.println("targets: ratio ≥ 0.50; p99 < 200 ms at 80% of the peak");
	}

	private record Result(double rate, List<Long> micros) {
		double p(int pct) {
			List<Long> s = new ArrayList<>(micros);
			Collections.sort(s);
			return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * pct / 100.0) - 1)) / 1000.0;
		}
	}

	private void warm(String url) throws Exception {
		for (int i = 0; i < 300; i++) {
			get(url);
		}
	}

	private int get(String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Result closedLoop(String url, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
		AtomicLong failures = new AtomicLong();
		var pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					long t = System.nanoTime();
					try {
						if (get(url) != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
					times.add((System.nanoTime() - t) / 1000);
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		if (failures.get() > 0) {
			System.out.println("  failures: " + failures.get());
		}
		return new Result(times.size() / (double) seconds, new ArrayList<>(times));
	}

	/**
	 * The same clients, each paced to its share of the rate; latency measured from the moment each request was due (a
	 * server falling behind shows as growing latency, not as a lower rate).
	 */
	private Result openLoop(String url, double rate, int seconds) throws Exception {
		int clients = Integer.getInteger("bench.clients", 8);
		long interval = (long) (clients * 1_000_000_000L / Math.max(1, rate));
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
		AtomicLong failures = new AtomicLong();
		var pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			long offset = c * interval / clients;
			pool.submit(() -> {
				for (long due = start + offset; due < end; due += interval) {
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					try {
						if (get(url) != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
					times.add((System.nanoTime() - due) / 1000);
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		if (failures.get() > 0) {
			System.out.println("  failures: " + failures.get());
		}
		return new Result(times.size() / ((System.nanoTime() - start) / 1e9), new ArrayList<>(times));
	}
}
