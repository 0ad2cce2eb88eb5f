package zhifa.inspection.visits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import zhifa.shared.Sm3;

/**
 * 随机选派检查人员 (国发〔2019〕5号): the rule by which a drawn enterprise gets its inspectors of one body, using nothing
 * but the task's seed and what the draw records (each body's pool of inspectors certified on the day, the conflicts
 * declared before the commitment, the number of enterprises drawn), so that anyone holding the record can recompute
 * every team.
 *
 * <p>The eligible inspectors are ranked by SM3(种子 ‖ 换行 ‖ 机关编号 ‖ 换行 ‖ 统一社会信用代码 ‖ 换行 ‖ 人员编号), smallest first.
 * The pair chosen is the first, in that order (the first member by rank, then the second), of two inspectors below the
 * draw's cap, ⌈2 × 抽中户数 ÷ 人员库人数⌉, after whom the enterprises still to come can each still get two below the cap
 * (a greedy choice of the first two alone left the last enterprises with one inspector under the cap, so the cap was
 * broken for a third of the seeds). Only when conflicts leave no such pair is the cap given way: then the first two
 * in rank of those below it, or, too few of them, the first in rank of the others. The room of later enterprises is
 * counted without their conflicts (they are not looked at ahead). Visits already pending from other tasks do not count: a team chosen by who is least busy is a rotation
 * anyone can predict, not a random choice.
 */
public final class InspectorDraw {

	private InspectorDraw() {
	}

	/** The rank of an inspector for an enterprise: the smaller, the earlier chosen. */
	public static String rank(String seed, long body, String uscc, long officerId) {
		return Sm3.hex(seed + "\n" + body + "\n" + uscc + "\n" + officerId);
	}

	/** The most visits of one draw an inspector of a pool of {@code poolSize} takes when {@code drawn} enterprises are drawn. */
	public static int cap(int drawn, int poolSize) {
		if (poolSize <= 0) {
			return 0;
		}
		return Math.max(1, (2 * drawn + poolSize - 1) / poolSize);
	}

	/**
	 * The two inspectors of {@code body} for the enterprise {@code uscc}, with {@code later} enterprises of the draw still
	 * to come after it: among the eligible ({@code pool} without {@code conflicted}) in rank order, the first pair below
	 * {@code cap} that leaves the later enterprises two each below it, else the first two in rank; {@code taken} is
	 * increased for the two chosen. Fewer than two eligible: an empty list (the caller refuses the draw).
	 */
	public static List<Long> team(String seed, long body, String uscc, Collection<Long> pool, Set<Long> conflicted, Map<Long, Integer> taken, int cap,
			int later) {
		Map<Long, String> ranks = new java.util.HashMap<>();
		pool.forEach(o -> ranks.computeIfAbsent(o, x -> rank(seed, body, uscc, x)));
		List<Long> eligible = new ArrayList<>(ranks.keySet().stream().filter(o -> !conflicted.contains(o)).toList());
		if (eligible.size() < 2) {
			return List.of();
		}
		eligible.sort(Comparator.comparing(ranks::get));
		List<Long> two = null;
		for (int i = 0; i < eligible.size() && two == null; i++) {
			long a = eligible.get(i);
			if (taken.getOrDefault(a, 0) >= cap) {
				continue;
			}
			for (int j = i + 1; j < eligible.size(); j++) {
				long b = eligible.get(j);
				if (taken.getOrDefault(b, 0) < cap && roomAfter(ranks.keySet(), taken, cap, later, a, b)) {
					two = List.of(a, b);
					break;
				}
			}
		}
		if (two == null) {
			// conflicts leave no pair that keeps the cap: those below it first, each in rank order
			List<Long> byRoom = new ArrayList<>(eligible);
			byRoom.sort(Comparator.comparing((Long o) -> taken.getOrDefault(o, 0) < cap ? 0 : 1).thenComparing(ranks::get));
			two = List.copyOf(byRoom.subList(0, 2));
		}
		two.forEach(o -> taken.merge(o, 1, Integer::sum));
		return two;
	}

	/**
	 * Whether, once {@code a} and {@code b} are chosen, {@code later} enterprises can each still get two different
	 * inspectors of the pool below the cap: at least two have room, and the room, counting at most {@code later} for
	 * each, holds 2 × {@code later} (the bipartite degree condition, whose checks in between lie on a concave curve, so
	 * its two ends suffice). Conflicts of later enterprises are not known here: they may still break the cap.
	 */
	static boolean roomAfter(Collection<Long> pool, Map<Long, Integer> taken, int cap, int later, long a, long b) {
		if (later <= 0) {
			return true;
		}
		long room = 0;
		int withRoom = 0;
		for (long o : pool) {
			int left = cap - taken.getOrDefault(o, 0) - (o == a || o == b ? 1 : 0);
			if (left > 0) {
				withRoom++;
				room += Math.min(left, later);
			}
		}
		return withRoom >= 2 && room >= 2L * later;
	}

	/** The replacement after a recusal: among the eligible (not on the team, no conflict), the smallest rank. */
	public static long replacement(String seed, long body, String uscc, Collection<Long> eligible) {
		return eligible.stream().min(Comparator.comparing(o -> rank(seed, body, uscc, o))).orElseThrow();
	}
}
