package zhifa.shared.infra;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every pooled connection, embedded or external, gets a {@code statement_timeout} ({@code zhifa.db.statement-timeout},
 * default 30 s): no request can hold one of the pooled connections longer with a single statement, and a statement that
 * runs on after the browser has given up is cancelled by the server. A timed-out request is answered with a Chinese
 * problem detail (SQL state 57014, see {@code ApiProblems}).
 */
@Component
class StatementTimeout implements BeanPostProcessor, EnvironmentAware {

	private Duration timeout = Duration.ofSeconds(30);

	@Override
	public void setEnvironment(Environment environment) {
		timeout = Binder.get(environment).bind("zhifa.db.statement-timeout", Duration.class).orElse(Duration.ofSeconds(30));
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource ds && ds.getConnectionInitSql() == null) {
			ds.setConnectionInitSql(initSql(timeout));
		}
		return bean;
	}

	/** 0: no limit (verify-records). */
	static String initSql(Duration timeout) {
		return "set statement_timeout = " + Math.max(timeout.toMillis(), 0);
	}

	/**
	 * Flyway migrates through a connection of its own, without the request timeout: a migration over every case of a
	 * large database may take longer than a request may.
	 */
	@org.springframework.context.annotation.Bean
	static org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer flywayWithoutRequestTimeout(
			org.springframework.beans.factory.ObjectProvider<javax.sql.DataSource> dataSource) {
		return configuration -> {
			javax.sql.DataSource ds = dataSource.getIfAvailable();
			try {
				if (ds != null && ds.isWrapperFor(HikariDataSource.class)) {
					HikariDataSource pool = ds.unwrap(HikariDataSource.class);
					configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				}
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		};
	}
}
