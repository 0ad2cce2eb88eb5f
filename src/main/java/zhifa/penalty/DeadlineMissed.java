package zhifa.penalty;

import java.time.LocalDate;

/** Published when a case timer passes its due day unmet; the supervision side consumes it. */
public record DeadlineMissed(long caseId, long bodyId, String caseLabel, TimerKind kind, LocalDate due, String legalSource) {
}
