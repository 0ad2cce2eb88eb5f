package zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCodePolicyTest {

	static final Region YUNNAN = new Region(1, "530000", "云南省", RegionLevel.PROVINCE, null, "/1/");
	static final Region DEHONG = new Region(2, "533100", "德宏傣族景颇族自治州", RegionLevel.PREFECTURE, 1L, "/1/2/");
	static final Region MANGSHI = new Region(3, "533103", "芒市", RegionLevel.COUNTY, 2L, "/1/2/3/");

	@Test
	void acceptsOfficialCodesUnderTheirParents() {
		assertThat(RegionCodePolicy.problem(RegionLevel.COUNTY, "533102", DEHONG)).isEmpty();
		assertThat(RegionCodePolicy.problem(RegionLevel.TOWNSHIP, "533103102", MANGSHI)).isEmpty();
		assertThat(RegionCodePolicy.problem(RegionLevel.PREFECTURE, "530100", YUNNAN)).isEmpty();
	}

	@Test
	void townshipCodeMayWaitUntilItIsKnown() {
		assertThat(RegionCodePolicy.problem(RegionLevel.TOWNSHIP, null, MANGSHI)).isEmpty();
		assertThat(RegionCodePolicy.problem(RegionLevel.COUNTY, null, DEHONG)).isPresent();
	}

	@Test
	void refusesCodesThatDoNotBelongToTheParent() {
		assertThat(RegionCodePolicy.problem(RegionLevel.COUNTY, "532502", DEHONG))
			.hasValueSatisfying(p -> assertThat(p).contains("533100").contains("前4位"));
		assertThat(RegionCodePolicy.problem(RegionLevel.TOWNSHIP, "533102001", MANGSHI))
			.hasValueSatisfying(p -> assertThat(p).contains("533103"));
		assertThat(RegionCodePolicy.problem(RegionLevel.PREFECTURE, "533100", MANGSHI)).isPresent();
		assertThat(RegionCodePolicy.problem(RegionLevel.COUNTY, "533100", DEHONG)).isPresent();
	}
}
