package zhifa.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application on a throw-away embedded PostgreSQL with the 芒市 demo dataset, shared by every integration test
 * (same configuration → one cached context), reached over real HTTP. The test database runs with fsync off for
 * speed ({@code zhifa.embedded-db.durable=false}); the run command keeps it on ({@code EmbeddedDatabaseCrashIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhifa.embedded-db.data-dir=", "zhifa.embedded-db.durable=false", "zhifa.crypto.key-file=", "zhifa.record.key-file=", "zhifa.record.signing-key-file=", "zhifa.record.anchor-dir=", "zhifa.demo.enabled=true", "zhifa.record.anchor-initial-delay=P3650D",
				"zhifa.evidence.dir=target/test-evidence" })
@Import(TestClockConfiguration.class)
public abstract class IntegrationTestBase {

	public static final String DEMO_PASSWORD = "Zhifa@2026";
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

	protected HttpSession loggedIn(String username) {
		HttpSession s = new HttpSession(port);
		String location = s.login(username, DEMO_PASSWORD);
		if (location.contains("error")) {
			throw new IllegalStateException("login failed for " + username);
		}
		return s;
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

	protected long recordCount() {
		return jdbc.queryForObject("select count(*) from record_entry", Long.class);
	}
}
