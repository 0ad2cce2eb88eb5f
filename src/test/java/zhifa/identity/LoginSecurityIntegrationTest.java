package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class LoginSecurityIntegrationTest extends IntegrationTestBase {

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
		HttpSession admin = loggedIn("anquan");
		var created = admin.postJson("/api/v1/users", """
				{"username":"lock.test","displayName":"锁定测试","bodyId":%d,"roles":["OFFICER"],"password":"Start#2026x"}"""
			.formatted(bodyId("芒市交通运输局")));
		assertThat(created.statusCode()).isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			assertThat(new HttpSession(port).login("lock.test", "wrong-password")).contains("error");
		}
		assertThat(new HttpSession(port).login("lock.test", "Start#2026x")).contains("error");
		long id = userId("lock.test");
		assertThat(jdbc.queryForObject("select locked_until > now() from idn_user where id = ?", Boolean.class, id)).isTrue();
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'user' and subject_id = ? order by seq",
				String.class, String.valueOf(id)))
			.contains("user.created", "login.failed", "user.locked");
		// attempts while it is stopped are refused unread, and kept on record at the 1st, 10th, 100th … (the right password above was the 1st)
		for (int i = 0; i < 9; i++) {
			assertThat(new HttpSession(port).login("lock.test", "wrong-again")).contains("error");
		}
		assertThat(jdbc.queryForList("select summary from record_entry where subject_type = 'user' and subject_id = ? and summary like '暂停登录期间%' order by seq",
				String.class, String.valueOf(id))).containsExactly("暂停登录期间仍有登录尝试，已拒绝（本次暂停中第1次）",
						"暂停登录期间仍有登录尝试，已拒绝（本次暂停中第10次，此后每十倍次数记录一次）");

		// the administrator unlocks; the user logs in and is sent to change the initial password
		var csrf = admin.csrf();
		admin.postForm("/accounts/" + id + "/unlock", Map.of("_csrf", csrf));
		HttpSession user = new HttpSession(port);
		assertThat(user.login("lock.test", "Start#2026x")).endsWith("/account/password");
		assertThat(user.get("/bodies").headers().firstValue("Location").orElse("")).endsWith("/account/password");
		assertThat(user.get("/api/v1/bodies").statusCode()).isEqualTo(403);
	}

	@Test
	void loginAndLogoutAreRecorded() {
		HttpSession s = loggedIn("scj.fuze");
		s.postForm("/logout", Map.of("_csrf", s.csrf()));
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'user' and subject_id = ?",
				String.class, String.valueOf(userId("scj.fuze"))))
			.contains("login.succeeded", "logout");
		new HttpSession(port).login("nobody.here", "x");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'login' and subject_id = 'nobody.here'",
				Long.class)).isEqualTo(1);
	}

	@Test
	void weakPasswordIsRefusedInChineseAndNothingIsWritten() {
		HttpSession security = loggedIn("anquan");
		long before = recordCount();
		var res = security.postJson("/api/v1/users", """
				{"username":"weak.pw","displayName":"弱密码","bodyId":%d,"roles":["OFFICER"],"password":"abcdefgh"}"""
			.formatted(bodyId("芒市交通运输局")));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("errors").get("password").asString()).contains("三类");
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'weak.pw'", Long.class)).isZero();
		assertThat(recordCount()).isEqualTo(before);
	}

	@Test
	void supervisorRoleNeedsASupervisoryBody() {
		var res = loggedIn("anquan").postJson("/api/v1/users", """
				{"username":"not.supervisor","displayName":"错误角色","bodyId":%d,"roles":["SUPERVISOR"],"password":"Abcdef12!"}"""
			.formatted(bodyId("芒市交通运输局")));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(res.body()).contains("执法监督人员只能设在承担执法监督职责的单位");
	}

	@Test
	void formPostsWithoutCsrfTokenAreRefused() {
		HttpSession s = loggedIn("admin");
		assertThat(s.postForm("/domains", Map.of("code", "CSRF_TEST", "name", "跨站")).statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from org_domain where code = 'CSRF_TEST'", Long.class)).isZero();
	}

	@Test
	void anApiCallWithoutCsrfTokenIsRefusedWithAChineseProblemDetail() {
		HttpSession s = loggedIn("scj.admin");
		var res = s.postJsonWithoutCsrf("/api/v1/users", "{\"username\":\"csrf.api\"}");
		assertThat(res.statusCode()).isEqualTo(403);
		assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(res.body()).get("detail").asString()).contains("CSRF 令牌");
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'csrf.api'", Long.class)).isZero();
	}

	@Test
	void healthIsPublicOtherActuatorEndpointsNeedThePlatformAdministrator() {
		assertThat(new HttpSession(port).get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(new HttpSession(port).get("/actuator/metrics").statusCode()).isEqualTo(302);
		assertThat(loggedIn("jiandu").get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(loggedIn("admin").get("/actuator/metrics").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesCarrySecurityHeaders() {
		var res = new HttpSession(port).get("/login");
		assertThat(res.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
		assertThat(res.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void openApiDescribesTheApi() {
		var res = new HttpSession(port).get("/v3/api-docs");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("/api/v1/calendar/deadline", "/api/v1/bodies", "/api/v1/records/{subjectType}/{subjectId}/verification");
	}
}
