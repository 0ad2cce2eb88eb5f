package zhifa.shared.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Zero-configuration database: when {@code ZHIFA_DB_URL} is not set, an embedded PostgreSQL runs with its data in
 * {@code zhifa.embedded-db.data-dir} (default {@code ./data/pgdata}), which survives restarts.
 * <ul>
 * <li>It never attaches to someone else's database: a server found on a port is used only when {@code SHOW
 * data_directory} names this data directory. Without {@code zhifa.embedded-db.port} a free port is chosen and
 * remembered beside the data directory ({@code ./data/pgdata.port}) for the next start; a configured port held by a server of
 * another folder refuses the start with a message naming that folder.</li>
 * <li>{@code verify-records} uses the server of a platform running on the same data directory; a second platform on
 * it is refused.</li>
 * <li>Commits are durable ({@code fsync} and {@code synchronous_commit} on) unless
 * {@code zhifa.embedded-db.durable=false} (tests, for speed).</li>
 * <li>An empty data directory setting means a throw-away database in a temporary folder (tests).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ZHIFA_DB_URL:}'.isEmpty()")
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** Where the chosen port is remembered: beside the data directory, which initdb needs empty on a first start. */
	static Path portFile(Path dataDir) {
		Path abs = dataDir.toAbsolutePath().normalize();
		return abs.resolveSibling(abs.getFileName() + ".port");
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(@Value("${zhifa.embedded-db.data-dir:./data/pgdata}") String dataDir,
			@Value("${zhifa.embedded-db.port:0}") int port, @Value("${zhifa.embedded-db.durable:true}") boolean durable,
			@Value("${zhifa.embedded-db.attach-to-running:false}") boolean attachToRunning) throws IOException {
		if (dataDir.isBlank()) {
			return new EmbeddedPostgresHolder(configure(EmbeddedPostgres.builder(), durable).setCleanDataDirectory(true)
				.setRegisterShutdownHook(false).start(), null);
		}
		return start(Path.of(dataDir), port, durable, attachToRunning);
	}

	/** Starts the server for this data directory; a platform never shares one. */
	static EmbeddedPostgresHolder start(Path dataDir, int configuredPort, boolean durable) throws IOException {
		return start(dataDir, configuredPort, durable, false);
	}

	/**
	 * Starts the server for this data directory, or — for {@code verify-records} ({@code attachToRunning}) — uses the one
	 * a running platform started. A second platform on the same folder is refused: when the first stopped, the database
	 * would stop under the second.
	 */
	static EmbeddedPostgresHolder start(Path dataDir, int configuredPort, boolean durable, boolean attachToRunning) throws IOException {
		Files.createDirectories(dataDir);
		Path dir = dataDir.toRealPath();
		Optional<Integer> running = runningPort(dir);
		if (running.isPresent()) {
			if (!attachToRunning) {
				throw new IllegalStateException("无法启动：数据目录 " + dir + " 已被另一个正在运行的平台实例使用（其数据库端口 " + running.get()
						+ "）。请先停止那个实例，或为本实例设置另一个数据目录（zhifa.embedded-db.data-dir）。 / Cannot start: the data directory " + dir
						+ " is in use by another running instance (database port " + running.get() + "); stop it or choose another data directory.");
			}
			log.info("Embedded PostgreSQL for {} already running on port {}; connecting to it", dir, running.get());
			return new EmbeddedPostgresHolder(null, url(running.get()));
		}
		int port = configuredPort > 0 ? configuredPort : rememberedPort(dir).orElse(0);
		if (port > 0 && isListening(port)) {
			Optional<Path> servedDir = servedDirectory(port);
			if (servedDir.isPresent() && sameDirectory(servedDir.get(), dir) && attachToRunning) {
				return new EmbeddedPostgresHolder(null, url(port));
			}
			if (configuredPort > 0) {
				throw new IllegalStateException(portTakenMessage(port, servedDir, dir));
			}
			log.info("Port {} remembered for {} is now used by {}; choosing another", port, dir,
					servedDir.map(Path::toString).orElse("another program"));
			port = 0;
		}
		if (port == 0) {
			port = freePort();
		}
		log.info("Starting embedded PostgreSQL on port {} with data in {}{}", port, dir, durable ? "" : " (fsync off: not durable)");
		EmbeddedPostgres pg = configure(EmbeddedPostgres.builder(), durable)
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// stopped by Spring after the connection pool closes (close() below), not by a JVM hook racing it
			.setRegisterShutdownHook(false)
			.setPort(port)
			.start();
		Files.writeString(portFile(dir), Integer.toString(port), StandardCharsets.UTF_8);
		return new EmbeddedPostgresHolder(pg, null);
	}

	/**
	 * The library passes {@code -F} (fsync off) and sets {@code synchronous_commit=off}; settings given with
	 * {@code -c} come later on the command line and win.
	 */
	static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, boolean durable) {
		builder.setServerConfig("timezone", "Asia/Shanghai");
		builder.setServerConfig("fsync", durable ? "on" : "off");
		builder.setServerConfig("synchronous_commit", durable ? "on" : "off");
		builder.setServerConfig("full_page_writes", durable ? "on" : "off");
		// tables that grow fast (a new installation, a bulk load) are analyzed within seconds: until then PostgreSQL plans
		// them as the small tables they were, and keeps the generic plans of prepared statements made then (a sequential
		// scan for a lookup by key); with the default minute the write benchmark lost half its throughput in some runs
		builder.setServerConfig("autovacuum_naptime", "10s");
		// a diagnostic for the write benchmark (docs/capacity.md): statement statistics inside the server
		if (Boolean.getBoolean("zhifa.diag.pgss")) {
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			builder.setServerConfig("pg_stat_statements.track_planning", "on");
		}
		return builder;
	}

	/** The pool; {@code spring.datasource.hikari.*} settings apply to it as they would to Boot's own. */
	@Bean
	@org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedPostgresHolder holder) {
		// not started until first use, so the statement timeout can still be set on it (StatementTimeout)
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(holder.jdbcUrl());
		ds.setUsername("postgres");
		ds.setPassword("postgres");
		ds.setMaximumPoolSize(10);
		ds.setPoolName("zhifa-embedded");
		return ds;
	}

	/** The port of a server that is running now for exactly this data directory, from its {@code postmaster.pid}. */
	static Optional<Integer> runningPort(Path dir) {
		Path pid = dir.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pid);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			int port = Integer.parseInt(lines.get(3).strip());
			if (!isListening(port)) {
				return Optional.empty();
			}
			return servedDirectory(port).filter(served -> sameDirectory(served, dir)).map(served -> port);
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static Optional<Integer> rememberedPort(Path dir) {
		try {
			Path file = portFile(dir);
			return Files.exists(file) ? Optional.of(Integer.parseInt(Files.readString(file).strip())) : Optional.empty();
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** Asks the PostgreSQL on the port which data directory it serves; empty when it is not one we can ask. */
	static Optional<Path> servedDirectory(int port) {
		Properties props = new Properties();
		props.setProperty("user", "postgres");
		props.setProperty("password", "postgres");
		props.setProperty("connectTimeout", "3");
		props.setProperty("socketTimeout", "5");
		try (Connection c = DriverManager.getConnection(url(port), props); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("show data_directory")) {
			return rs.next() ? Optional.of(Path.of(rs.getString(1))) : Optional.empty();
		}
		catch (SQLException e) {
			return Optional.empty();
		}
	}

	static String portTakenMessage(int port, Optional<Path> servedDir, Path dir) {
		String holder = servedDir.map(d -> "另一个平台实例的数据库（数据目录 " + d + "）").orElse("其他程序");
		String holderEn = servedDir.map(d -> "a PostgreSQL serving " + d).orElse("another program");
		return "无法启动内置数据库：端口 " + port + " 已被" + holder + "占用，本实例的数据目录是 " + dir
				+ "。请停止占用端口的实例，或设置其他端口（zhifa.embedded-db.port），或不设置端口由平台自动选择。"
				+ " / Cannot start the embedded database: port " + port + " is held by " + holderEn + ", not by " + dir
				+ ". Stop that instance, set another zhifa.embedded-db.port, or leave it unset to pick a free port.";
	}

	private static boolean sameDirectory(Path a, Path b) {
		try {
			return a.toRealPath().equals(b.toRealPath());
		}
		catch (IOException e) {
			return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
		}
	}

	private static String url(int port) {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static boolean isListening(int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("localhost", port), 300);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	record EmbeddedPostgresHolder(EmbeddedPostgres postgres, String externalUrl) implements AutoCloseable {

		String jdbcUrl() {
			return postgres != null ? postgres.getJdbcUrl("postgres", "postgres") : externalUrl;
		}

		@Override
		public void close() throws IOException {
			if (postgres != null) {
				postgres.close();
			}
		}
	}
}
