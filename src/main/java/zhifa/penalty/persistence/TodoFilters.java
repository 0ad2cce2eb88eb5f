package zhifa.penalty.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zhifa.casework.Workbench;
import zhifa.casework.WorkbenchFilter;
import zhifa.penalty.TimerKind;
import zhifa.shared.Operator;

/**
 * The workbench's lists of who acts next: 待审批 (the head: clues awaiting 立案审批, recusal requests, closed cases to
 * archive), 待法制审核 (the legal reviewer: a review period running) and 待我处理 — whichever of these, for the head also
 * the cases waiting for his collective discussion, hearing, decision or closure, and for an officer his own cases in
 * investigation, notice or execution, by the roles the user holds: every case on a user's home-page lists is in it.
 */
@Configuration(proxyBeanMethods = false)
public class TodoFilters {

	/** 待审批: clues awaiting 立案审批, closed cases to archive, pending recusal requests — each read through its own index. */
	static final List<String> APPROVAL = List.of("c.stage = 'CLUE'", "c.stage = 'CLOSED'",
			"c.id = any(array(select r.case_id from penalty_recusal r where r.decision is null))");

	static final String LEGAL_REVIEW = Workbench.runningTimerCondition(TimerKind.LEGAL_REVIEW);

	/**
	 * The head's steps after filing, as the lifecycle lists them on his home page (PenaltyKind): 待集体讨论 — a proposal
	 * with grounds for it (major or complex, or off the benchmark; Proposals.collectiveGrounds) —, 待作出决定 and 待组织听证
	 * once the notice is made, 待结案 (with what still blocks it) and 当场处罚待备案 once decided.
	 */
	static final List<String> HEAD_STEPS = List.of("c.stage = 'NOTIFIED'", "c.stage = 'DECIDED'",
			"(c.stage = 'PROPOSED' and c.id = any(array(select p.case_id from penalty_proposal p where p.major or p.complex or p.deviations <> '')))");

	static final String MY_WORK = "(c.stage in ('FILED', 'PROPOSED', 'NOTIFIED', 'DECIDED') and " + Workbench.mineCondition() + ")";

	@Bean
	WorkbenchFilter todoMeFilter() {
		return WorkbenchFilter.ofBranches("FOR_ME", "待我处理", 12, (p, today, me) -> {
			List<String> mine = new ArrayList<>();
			Operator op = Operator.current();
			if (op.holdsAnyRole(List.of("OFFICER"))) {
				p.put("me", me == null ? -1L : me);
				mine.add(MY_WORK);
			}
			if (op.holdsAnyRole(List.of("LEADER"))) {
				mine.addAll(APPROVAL);
				mine.addAll(HEAD_STEPS);
			}
			if (op.holdsAnyRole(List.of("LEGAL_REVIEWER"))) {
				mine.add(LEGAL_REVIEW);
			}
			return mine;
		});
	}

	@Bean
	WorkbenchFilter approvalFilter() {
		return WorkbenchFilter.ofBranches("APPROVAL", "待审批", 14, (p, today, me) -> APPROVAL);
	}

	@Bean
	WorkbenchFilter legalReviewFilter() {
		return WorkbenchFilter.of("LEGAL_REVIEW", "待法制审核", 16, (p, today, me) -> LEGAL_REVIEW);
	}
}
