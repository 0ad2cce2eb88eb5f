package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.supervision.alert.Acts.on;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.supervision.ActReport;

/** The rules on inspections: a late or missing publication of the result, and one enterprise visited by several bodies within 30 days. */
class InspectionAlertRulesTest {

	private static Acts visit(String id, long body, String bodyName, LocalDate checked, LocalDate publishBy, LocalDate published) {
		Acts a = Acts.act();
		a.source = ActReport.PLATFORM;
		a.externalId = id;
		a.bodyId = body;
		a.kind = "INSPECTION";
		a.stage = published != null ? "PUBLISHED" : "CHECKED";
		a.receivedOn = null;
		a.filedOn = null;
		a.decidedOn = null;
		a.outcome = null;
		a.fine = null;
		a.partyKey = "U:91533103MA6K00001X";
		a.details = ActReport.Details.NONE.withInspection(new ActReport.Inspection(true, bodyName, checked, publishBy, published, List.of()));
		return a;
	}

	@Test
	void aResultNotPublishedWithinTwentyWorkingDaysIsFoundOnlyAfterItsDay() {
		LocalDate checked = LocalDate.of(2026, 5, 4);
		LocalDate due = LocalDate.of(2026, 6, 1);
		InspectionResultRule rule = new InspectionResultRule();
		assertThat(rule.evaluate(visit("1", 1, "甲局", checked, due, null).build(), on(due))).isEmpty();
		assertThat(rule.evaluate(visit("1", 1, "甲局", checked, due, null).build(), on(due.plusDays(1)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("2026-06-01", "未公示", "国发〔2019〕5号"));
		assertThat(rule.evaluate(visit("1", 1, "甲局", checked, due, due).build(), on(due.plusDays(30)))).isEmpty();
		assertThat(rule.evaluate(visit("1", 1, "甲局", checked, due, due.plusDays(2)).build(), on(due.plusDays(30)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("实际于 2026-06-03 公示"));
		assertThat(rule.timeBased()).isTrue();
		// not an inspection, or not carried out yet: nothing
		assertThat(rule.evaluate(Acts.act().build(), on(due.plusDays(30)))).isEmpty();
	}

	@Test
	void anEnterpriseVisitedByAnotherBodyWithinThirtyDaysIsFoundButNotBySameBodyOrEarlier() {
		LocalDate day = LocalDate.of(2026, 6, 10);
		RepeatedVisitsRule rule = new RepeatedVisitsRule();
		ActReport now = visit("3", 1, "市场监管局", day, null, null).build();
		ActReport otherBody = visit("2", 2, "综合执法局", day.minusDays(30), null, null).build();
		ActReport tooEarly = visit("1", 3, "卫健局", day.minusDays(31), null, null).build();
		ActReport sameBody = visit("4", 1, "市场监管局", day.minusDays(5), null, null).build();
		assertThat(rule.evaluate(now, on(day, List.of(now, otherBody, tooEarly, sameBody)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("综合执法局", "2026-05-11", "综合查一次").doesNotContain("卫健局"));
		assertThat(rule.evaluate(now, on(day, List.of(now, tooEarly, sameBody)))).isEmpty();
		// the other body's visit merged with this one (综合查一次) is the same visit
		Acts merged = visit("3", 1, "市场监管局", day, null, null);
		merged.details = ActReport.Details.NONE.withInspection(new ActReport.Inspection(true, "市场监管局", day, null, null, List.of("6")));
		merged.source = ActReport.PLATFORM;
		ActReport partner = visit("6", 2, "综合执法局", day, null, null).build();
		assertThat(rule.evaluate(merged.build(), on(day, List.of(partner)))).isEmpty();
		assertThat(rule.evaluate(now, on(day, List.of(partner)))).singleElement();
		Acts unchecked = visit("5", 2, "综合执法局", null, null, null);
		assertThat(rule.evaluate(now, on(day, List.of(unchecked.build())))).isEmpty();
	}
}
