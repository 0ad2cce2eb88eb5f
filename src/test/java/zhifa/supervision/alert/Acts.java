package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import zhifa.shared.WorkdayCalendar;
import zhifa.supervision.ActReport;

/** Builds ledger acts for the rules' tests: a decided, served, paid penalty by two certified officers unless changed. */
final class Acts {

	String source = "GONGAN";
	String externalId = "A-1";
	long bodyId = 1;
	String kind = "PENALTY";
	String matterCode = "SJ-001";
	String partyKind = "ORGANIZATION";
	String partyKey = "P1";
	String stage = "DECIDED";
	LocalDate actDate = LocalDate.of(2026, 3, 2);
	LocalDate receivedOn = LocalDate.of(2026, 3, 2);
	LocalDate filedOn = LocalDate.of(2026, 3, 4);
	LocalDate noticeServedOn = LocalDate.of(2026, 4, 1);
	LocalDate statementDue = LocalDate.of(2026, 4, 8);
	LocalDate hearingDue = LocalDate.of(2026, 4, 8);
	boolean hearingRight = true;
	boolean hearingRequested;
	boolean hearingHeld;
	boolean legalReviewRequired = true;
	boolean legalReviewPassed = true;
	LocalDate decidedOn = LocalDate.of(2026, 4, 20);
	String outcome = "PENALTY";
	Long fine = 500_000L;
	Long gains;
	Long propertyValue;
	LocalDate decisionServedOn = LocalDate.of(2026, 4, 22);
	long paid = 500_000L;
	LocalDate closedOn;
	List<String> certificates = List.of("C-1", "C-2");
	int valid = 2;
	Long placeRegionId;
	ActReport.Details details = ActReport.Details.NONE;

	static Acts act() {
		return new Acts();
	}

	ActReport build() {
		return new ActReport(source, externalId, 1, bodyId, kind, matterCode, "某事项", "某罚决〔2026〕" + externalId + "号", partyKind, "某公司", "某*司", partyKey,
				placeRegionId, stage, actDate, receivedOn, filedOn, noticeServedOn, statementDue, hearingDue, hearingRight, hearingRequested, hearingHeld,
				legalReviewRequired, legalReviewPassed, decidedOn, outcome, "N", fine, gains, propertyValue, decisionServedOn, paid, closedOn, certificates, valid,
				false, details);
	}

	/** Weekends only (no official notice in the test): the deadlines are provisional but counted by the one engine. */
	static RuleContext on(LocalDate today) {
		return on(today, List.of());
	}

	static RuleContext on(LocalDate today, List<ActReport> history) {
		WorkdayCalendar calendar = new WorkdayCalendar(Map.of(), List.of());
		return new RuleContext(today, calendar::due, AlertSettings.defaults(), history);
	}

	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
}
