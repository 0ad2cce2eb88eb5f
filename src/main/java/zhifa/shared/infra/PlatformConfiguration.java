package zhifa.shared.infra;

import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/** Platform-wide beans: the clock (Asia/Shanghai) and the scheduler lock shared by several instances. */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class PlatformConfiguration {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
