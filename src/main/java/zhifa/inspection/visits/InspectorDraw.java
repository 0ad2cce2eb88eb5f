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
 * <p>The eligible inspectors are ranked by SM3(种子 ‖ 换行 ‖ 机关编号 ‖ 换行 ‖ 统一社会信用代码 ‖ 换行 ‖ 人员编号), smallest first,
 * and the first two not yet at the draw's cap are chosen; the cap, ⌈2 × 抽中户数 ÷ 人员库人数⌉, spreads the draw's visits
 * over the pool. Only when conflicts leave fewer than two below the cap are the next in rank taken regardless of it.
 * Visits already pending from other tasks do not count: a team chosen by who is least busy is a rotation anyone can
 * predict, not a random choice.
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
	 * The two inspectors of {@code body} for the enterprise {@code uscc}: the eligible ({@code pool} without {@code conflicted}),
	 * in rank order, first those whose count in {@code taken} is below {@code cap}, then the others; {@code taken} is
	 * increased for the two chosen. Fewer than two eligible: an empty list (the caller refuses the draw).
	 */
	public static List<Long> team(String seed, long body, String uscc, Collection<Long> pool, Set<Long> conflicted, Map<Long, Integer> taken, int cap) {
		List<Long> eligible = new ArrayList<>(pool.stream().filter(o -> !conflicted.contains(o)).distinct().toList());
		if (eligible.size() < 2) {
			return List.of();
		}
		eligible.sort(Comparator.comparing((Long o) -> taken.getOrDefault(o, 0) < cap ? 0 : 1).thenComparing(o -> rank(seed, body, uscc, o)));
		List<Long> two = List.copyOf(eligible.subList(0, 2));
		two.forEach(o -> taken.merge(o, 1, Integer::sum));
		return two;
	}

	/** The replacement after a recusal: among the eligible (not on the team, no conflict), the smallest rank. */
	public static long replacement(String seed, long body, String uscc, Collection<Long> eligible) {
		return eligible.stream().min(Comparator.comparing(o -> rank(seed, body, uscc, o))).orElseThrow();
	}
}
