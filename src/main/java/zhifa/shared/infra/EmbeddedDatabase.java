package zhifa.shared.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Zero-configuration database: when {@code ZHIFA_DB_URL} is not set, an embedded PostgreSQL runs with its data in
 * {@code zhifa.embedded-db.data-dir} (default {@code ./data/pgdata}), which survives restarts. When a platform on the
 * same data directory is already running (for {@code verify-records}), its server is used instead of starting another.
 * An empty data directory setting means a throw-away database in a temporary folder (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ZHIFA_DB_URL:}'.isEmpty()")
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(@Value("${zhifa.embedded-db.data-dir:./data/pgdata}") String dataDir,
			@Value("${zhifa.embedded-db.port:54329}") int port) throws IOException {
		if (dataDir.isBlank()) {
			return new EmbeddedPostgresHolder(EmbeddedPostgres.builder().setCleanDataDirectory(true).setRegisterShutdownHook(false).start(), null);
		}
		if (isListening(port) && Files.exists(Path.of(dataDir, "postmaster.pid"))) {
			log.info("Embedded PostgreSQL already running on port {}; connecting to it", port);
			return new EmbeddedPostgresHolder(null, "jdbc:postgresql://localhost:" + port + "/postgres");
		}
		Path dir = Path.of(dataDir).toAbsolutePath();
		Files.createDirectories(dir);
		log.info("Starting embedded PostgreSQL with data in {}", dir);
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// stopped by Spring after the connection pool closes (close() below), not by a JVM hook racing it
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setServerConfig("timezone", "Asia/Shanghai")
			.start();
		return new EmbeddedPostgresHolder(pg, null);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgresHolder holder) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(holder.jdbcUrl());
		config.setUsername("postgres");
		config.setPassword("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("zhifa-embedded");
		return new HikariDataSource(config);
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
