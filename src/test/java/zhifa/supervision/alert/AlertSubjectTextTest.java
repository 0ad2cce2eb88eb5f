package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What an alert is about, in words on the list: never a rule's internal code, never blank for a body's alert. */
class AlertSubjectTextTest {

	private static Alert alert(String kind, String occurrence, String label) {
		return new Alert(1, "PROFIT_SEEKING", "趋利性执法", "条例", Severity.MEDIUM, AlertState.NEW, kind, 7, null, occurrence, 7, "某局", "理由",
				LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), Instant.EPOCH, Instant.EPOCH, null, 0, label);
	}

	@Test
	void aBodysAlertSaysWhatOfTheBodyItIsAbout() {
		assertThat(alert(Alert.SUBJECT_BODY, ProfitSeekingRule.NON_LOCAL, null).subjectText()).isEqualTo("对外地当事人的罚款");
		assertThat(alert(Alert.SUBJECT_BODY, "", null).subjectText()).isEqualTo("本单位整体情况");
		assertThat(alert(Alert.SUBJECT_BODY, "2026", null).subjectText()).isEqualTo("2026年度");
		assertThat(alert(Alert.SUBJECT_BODY, "ZXZZ-2024/PROBLEM2", null).subjectText()).isEqualTo("ZXZZ-2024 清单所列问题的整改");
		assertThat(alert(Alert.SUBJECT_ACT, "", "芒市监罚立〔2026〕1号").subjectText()).isEqualTo("芒市监罚立〔2026〕1号");
		assertThat(alert(Alert.SUBJECT_ACT, "X", null).subjectText()).isEmpty();
	}
}
