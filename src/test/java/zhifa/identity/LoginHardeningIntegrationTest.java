package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** Logins as an attacker would try them: behind a TLS proxy, guessing names, spraying passwords; passwords and second factors. */
class LoginHardeningIntegrationTest extends IntegrationTestBase {

	private static final String PASSWORD = "Mqzv#k82x";

	/** A new account made by the 安全管理员, whose first password has already been changed to {@link #PASSWORD}. */
	private long account(String username, String roles, Long bodyId) {
		HttpSession security = loggedIn("anquan");
		var created = security.postJson("/api/v1/users", """
				{"username":"%s","displayName":"登录测试","bodyId":%s,"roles":[%s],"password":"Start#k82x"}""".formatted(username, bodyId, roles));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		if (!json(created.body()).get("enabled").asBoolean()) {
			// a 三员 account the 安全管理员 made is put to use by a 系统管理员
			HttpSession system = loggedIn("admin");
			system.postForm("/accounts/" + json(created.body()).get("id").asLong() + "/enable", Map.of("_csrf", system.csrf()));
		}
		HttpSession first = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.1");
		assertThat(first.login(username, "Start#k82x")).endsWith("/account/password");
		var changed = first.postForm("/account/password", Map.of("current", "Start#k82x", "next", PASSWORD, "repeat", PASSWORD, "_csrf", first.csrf()));
		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login");
		return userId(username);
	}

	private static String loginError(HttpSession s) {
		Matcher m = Pattern.compile("class=\"alert alert-danger\"[^>]*>([^<]+)<").matcher(s.get("/login").body());
		return m.find() ? m.group(1) : "";
	}

	@Test
	void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
		var proxied = new HttpSession(port).withHeader("X-Forwarded-Proto", "https").get("/login");
		assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");
		assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
		var plain = new HttpSession(port).get("/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
	}

