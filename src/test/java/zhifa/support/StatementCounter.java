package zhifa.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a thread sends, so a test can say how many statements one business operation costs (a
 * figure that does not depend on the machine's speed). Wraps the application's pool; the pool stays reachable through
 * {@code unwrap}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
	private static final ThreadLocal<java.util.List<String>> SQL = ThreadLocal.withInitial(java.util.ArrayList::new);
	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	/** The statements {@code work} sent on this thread, and its result. */
	public static <T> Counted<T> count(Callable<T> work) throws Exception {
		long before = COUNT.get()[0];
		SQL.get().clear();
		T result = work.call();
		java.util.List<String> full = SQL.get().stream().map(StatementCounter::flat).toList();
		return new Counted<>(result, COUNT.get()[0] - before, full.stream().map(t -> t.length() > 100 ? t.substring(0, 100) : t).toList(), full);
	}

	/** What the work returned, how many statements it sent and their text (the first 100 characters of each; all of it). */
	public record Counted<T>(T result, long statements, java.util.List<String> sql, java.util.List<String> fullSql) {
	}

	/** The flattened text of each statement text seen while timing (a regular expression per execution would be timed too). */
	private static final java.util.concurrent.ConcurrentHashMap<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

	private static String flat(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	/** Off unless a benchmark turns it on: the time of each statement's execution and of commits, by statement text. */
	public static volatile boolean TIMING = false;
	public static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder[]> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource ds && !(bean instanceof Counting) && "dataSource".equals(beanName)) {
					return new Counting(ds);
				}
				return bean;
			}
		};
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection target) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (STATEMENTS.contains(method.getName())) {
					COUNT.get()[0]++;
					// the text as given: flattened only when a test asks for it (a regular expression over the text of each client
					// thread's first 200 statements was charged to the benchmarked calls, more to the platform's longer statements)
					if (args != null && args.length > 0 && args[0] instanceof String text && SQL.get().size() < 200) {
						SQL.get().add(text);
					}
				}
				long t0 = System.nanoTime();
				try {
					Object result = method.invoke(target, args);
					if (TIMING && result instanceof java.sql.PreparedStatement ps && args != null && args.length > 0 && args[0] instanceof String text) {
						return timed(ps, text);
					}
					return result;
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
				finally {
					if (TIMING && method.getName().equals("commit")) {
						TIMES.computeIfAbsent("COMMIT", k -> new java.util.concurrent.atomic.LongAdder[] { new java.util.concurrent.atomic.LongAdder(),
								new java.util.concurrent.atomic.LongAdder() });
						TIMES.get("COMMIT")[0].add(System.nanoTime() - t0);
						TIMES.get("COMMIT")[1].increment();
					}
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class }, handler);
		}

		private static java.sql.PreparedStatement timed(java.sql.PreparedStatement target, String text) {
			String key = KEYS.computeIfAbsent(text, StatementCounter::flat);
			String k = key.length() > 90 ? key.substring(0, 90) : key;
			InvocationHandler handler = (proxy, method, args) -> {
				long t0 = System.nanoTime();
				try {
					return method.invoke(target, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
				finally {
					if (method.getName().startsWith("execute")) {
						var a = TIMES.computeIfAbsent(k, x -> new java.util.concurrent.atomic.LongAdder[] { new java.util.concurrent.atomic.LongAdder(),
								new java.util.concurrent.atomic.LongAdder() });
						a[0].add(System.nanoTime() - t0);
						a[1].increment();
					}
				}
			};
			return (java.sql.PreparedStatement) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { java.sql.PreparedStatement.class },
					handler);
		}
	}
}
