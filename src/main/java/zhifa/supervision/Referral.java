package zhifa.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A 行刑衔接 referral of an act as the alert rules see it (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号): when the
 * team reported the suspicion, the head's decision and when, when the case went to the police, the police's answer and
 * day and the day the body received its notice, the body's reconsideration request and the police's answer to it, and the
 * hand-over of goods and materials after the police filed the case.
 */
public record Referral(long id, Instant reportedAt, String decision, Instant decidedAt, Instant transferredAt, String policeAnswer,
		LocalDate policeAnsweredOn, LocalDate noticeReceivedOn, LocalDate reconsiderationOn, String reconsiderationAnswer, LocalDate reconsiderationAnsweredOn,
		LocalDate reconsiderationReceivedOn, LocalDate handedOverOn, boolean closed, Boolean courtFined) {

	/** Closed or not, the court's fine not recorded. */
	public Referral(long id, Instant reportedAt, String decision, Instant decidedAt, Instant transferredAt, String policeAnswer,
			LocalDate policeAnsweredOn, LocalDate noticeReceivedOn, LocalDate reconsiderationOn, String reconsiderationAnswer, LocalDate reconsiderationAnsweredOn,
			LocalDate reconsiderationReceivedOn, LocalDate handedOverOn, boolean closed) {
		this(id, reportedAt, decision, decidedAt, transferredAt, policeAnswer, policeAnsweredOn, noticeReceivedOn, reconsiderationOn, reconsiderationAnswer,
				reconsiderationAnsweredOn, reconsiderationReceivedOn, handedOverOn, closed, null);
	}

	/** Not closed by the body (a referral as the rules see it before it ends). */
	public Referral(long id, Instant reportedAt, String decision, Instant decidedAt, Instant transferredAt, String policeAnswer,
			LocalDate policeAnsweredOn, LocalDate noticeReceivedOn, LocalDate reconsiderationOn, String reconsiderationAnswer, LocalDate reconsiderationAnsweredOn,
			LocalDate reconsiderationReceivedOn, LocalDate handedOverOn) {
		this(id, reportedAt, decision, decidedAt, transferredAt, policeAnswer, policeAnsweredOn, noticeReceivedOn, reconsiderationOn, reconsiderationAnswer,
				reconsiderationAnsweredOn, reconsiderationReceivedOn, handedOverOn, false);
	}

	/** Without a reconsideration (the police's first answer stands); the notice received the day it was decided unless told. */
	public Referral(long id, Instant reportedAt, String decision, Instant decidedAt, Instant transferredAt, String policeAnswer, LocalDate policeAnsweredOn,
			LocalDate reconsiderationOn, LocalDate handedOverOn) {
		this(id, reportedAt, decision, decidedAt, transferredAt, policeAnswer, policeAnsweredOn, policeAnsweredOn, reconsiderationOn, null, null, null,
				handedOverOn);
	}

	/** The police's answer that stands: the reconsideration's when there was one. */
	public String finalAnswer() {
		return reconsiderationAnswer != null ? reconsiderationAnswer : policeAnswer;
	}

	/** The day the body received the notice of the answer that stands (from which the hand-over is counted). */
	public LocalDate finalNoticeReceivedOn() {
		return reconsiderationAnswer != null ? reconsiderationReceivedOn : noticeReceivedOn;
	}

	public static final String TRANSFER = "TRANSFER";
	public static final String NOT_TRANSFER = "NOT_TRANSFER";
	public static final String FILED = "FILED";
	public static final String NOT_FILED = "NOT_FILED";

	/** Where the referral stands, in a line for the case page (the referral's own page has every step and period). */
	public String summary() {
		java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
		if (decision == null) {
			return "专案组已于 " + reportedAt.atZone(zone).toLocalDate() + " 报告涉嫌犯罪，待负责人决定是否移送（3日内）";
		}
		if (NOT_TRANSFER.equals(decision)) {
			return "负责人决定不移送";
		}
		if (transferredAt == null) {
			return "负责人已于 " + decidedAt.atZone(zone).toLocalDate() + " 批准移送，尚未移送公安机关（批准之时起24小时内）";
		}
		String sent = "已于 " + transferredAt.atZone(zone).toLocalDate() + " 移送公安机关";
		if (handedOverOn != null) {
			return sent + "，公安机关已立案，涉案物品和材料已于 " + handedOverOn + " 移交" + (closed ? "；司法机关已处理完毕，办结" + courtFine() : "，司法机关处理中");
		}
		if (FILED.equals(finalAnswer())) {
			return sent + "，公安机关已立案，" + (closed ? "司法机关已处理完毕，办结" + courtFine() : "待移交涉案物品和材料");
		}
		if (NOT_FILED.equals(finalAnswer())) {
			return sent + "，公安机关不予立案";
		}
		return sent + "，待公安机关决定是否立案";
	}

	/**
	 * The case is in the judicial organs' hands: sent to the police, who have not refused it, and not closed by the body
	 * on their return of it. No fine meanwhile: 不得以罚代刑, and where the court fines, the body fines no more
	 * (行政处罚法第三十五条第二款).
	 */
	/**
	 * Reported as a suspected crime and neither refused by the head nor sent yet (awaiting his decision, or approved and
	 * within the 24 hours of the transfer): the body may not fine in place of the transfer (国务院令第310号第十一条).
	 */
	public boolean transferPending() {
		return transferredAt == null && !NOT_TRANSFER.equals(decision) && !closed;
	}

	public boolean criminalProceedingsOpen() {
		boolean reconsidering = reconsiderationOn != null && reconsiderationAnswer == null;
		return transferredAt != null && (!NOT_FILED.equals(finalAnswer()) || reconsidering) && !closed;
	}

	private String courtFine() {
		return Boolean.TRUE.equals(courtFined) ? "（人民法院已判处罚金，本机关不再给予罚款；此前已给予的罚款依法折抵罚金）" : "";
	}

	/**
	 * The people's court has fined the party (罚金) in the proceedings this referral started: the body gives no fine any more
	 * (行政处罚法第三十五条第二款; one given before is the court's to offset).
	 */
	public boolean courtFinedParty() {
		return closed && Boolean.TRUE.equals(courtFined);
	}

	/** The police filed the case and the goods and materials are not handed over yet (国务院令第310号第十二条). */
	public boolean awaitingHandover() {
		return transferredAt != null && FILED.equals(finalAnswer()) && handedOverOn == null && !closed;
	}

	/** The referral ended the crime question: transferred, or a recorded decision not to transfer, or the police did not file. */
	public boolean settlesCrimeQuestion() {
		return transferredAt != null || NOT_TRANSFER.equals(decision) || NOT_FILED.equals(finalAnswer());
	}
}
