package zhifa.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import zhifa.identity.Totp;
import zhifa.identity.TwoFactor;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application on a throw-away embedded PostgreSQL with the 芒市 demo dataset, shared by every integration test
 * (same configuration → one cached context), reached over real HTTP. The test database runs with fsync off for
 * speed ({@code zhifa.embedded-db.durable=false}); the run command keeps it on ({@code EmbeddedDatabaseCrashIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhifa.embedded-db.data-dir=", "zhifa.embedded-db.durable=false", "zhifa.crypto.key-file=", "zhifa.record.key-file=", "zhifa.record.signing-key-file=", "zhifa.record.anchor-dir=", "zhifa.demo.enabled=true", "zhifa.record.anchor-initial-delay=P3650D", "zhifa.supervision.alerts.sweep-after-start=P3650D",
				"zhifa.evidence.dir=target/test-evidence" })
@Import({ TestClockConfiguration.class, StatementCounter.class })
public abstract class IntegrationTestBase {

	/** The value once {@code until} holds of it (what another thread writes after a commit), or the last read after 30 seconds. */
	protected static <T> T await(java.util.function.Supplier<T> value, java.util.function.Predicate<T> until) throws InterruptedException {
		long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		T v = value.get();
		while (!until.test(v) && System.nanoTime() < end) {
			Thread.sleep(50);
			v = value.get();
		}
		return v;
	}


	public static final String DEMO_PASSWORD = "Zhifa@2026";
	/** The demo's three administrators (系统、安全、审计), who must use a second factor. */
	public static final java.util.Set<String> DEMO_ADMINS = java.util.Set.of("admin", "anquan", "shenji");
	protected static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Sessions of the demo administrators, who log in with a one-time code: a code is good once, so they are reused. */
	private static final Map<String, HttpSession> ADMIN_SESSIONS = new ConcurrentHashMap<>();

	protected HttpSession loggedIn(String username) {
		if (DEMO_ADMINS.contains(username)) {
			return ADMIN_SESSIONS.computeIfAbsent(port + "/" + username, k -> freshLogin(username));
		}
		return freshLogin(username);
	}

	/** A new session; for the demo administrators with the second factor from the published demo secret. */
	protected HttpSession freshLogin(String username) {
		HttpSession s = new HttpSession(port);
		String location = s.login(username, DEMO_PASSWORD);
		if (location.endsWith("/login/two-factor")) {
			location = completeSecondFactor(s);
		}
		if (location.contains("error") || location.isEmpty()) {
			throw new IllegalStateException("login failed for " + username);
		}
		return s;
	}

	/** The current code, or — when it was used already — the next one after waiting for it. */
	protected String completeSecondFactor(HttpSession s) {
		for (int attempt = 0; attempt < 3; attempt++) {
			String location = s.secondFactor(Totp.code(TwoFactor.DEMO_SECRET, clock.instant().getEpochSecond()));
			if (!location.isEmpty()) {
				return location;
			}
			try {
				Thread.sleep((Totp.STEP_SECONDS - clock.instant().getEpochSecond() % Totp.STEP_SECONDS) * 1000 + 200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return "";
	}

	protected static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	protected long bodyId(String name) {
		return jdbc.queryForObject("select id from org_body where name = ?", Long.class, name);
	}

	protected long userId(String username) {
		return jdbc.queryForObject("select id from idn_user where username = ?", Long.class, username);
	}

	/** An inquiry transcript on a filed case, today: the investigation a proposal rests on (行政处罚法第五十四条、第五十五条). */
	protected void transcript(HttpSession officer, long caseId) {
		var r = officer.postJson("/api/v1/cases/" + caseId + "/transcripts", """
				{"kind":"INQUIRY","heldOn":"%s","place":"询问室","subject":"当事人","content":"问：……答：……"}""".formatted(java.time.LocalDate.now(clock)));
		org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	/** A signed waiver's scan as a test uploads it (a minimal PDF). */
	public static final byte[] SIGNED_SCAN = "%PDF-1.4\n% 当事人签名的书面放弃声明\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	/** The party's written waiver of a right (STATEMENT or HEARING), with the signed scan and the officer's confirmation. */
	public static java.net.http.HttpResponse<String> waive(HttpSession officer, long caseId, String right, java.time.LocalDate on) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("right", right);
		fields.put("confirmed", "true");
		if (on != null) {
			fields.put("on", on.toString());
		}
		return officer.postMultipart("/api/v1/cases/" + caseId + "/waivers", fields, "file", "waiver.pdf", "application/pdf", SIGNED_SCAN);
	}

	/** Generates the documents a penalty case's file must hold before 结案 (those the case can have). */
	public static void fileDocuments(HttpSession officer, long caseId) {
		for (String type : java.util.List.of("FILING_APPROVAL", "NOTICE", "DECISION", "SERVICE_RECEIPT", "ONSPOT_DECISION")) {
			var r = officer.postJson("/api/v1/cases/" + caseId + "/documents/" + type, "{}");
			// generated, or a type this case cannot have (an on-the-spot decision of a general-procedure case)
			org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(type + ": " + r.body()).isIn(200, 422);
		}
	}

	/** A new, empty database on the tests' server, for migrating an older schema; {@link #drop} removes it. */
	protected Scratch scratchDatabase(String prefix) throws java.sql.SQLException {
		String name = prefix + "_" + System.nanoTime();
		jdbc.execute("create database " + name);
		String url = jdbc.getDataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return new Scratch(name, url, new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", ""));
	}

	/** Drops a scratch database, closing what is still connected to it. */
	protected void drop(Scratch scratch) {
		jdbc.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + scratch.name() + "' and pid <> pg_backend_pid()");
		jdbc.execute("drop database if exists " + scratch.name());
	}

	/** A scratch database: its name, its JDBC address (user {@code postgres}) and a data source connecting to it. */
	protected record Scratch(String name, String url, javax.sql.DataSource dataSource) {
	}

	protected long recordCount() {
		return jdbc.queryForObject("select count(*) from record_entry", Long.class);
	}
}
