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

	/**
	 * This JVM's CPU time so far by kind of thread (jiffies of {@code /proc/self/task}, the thread names with their
	 * numbers taken out: "GC Thread", "C2 CompilerThread", "http-nio-auto-exec", "ledger-queue"…): where a figure's JVM
	 * time went, the collector and the compiler included, which a sampling profiler does not see.
	 */
	public static java.util.Map<String, Long> threads() {
		java.util.Map<String, Long> by = new java.util.TreeMap<>();
		// the whole process, the threads that have ended included (the benchmarks' clients run in threads of their own
		// that end with each round: summing the live threads left their time out, and the compiler's share looked like
		// a third of the JVM's when it was a few per cent)
		try {
			String st = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
			String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
			by.put(PROCESS, Long.parseLong(f[11]) + Long.parseLong(f[12]));
		}
		catch (java.io.IOException | RuntimeException e) {
			// no /proc: the live threads only
		}
		try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
			for (var t : (Iterable<java.nio.file.Path>) tasks::iterator) {
				try {
					String st = java.nio.file.Files.readString(t.resolve("stat"));
					String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("#[0-9]+|-[0-9]+(?=-|$)", "").replaceAll("-+$", "").trim();
					String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
					by.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
				}
				catch (java.io.IOException | RuntimeException gone) {
					// a thread that ended meanwhile
				}
			}
		}
		catch (java.io.IOException e) {
			// no /proc: nothing to say
		}
		return by;
	}

	/** The key of {@link #threads()} under which the whole process's time is kept. */
	private static final String PROCESS = "(process)";

	/** The threads' time between two {@link #threads()}, per call, the largest first (at most {@code limit} kinds). */
	public static String threadsPerCall(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long calls, int limit) {
		StringBuilder s = new StringBuilder();
		after.entrySet().stream().filter(e -> !e.getKey().equals(PROCESS)).map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
			.filter(e -> e.getValue() > 0).sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(limit)
			.forEach(e -> s.append(String.format("  %6.3f ms  %s%n", e.getValue() * 10.0 / Math.max(1, calls), e.getKey())));
		return s.toString();
	}

	/** The JIT compiler threads' part of this JVM's time between two {@link #threads()} (the whole process's, ended threads included). */
	public static double compilerShare(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
		long live = 0;
		long compiler = 0;
		for (var e : after.entrySet()) {
			if (e.getKey().equals(PROCESS)) {
				continue;
			}
			long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
			live += d;
			if (e.getKey().contains("CompilerThre")) {
				compiler += d;
			}
		}
		long all = after.containsKey(PROCESS) ? after.get(PROCESS) - before.getOrDefault(PROCESS, 0L) : live;
		return all <= 0 ? 0 : (double) compiler / all;
	}
}
