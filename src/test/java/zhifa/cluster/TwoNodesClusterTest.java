package zhifa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;

/**
 * Several application nodes on one replicated PostgreSQL (issue 17 target 5), on this machine: Debian's PostgreSQL 15
 * as a primary and a streaming replica, and two nodes of the packaged platform ({@code java -jar}) sharing the key files,
 * the anchor directory and the evidence directory. Shows that a user's session is served by either node; that writers
 * on both nodes keep every record chain valid ({@code verify-records} on the result) and the case numbers gapless; that
 * the dashboard and the yearly statistics are read on the replica and writes go to the primary; and that killing a
 * node loses no acknowledged request (the other node delivers what it left undelivered). Run by the {@code cluster}
 * profile ({@code .ci/run} installs {@code postgresql-15} first).
 */
class TwoNodesClusterTest {

	private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
	private static final String PASSWORD = "Zhifa@2026";

	private final List<Process> processes = new ArrayList<>();
	private Path dir;
	private int primaryPort;
	private int replicaPort;

	@AfterEach
	void stopEverything() throws Exception {
		for (Process p : processes) {
			p.destroy();
		}
		for (Process p : processes) {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
		if (dir != null) {
			for (String db : List.of("replica", "primary")) {
				if (Files.exists(dir.resolve(db).resolve("postmaster.pid"))) {
					pg("pg_ctl", "-D", dir.resolve(db).toString(), "-m", "immediate", "stop");
				}
			}
		}
	}

	@Test
	void twoNodesOnAPrimaryAndAReplica() throws Exception {
		assertThat(PG_BIN.resolve("postgres")).as("Debian's postgresql-15 (installed by .ci/run before the cluster profile)").exists();
		startDatabases();
		Path jar = jar();
		int a = freePort();
		int b = freePort();
		Process nodeA = node("a", jar, a, true);
		waitUntilUp(a, nodeA, "a");
		Process nodeB = node("b", jar, b, false);
		waitUntilUp(b, nodeB, "b");

		// 1. one session, either node
		HttpSession onA = new HttpSession(a);
		assertThat(onA.login("scj.zhifa", PASSWORD)).doesNotContain("error");
		HttpSession onB = onA.onPort(b);
		var me = onB.get("/api/v1/me");
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("scj.zhifa");
		assertThat(count("select count(*) from spring_session where principal_name = 'scj.zhifa'")).isGreaterThanOrEqualTo(1);

		// 2. reads of the dashboard and the statistics on the replica, writes on the primary
		HttpSession supervisor = new HttpSession(b);
		assertThat(supervisor.login("jiandu", PASSWORD)).doesNotContain("error");
		long replicaBefore = replicaCommits();
		for (int i = 0; i < 5; i++) {
			assertThat(supervisor.get("/supervision").statusCode()).isEqualTo(200);
		}
		assertThat(replicaCommits() - replicaBefore).as("read-only transactions committed on the replica").isGreaterThanOrEqualTo(5);
		assertThat(replicaApplicationConnections()).as("the nodes' replica pools").isGreaterThanOrEqualTo(1);

		// 3. writers on both nodes, one node killed under load: every acknowledged clue is there, with its ledger entry
		long body;
		long matter;
		try (Connection c = primary()) {
			body = single(c, "select id from org_body where name = '芒市市场监督管理局'");
			matter = single(c, "select id from enforcement_matter where code = 'SJ-CF-001'");
		}
		String idBase = "53310319900101003";
		String clue = """
				{"bodyId":%d,"matterId":%d,"source":"COMPLAINT","partyKind":"NATURAL_PERSON","partyName":"集群测试","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"两个节点同时登记的案源"}"""
			.formatted(body, matter, idBase + IdNumber.checkCharacter(idBase), LocalDate.now().minusDays(2));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Set<Long> acknowledgedIds = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService load = Executors.newFixedThreadPool(4);
		List<Future<?>> writers = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			int port = t % 2 == 0 ? a : b;
			writers.add(load.submit(() -> {
				HttpSession officer = new HttpSession(port);
				officer.login("scj.zhifa", PASSWORD);
				for (int i = 0; !stop.get(); i++) {
					String key = "cluster-" + thread + "-" + i;
					try {
						var r = officer.postJsonWithHeader("/api/v1/cases", clue, "Idempotency-Key", key);
						if (r.statusCode() == 201) {
							acknowledged.add(key);
							Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
							if (m.find()) {
								acknowledgedIds.add(Long.parseLong(m.group(1)));
							}
						}
					}
					catch (RuntimeException e) {
						// node b is gone: its writers' requests fail from now on
					}
				}
				return null;
			}));
		}
		HttpSession signedInOnB = new HttpSession(b);
		assertThat(signedInOnB.login("scj.fazhi", PASSWORD)).doesNotContain("error");
		waitFor(() -> acknowledged.size() >= 120, Duration.ofSeconds(120));
		nodeB.destroyForcibly();
		nodeB.waitFor(30, TimeUnit.SECONDS);
		// the user signed in on b goes on working on a
		var afterKill = signedInOnB.onPort(a).get("/api/v1/me");
		assertThat(afterKill.statusCode()).as(afterKill.body()).isEqualTo(200);
		assertThat(afterKill.body()).contains("scj.fazhi");
		int atKill = acknowledged.size();
		waitFor(() -> acknowledged.size() >= atKill + 40, Duration.ofSeconds(60));
		stop.set(true);
		for (Future<?> f : writers) {
			f.get(60, TimeUnit.SECONDS);
		}
		load.shutdown();
		System.out.println("clues acknowledged: " + acknowledged.size() + " (" + atKill + " before node b was killed)");
		try (Connection c = primary()) {
			Set<String> stored = new java.util.HashSet<>();
			try (ResultSet rs = c.createStatement().executeQuery("select idempotency_key from enforcement_case where idempotency_key like 'cluster-%'")) {
				while (rs.next()) {
					stored.add(rs.getString(1));
				}
			}
			assertThat(stored).as("every acknowledged clue is stored").containsAll(acknowledged);
		}
		// what node b had not reported to the supervision ledger (its batch rolled back with it), node a reports: the ledger queue is polled every 2 s
		waitFor(() -> count("select count(*) from sv_act where source = 'PLATFORM' and external_id in ("
				+ String.join(",", acknowledgedIds.stream().map(id -> "'" + id + "'").toList()) + ")") == acknowledgedIds.size(), Duration.ofSeconds(90));

		// 4. filings on both nodes at once: case numbers without gaps or repeats
		HttpSession leaderA = new HttpSession(a);
		assertThat(leaderA.login("scj.fuze", PASSWORD)).doesNotContain("error");
		Process nodeB2 = node("b2", jar, b, false);
		waitUntilUp(b, nodeB2, "b2");
		HttpSession leaderB = new HttpSession(b);
		assertThat(leaderB.login("scj.fuze", PASSWORD)).doesNotContain("error");
		String officers;
		try (Connection c = primary()) {
			officers = single(c, "select id from officer where name = '张伟'") + "," + single(c, "select id from officer where name = '岩温'");
		}
		// each session's CSRF token exists before the requests run in parallel (as it does once a page has been shown)
		leaderA.csrf();
		leaderB.csrf();
		List<Long> toFile = new ArrayList<>(acknowledgedIds).subList(0, 40);
		ExecutorService filers = Executors.newFixedThreadPool(4);
		List<Future<HttpResponse<String>>> filed = new ArrayList<>();
		for (int i = 0; i < toFile.size(); i++) {
			long id = toFile.get(i);
			HttpSession leader = i % 2 == 0 ? leaderA : leaderB;
			filed.add(filers.submit(() -> leader.postJson("/api/v1/cases/" + id + "/filing",
					"{\"officerIds\":[" + officers + "],\"acknowledgeEarlierFiling\":true,\"opinion\":\"同意立案（集群测试）\"}")));
		}
		for (Future<HttpResponse<String>> f : filed) {
			var r = f.get(60, TimeUnit.SECONDS);
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		}
		filers.shutdown();
		try (Connection c = primary()) {
			List<Long> seqs = new ArrayList<>();
			try (ResultSet rs = c.createStatement().executeQuery("select case_seq from enforcement_case where body_id = " + body
					+ " and case_year = extract(year from now() at time zone 'Asia/Shanghai') and case_seq is not null order by case_seq")) {
				while (rs.next()) {
					seqs.add(rs.getLong(1));
				}
			}
			for (int i = 1; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).as("case numbers follow each other").isEqualTo(seqs.get(i - 1) + 1);
			}
			assertThat(seqs.size()).isGreaterThanOrEqualTo(40);
		}

