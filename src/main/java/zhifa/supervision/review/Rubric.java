package zhifa.supervision.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 案卷评查标准 as data (RULES.md §8): veto items — any one found makes the file 不合格 whatever its score — and scored
 * items in groups (e.g. 20 form + 80 content), each with its deduction per occurrence; a group's deductions stop at zero;
 * grade bands by lowest score (e.g. 优秀 ≥ 90, 合格 ≥ 60; below the lowest band, or any veto, 不合格). An item may name
 * the alert rules whose findings propose it from the case data ({@code prechecks}). The numbers are configuration; a
 * published version never changes.
 */
public record Rubric(String title, List<Veto> vetoes, List<Group> groups, List<Band> bands) {

	public static final String FAIL = "不合格";

	public record Veto(String code, String text, List<String> prechecks) {
	}

	public record Item(String code, String text, int deduction, List<String> prechecks) {
	}

	public record Group(String code, String name, int max, List<Item> items) {
	}

	public record Band(String label, int min) {
	}

	/** What a reviewer found on one item: hit (veto) or how many times (scored); proposed from data; the reason when overruled. */
	public record Mark(String code, boolean hit, int count, boolean proposed, String reason, String note) {
	}

	/** The result of one assessment: per-group scores, the total, the vetoes found, and the grade. */
	public record Result(Map<String, Integer> groupScores, int total, List<String> vetoes, String grade) {

		public boolean failed() {
			return FAIL.equals(grade);
		}
	}

	public Rubric {
		vetoes = List.copyOf(vetoes);
		groups = List.copyOf(groups);
		bands = bands.stream().sorted((a, b) -> Integer.compare(b.min(), a.min())).toList();
		Set<String> codes = new HashSet<>();
		vetoes.forEach(v -> unique(codes, v.code()));
		groups.forEach(g -> {
			unique(codes, g.code());
			g.items().forEach(i -> unique(codes, i.code()));
		});
	}

	private static void unique(Set<String> codes, String code) {
		if (!codes.add(code)) {
			throw new IllegalArgumentException("编号重复：" + code);
		}
	}

	/** The full mark (the sum of the groups' maxima). */
	public int full() {
		return groups.stream().mapToInt(Group::max).sum();
	}

	/** Every item code (vetoes and scored items) with its prechecks. */
	public Map<String, List<String>> prechecks() {
		Map<String, List<String>> m = new LinkedHashMap<>();
		vetoes.forEach(v -> m.put(v.code(), v.prechecks()));
		groups.forEach(g -> g.items().forEach(i -> m.put(i.code(), i.prechecks())));
		return m;
	}

	public boolean isVeto(String code) {
		return vetoes.stream().anyMatch(v -> v.code().equals(code));
	}

	public java.util.Optional<Item> item(String code) {
		return groups.stream().flatMap(g -> g.items().stream()).filter(i -> i.code().equals(code)).findFirst();
	}

	public String text(String code) {
		return vetoes.stream().filter(v -> v.code().equals(code)).map(Veto::text).findFirst()
			.orElseGet(() -> item(code).map(Item::text).orElse(code));
	}

	/**
	 * Scores the marks: each group is its maximum less the deductions of its items found (deduction × times), never below
	 * zero; the total is the sum; any veto found makes the grade 不合格, otherwise the highest band the total reaches.
	 */
	public Result score(Map<String, Mark> marks) {
		Map<String, Integer> groupScores = new LinkedHashMap<>();
		int total = 0;
		for (Group g : groups) {
			long deducted = 0;
			for (Item i : g.items()) {
				Mark m = marks.get(i.code());
				if (m != null && m.count() > 0) {
					deducted += (long) i.deduction() * m.count();
				}
			}
			int s = (int) Math.max(0, g.max() - deducted);
			groupScores.put(g.code(), s);
			total += s;
		}
		List<String> vetoed = new ArrayList<>();
		for (Veto v : vetoes) {
			Mark m = marks.get(v.code());
			if (m != null && m.hit()) {
				vetoed.add(v.code());
			}
		}
		String grade = FAIL;
		if (vetoed.isEmpty()) {
			for (Band b : bands) {
				if (total >= b.min()) {
					grade = b.label();
					break;
				}
			}
		}
		return new Result(groupScores, total, vetoed, grade);
	}
}
