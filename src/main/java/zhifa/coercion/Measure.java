package zhifa.coercion;

import java.time.LocalDate;

/**
 * A 查封 or 扣押 on a case: what, approved by whom, from when, with the audio-video record, extended once at most, and its
 * end; why, on which legal basis and where (the decision states them, 行政强制法第二十四条; null for a measure recorded
 * before they were kept); why and when it was extended (the notice states them, 第二十五条第二款).
 */
public record Measure(long id, Kind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded, boolean extended,
		LocalDate closedOn, String outcome, String reason, String basis, String place, String extensionReason, LocalDate extendedOn) {

	/** A measure as the officers took it: what, why, on which basis, where, on which day. */
	public record Taken(String items, String reason, String basis, String place, LocalDate appliedOn) {
	}

	/** 行政强制法第九条 (二): 查封场所、设施或者财物; (三): 扣押财物. */
	public enum Kind {
		SEAL("查封"), DETAIN("扣押");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
