package zhifa.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A production start on an empty database (no demo data) creates the three platform administrators of 三员分立 —
 * {@code admin} (系统管理员), {@code security} (安全管理员), {@code audit} (审计管理员) — whose one-time passwords are
 * written to the log once and must be changed at first login. Done before the web server opens
 * its port.
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;
	private final boolean demo;
	private final boolean enabled;

	BootstrapAdmin(Accounts accounts, @Value("${zhifa.demo.enabled:false}") boolean demo,
			@Value("${zhifa.bootstrap-admin.enabled:true}") boolean enabled) {
		this.accounts = accounts;
		this.demo = demo;
		this.enabled = enabled;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (demo || !enabled || accounts.anyUser()) {
			return;
		}
		StringBuilder banner = new StringBuilder("\n=====================================================================\n");
		banner.append(" 首次启动：已创建三员账号（等保三员分立），各自的一次性密码如下\n");
		for (var admin : List.of(Map.entry("admin", Role.PLATFORM_ADMIN), Map.entry("security", Role.SECURITY_ADMIN),
				Map.entry("audit", Role.AUDIT_ADMIN))) {
			String password = oneTimePassword();
			accounts.createBootstrapAdmin(admin.getKey(), admin.getValue(), password);
			banner.append("   ").append(admin.getValue().label()).append(" ").append(admin.getKey()).append(" 一次性密码：").append(password).append('\n');
		}
		banner.append(" 请分别交给三位管理员，立即登录修改密码并绑定动态口令（此密码只在日志中出现这一次）\n");
		banner.append("=====================================================================");
		log.warn(banner.toString());
	}

	private static String oneTimePassword() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.insert(7, "-").append('9').toString();
	}
}
