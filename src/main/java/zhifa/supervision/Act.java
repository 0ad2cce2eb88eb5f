package zhifa.supervision;

import java.time.Instant;

/** A row of the ledger (执法行为台账): the act as last reported, and when that report arrived. */
public record Act(long id, ActReport report, Instant receivedAt) {

	/** The stage in Chinese. */
	public String stageLabel() {
		return Stages.label(report.stage());
	}

	/** Whether this platform handled the act (its case page exists here). */
	public boolean platform() {
		return ActReport.PLATFORM.equals(report.source());
	}
}
