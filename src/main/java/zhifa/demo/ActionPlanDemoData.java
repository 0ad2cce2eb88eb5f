package zhifa.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.supervision.actionplan.ActionPlans;

/** The 芒市 three-year plan of the seed, loaded as its task breakdown (the supervisor's pages show it with computed statuses). */
@Component
class ActionPlanDemoData {

	static final String RESOURCE = "actionplan/mangshi-2023-2025.txt";

	private final ActionPlans plans;

	ActionPlanDemoData(ActionPlans plans) {
		this.plans = plans;
	}

	void load() {
		try {
			plans.load(Operator.SYSTEM, new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
