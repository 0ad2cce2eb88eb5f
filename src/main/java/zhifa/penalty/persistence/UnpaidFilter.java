package zhifa.penalty.persistence;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.WorkbenchFilter;

/**
 * 未缴清: penalty decisions whose fine is not paid in full. {@code paid_total} is kept by a trigger on
 * {@code penalty_payment}; the partial index {@code penalty_case_unpaid} holds exactly these cases,
 * newest first.
 */
@Component
public class UnpaidFilter implements WorkbenchFilter {

	@Override
	public String code() {
		return "UNPAID";
	}

	@Override
	public String label() {
		return "罚款未缴清";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String condition(Map<String, Object> params, LocalDate today, Long userId) {
		// met in id order (the partial index against the cases' own), not collected first: a province has hundreds of thousands
		return "exists (select 1 from penalty_case p where p.case_id = c.id and p.decision_outcome = 'PENALTY' and p.decision_fine > p.paid_total)";
	}
}
