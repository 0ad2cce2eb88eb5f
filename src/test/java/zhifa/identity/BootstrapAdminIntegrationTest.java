package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import zhifa.support.HttpSession;

/** A production start on an empty database: no demo data, one administrator with a one-time password in the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhifa.embedded-db.data-dir=", "zhifa.crypto.key-file=", "zhifa.record.key-file=", "zhifa.record.signing-key-file=", "zhifa.record.anchor-dir=", "zhifa.demo.enabled=false", "zhifa.record.anchor-initial-delay=P3650D" })
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void createsOneAdministratorWhoMustChangeTheLoggedPassword(CapturedOutput output) {
		assertThat(jdbc.queryForObject("select count(*) from org_body", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from idn_user", Long.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from idn_user where must_change_password", Long.class)).isEqualTo(3);
		assertThat(jdbc.queryForList("select u.username || ':' || r.role from idn_user u join idn_user_role r on r.user_id = u.id order by 1",
				String.class)).containsExactly("admin:PLATFORM_ADMIN", "audit:AUDIT_ADMIN", "security:SECURITY_ADMIN");

		var matcher = Pattern.compile("系统管理员 admin 一次性密码：(\\S+)").matcher(output.getAll());
		assertThat(matcher.find()).as("password in the log").isTrue();
		String password = matcher.group(1);
		assertThat(jdbc.queryForObject("select password_hash from idn_user where username = 'admin'", String.class))
			.startsWith("{bcrypt}").doesNotContain(password);

		HttpSession s = new HttpSession(port);
		assertThat(s.login("admin", password)).endsWith("/account/password");
		var changed = s.postForm("/account/password", java.util.Map.of("current", password, "next", "Mangshi#2026ok",
				"repeat", "Mangshi#2026ok", "_csrf", s.csrf()));
		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(jdbc.queryForObject("select must_change_password from idn_user where username = 'admin'", Boolean.class)).isFalse();
	}
}
