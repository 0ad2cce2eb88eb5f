package zhifa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: the same API call with a Bearer token and with a session, closed loop with {@code bench.clients} (4)
 * clients for {@code bench.seconds} (5) per round, rounds interleaved (session, token, session, token) so both see the
 * same machine. Prints calls per second and the ratio token/session (issue 17 target ≥ 0.8). Run with
 * {@code ./mvnw verify -Pbench -Dit.test=TokenCallBenchmark}.
 */
class TokenCallBenchmark extends IntegrationTestBase {

	@Test
	void aTokenCallAgainstASessionCall() throws Exception {
		int clients = Integer.getInteger("bench.clients", 4);
		int seconds = Integer.getInteger("bench.seconds", 5);
		HttpSession admin = loggedIn("scj.admin");
		String secret = json(admin.postJson("/api/v1/tokens", "{\"name\":\"基准测试令牌\"}").body()).get("secret").asString();
		// the lightest authenticated call: what differs is the authentication itself
		String path = "/api/v1/me";
		List<HttpSession> sessions = new ArrayList<>();
		List<HttpSession> tokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			sessions.add(loggedIn("scj.admin"));
			tokens.add(HttpSession.withToken(port, secret));
		}
		// warm both paths
		rate(() -> sessions, path, clients, 2);
		rate(() -> tokens, path, clients, 2);
		double[] session = new double[2];
		double[] token = new double[2];
		for (int round = 0; round < 2; round++) {
			session[round] = rate(() -> sessions, path, clients, seconds);
			token[round] = rate(() -> tokens, path, clients, seconds);
		}
		double s = (session[0] + session[1]) / 2;
		double t = (token[0] + token[1]) / 2;
		System.out.printf("%nGET %s, %d clients, %d s per round, two rounds interleaved%n", path, clients, seconds);
		System.out.printf("%-28s %10.0f calls/s%n", "with a session", s);
		System.out.printf("%-28s %10.0f calls/s%n", "with a Bearer token", t);
		System.out.printf("%-28s %10.2f (target ≥ 0.80)%n", "ratio token / session", t / s);
	}

	private static double rate(Supplier<List<HttpSession>> who, String path, int clients, int seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Future<?>> all = new ArrayList<>();
		for (HttpSession s : who.get()) {
			all.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					if (s.get(path).statusCode() != 200) {
						throw new IllegalStateException("call refused");
					}
					done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : all) {
			f.get();
		}
		pool.shutdown();
		return done.get() / (double) seconds;
	}
}
