package zhifa.inspection.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import zhifa.shared.Sm3;

/** 随机选派检查人员: the team is the documented function of the seed and the recorded pool — random, spread, recomputable. */
class InspectorDrawTest {

	private static final List<Long> POOL = List.of(11L, 12L, 13L, 14L, 15L, 16L);

	@Test
	void theTeamIsTheTwoSmallestSm3OfSeedBodyEnterpriseAndOfficer() {
		String seed = Sm3.hex("种子");
		List<Long> team = InspectorDraw.team(seed, 7, "91533103MA0000001X", POOL, Set.of(), new HashMap<>(), 2, 0);
		List<Long> byHand = POOL.stream()
			.sorted(java.util.Comparator.comparing(o -> Sm3.hex(seed + "\n" + 7 + "\n" + "91533103MA0000001X" + "\n" + o)))
			.limit(2)
			.toList();
		assertThat(team).isEqualTo(byHand);
		// the input's order does not matter
		List<Long> reversed = new ArrayList<>(POOL);
		java.util.Collections.reverse(reversed);
		assertThat(InspectorDraw.team(seed, 7, "91533103MA0000001X", reversed, Set.of(), new HashMap<>(), 2, 0)).isEqualTo(team);
	}

	@Test
	void differentSeedsChooseDifferentPairsNotARotationAnyoneCanPredict() {
		// one enterprise, the same pool, a thousand draws: every one of the 15 pairs comes up, none in more than twice its share
		Map<Set<Long>, Integer> pairs = new HashMap<>();
		for (int i = 0; i < 1_000; i++) {
			var team = InspectorDraw.team(Sm3.hex("种子" + i), 7, "91533103MA0000001X", POOL, Set.of(), new HashMap<>(), 1, 0);
			pairs.merge(Set.copyOf(team), 1, Integer::sum);
		}
		assertThat(pairs).hasSize(15);
		assertThat(pairs.values()).allMatch(n -> n < 2 * 1_000 / 15);
	}

	@Test
	void nobodyTakesMoreThanTheCapOfTheDrawWhateverTheSeed() {
		// pools and draws of several sizes, a thousand seeds each: without conflicts the cap always holds (a greedy choice of
		// the first two alone broke it for about a third of the seeds, the last enterprises finding one inspector under it)
		for (int[] sizes : new int[][] { { 6, 9 }, { 3, 3 }, { 10, 30 }, { 7, 5 }, { 4, 11 } }) {
			List<Long> pool = LongStream.rangeClosed(1, sizes[0]).boxed().toList();
			int enterprises = sizes[1];
			int cap = InspectorDraw.cap(enterprises, pool.size());
			for (int s = 0; s < 1_000; s++) {
				Map<Long, Integer> taken = new HashMap<>();
				String seed = Sm3.hex("种子" + s);
				for (int e = 0; e < enterprises; e++) {
					assertThat(InspectorDraw.team(seed, 7, "E" + e, pool, Set.of(), taken, cap, enterprises - e - 1)).hasSize(2).doesNotHaveDuplicates();
				}
				assertThat(taken.values()).as("pool %d, %d enterprises, seed %d", sizes[0], enterprises, s).allMatch(n -> n <= cap);
			}
		}
		// 9 enterprises, 6 inspectors: 18 places, at most 3 each, so each takes exactly 3
		int cap = InspectorDraw.cap(9, POOL.size());
		assertThat(cap).isEqualTo(3);
		Map<Long, Integer> taken = new HashMap<>();
		String seed = Sm3.hex("种子");
		for (int e = 1; e <= 9; e++) {
			InspectorDraw.team(seed, 7, "E" + e, POOL, Set.of(), taken, cap, 9 - e);
		}
		assertThat(taken.values()).containsOnly(3);
		assertThat(InspectorDraw.cap(1, 6)).isEqualTo(1);
		assertThat(InspectorDraw.cap(10, 3)).isEqualTo(7);
		assertThat(InspectorDraw.cap(5, 0)).isZero();
	}

	@Test
	void aConflictIsNeverChosenAndTheCapGivesWayOnlyWhenConflictsLeaveTooFew() {
		String seed = Sm3.hex("种子");
		Set<Long> conflicted = new HashSet<>(LongStream.rangeClosed(11, 14).boxed().toList());
		Map<Long, Integer> taken = new HashMap<>(Map.of(15L, 3, 16L, 3));
		// only 15 and 16 are free of conflicts: both at the cap, both still chosen (two are needed)
		assertThat(InspectorDraw.team(seed, 7, "E", POOL, conflicted, taken, 3, 0)).containsExactlyInAnyOrder(15L, 16L);
		assertThat(taken).containsEntry(15L, 4).containsEntry(16L, 4);
		// one left: no team (the draw is refused)
		conflicted.add(15L);
		assertThat(InspectorDraw.team(seed, 7, "E", POOL, conflicted, new HashMap<>(), 3, 0)).isEmpty();
	}

	@Test
	void theReplacementAfterARecusalIsTheSmallestRankAmongTheEligible() {
		String seed = Sm3.hex("种子");
		long chosen = InspectorDraw.replacement(seed, 7, "E", List.of(13L, 14L, 15L));
		assertThat(List.of(13L, 14L, 15L)).allMatch(o -> InspectorDraw.rank(seed, 7, "E", chosen).compareTo(InspectorDraw.rank(seed, 7, "E", o)) <= 0);
	}
}
