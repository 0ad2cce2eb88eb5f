package zhifa.shared.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Not a test: what durable commits cost. The same load — 4 writers, each committing 1,500 small transactions of two
 * inserts (a case row and its record entry) — on the embedded server with {@code fsync}/{@code synchronous_commit} on
 * (the run command) and off (the tests). Run with {@code ./mvnw verify -Pbench}.
 */
class DurableCommitBenchmark {

	@Test
	void commitRateWithAndWithoutDurability() throws Exception {
		System.out.println();
		for (boolean durable : new boolean[] { false, true }) {
			Path dir = Files.createTempDirectory("zhifa-durable-bench");
			try (var pg = EmbeddedDatabase.start(dir.resolve("pgdata"), 0, durable)) {
				try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres")) {
					c.createStatement().execute("create table bench_case (id bigserial primary key, party text not null, created_at timestamptz not null default now());"
							+ "create table bench_entry (id bigserial primary key, case_id bigint not null references bench_case (id), payload text not null)");
				}
				int writers = 4;
				int perWriter = 1500;
				ExecutorService pool = Executors.newFixedThreadPool(writers);
				long start = System.nanoTime();
				List<Future<?>> done = new ArrayList<>();
				for (int w = 0; w < writers; w++) {
					done.add(pool.submit(() -> {
						try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
								PreparedStatement caseRow = c.prepareStatement("insert into bench_case (party) values (?) returning id");
								PreparedStatement entry = c.prepareStatement("insert into bench_entry (case_id, payload) values (?, ?)")) {
							c.setAutoCommit(false);
							for (int i = 0; i < perWriter; i++) {
								caseRow.setString(1, "当事人" + i);
								var rs = caseRow.executeQuery();
								rs.next();
								entry.setLong(1, rs.getLong(1));
								entry.setString(2, "{\"action\":\"case.clue_registered\"}");
								entry.executeUpdate();
								c.commit();
							}
						}
						return null;
					}));
				}
				for (Future<?> f : done) {
					f.get();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				pool.shutdown();
				System.out.printf("embedded PostgreSQL, %s: %d commits in %.2f s = %.0f commits/s%n",
						durable ? "fsync on, synchronous_commit on (run command)" : "fsync off, synchronous_commit off (tests)  ",
						writers * perWriter, seconds, writers * perWriter / seconds);
			}
		}
	}
}
