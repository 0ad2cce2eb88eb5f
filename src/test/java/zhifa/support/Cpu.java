package zhifa.support;

/**
 * CPU time used so far by this JVM (the calls, the ledger's queue, the JIT and the collector) and by the processes
 * of the benchmark's PostgreSQL (the postmaster's children: backends, autovacuum, writers; their {@code /proc}
 * times — a process that ended in between is not counted, the pool keeps its backends).
 */
public record Cpu(long jvmNanos, long pgJiffies) {
	/** The postmaster of the benchmark's database: the parent of the backend answering. */
	public static long postmaster(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		try {
			String st = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(jdbc.queryForObject("select pg_backend_pid()", Long.class)), "stat"));
			return Long.parseLong(st.substring(st.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (java.io.IOException e) {
			return -1;
		}
	}

	public static Cpu now(long postmaster) {
		long pg = postmaster < 0 ? -1 : 0;
		try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
			for (var d : (Iterable<java.nio.file.Path>) dirs::iterator) {
				try {
					if (pg >= 0 && d.getFileName().toString().chars().allMatch(Character::isDigit)) {
						String st = java.nio.file.Files.readString(d.resolve("stat"));
						String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
						if (Long.parseLong(f[1]) == postmaster) {
							pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
						}
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// a process that ended meanwhile
				}
			}
		}
		catch (java.io.IOException e) {
			pg = -1;
		}
		return new Cpu(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
				pg);
	}

	public double jvmMillis(Cpu before, long calls) {
		return (jvmNanos - before.jvmNanos) / 1e6 / Math.max(1, calls);
	}

	/** Jiffies are 10 ms on Linux (USER_HZ 100). */
	public double pgMillis(Cpu before, long calls) {
		return pgJiffies < 0 ? Double.NaN : (pgJiffies - before.pgJiffies) * 10.0 / Math.max(1, calls);
	}
}
