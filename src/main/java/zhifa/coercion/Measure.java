package zhifa.coercion;

import java.time.LocalDate;

/**
 * A 查封 or 扣押 on a case: what, approved by whom, from when, with the audio-video record, extended once at most, and its
 * end; why, on which legal basis and where (the decision states them, 行政强制法第二十四条; null for a measure recorded
 * before they were kept); why and when it was extended (the notice states them, 第二十五条第二款); the ground it was
 * released on (第二十八条; 第十九条 when the head refused to approve it), none when it was dealt with otherwise; the
 * officers who carried it out (第十八条第（二）项; empty for a measure recorded before they were kept); {@code refusedOnPaper}:
 * the head refused it before the platform made the documents of such a release (its papers are filed).
 */
public record Measure(long id, Kind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded, boolean extended,
		LocalDate closedOn, String outcome, String reason, String basis, String place, String extensionReason, LocalDate extendedOn,
		ReleaseGround releaseGround, java.util.List<String> officers, boolean refusedOnPaper) {

	/**
	 * Why a 查封、扣押 is released (解除): 行政强制法第二十八条第一款 (一) to (五), chosen by the officers; or 第十九条, when the
	 * head refused to approve a measure taken on the spot — set by his refusal alone, never chosen.
	 */
	public enum ReleaseGround {
		NO_VIOLATION("（一）", "当事人没有违法行为"),
		UNRELATED("（二）", "查封、扣押的场所、设施或者财物与违法行为无关"),
		DEALT_WITH("（三）", "本机关对违法行为已经作出处理决定，不再需要查封、扣押"),
		EXPIRED("（四）", "查封、扣押期限已经届满"),
		OTHER("（五）", "其他不再需要采取查封、扣押措施的情形"),
		NOT_APPROVED("", "本机关负责人认为不应当采取查封、扣押措施");

		private final String item;
		private final String label;

		ReleaseGround(String item, String label) {
			this.item = item;
			this.label = label;
		}

		/** The item of 第二十八条第一款: （一）…（五）; empty for {@link #NOT_APPROVED}. */
		public String item() {
			return item;
		}

		/** The provision of 行政强制法 it rests on: 第二十八条第一款第（一）项 …, or 第十九条. */
		public String article() {
			return this == NOT_APPROVED ? "第十九条" : "第二十八条第一款第" + item + "项";
		}

		/** The grounds the officers choose from when they release a measure (not the head's refusal). */
		public static java.util.List<ReleaseGround> chosen() {
			return java.util.Arrays.stream(values()).filter(g -> g != NOT_APPROVED).toList();
		}

		public String label() {
			return label;
		}
	}

	/**
	 * A measure as the officers took it: what, why, on which basis, where, on which day, and who carried it out
	 * ({@code officerIds}; none given: the case's officers holding valid certificates that day).
	 */
	public record Taken(String items, String reason, String basis, String place, LocalDate appliedOn, java.util.List<Long> officerIds) {
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
