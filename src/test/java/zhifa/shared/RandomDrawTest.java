package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import zhifa.shared.Sm3;
import zhifa.shared.Uscc;

/** The draw is the documented function of its inputs: recomputable with any SM3 tool, independent of input order. */
public class RandomDrawTest {

	public static List<RandomDraw.Candidate> population(int n, long seed) {
		Random random = new Random(seed);
		List<RandomDraw.Candidate> out = new ArrayList<>();
		String[] classes = { "A", "B", "C", "D" };
		for (int i = 0; i < n; i++) {
			String first17 = "91533103MA" + String.format("%07d", i);
			out.add(new RandomDraw.Candidate(classes[random.nextInt(4)], first17 + Uscc.checkCharacter(first17)));
		}
		return out;
	}

	public static final Map<String, BigDecimal> RATIOS = Map.of("A", new BigDecimal("0.02"), "B", new BigDecimal("0.05"), "C", new BigDecimal("1"),
			"D", new BigDecimal("1.00"));

	@Test
	void theSelectionIsTheSmallestSm3OfSeedAndCodeInEachStratum() {
		var pool = population(2_000, 1);
		String commitment = RandomDraw.commitment("芒市监抽〔2026〕1号", RATIOS, pool);
		String seed = RandomDraw.seed(commitment, "锚定根 0123abcd");
		var drawn = RandomDraw.select(seed, RATIOS, pool);
		// recomputed here the plain way: SM3 over the text seed ‖ code, sorted as hex strings, ⌈n × ratio⌉ per stratum
		for (String stratum : List.of("A", "B", "C", "D")) {
			List<String[]> keyed = new ArrayList<>();
			pool.stream().filter(c -> c.stratum().equals(stratum)).forEach(c -> keyed.add(new String[] { Sm3.hex(seed + c.uscc()), c.uscc() }));
			keyed.sort(Comparator.comparing(k -> k[0]));
			int k = (int) Math.ceil(keyed.size() * RATIOS.get(stratum).doubleValue());
			List<String> expected = keyed.subList(0, k).stream().map(x -> x[1]).toList();
			assertThat(drawn.stream().filter(d -> d.stratum().equals(stratum)).map(RandomDraw.Drawn::uscc).toList()).as(stratum).isEqualTo(expected);
			drawn.stream().filter(d -> d.stratum().equals(stratum)).forEach(d -> assertThat(d.key()).isEqualTo(Sm3.hex(seed + d.uscc())));
		}
		assertThat(drawn.stream().filter(d -> d.stratum().equals("C")).count()).isEqualTo(pool.stream().filter(c -> c.stratum().equals("C")).count());
	}

	@Test
	void theSameInputsGiveTheSameListWhateverTheirOrderAndAnotherBeaconAnotherList() {
		var pool = population(1_000, 2);
		var shuffled = new ArrayList<>(pool);
		Collections.shuffle(shuffled, new Random(7));
		assertThat(RandomDraw.commitment("T-1", RATIOS, shuffled)).isEqualTo(RandomDraw.commitment("T-1", RATIOS, pool));
		String seed = RandomDraw.seed(RandomDraw.commitment("T-1", RATIOS, pool), "beacon-1");
		assertThat(RandomDraw.select(seed, RATIOS, shuffled)).isEqualTo(RandomDraw.select(seed, RATIOS, pool));
		String other = RandomDraw.seed(RandomDraw.commitment("T-1", RATIOS, pool), "beacon-2");
		assertThat(RandomDraw.select(other, RATIOS, pool).stream().filter(d -> d.stratum().equals("B")).toList())
			.isNotEqualTo(RandomDraw.select(seed, RATIOS, pool).stream().filter(d -> d.stratum().equals("B")).toList());
		// any change of the pool or of a ratio changes the commitment: the pool cannot be edited after it was published
		assertThat(RandomDraw.commitment("T-1", RATIOS, pool.subList(1, pool.size()))).isNotEqualTo(RandomDraw.commitment("T-1", RATIOS, pool));
		assertThat(RandomDraw.commitment("T-1", Map.of("A", new BigDecimal("0.03")), pool)).isNotEqualTo(RandomDraw.commitment("T-1",
				Map.of("A", new BigDecimal("0.02")), pool));
		// 1 and 1.00 are the same ratio
		assertThat(RandomDraw.commitment("T-1", Map.of("C", new BigDecimal("1")), pool)).isEqualTo(RandomDraw.commitment("T-1",
				Map.of("C", new BigDecimal("1.00")), pool));
	}

	@Test
	void sizesRoundUpAndKeepAtLeastOneAndBadInputIsRefused() {
		assertThat(RandomDraw.size(99, new BigDecimal("0.02"))).isEqualTo(2);
		assertThat(RandomDraw.size(10, new BigDecimal("0.02"))).isEqualTo(1);
		assertThat(RandomDraw.size(10, BigDecimal.ZERO)).isZero();
		assertThat(RandomDraw.size(0, BigDecimal.ONE)).isZero();
		var pool = population(10, 3);
		assertThat(RandomDraw.sizes(Map.of("A", BigDecimal.ONE, "E", BigDecimal.ONE), pool)).containsKeys("A", "E");
		assertThatThrownBy(() -> RandomDraw.commitment("T", Map.of("A", new BigDecimal("1.5")), pool)).hasMessageContaining("0到1");
		List<RandomDraw.Candidate> twice = new ArrayList<>(pool);
		twice.add(pool.get(0));
		assertThatThrownBy(() -> RandomDraw.commitment("T", RATIOS, twice)).hasMessageContaining("重复");
		List<RandomDraw.Candidate> inTwoStrata = new ArrayList<>(pool);
		inTwoStrata.add(new RandomDraw.Candidate(pool.get(0).stratum().equals("A") ? "B" : "A", pool.get(0).uscc()));
		assertThatThrownBy(() -> RandomDraw.commitment("T", RATIOS, inTwoStrata)).hasMessageContaining("重复");
		assertThatThrownBy(() -> new RandomDraw.Candidate("A B", pool.get(0).uscc())).hasMessageContaining("分层键");
		assertThatThrownBy(() -> RandomDraw.select("xyz", RATIOS, pool)).hasMessageContaining("种子");
	}

	@Test
	void valuesSharingTheirLeadingBytesAreStillInFullOrder() {
		// five values: two pairs equal in their first eight bytes, differing later; one with the top bit set (unsigned order)
		byte[] keys = new byte[5 * 32];
		byte[][] values = { fill(0x10, 0x05), fill(0x10, 0x01), fill(0xF0, 0x00), fill(0x00, 0x09), fill(0x00, 0x02) };
		for (int i = 0; i < 5; i++) {
			System.arraycopy(values[i], 0, keys, i * 32, 32);
		}
		assertThat(RandomDraw.ordered(new int[] { 0, 1, 2, 3, 4 }, keys)).containsExactly(4, 3, 1, 0, 2);
		assertThat(RandomDraw.ordered(new int[] { 2, 0, 4 }, keys)).containsExactly(4, 0, 2);
	}

	private static byte[] fill(int lead, int tail) {
		byte[] b = new byte[32];
		java.util.Arrays.fill(b, 0, 8, (byte) lead);
		b[31] = (byte) tail;
		return b;
	}
}
