package zhifa.shared.infra;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * With a streaming replica ({@code zhifa.datasource.replica-url}; same user and password as the primary), read-only
 * transactions — {@code @Transactional(readOnly = true)}: the supervisor's dashboard and the yearly statistics — take
 * their connection from a pool on the replica; everything else, writes and the reads that must see them, stays on the
 * primary. The connection is taken lazily, at the first statement, so the transaction's read-only flag decides. Without
 * the setting nothing changes. Replica connections get the same statement timeout and are read-only.
 */
@Component
class ReplicaRouting implements BeanPostProcessor, EnvironmentAware {

	private String replicaUrl = "";
	private java.time.Duration timeout = java.time.Duration.ofSeconds(30);
	private int poolSize = 10;

	@Override
	public void setEnvironment(Environment environment) {
		Binder binder = Binder.get(environment);
		replicaUrl = binder.bind("zhifa.datasource.replica-url", String.class).orElse("");
		timeout = binder.bind("zhifa.db.statement-timeout", java.time.Duration.class).orElse(timeout);
		poolSize = binder.bind("zhifa.datasource.replica-pool-size", Integer.class).orElse(poolSize);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (replicaUrl.isBlank() || !"dataSource".equals(beanName) || !(bean instanceof HikariDataSource primary)) {
			return bean;
		}
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("zhifa-replica");
		replica.setJdbcUrl(replicaUrl);
		replica.setUsername(primary.getUsername());
		replica.setPassword(primary.getPassword());
		replica.setReadOnly(true);
		replica.setMaximumPoolSize(poolSize);
		replica.setConnectionInitSql(StatementTimeout.initSql(timeout));
		replica.addDataSourceProperty("ApplicationName", "zhifa-replica");
		LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
		routing.setReadOnlyDataSource(replica);
		return new Routing(routing, replica);
	}

	/** The routing proxy, which also closes the replica pool when the application stops. */
	static final class Routing extends org.springframework.jdbc.datasource.DelegatingDataSource implements AutoCloseable {

		private final HikariDataSource replica;

		Routing(DataSource routing, HikariDataSource replica) {
			super(routing);
			this.replica = replica;
		}

		@Override
		public void close() {
			replica.close();
			if (getTargetDataSource() instanceof LazyConnectionDataSourceProxy lazy && lazy.getTargetDataSource() instanceof HikariDataSource primary) {
				primary.close();
			}
		}
	}
}
