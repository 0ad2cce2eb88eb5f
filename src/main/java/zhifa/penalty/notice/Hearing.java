package zhifa.penalty.notice;

import java.time.LocalDate;

/** 听证 (行政处罚法第六十三、六十四条): the request, the notice and date, the presiding officer, the agents, the transcript and report. */
public record Hearing(LocalDate requestedOn, LocalDate noticeOn, LocalDate hearingDate, Long presidingId, String agents, String transcript,
		String report, LocalDate heldOn, String place, java.time.LocalTime hearingTime, String presidingName) {
}
