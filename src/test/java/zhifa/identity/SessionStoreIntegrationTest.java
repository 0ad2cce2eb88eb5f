package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so any node serves any signed-in user: signing in writes the
 * session and its security context there, the cookie keeps its name and flags, and signing out deletes it.
 */
class SessionStoreIntegrationTest extends IntegrationTestBase {

	@Test
	void requestsOfOneSessionAtOnceThatEachCreateItsCsrfTokenAllSucceed() throws Exception {
		HttpSession s = freshLogin("scj.zhifa");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			var pages = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 6; i++) {
				pages.add(pool.submit(() -> s.get("/account/password").statusCode()));
			}
			for (var page : pages) {
				assertThat(page.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aSessionIsStoredInTheDatabaseAndDeletedAtSignOut() {
		HttpSession s = freshLogin("scj.fazhi");
		assertThat(s.cookieHeader()).contains("JSESSIONID=");
		String id = jdbc.queryForObject("""
				select primary_id from spring_session where principal_name = 'scj.fazhi' order by creation_time desc limit 1""", String.class);
		assertThat(jdbc.queryForList("select attribute_name from spring_session_attributes where session_primary_id = ?", String.class, id))
			.contains("SPRING_SECURITY_CONTEXT");
		assertThat(s.get("/api/v1/me").statusCode()).isEqualTo(200);

		var out = s.postForm("/logout", java.util.Map.of("_csrf", s.csrf()));
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from spring_session where primary_id = ?", Long.class, id)).isZero();
		assertThat(s.get("/api/v1/me").statusCode()).isIn(302, 401);
	}
}
