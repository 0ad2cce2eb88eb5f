package zhifa.officer;

import java.util.List;

/**
 * Scoring of a qualification exam paper (方案任务4: 网上资格考试): each part is scored out of 100 by the share of correct
 * answers (rounded half up); a multiple-choice answer is correct only when exactly the right options are chosen; a part
 * passes at the pass mark (default 60, RULES.md §3); the paper passes when every part taken passes.
 */
public final class ExamScoring {

	private ExamScoring() {
	}

	/** Normalises an answer: option letters upper-case, de-duplicated and sorted; T/F for true/false. */
	public static String normalise(String answer) {
		if (answer == null) {
			return null;
		}
		String a = answer.strip().toUpperCase().replace("对", "T").replace("错", "F").replace("正确", "T").replace("错误", "F");
		if (a.equals("T") || a.equals("F")) {
			return a;
		}
		String letters = a.chars().filter(c -> c >= 'A' && c <= 'F').distinct().sorted()
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		return letters.isEmpty() ? null : letters;
	}

	public static boolean correct(String expected, String given) {
		String g = normalise(given);
		return g != null && g.equals(normalise(expected));
	}

	/**
	 * Score out of 100 for {@code correct} of {@code total}, the fraction dropped (28 of 47 is 59.57: 59, short of 60 — a
	 * score rounded up would pass a candidate below the pass mark); null when the part was not taken.
	 */
	public static Integer score(int correct, int total) {
		if (total == 0) {
			return null;
		}
		return correct * 100 / total;
	}

	public static boolean passed(List<Integer> partScores, int passMark) {
		return partScores.stream().allMatch(s -> s == null || s >= passMark) && partScores.stream().anyMatch(s -> s != null);
	}
}
