package zhifa.supervision.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 交叉评查: who reviews which file. A reviewer never reviews a file of his own body nor of a body he has declared a
 * conflict with; each file gets the configured number of different reviewers; the work is spread evenly (the reviewer
 * with the fewest files so far first, then by a fixed order), so the same inputs always give the same assignment.
 */
public final class CrossReview {

	private CrossReview() {
	}

	public record Reviewer(long accountId, String name, long bodyId, Set<Long> conflicts) {

		public boolean mayReview(long fileBodyId) {
			return bodyId != fileBodyId && !conflicts.contains(fileBodyId);
		}
	}

	public record File(long id, long bodyId, String label) {
	}

	/**
	 * The reviewers of each file, in file order.
	 *
	 * @throws IllegalArgumentException naming the first file without enough eligible reviewers
	 */
	public static Map<Long, List<Reviewer>> assign(List<File> files, List<Reviewer> reviewers, int perFile) {
		if (perFile < 1 || perFile > 3) {
			throw new IllegalArgumentException("每份案卷的评查人数应为1至3人");
		}
		Map<Long, Integer> load = new HashMap<>();
		reviewers.forEach(r -> load.put(r.accountId(), 0));
		Map<Long, List<Reviewer>> out = new LinkedHashMap<>();
		for (File f : files) {
			List<Reviewer> eligible = new ArrayList<>(reviewers.stream().filter(r -> r.mayReview(f.bodyId())).toList());
			if (eligible.size() < perFile) {
				throw new IllegalArgumentException("案卷“" + f.label() + "”只有 " + eligible.size() + " 名可评查人员（须非本单位、未申报回避），需要 " + perFile
						+ " 名；请增加其他单位的评查人员");
			}
			eligible.sort(Comparator.comparingInt((Reviewer r) -> load.get(r.accountId())).thenComparingLong(Reviewer::accountId));
			List<Reviewer> chosen = List.copyOf(eligible.subList(0, perFile));
			chosen.forEach(r -> load.merge(r.accountId(), 1, Integer::sum));
			out.put(f.id(), chosen);
		}
		return out;
	}
}
