package zhifa.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * 双随机抽查 that anyone can re-run (RULES.md §5; 国发〔2019〕5号). The algorithm, version {@value #VERSION}, in full:
 * <ol>
 * <li><b>Commitment</b>, published before the draw: SM3 of the canonical text of the task — the line {@value #VERSION},
 * then the task code, then one line per stratum {@code 分层键=比例} in the order of the keys (比例 as a decimal fraction
 * between 0 and 1, e.g. {@code 0.05}), then the population: one line per object {@code 分层键 统一社会信用代码} sorted by key
 * then code (for 案卷评查: {@code 执法主体编号 台账编号}). Lines end with {@code \n}. Whoever has the published list can recompute it.</li>
 * <li><b>Seed</b>: SM3 of {@code 承诺值 + "\n" + 信标}, where the 信标 (beacon) is a value nobody knew when the commitment
 * was published — the platform uses the root of the first signed record anchor made after it.</li>
 * <li><b>Selection</b>: in each stratum of {@code n} objects, {@code k = ⌈n × 比例⌉} objects are drawn (at least one when the
 * ratio is above zero and the stratum not empty): those with the smallest {@code SM3(种子的64位小写十六进制 + 统一社会信用代码)},
 * compared as unsigned big-endian numbers. The result lists each stratum in key order, each by that value.</li>
 * </ol>
 * All text is UTF-8. Nothing else enters: the same inputs give the same list bit for bit, on any machine, with any SM3 tool.
 */
public final class RandomDraw {

	public static final String VERSION = "zhifa-draw-v1";

	private RandomDraw() {
	}

	/**
	 * An object of the pool: its identifier and the stratum it belongs to. For inspections the identifier is the
	 * 统一社会信用代码 and the stratum the credit-risk class; for 案卷评查 the ledger number of the closed act and its body.
	 */
	public record Candidate(String stratum, String uscc) {
		public Candidate {
			if (stratum == null || stratum.isBlank() || stratum.contains("\n") || stratum.contains(" ") || stratum.contains("=")) {
				throw new IllegalArgumentException("分层键不能为空，也不能含空格、等号或换行：" + stratum);
			}
			if (uscc == null || !uscc.matches("[0-9A-Za-z-]{1,64}")) {
				throw new IllegalArgumentException("对象标识应为1至64位字母、数字或连字符：" + uscc);
			}
		}
	}

	/** A drawn object: its stratum, its rank within the stratum (1 first), its code and its SM3 ordering value (hex). */
	public record Drawn(String stratum, int rank, String uscc, String key) {
	}

	/** The task's canonical text (what the commitment is the SM3 of). */
	public static String canonical(String taskCode, Map<String, BigDecimal> ratios, List<Candidate> population) {
		StringBuilder sb = new StringBuilder(population.size() * 24 + 256);
		write(taskCode, ratios, population, sb::append);
		return sb.toString();
	}

	/** SM3 of the canonical text, streamed line by line (the text itself is not built). */
	public static String commitment(String taskCode, Map<String, BigDecimal> ratios, List<Candidate> population) {
		SM3Digest d = new SM3Digest();
		StringBuilder chunk = new StringBuilder(1 << 17);
		Runnable flush = () -> {
			byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
			d.update(b, 0, b.length);
			chunk.setLength(0);
		};
		write(taskCode, ratios, population, line -> {
			chunk.append(line);
			if (chunk.length() >= 1 << 16) {
				flush.run();
			}
		});
		flush.run();
		byte[] out = new byte[32];
		d.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	private static void write(String taskCode, Map<String, BigDecimal> ratios, List<Candidate> population, java.util.function.Consumer<String> sink) {
		if (taskCode == null || taskCode.isBlank() || taskCode.contains("\n")) {
			throw new IllegalArgumentException("任务编号不能为空或含换行");
		}
		sink.accept(VERSION + "\n" + taskCode + "\n");
		new TreeMap<>(ratios).forEach((k, r) -> sink.accept(k + "=" + ratio(r).toPlainString() + "\n"));
		Candidate[] sorted = population.toArray(Candidate[]::new);
		Arrays.parallelSort(sorted, java.util.Comparator.comparing(Candidate::stratum).thenComparing(Candidate::uscc));
		java.util.Set<String> seen = new java.util.HashSet<>(sorted.length * 2);
		for (Candidate c : sorted) {
			// an object is in one stratum, once
			if (!seen.add(c.uscc())) {
				throw new IllegalArgumentException("同一对象在名录中重复：" + c.uscc());
			}
			sink.accept(c.stratum() + " " + c.uscc() + "\n");
		}
	}

	public static String seed(String commitment, String beacon) {
		if (commitment == null || !commitment.matches("[0-9a-f]{64}") || beacon == null || beacon.isBlank()) {
			throw new IllegalArgumentException("承诺值应为64位小写十六进制，信标不能为空");
		}
		return sm3Hex((commitment + "\n" + beacon).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The selection of step 3 for a seed. Strata without a ratio are not drawn; a ratio must lie in [0, 1]. Hashing runs on
	 * all cores: the seed's 64 characters are exactly one SM3 block, absorbed once and then copied for each object.
	 */
	public static List<Drawn> select(String seed, Map<String, BigDecimal> ratios, List<Candidate> population) {
		if (seed == null || !seed.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("种子应为64位小写十六进制");
		}
		ratios.values().forEach(RandomDraw::ratio);
		SM3Digest prefix = new SM3Digest();
		byte[] seedBytes = seed.getBytes(StandardCharsets.US_ASCII);
		prefix.update(seedBytes, 0, seedBytes.length);
		Candidate[] all = population.toArray(Candidate[]::new);
		byte[] keys = new byte[all.length * 32];
		IntStream.range(0, all.length).parallel().forEach(i -> key(prefix, all[i].uscc(), keys, i * 32));
		Map<String, int[]> strata = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (Candidate c : all) {
			if (ratios.containsKey(c.stratum())) {
				counts.merge(c.stratum(), 1, Integer::sum);
			}
		}
		counts.forEach((k, n) -> strata.put(k, new int[n]));
		Map<String, Integer> filled = new TreeMap<>();
		for (int i = 0; i < all.length; i++) {
			int[] members = strata.get(all[i].stratum());
			if (members != null) {
				members[filled.merge(all[i].stratum(), 1, Integer::sum) - 1] = i;
			}
		}
		List<Drawn> out = new ArrayList<>();
		HexFormat hex = HexFormat.of();
		for (var e : strata.entrySet()) {
			int[] order = ordered(e.getValue(), keys);
			int k = size(order.length, ratios.get(e.getKey()));
			for (int r = 0; r < k; r++) {
				Candidate c = all[order[r]];
				out.add(new Drawn(c.stratum(), r + 1, c.uscc(), hex.formatHex(keys, order[r] * 32, order[r] * 32 + 32)));
			}
		}
		return out;
	}

	/**
	 * The members ordered by their 32-byte values (unsigned). Sorted as primitive longs — the values' leading bits with the
	 * member's position in the low bits — and then every run of equal leading bits is put in full order, so the result is
	 * exact whatever the collisions of the prefix.
	 */
	static int[] ordered(int[] members, byte[] keys) {
		int m = members.length;
		int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1)));
		long[] packed = new long[m];
		for (int j = 0; j < m; j++) {
			long hi = toLong(keys, members[j] * 32);
			packed[j] = (((hi >>> bits) ^ (Long.MIN_VALUE >>> bits)) << bits) | j;
		}
		java.util.Arrays.parallelSort(packed);
		int[] order = new int[m];
		long mask = (1L << bits) - 1;
		for (int j = 0; j < m; j++) {
			order[j] = members[(int) (packed[j] & mask)];
		}
		// runs whose leading bits are equal: full comparison
		int from = 0;
		for (int j = 1; j <= m; j++) {
			if (j == m || (packed[j] >>> bits) != (packed[from] >>> bits)) {
				if (j - from > 1) {
					Integer[] run = new Integer[j - from];
					for (int x = from; x < j; x++) {
						run[x - from] = order[x];
					}
					Arrays.sort(run, (a, b) -> Arrays.compareUnsigned(keys, a * 32, a * 32 + 32, keys, b * 32, b * 32 + 32));
					for (int x = from; x < j; x++) {
						order[x] = run[x - from];
					}
				}
				from = j;
			}
		}
		return order;
	}

	/** {@code ⌈n × ratio⌉}, and at least one of a non-empty stratum when the ratio is above zero. */
	static int size(int n, BigDecimal ratio) {
		if (n == 0 || ratio.signum() == 0) {
			return 0;
		}
		return Math.max(1, BigDecimal.valueOf(n).multiply(ratio).setScale(0, RoundingMode.CEILING).intValueExact());
	}

	/** How many objects each stratum will give, for the page that publishes the task before the draw. */
	public static Map<String, int[]> sizes(Map<String, BigDecimal> ratios, List<Candidate> population) {
		Map<String, Integer> counts = new TreeMap<>();
		population.forEach(c -> counts.merge(c.stratum(), 1, Integer::sum));
		Map<String, int[]> out = new LinkedHashMap<>();
		new TreeMap<>(ratios).forEach((k, r) -> {
			int n = counts.getOrDefault(k, 0);
			out.put(k, new int[] { n, size(n, ratio(r)) });
		});
		return out;
	}

	private static BigDecimal ratio(BigDecimal r) {
		if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("抽查比例应在0到1之间：" + r);
		}
		return r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros();
	}

	private static void key(SM3Digest prefix, String uscc, byte[] into, int at) {
		SM3Digest d = new SM3Digest(prefix);
		byte[] u = uscc.getBytes(StandardCharsets.US_ASCII);
		d.update(u, 0, u.length);
		d.doFinal(into, at);
	}

	private static long toLong(byte[] b, int from) {
		long v = 0;
		for (int i = 0; i < 8; i++) {
			v = (v << 8) | (b[from + i] & 0xff);
		}
		return v;
	}

	private static String sm3Hex(byte[] bytes) {
		SM3Digest d = new SM3Digest();
		d.update(bytes, 0, bytes.length);
		byte[] out = new byte[32];
		d.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
