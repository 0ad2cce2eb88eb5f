package zhifa.identity;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A production start on an empty database (no demo data) creates one platform administrator, {@code admin}, whose
 * one-time password is written to the log once and must be changed at first login. Done before the web server opens
 * its port.
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

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
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		String password = sb.insert(7, "-").append('9').toString();
		accounts.createBootstrapAdmin(password);
		log.warn("""

				=====================================================================
				 首次启动：已创建平台管理员账号 admin
				 一次性密码：{}
				 请立即登录并修改密码（此密码只在日志中出现这一次）
				=====================================================================""", password);
	}
}
