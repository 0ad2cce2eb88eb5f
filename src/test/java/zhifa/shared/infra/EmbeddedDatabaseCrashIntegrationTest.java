package zhifa.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import zhifa.ZhifaApplication;
import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;

/**
 * The run command's database loses no acknowledged write: the platform runs on a durable embedded PostgreSQL (the
 * README's configuration), officers register clues with idempotency keys under load, the database processes are killed
 * with SIGKILL, and after a restart every clue that was answered with 201 is there. On a fresh folder the web server
 * opens its port only once the demo data is loaded.
 */
class EmbeddedDatabaseCrashIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedClueSurvivesTheDatabaseBeingKilledUnderLoad() throws Exception {
		Path data = dir.resolve("pgdata");
		// when the web server opens its port, the demo accounts must already be there (no "账号或密码错误" while loading)
		List<Long> demoAccountsWhenThePortOpened = new ArrayList<>();
		ApplicationListener<ApplicationEvent> portOpened = event -> {
			if (event instanceof WebServerInitializedEvent e) {
				demoAccountsWhenThePortOpened.add(e.getApplicationContext().getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from idn_user where demo and username = 'scj.zhifa'", Long.class));
			}
		};
		// command-line arguments: they outrank application.yml (builder properties would not)
		ConfigurableApplicationContext app = new SpringApplicationBuilder(ZhifaApplication.class).listeners(portOpened).run(
				"--server.port=0", "--zhifa.embedded-db.data-dir=" + data, "--zhifa.crypto.key-file=" + dir.resolve("sm4.key"),
				"--zhifa.record.key-file=" + dir.resolve("record.key"), "--zhifa.record.anchor-dir=" + dir.resolve("anchors"),
				"--zhifa.demo.enabled=true", "--zhifa.evidence.dir=" + dir.resolve("evidence"), "--zhifa.record.anchor-initial-delay=P3650D",
				"--logging.level.root=error", "--server.shutdown=immediate", "--spring.datasource.hikari.connection-timeout=1000");
		long started = System.currentTimeMillis();
		assertThat(demoAccountsWhenThePortOpened).as("demo data loaded before the port opened").containsExactly(1L);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService load = Executors.newFixedThreadPool(4);
		try {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			long bodyId;
			long matterId;
			try (Connection c = DriverManager.getConnection(url(data), "postgres", "postgres")) {
				bodyId = single(c, "select id from org_body where name = '芒市市场监督管理局'");
				matterId = single(c, "select id from enforcement_matter where code = 'SJ-CF-001'");
			}
			String idBase = "53310319900101002";
			String clue = """
					{"bodyId":%d,"matterId":%d,"source":"COMPLAINT","partyKind":"NATURAL_PERSON","partyName":"崩溃测试","partyIdNumber":"%s",
					 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"数据库被强制终止时的案源"}"""
				.formatted(bodyId, matterId, idBase + IdNumber.checkCharacter(idBase), LocalDate.now().minusDays(2));
			for (int t = 0; t < 4; t++) {
				int thread = t;
				load.submit(() -> {
					HttpSession officer = new HttpSession(port);
					officer.login("scj.zhifa", "Zhifa@2026");
					for (int i = 0; !killed.get(); i++) {
						String key = "crash-" + thread + "-" + i;
						try {
							var r = officer.postJsonWithHeader("/api/v1/cases", clue, "Idempotency-Key", key);
							if (r.statusCode() == 201) {
								acknowledged.add(key);
							}
						}
						catch (RuntimeException e) {
							// the database is gone: requests fail from now on
						}
					}
					return null;
				});
			}
			long until = System.currentTimeMillis() + 60_000;
			while (acknowledged.size() < 150 && System.currentTimeMillis() < until) {
				Thread.sleep(20);
			}
			System.out.println("Load ran " + (System.currentTimeMillis() - started) + " ms before the kill");
			killDatabase(data);
			killed.set(true);
		}
		finally {
			killed.set(true);
			try {
				// closes the pool too, so requests waiting for a connection fail at once
				app.close();
			}
			catch (RuntimeException e) {
				// stopping a database that was killed fails; the restart below is what matters
			}
			load.shutdown();
			load.awaitTermination(60, TimeUnit.SECONDS);
		}
		System.out.println("Clues acknowledged before the database was killed: " + acknowledged.size());
		assertThat(acknowledged).as("clues acknowledged before the kill").hasSizeGreaterThanOrEqualTo(100);

		try (var restarted = EmbeddedDatabase.start(data, 0, true);
				Connection c = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "postgres");
				ResultSet rs = c.createStatement().executeQuery("select idempotency_key from enforcement_case where idempotency_key like 'crash-%'")) {
			Set<String> stored = new HashSet<>();
			while (rs.next()) {
				stored.add(rs.getString(1));
			}
			assertThat(stored).as("every acknowledged clue is there after the restart").containsAll(acknowledged);
		}
	}

	/** SIGKILL to the postmaster and every process it started, as a power cut or an OOM killer would. */
	private static void killDatabase(Path data) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
		all.add(0, postmaster);
		all.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle p : all) {
			p.onExit().get(10, TimeUnit.SECONDS);
		}
	}

	private static String url(Path data) throws Exception {
		return "jdbc:postgresql://localhost:" + Files.readString(EmbeddedDatabase.portFile(data)).strip() + "/postgres";
	}

	private static long single(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
