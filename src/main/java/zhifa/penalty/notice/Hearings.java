package zhifa.penalty.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.TimerKind;
import zhifa.penalty.persistence.NoticeRows;
import zhifa.penalty.proposal.Proposals;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.Sm3;

/**
 * 听证 (行政处罚法第六十三、六十四条): asked for within five working days of service, the decision period stopping meanwhile;
 * noticed at least seven days before, presided by someone who did not investigate, at most two agents; held, with the
 * transcript and report, after which the period runs again and legal review becomes due (第五十八条第一款第（二）项).
 */
@Service
public class Hearings {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final NoticeRows rows;
	private final Proposals proposals;
	private final CalendarService calendar;
	private final Clock clock;
	private final zhifa.penalty.persistence.RecusalRows recusals;

	Hearings(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseOfficers officers, CaseTimers timers, CaseRecord record, NoticeRows rows,
			Proposals proposals, CalendarService calendar, Clock clock, zhifa.penalty.persistence.RecusalRows recusals) {
		this.recusals = recusals;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.officers = officers;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.proposals = proposals;
		this.calendar = calendar;
		this.clock = clock;
	}

	public Optional<Hearing> hearing(long caseId) {
		return rows.hearing(caseId);
	}

	/** 听证申请 within five working days of service (第六十四条第（一）项); the decision period stops meanwhile. */
	@Transactional
	public Hearing requestHearing(DataScope scope, long caseId, LocalDate requestedOn) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.HEARING_REQUEST);
		Notice n = rows.notice(caseId).filter(x -> x.servedOn() != null).orElseThrow(() -> new BusinessRuleViolation("事先告知书尚未送达"));
		if (!n.hearingRight()) {
			throw new BusinessRuleViolation("本案拟作出的处罚不属于应当告知听证权利的情形（行政处罚法第六十三条）");
		}
		if (hearing(caseId).isPresent()) {
			throw new BusinessRuleViolation("当事人已提出听证申请");
		}
		if (n.hearingWaivedOn() != null) {
			throw new BusinessRuleViolation("当事人已于 " + n.hearingWaivedOn() + " 书面放弃听证");
		}
		if (requestedOn == null || requestedOn.isAfter(today()) || requestedOn.isBefore(n.servedOn())) {
			throw BusinessRuleViolation.onField("requestedOn", "申请日期应在送达之后、今天之前");
		}
		if (requestedOn.isAfter(n.hearingDue())) {
			throw BusinessRuleViolation.onField("requestedOn", "当事人应当在告知后五个工作日内提出听证申请，期限已于 " + n.hearingDue() + " 届满（行政处罚法第六十四条）");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.hearingRequested(caseId, requestedOn);
		timers.close(caseId, TimerKind.HEARING_REQUEST, requestedOn);
		timers.pause(caseId, TimerKind.DECISION, requestedOn, "听证程序期间不计入办案期限");
		record.append(file, "case.hearing_requested", "当事人要求听证（" + requestedOn + "），办案期限中止计算", Map.of());
		return hearing(caseId).orElseThrow();
	}

	/** The hearing notice at least 7 working days before the hearing; the presiding officer is not an investigator; at most two agents. */
	@Transactional
	public Hearing scheduleHearing(DataScope scope, long caseId, LocalDate noticeOn, LocalDate hearingDate, java.time.LocalTime hearingTime, String place,
			Long presidingId, List<String> agents) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.HEARING_SCHEDULE);
		Hearing h = hearing(caseId).orElseThrow(() -> new BusinessRuleViolation("当事人没有要求听证"));
		if (h.heldOn() != null) {
			throw new BusinessRuleViolation("听证已举行");
		}
		if (noticeOn == null || hearingDate == null || presidingId == null) {
			throw new BusinessRuleViolation("请填写听证通知日期、听证日期和主持人");
		}
		if (noticeOn.isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("noticeOn", "听证通知日期是通知当事人的日期，不能晚于今天（" + LocalDate.now(clock) + "）；通知后再安排");
		}
		if (hearingTime == null) {
			throw BusinessRuleViolation.onField("hearingTime", "请填写听证开始的时间：通知当事人举行听证的时间、地点（行政处罚法第六十四条第（二）项）");
		}
		if (place == null || place.isBlank() || place.strip().length() > 300) {
			throw BusinessRuleViolation.onField("place", "请填写听证地点（不超过300字）：通知当事人听证的时间、地点（行政处罚法第六十四条第（二）项）");
		}
		LocalDate earliest = calendar.due(Deadline.of(noticeOn, 7, DeadlineUnit.WORKING_DAYS, "行政处罚法第六十四条第（二）项")).date();
		if (hearingDate.isBefore(earliest)) {
			throw BusinessRuleViolation.onField("hearingDate", "应当在举行听证的七日前通知当事人；" + noticeOn + " 通知的，听证日期不得早于 " + earliest
					+ "（行政处罚法第六十四条第（二）项）");
		}
		if (officers.investigated(c.file(), presidingId)) {
			// one taken off the case (a change of officers, a recusal) investigated it all the same
			throw BusinessRuleViolation.onField("presidingId", "听证由非本案调查人员主持（行政处罚法第六十四条第（四）项）：所选人员曾是本案办案人员");
		}
		List<String> a = agents == null ? List.of() : agents.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
		if (a.size() > 2) {
			throw BusinessRuleViolation.onField("agents", "当事人可以委托一至二人代理（行政处罚法第六十四条第（五）项）");
		}
		String presiding = officers.nameInBody(presidingId, c.bodyId())
			.orElseThrow(() -> BusinessRuleViolation.onField("presidingId", "听证主持人应为本机关人员"));
		recusals.of(caseId).stream().filter(r -> r.officerId() == presidingId && "GRANTED".equals(r.decision())).findFirst().ifPresent(r -> {
			throw BusinessRuleViolation.onField("presidingId", presiding + "已于 " + r.decidedOn() + " 决定回避，不能主持本案听证（行政处罚法第六十四条第（四）项）");
		});
		// presiding is enforcement: one in post with a certificate usable on the day, never 辅助人员 (国办发〔2024〕54号)
		var may = officers.authority(presidingId, c.domainCode(), hearingDate);
		if (!may.enforcesSomewhere()) {
			throw BusinessRuleViolation.onField("presidingId", "听证主持人应为在岗、持有效执法证件的本机关执法人员：" + presiding + "于 " + hearingDate + " "
					+ String.join("、", may.refusals().stream().map(zhifa.officer.AuthorityDecision.Refusal::label).toList()));
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.hearingScheduled(caseId, noticeOn, hearingDate, hearingTime, place.strip(), presidingId, presiding, String.join("、", a));
		record.append(file, "case.hearing_scheduled", "听证定于 " + hearingDate + " " + hearingTime + " 在" + place.strip() + "举行，主持人" + presiding,
				Map.of("noticeOn", noticeOn.toString(), "agents", a, "place", place.strip(), "time", hearingTime.toString(), "presiding", presiding));
		return hearing(caseId).orElseThrow();
	}

	@Transactional
	public Hearing recordHearing(DataScope scope, long caseId, LocalDate heldOn, String transcript, String report) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.HEARING_RECORD);
		Hearing h = hearing(caseId).orElseThrow(() -> new BusinessRuleViolation("当事人没有要求听证"));
		if (h.hearingDate() == null) {
			throw new BusinessRuleViolation("请先安排听证并通知当事人");
		}
		// the party's challenge to who presides is decided first; one who must step aside does not hold it (第六十四条第（四）项)
		for (var r : recusals.of(caseId)) {
			if (h.presidingId() != null && r.officerId() == h.presidingId() && !"REJECTED".equals(r.decision())) {
				throw new BusinessRuleViolation(r.decision() == null ? "当事人申请听证主持人" + r.officerName() + "回避，负责人尚未决定：决定之后才能举行听证"
						: "听证主持人" + r.officerName() + "已于 " + r.decidedOn() + " 决定回避：请另行指定主持人、重新通知当事人后再举行听证");
			}
		}
		if (heldOn == null || heldOn.isBefore(h.hearingDate()) || heldOn.isAfter(today()) || blank(transcript) || blank(report)) {
			throw new BusinessRuleViolation("请填写举行日期（不早于通知的听证日期、不晚于今天）、听证笔录和听证报告");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.hearingHeld(caseId, heldOn, transcript.strip(), report.strip());
		LocalDate due = timers.resume(caseId, TimerKind.DECISION, heldOn);
		proposals.startLegalReviewIfRequired(file, c.profile());
		record.append(file, "case.hearing_held", "举行听证并形成听证报告，办案期限恢复计算至 " + due,
				Map.of("transcriptSm3", Sm3.hex(transcript.strip()), "report", report.strip()));
		return hearing(caseId).orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
