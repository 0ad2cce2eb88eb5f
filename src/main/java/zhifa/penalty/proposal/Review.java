package zhifa.penalty.proposal;

import java.time.LocalDate;

/** 法制审核 ({@code LEGAL}: PASSED or RETURNED) or 负责人集体讨论 ({@code COLLECTIVE}: DECIDED), each round kept. */
public record Review(long id, String kind, LocalDate requestedOn, String grounds, String result, String opinion, String participants,
		String reviewerName, LocalDate decidedOn) {
}
