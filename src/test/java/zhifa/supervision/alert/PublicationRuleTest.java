package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.supervision.alert.Acts.on;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import zhifa.supervision.ActReport;

/** A decision published late, not at all, or not withdrawn in time after it was revoked; exempt ones never. */
class PublicationRuleTest {

	private static ActReport act(LocalDate by, LocalDate published, boolean exempt, LocalDate withdrawBy, LocalDate withdrawn) {
		Acts a = Acts.act();
		a.details = ActReport.Details.NONE.withPublication(new ActReport.Publication(by, published, exempt, withdrawBy, withdrawn));
		return a.build();
	}

	@Test
	void lateOrMissingPublicationAndWithdrawalAreFound() {
		LocalDate by = LocalDate.of(2026, 5, 11);
		PublicationRule rule = new PublicationRule();
		assertThat(rule.evaluate(act(by, null, false, null, null), on(by))).isEmpty();
		assertThat(rule.evaluate(act(by, null, false, null, null), on(by.plusDays(1)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("2026-05-11", "未公开", "国办发〔2018〕118号"));
		assertThat(rule.evaluate(act(by, by, false, null, null), on(by.plusDays(30)))).isEmpty();
		assertThat(rule.evaluate(act(by, by.plusDays(1), false, null, null), on(by.plusDays(30)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("实际于 2026-05-12 公开"));
		assertThat(rule.evaluate(act(by, null, true, null, null), on(by.plusDays(30)))).as("a warning alone, exempt").isEmpty();
		LocalDate withdrawBy = LocalDate.of(2026, 7, 3);
		assertThat(rule.evaluate(act(by, by, false, withdrawBy, null), on(withdrawBy))).isEmpty();
		assertThat(rule.evaluate(act(by, by, false, withdrawBy, null), on(withdrawBy.plusDays(1)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("应于 2026-07-03 前撤回", "未撤回", "第四十八条"));
		assertThat(rule.evaluate(act(by, by, false, withdrawBy, withdrawBy), on(withdrawBy.plusDays(9)))).isEmpty();
		assertThat(rule.evaluate(Acts.act().build(), on(by.plusDays(90)))).as("no publication facts").isEmpty();
		assertThat(rule.timeBased()).isTrue();
	}

	@Test
	void otherDecisionsAreDueInTwentyWorkingDaysEvenWhenThePenaltyIsExemptOrAbsent() {
		LocalDate by = LocalDate.of(2026, 6, 1);
		PublicationRule rule = new PublicationRule();
		var seizure = new ActReport.Other(7, "行政强制措施决定", LocalDate.of(2026, 5, 1), by, null);
		Acts a = Acts.act();
		a.details = ActReport.Details.NONE.withPublication(new ActReport.Publication(null, null, false, null, null, java.util.List.of(seizure)));
		assertThat(rule.evaluate(a.build(), on(by))).isEmpty();
		assertThat(rule.evaluate(a.build(), on(by.plusDays(1)))).singleElement().satisfies(f -> {
			assertThat(f.occurrence()).isEqualTo("OTHER/7");
			assertThat(f.reasoning()).contains("行政强制措施决定", "应于 2026-06-01 前", "二十个工作日");
		});
		// exempt penalty (a warning alone): the seizure is still due
		a.details = ActReport.Details.NONE.withPublication(new ActReport.Publication(by, null, true, null, null, java.util.List.of(seizure)));
		assertThat(rule.evaluate(a.build(), on(by.plusDays(1)))).singleElement().satisfies(f -> assertThat(f.occurrence()).isEqualTo("OTHER/7"));
		// published on time: nothing
		a.details = ActReport.Details.NONE.withPublication(new ActReport.Publication(null, null, false, null, null,
				java.util.List.of(new ActReport.Other(7, "行政强制措施决定", LocalDate.of(2026, 5, 1), by, by))));
		assertThat(rule.evaluate(a.build(), on(by.plusDays(30)))).isEmpty();
	}
}
