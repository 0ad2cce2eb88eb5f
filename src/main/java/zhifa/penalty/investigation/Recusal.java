package zhifa.penalty.investigation;

import java.time.LocalDate;

/** 回避 (行政处罚法第四十三条): who applied against which officer, why, and the head's decision ({@code GRANTED}/{@code REJECTED}). */
public record Recusal(long id, long officerId, String officerName, LocalDate appliedOn, String applicant, String reason, String decision,
		LocalDate decidedOn, String decidedBy, String note) {
}
