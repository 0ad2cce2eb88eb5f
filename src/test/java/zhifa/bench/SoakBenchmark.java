package zhifa.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: a soak (issue 17 target 4). For {@code bench.soak-minutes} (10) four clients work the platform over HTTP
 * — an officer registering clues and opening them, a supervisor reading the dashboard and the ledger, another system
 * calling the API with a token — while every minute the heap after a full collection, the process's resident memory,
 * the threads and the requests served are printed. No growth: the heap after collection at the end is within a few
 * megabytes of the first minute's. Run with {@code ./mvnw verify -Pbench -Dit.test=SoakBenchmark}.
 */
class SoakBenchmark extends IntegrationTestBase {

	@Test
	void tenMinutesUnderLoad() throws Exception {
		int minutes = Integer.getInteger("bench.soak-minutes", 10);
		long body = bodyId("芒市市场监督管理局");
		long matter = jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class);
		String idBase = "53310319900101004";
		String clue = """
				{"bodyId":%d,"matterId":%d,"source":"COMPLAINT","partyKind":"NATURAL_PERSON","partyName":"持续负载","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"持续负载测试的案源"}"""
			.formatted(body, matter, idBase + IdNumber.checkCharacter(idBase), LocalDate.now(clock).minusDays(2));
		HttpSession admin = loggedIn("scj.admin");
		String secret = json(admin.postJson("/api/v1/tokens", "{\"name\":\"持续负载令牌\"}").body()).get("secret").asString();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong requests = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> clients = new ArrayList<>();
		clients.add(pool.submit(() -> {
			HttpSession officer = loggedIn("scj.zhifa");
			for (int i = 0; !stop.get(); i++) {
				var r = officer.postJsonWithHeader("/api/v1/cases", clue, "Idempotency-Key", "soak-" + i);
				count(r.statusCode() == 201, requests, failures);
				if (r.statusCode() == 201) {
					long id = json(r.body()).get("id").asLong();
					count(officer.get("/cases/" + id).statusCode() == 200, requests, failures);
				}
			}
			return null;
		}));
		clients.add(pool.submit(() -> {
			HttpSession officer = loggedIn("scj.zhifa");
			while (!stop.get()) {
				count(officer.get("/cases?filter=OPEN").statusCode() == 200, requests, failures);
				count(officer.get("/").statusCode() == 200, requests, failures);
			}
			return null;
		}));
		clients.add(pool.submit(() -> {
			HttpSession supervisor = loggedIn("jiandu");
			while (!stop.get()) {
				count(supervisor.get("/supervision").statusCode() == 200, requests, failures);
				count(supervisor.get("/supervision/alerts").statusCode() == 200, requests, failures);
			}
			return null;
		}));
		clients.add(pool.submit(() -> {
			HttpSession system = HttpSession.withToken(port, secret);
			while (!stop.get()) {
				count(system.get("/api/v1/me").statusCode() == 200, requests, failures);
				count(system.get("/api/v1/cases?filter=OPEN&size=20").statusCode() == 200, requests, failures);
			}
			return null;
		}));
		System.out.printf("%nsoak: 4 clients for %d minutes%n%8s %12s %10s %16s %10s %8s%n", minutes, "minute", "requests", "failures",
				"heap after GC MB", "RSS MB", "threads");
		double first = 0;
		double last = 0;
		for (int m = 0; m <= minutes; m++) {
			if (m > 0) {
				Thread.sleep(60_000);
			}
			System.gc();
			double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
			if (m == 1) {
				first = heap;
			}
			last = heap;
			System.out.printf("%8d %12d %10d %16.0f %10.0f %8d%n", m, requests.get(), failures.get(), heap, rss(),
					ManagementFactory.getThreadMXBean().getThreadCount());
		}
		stop.set(true);
		for (Future<?> c : clients) {
			c.get();
		}
		pool.shutdown();
		System.out.printf("heap after GC, minute 1 → minute %d: %.0f → %.0f MB (%+.0f MB); %d requests, %d failed%n", minutes, first, last, last - first,
				requests.get(), failures.get());
	}

	private static void count(boolean ok, AtomicLong requests, AtomicLong failures) {
		requests.incrementAndGet();
		if (!ok) {
			failures.incrementAndGet();
		}
	}

	/** The resident memory of this process (the test JVM, which runs the platform). */
	private static double rss() throws Exception {
		return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
			.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024.0;
	}
}
