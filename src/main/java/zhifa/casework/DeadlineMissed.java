package zhifa.casework;

import java.time.LocalDate;

/**
 * Published when a case timer passes its due day unmet (the nightly {@link CaseTimers#markMissed}). Nobody listens
 * yet: the supervision module's alert rules (超期 alerts for the justice bureau) subscribe to it in the supervision issue.
 */
public record DeadlineMissed(long caseId, String caseKind, long bodyId, String caseLabel, String timer, String timerLabel, LocalDate due,
		String legalSource) {
}
