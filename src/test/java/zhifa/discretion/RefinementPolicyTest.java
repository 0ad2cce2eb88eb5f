package zhifa.discretion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RefinementPolicyTest {

	static TierRule fine(Tier tier, long minYuan, long maxYuan, PenaltyType... types) {
		return new TierRule(tier, "", Set.of(types), minYuan * 100, maxYuan * 100, null, null);
	}

	static final List<TierRule> PROVINCE = List.of(fine(Tier.LIGHTER, 5_000, 20_000, PenaltyType.FINE, PenaltyType.WARNING),
			fine(Tier.GENERAL, 20_000, 50_000, PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS),
			new TierRule(Tier.HEAVIER, "", Set.of(PenaltyType.FINE, PenaltyType.REVOKE_LICENCE), 5_000_000L, 10_000_000L, BigDecimal.ONE,
					BigDecimal.valueOf(5)));

	@Test
	void refinementInsideTheUpperRangesIsAccepted() {
		var county = List.of(fine(Tier.LIGHTER, 5_000, 10_000, PenaltyType.FINE), fine(Tier.GENERAL, 20_000, 35_000, PenaltyType.FINE),
				new TierRule(Tier.HEAVIER, "", Set.of(PenaltyType.FINE), 6_000_000L, 10_000_000L, BigDecimal.valueOf(2), BigDecimal.valueOf(3)));
		assertThat(RefinementPolicy.problems(county, PROVINCE, "省级")).isEmpty();
	}

	@Test
	void crossingAnUpperBoundNamesTheTierAndTheBound() {
		var county = List.of(fine(Tier.GENERAL, 20_000, 60_000, PenaltyType.FINE));
		assertThat(RefinementPolicy.problems(county, PROVINCE, "省级"))
			.containsExactly("“一般处罚”档的罚款上限60,000.00元超出了省级基准同档上限50,000.00元");
	}

	@Test
	void lowerBoundTypesAndNewTiersAreChecked() {
		var county = List.of(fine(Tier.LIGHTER, 1_000, 10_000, PenaltyType.FINE, PenaltyType.REVOKE_LICENCE),
				fine(Tier.MITIGATED, 0, 1_000, PenaltyType.FINE));
		assertThat(RefinementPolicy.problems(county, PROVINCE, "州级")).containsExactlyInAnyOrder(
				"“从轻处罚”档的处罚种类“吊销许可证件”不在州级基准同档允许的种类内",
				"“从轻处罚”档的罚款下限1,000.00元低于州级基准同档下限5,000.00元",
				"“减轻处罚”档在州级基准中没有，下级不能增设");
	}

	@Test
	void multiplesOfIllegalGainsStayInsideToo() {
		var county = List.of(new TierRule(Tier.HEAVIER, "", Set.of(PenaltyType.FINE), 5_000_000L, 10_000_000L, BigDecimal.ONE, BigDecimal.TEN));
		assertThat(RefinementPolicy.problems(county, PROVINCE, "省级")).containsExactly("“从重处罚”档的倍数上限10倍超出了省级基准同档上限5倍");
	}

	@Test
	void anItemMustBeConsistentInItself() {
		var bad = List.of(fine(Tier.GENERAL, 50_000, 20_000, PenaltyType.FINE), fine(Tier.GENERAL, 1, 2, PenaltyType.FINE),
				new TierRule(Tier.LIGHTER, "", Set.of(), null, null, null, null));
		assertThat(RefinementPolicy.problems(bad, null, "省级")).contains("同一裁量阶次只能设置一次", "“从轻处罚”档须至少选择一种处罚种类",
				"“一般处罚”档的罚款下限50,000.00元高于上限20,000.00元");
	}
}
