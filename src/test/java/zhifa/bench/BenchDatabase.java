package zhifa.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks do to a generated database before timing it. */
final class BenchDatabase {

	private BenchDatabase() {
	}

	/**
	 * As autovacuum leaves a table in steady state: statistics and the visibility map (index-only scans) — without the
	 * requests' statement timeout, which is put back afterwards on the pooled connection (RESET would give the server's
	 * default, none).
	 */
	static void vacuumAnalyze(JdbcTemplate jdbc, String... tables) {
		jdbc.execute((java.sql.Connection c) -> {
			try (var st = c.createStatement()) {
				String pooled;
				try (var rs = st.executeQuery("show statement_timeout")) {
					rs.next();
					pooled = rs.getString(1);
				}
				st.execute("set statement_timeout = 0");
				for (String t : tables) {
					st.execute("vacuum analyze " + t);
				}
				st.execute("set statement_timeout = '" + pooled + "'");
			}
			return null;
		});
	}
}