	@Test
	void unknownNamesAreAnsweredLikeKnownOnesAndNobodyLocksAnAccountFromAnotherAddress() {
		account("lock.victim", "\"OFFICER\"", bodyId("芒市交通运输局"));
		HttpSession attacker = new HttpSession(port).withHeader("X-Forwarded-For", "203.0.113.7");
		for (int i = 0; i < 5; i++) {
			assertThat(attacker.login("lock.victim", "Wrong#pass" + i)).contains("error");
			assertThat(attacker.login("no.such.user", "Wrong#pass" + i)).contains("error");
		}
		// the sixth try: the same words for a name that exists and one that does not
		attacker.login("lock.victim", PASSWORD);
		String known = loginError(attacker);
		attacker.login("no.such.user", PASSWORD);
		String unknown = loginError(attacker);
		assertThat(known).contains("登录失败次数过多").isEqualTo(unknown);
		// the attacker's address is stopped even with the right password; the victim, elsewhere, is not
		assertThat(attacker.login("lock.victim", PASSWORD)).contains("error");
		HttpSession victim = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.23");
		assertThat(victim.login("lock.victim", PASSWORD)).endsWith("/");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'user' and subject_id = ? order by seq", String.class,
				String.valueOf(userId("lock.victim")))).contains("login.failed", "user.locked", "login.succeeded");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'login' and subject_id = 'no.such.user'", Long.class))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void theThrottleHoldsWhateverFormTheLoginAddressTakes() {
		HttpSession attacker = new HttpSession(port).withHeader("X-Forwarded-For", "203.0.113.50");
		for (int i = 0; i < 5; i++) {
			attacker.login("scj.fazhi", "Wrong#pass" + i);
		}
		// an encoded login address reaches the same check; the right password is refused while stopped
		String page = attacker.get("/login").body();
		var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		var encoded = attacker.postForm("/%6cogin", Map.of("username", "scj.fazhi", "password", DEMO_PASSWORD, "_csrf", m.group(1)));
		assertThat(encoded.headers().firstValue("Location").orElse("")).doesNotEndWith(":" + port + "/");
		assertThat(attacker.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void wrongSecondFactorCodesAreCountedPerAccountFromAnyAddress() {
		for (int i = 0; i < 5; i++) {
			HttpSession s = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100." + (100 + i));
			assertThat(s.login("shenji", DEMO_PASSWORD)).endsWith("/login/two-factor");
			s.secondFactor("000000");
		}
		HttpSession sixth = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.120");
		assertThat(sixth.login("shenji", DEMO_PASSWORD)).endsWith("/login/two-factor");
		sixth.secondFactor(Totp.code(zhifa.identity.TwoFactor.DEMO_SECRET, clock.instant().getEpochSecond()));
		assertThat(sixth.get("/api/v1/me").statusCode()).as("even the right code is refused while stopped").isEqualTo(401);
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'user' and subject_id = ?", String.class,
				String.valueOf(userId("shenji")))).contains("user.locked");
		HttpSession security = loggedIn("anquan");
		security.postForm("/accounts/" + userId("shenji") + "/unlock", Map.of("_csrf", security.csrf()));
	}

	@Test
	void anAddressSprayingPasswordsOverManyNamesIsStopped() {
		HttpSession sprayer = new HttpSession(port).withHeader("X-Forwarded-For", "203.0.113.99");
		for (int i = 0; i < 20; i++) {
			sprayer.login("spray.target" + i, "Summer#2026");
		}
		assertThat(sprayer.login("scj.fuze", DEMO_PASSWORD)).contains("error");
		assertThat(loginError(sprayer)).contains("登录失败次数过多");
		assertThat(new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.77").login("scj.fuze", DEMO_PASSWORD)).endsWith("/");
	}

	@Test
	void passwordsAreNotCommonNotTheDemoOneNotReusedAndExpire() {
		long id = account("pw.history", "\"OFFICER\"", bodyId("芒市交通运输局"));
		HttpSession user = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.2");
		assertThat(user.login("pw.history", PASSWORD)).endsWith("/");
		String[] refused = { "Password1", "Admin@123", DEMO_PASSWORD };
		for (String weak : refused) {
			var res = user.postForm("/account/password", Map.of("current", PASSWORD, "next", weak, "repeat", weak, "_csrf", user.csrf()));
			assertThat(res.statusCode()).as(weak).isEqualTo(200);
			assertThat(res.body()).as(weak).containsAnyOf("常见密码", "演示密码");
		}
		// change it twice, then try the first again
		String second = "Lnbx#w47q";
		var changed = user.postForm("/account/password", Map.of("current", PASSWORD, "next", second, "repeat", second, "_csrf", user.csrf()));
		assertThat(changed.statusCode()).isEqualTo(302);
		user = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.2");
		user.login("pw.history", second);
		var back = user.postForm("/account/password", Map.of("current", second, "next", PASSWORD, "repeat", PASSWORD, "_csrf", user.csrf()));
		assertThat(back.body()).contains("不能与最近5次使用过的密码相同");
		assertThat(jdbc.queryForObject("select count(*) from idn_password_history where user_id = ?", Long.class, id)).isEqualTo(2);

		// ninety-one days later the password must be changed before anything else
		clock.shift(Duration.ofDays(91));
		HttpSession later = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.2");
		assertThat(later.login("pw.history", second)).endsWith("/account/password");
		assertThat(later.get("/cases").headers().firstValue("Location").orElse("")).endsWith("/account/password");
		assertThat(later.get("/account/password").body()).contains("密码已超过90天未更换");
	}

	@Test
	void anAdministratorMustBindAnAuthenticatorAndThenLogsInWithItsCodeOrARecoveryCode() {
		account("second.admin", "\"AUDIT_ADMIN\"", null);
		HttpSession s = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.3");
		assertThat(s.login("second.admin", PASSWORD)).endsWith("/account/two-factor");
		assertThat(s.get("/records").headers().firstValue("Location").orElse("")).endsWith("/account/two-factor");
		assertThat(s.get("/api/v1/records").statusCode()).isEqualTo(403);
		String page = s.get("/account/two-factor").body();
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
		assertThat(secret.find()).isTrue();
		assertThat(page).contains("<svg");
		var wrong = s.postForm("/account/two-factor", Map.of("code", "000000", "_csrf", s.csrf()));
		assertThat(wrong.body()).contains("动态口令不正确");
		var bound = s.postForm("/account/two-factor", Map.of("code", Totp.code(secret.group(1), clock.instant().getEpochSecond()), "_csrf", s.csrf()));
		Matcher codes = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(bound.body());
		assertThat(codes.find()).as("recovery codes shown once").isTrue();
		String recovery = codes.group(1);
		assertThat(s.get("/records").statusCode()).isEqualTo(200);
		assertThat(s.get("/account/two-factor").body()).doesNotContain(recovery);

		// the next login asks for the code; a wrong one is refused, a recovery code works once
		HttpSession next = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.3");
		assertThat(next.login("second.admin", PASSWORD)).endsWith("/login/two-factor");
		assertThat(next.get("/records").headers().firstValue("Location").orElse("")).endsWith("/login/two-factor");
		assertThat(next.get("/api/v1/records").statusCode()).isEqualTo(401);
		assertThat(next.secondFactor("123456")).isEmpty();
		assertThat(next.secondFactor(recovery)).endsWith("/");
		assertThat(next.get("/records").statusCode()).isEqualTo(200);
		HttpSession again = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.3");
		again.login("second.admin", PASSWORD);
		assertThat(again.secondFactor(recovery)).as("a recovery code is good once").isEmpty();
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'user' and subject_id = ? order by seq", String.class,
				String.valueOf(userId("second.admin")))).contains("user.two_factor_enabled", "user.recovery_code_used");
	}

	@Test
	void anOfficerMayTurnOnTheSecondFactorAndOffAgain() {
		account("optional.2fa", "\"OFFICER\"", bodyId("芒市交通运输局"));
		HttpSession s = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.4");
		assertThat(s.login("optional.2fa", PASSWORD)).endsWith("/");
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(s.get("/account/two-factor").body());
		assertThat(secret.find()).isTrue();
		s.postForm("/account/two-factor", Map.of("code", Totp.code(secret.group(1), clock.instant().getEpochSecond()), "_csrf", s.csrf()));
		HttpSession next = new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.4");
		assertThat(next.login("optional.2fa", PASSWORD)).endsWith("/login/two-factor");
		assertThat(next.secondFactor(Totp.code(secret.group(1), clock.instant().plusSeconds(30).getEpochSecond()))).endsWith("/");
		assertThat(next.postForm("/account/two-factor/disable", Map.of("_csrf", next.csrf())).statusCode()).isEqualTo(302);
		assertThat(new HttpSession(port).withHeader("X-Forwarded-For", "198.51.100.4").login("optional.2fa", PASSWORD)).endsWith("/");
	}
}
