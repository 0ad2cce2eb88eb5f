package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The zero-configuration database keeps its data across restarts when given a data directory. */
class EmbeddedDatabasePersistenceIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void dataSurvivesARestart() throws Exception {
		Path data = dir.resolve("pgdata");
		Files.createDirectories(data);
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
				var c = pg.getPostgresDatabase().getConnection()) {
			c.createStatement().execute("create table kept (v text); insert into kept values ('芒市')");
		}
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
				var c = pg.getPostgresDatabase().getConnection()) {
			var rs = c.createStatement().executeQuery("select v from kept");
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("芒市");
		}
	}
}
