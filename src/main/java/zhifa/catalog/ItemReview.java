package zhifa.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The justice bureau's review of one catalogue item (芒市方案任务11: 对事项的合法性、合理性、必要性进行审查). Each of the
 * three is passed or not; an item that fails any needs an opinion saying why.
 */
public record ItemReview(Boolean legality, Boolean reasonableness, Boolean necessity, String opinion) {

	public boolean complete() {
		return legality != null && reasonableness != null && necessity != null;
	}

	public boolean passed() {
		return complete() && legality && reasonableness && necessity;
	}

	/** The dimensions that failed, in words. */
	public List<String> failures() {
		List<String> f = new ArrayList<>();
		if (Boolean.FALSE.equals(legality)) {
			f.add("合法性");
		}
		if (Boolean.FALSE.equals(reasonableness)) {
			f.add("合理性");
		}
		if (Boolean.FALSE.equals(necessity)) {
			f.add("必要性");
		}
		return f;
	}

	/** Refuses an incomplete review or a failing one without an opinion. */
	void validate() {
		if (!complete()) {
			throw new zhifa.shared.BusinessRuleViolation("请对合法性、合理性、必要性逐项作出审查结论");
		}
		if (!passed() && (opinion == null || opinion.isBlank())) {
			throw zhifa.shared.BusinessRuleViolation.onField("opinion", String.join("、", failures()) + "审查不通过的，须填写审查意见");
		}
	}
}
