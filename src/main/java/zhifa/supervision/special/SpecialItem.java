package zhifa.supervision.special;

import java.time.Instant;
import java.time.LocalDate;

/** One item under special supervision, as read. */
public record SpecialItem(long id, Kind kind, Long actId, long bodyId, String bodyName, String title, String basis, SuggestionType suggestionType,
		String issuer, String documentNumber, LocalDate receivedOn, LocalDate answerDue, Status status, String answer, LocalDate answeredOn,
		String answeredBy, String conclusion, LocalDate closedOn, String closedBy, String openedBy, int version, Instant createdAt, String returnReason) {

	public enum Kind {
		CORRECTED("复议诉讼纠错"), SUGGESTION("监察、司法、检察建议"), DESIGNATED("重大案件专项监督");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum SuggestionType {
		SUPERVISORY("监察建议"), JUDICIAL("司法建议"), PROCURATORIAL("检察建议");

		private final String label;

		SuggestionType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Status {
		OPEN("待答复"), ANSWERED("已答复待审核"), CLOSED("已办结");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Not answered by its due day. */
	public boolean overdueOn(LocalDate day) {
		return status == Status.OPEN && day.isAfter(answerDue);
	}
}