		// 5. every record chain written by both nodes holds: verify-records on the cluster's database, with the shared keys
		Path shared = dir.resolve("shared");
		Process verify = java(jar, "verify", List.of("verify-records", "--zhifa.crypto.key-file=" + shared.resolve("sm4.key"),
				"--zhifa.record.key-file=" + shared.resolve("record.key"), "--zhifa.record.signing-key-file=" + shared.resolve("record-signing.key"),
				"--zhifa.record.anchor-dir=" + shared.resolve("anchors")), environment());
		assertThat(verify.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String report = Files.readString(dir.resolve("verify.log"));
		System.out.println(report.lines().filter(l -> l.startsWith("verify-records") || l.startsWith("[") || l.startsWith("RESULT")).toList());
		assertThat(verify.exitValue()).as(report).isZero();
		assertThat(report).contains("RESULT: intact");
	}

	// ---- PostgreSQL primary and replica

	private void startDatabases() throws Exception {
		dir = Files.createTempDirectory("zhifa-cluster");
		primaryPort = freePort();
		replicaPort = freePort();
		if (isRoot()) {
			run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir.resolve("chown.log"));
		}
		Path primary = dir.resolve("primary");
		pg("initdb", "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
		Files.writeString(primary.resolve("postgresql.conf"), """

				listen_addresses = '127.0.0.1'
				port = %d
				unix_socket_directories = '%s'
				wal_level = replica
				max_wal_senders = 5
				hot_standby = on
				max_connections = 100
				""".formatted(primaryPort, dir), java.nio.file.StandardOpenOption.APPEND);
		pg("pg_ctl", "-D", primary.toString(), "-l", dir.resolve("primary.log").toString(), "-w", "start");
		pg("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres", "-D", dir.resolve("replica").toString(), "-R",
				"-X", "stream");
		Files.writeString(dir.resolve("replica").resolve("postgresql.conf"), "\nport = %d\n".formatted(replicaPort),
				java.nio.file.StandardOpenOption.APPEND);
		pg("pg_ctl", "-D", dir.resolve("replica").toString(), "-l", dir.resolve("replica.log").toString(), "-w", "start");
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "postgres", "")) {
			c.createStatement().execute("create database zhifa");
		}
		waitFor(() -> {
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort + "/zhifa", "postgres", "")) {
				return true;
			}
			catch (Exception e) {
				return false;
			}
		}, Duration.ofSeconds(30));
	}

	private Connection primary() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/zhifa", "postgres", "");
	}

	private long count(String sql) {
		try (Connection c = primary(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private long replicaCommits() throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort + "/zhifa", "postgres", "");
				ResultSet rs = c.createStatement().executeQuery("select xact_commit from pg_stat_database where datname = 'zhifa'")) {
			rs.next();
			// this query's own transaction is not counted yet; stats are flushed when a backend goes idle
			return rs.getLong(1);
		}
	}

	private long replicaApplicationConnections() throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort + "/zhifa", "postgres", "");
				ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_stat_activity where application_name = 'zhifa-replica'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long single(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void pg(String... command) throws Exception {
		List<String> cmd = new ArrayList<>();
		if (isRoot()) {
			cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		cmd.add(PG_BIN.resolve(command[0]).toString());
		cmd.addAll(List.of(command).subList(1, command.length));
		run(cmd, dir.resolve(command[0] + ".log"));
	}

	private static void run(List<String> cmd, Path log) throws Exception {
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + Files.readString(log));
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	// ---- application nodes

	private static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("zhifa-.*\\.jar")).findFirst()
				.orElseThrow(() -> new IllegalStateException("target/zhifa-*.jar: run the cluster profile with verify (the jar is packaged first)"));
		}
	}

	private java.util.Map<String, String> environment() {
		return java.util.Map.of("ZHIFA_DB_URL", "jdbc:postgresql://127.0.0.1:" + primaryPort + "/zhifa", "ZHIFA_DB_USER", "postgres", "ZHIFA_DB_PASSWORD",
				"");
	}

	private Process node(String name, Path jar, int port, boolean demo) throws Exception {
		Path shared = dir.resolve("shared");
		return java(jar, name, List.of("--server.port=" + port, "--zhifa.datasource.replica-url=jdbc:postgresql://127.0.0.1:" + replicaPort + "/zhifa",
				"--zhifa.crypto.key-file=" + shared.resolve("sm4.key"), "--zhifa.record.key-file=" + shared.resolve("record.key"),
				"--zhifa.record.signing-key-file=" + shared.resolve("record-signing.key"), "--zhifa.record.anchor-dir=" + shared.resolve("anchors"),
				"--zhifa.evidence.dir=" + shared.resolve("evidence"), "--zhifa.demo.enabled=" + demo, "--zhifa.events.redelivery-interval=PT10S",
				"--zhifa.events.redelivery-age=PT10S", "--logging.level.root=warn"), environment());
	}

	private Process java(Path jar, String name, List<String> args, java.util.Map<String, String> env) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
				jar.toAbsolutePath().toString()));
		cmd.addAll(args);
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
		pb.environment().putAll(env);
		Process p = pb.start();
		processes.add(p);
		return p;
	}

	private void waitUntilUp(int port, Process p, String name) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long until = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < until) {
			if (!p.isAlive()) {
				throw new IllegalStateException("node " + name + " stopped:\n" + tail(dir.resolve(name + ".log")));
			}
			try {
				if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("node " + name + " did not start:\n" + tail(dir.resolve(name + ".log")));
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	private static void waitFor(java.util.function.BooleanSupplier done, Duration atMost) throws InterruptedException {
		long until = System.currentTimeMillis() + atMost.toMillis();
		while (!done.getAsBoolean()) {
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("not reached within " + atMost);
			}
			Thread.sleep(200);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
