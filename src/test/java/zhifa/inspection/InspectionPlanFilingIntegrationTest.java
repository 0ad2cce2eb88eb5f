package zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.support.IntegrationTestBase;

/** The reason for filing a random-inspection plan late is asked only when the filing is late (the late path: InspectionDrawIntegrationTest). */
class InspectionPlanFilingIntegrationTest extends IntegrationTestBase {

	@Autowired
	InspectionItems items;

	@Autowired
	InspectionPlans plans;

	@Test
	void aPlanFiledOnTimeAndReturnedIsNotLateWhenFiledAgainAfterTheDeadline() {
		long zhefang = bodyId("遮放镇人民政府");
		int next = LocalDate.now(clock).getYear() + 1;
		var item = items.list(DataScope.all(), zhefang).stream().filter(i -> i.status() == InspectionItems.Status.PUBLISHED).findFirst().orElseGet(() -> {
			var i = items.create(Operator.SYSTEM, zhefang, "ZFZ-JC-001", "集镇食品经营户", "现场检查");
			return items.publish(Operator.SYSTEM, i.id(), i.version());
		});
		var plan = plans.createPlan(Operator.SYSTEM, zhefang, next);
		plans.addTask(Operator.SYSTEM, plan.id(), new InspectionPlans.TaskForm("下一年度抽查（测试）", List.of(item.id()), null, null, new BigDecimal("0.1"),
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(next, 4, 1), LocalDate.of(next, 12, 31)));
		plan = plans.file(Operator.SYSTEM, plan.id(), plan.version(), null);
		assertThat(plan.filedLate()).isFalse();
		plan = plans.decide(Operator.SYSTEM, plan.id(), plan.version(), false, "任务比例需调整（测试）");
		// returned, and filed again in April: the plan was on time, so no reason is asked and it is not marked late
		clock.shift(Duration.between(LocalDate.now(clock).atStartOfDay(), LocalDate.of(next, 4, 10).atStartOfDay()));
		var refiled = plans.file(Operator.SYSTEM, plan.id(), plan.version(), null);
		assertThat(refiled.filedLate()).isFalse();
		assertThat(refiled.lateReason()).isNull();
	}
}
