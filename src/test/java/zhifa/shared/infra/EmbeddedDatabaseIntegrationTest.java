package zhifa.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-configuration database: keeps its data across restarts, never attaches to another folder's server, and runs
 * with durable commits.
 */
class EmbeddedDatabaseIntegrationTest {

	@TempDir
	Path dir;

	private static String query(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
			c.createStatement().execute(sql);
		}
	}

	@Test
	void dataSurvivesARestartOnTheRememberedPortWithDurableCommits() throws Exception {
		Path data = dir.resolve("pgdata");
		int port;
		try (var pg = EmbeddedDatabase.start(data, 0, true)) {
			port = pg.postgres().getPort();
			assertThat(Files.readString(EmbeddedDatabase.portFile(data)).strip()).isEqualTo(String.valueOf(port));
			assertThat(query(pg.jdbcUrl(), "show fsync")).isEqualTo("on");
			assertThat(query(pg.jdbcUrl(), "show synchronous_commit")).isEqualTo("on");
			assertThat(query(pg.jdbcUrl(), "show full_page_writes")).isEqualTo("on");
			execute(pg.jdbcUrl(), "create table kept (v text); insert into kept values ('芒市')");
		}
		try (var pg = EmbeddedDatabase.start(data, 0, true)) {
			assertThat(pg.postgres().getPort()).as("the remembered port is used again").isEqualTo(port);
			assertThat(query(pg.jdbcUrl(), "select v from kept")).isEqualTo("芒市");
		}
	}

	@Test
	void aSecondFolderNeverAttachesToTheFirstFoldersServer() throws Exception {
		Path first = dir.resolve("first/pgdata");
		Path second = dir.resolve("second/pgdata");
		try (var a = EmbeddedDatabase.start(first, 0, false)) {
			int portA = a.postgres().getPort();
			execute(a.jdbcUrl(), "create table mine (v text)");

			// the same folder again: verify-records uses the running server; a second platform is refused
			try (var again = EmbeddedDatabase.start(first, 0, false, true)) {
				assertThat(again.postgres()).isNull();
				assertThat(again.jdbcUrl()).contains(":" + portA + "/");
			}
			assertThatThrownBy(() -> EmbeddedDatabase.start(first, 0, false)).hasMessageContaining("已被另一个正在运行的平台实例使用")
				.hasMessageContaining("in use by another running instance");

			// another folder with the first one's port configured: refused, naming the folder that holds it
			assertThatThrownBy(() -> EmbeddedDatabase.start(second, portA, false))
				.hasMessageContaining("端口 " + portA)
				.hasMessageContaining(first.toRealPath().toString())
				.hasMessageContaining("port " + portA + " is held by");
			assertThat(second.resolve("postgresql.conf")).doesNotExist();

			// another folder whose remembered port is now taken by the first: a free port, its own data
			Files.writeString(EmbeddedDatabase.portFile(second), String.valueOf(portA));
			try (var b = EmbeddedDatabase.start(second, 0, false)) {
				assertThat(b.postgres().getPort()).isNotEqualTo(portA);
				assertThat(Path.of(query(b.jdbcUrl(), "show data_directory")).toRealPath()).isEqualTo(second.toRealPath());
				assertThat(query(b.jdbcUrl(), "select count(*) from pg_tables where tablename = 'mine'")).isEqualTo("0");
			}
		}
	}
}
