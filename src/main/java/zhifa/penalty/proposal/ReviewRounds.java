package zhifa.penalty.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import zhifa.record.RecordEntry;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;

/**
 * What a round of 法制审核 or 负责人集体讨论 needs beyond its form: a proposal 退回补正 is passed only after something was
 * corrected, and a collective discussion names at least two of the heads who took part.
 */
final class ReviewRounds {

	/**
	 * Steps that correct a returned proposal: more evidence or 笔录, the party's details, the officers, a hearing. A document
	 * printed again corrects nothing (a new proposal does, and starts the reviews afresh).
	 */
	static final Set<String> CORRECTIONS = Set.of("case.evidence_added", "case.transcript_added", "case.party_corrected", "case.officers_changed",
			"case.hearing_held", "case.statement_reexamined");

	private static final Pattern SEPARATORS = Pattern.compile("[、，,；;\\s]+");

	private ReviewRounds() {
	}

	/**
	 * Refuses to pass a proposal whose last review of it returned it (退回补正) while nothing was corrected since: the review
	 * would otherwise pass what it had found wanting. A changed proposal starts afresh (its earlier reviews do not count).
	 */
	static void requireNew(boolean passing, String opinion, LocalDate today, List<Review> reviewsOfTheProposal, Supplier<List<RecordEntry>> entries) {
		requireNotRepeated(reviewsOfTheProposal, passing ? "PASSED" : "RETURNED", opinion, today);
		if (!passing || reviewsOfTheProposal.isEmpty() || !"RETURNED".equals(reviewsOfTheProposal.get(reviewsOfTheProposal.size() - 1).result())) {
			return;
		}
		Review returned = reviewsOfTheProposal.get(reviewsOfTheProposal.size() - 1);
		if (!corrected(returned, entries.get())) {
			throw new BusinessRuleViolation("本案处罚建议于 " + returned.decidedOn() + " 被退回补正（" + returned.opinion()
					+ "），此后办案人员没有补充证据或笔录，也没有修改处罚建议：补正之后才能审核通过");
		}
	}

	/** Whether a step that corrects a returned proposal ({@link #CORRECTIONS}) was recorded after the return. */
	static boolean corrected(Review returned, List<RecordEntry> timeline) {
		Instant returnedAt = timeline.stream().filter(e -> e.action().equals("case.legal_review")).map(RecordEntry::occurredAt)
			.reduce((a, b) -> b).orElse(Instant.MIN);
		return timeline.stream().anyMatch(e -> e.occurredAt().isAfter(returnedAt) && CORRECTIONS.contains(e.action()));
	}

	/**
	 * A round recorded twice — the form sent again — is refused: the same result and opinion on the same day, about the
	 * proposal as it stands (a second review or discussion is a new round only when it says something new).
	 */
	static void requireNotRepeated(List<Review> reviewsOfTheProposal, String result, String opinion, LocalDate today) {
		reviewsOfTheProposal.stream().filter(r -> today.equals(r.decidedOn()) && result.equals(r.result()) && opinion.equals(r.opinion())).findFirst()
			.ifPresent(r -> {
				throw new Conflict(("COLLECTIVE".equals(r.kind()) ? "同样的集体讨论记录" : "同样的法制审核意见") + "今天已经登记（" + r.reviewerName() + "），不重复登记");
			});
	}

	/**
	 * The participants of a 负责人集体讨论 as named (separated by 、，；or spaces): at least two, each named; joined with 、.
	 * The same discussion recorded again the same day is refused ({@link #requireNotRepeated}).
	 */
	static String participants(String typed, String minutes, LocalDate today, List<Review> discussionsOfTheProposal) {
		requireNotRepeated(discussionsOfTheProposal, "DECIDED", minutes, today);
		return String.join("、", participants(typed));
	}

	static List<String> participants(String typed) {
		List<String> names = Arrays.stream(SEPARATORS.split(typed.strip())).filter(n -> !n.isBlank()).distinct().toList();
		if (names.size() < 2 || names.stream().anyMatch(n -> n.contains("等") && n.endsWith("人"))) {
			throw BusinessRuleViolation.onField("participants", "集体讨论须由两名以上负责人参加：请逐一写明参加人员的姓名，用顿号分隔（如：刘强、王芳、李明）");
		}
		return names;
	}
}
