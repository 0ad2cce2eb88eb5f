package zhifa.penalty.notice;

import java.time.LocalDate;

/** A 陈述、申辩 of the party and its 复核 (行政处罚法第四十五条): ADOPTED, PARTLY or REJECTED with the reasons. */
public record Statement(long id, LocalDate receivedOn, String content, String result, String resultNote, LocalDate reviewedOn) {
}
