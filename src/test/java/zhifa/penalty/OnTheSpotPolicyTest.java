package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import zhifa.casework.PartyType;
import zhifa.discretion.PenaltyType;

class OnTheSpotPolicyTest {

	@Test
	void finesUpTo200YuanForAPersonAnd3000ForAnOrganisation() {
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.FINE), 20_000L, false, false)).isEmpty();
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.FINE), 20_001L, false, false)).singleElement().asString()
			.contains("公民不得超过二百元");
		assertThat(OnTheSpotPolicy.refusals(PartyType.ORGANIZATION, Set.of(PenaltyType.FINE), 300_000L, false, false)).isEmpty();
		assertThat(OnTheSpotPolicy.refusals(PartyType.ORGANIZATION, Set.of(PenaltyType.FINE), 300_100L, false, false)).singleElement().asString()
			.isEqualTo("当场处罚的罚款，对法人或者其他组织不得超过三千元，本次3,001.00元应当适用普通程序（行政处罚法第五十一条）");
	}

	@Test
	void onlyWarningsAndFines() {
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.WARNING), null, false, false)).isEmpty();
		assertThat(OnTheSpotPolicy.refusals(PartyType.ORGANIZATION, Set.of(PenaltyType.FINE, PenaltyType.SUSPEND_BUSINESS), 1_000L, false, false))
			.singleElement().asString().contains("责令停产停业应当适用普通程序");
	}

	@Test
	void collectionOnTheSpotUpTo100YuanOrWhenHardToCollect() {
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.FINE), 10_000L, true, false)).isEmpty();
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.FINE), 15_000L, true, false)).singleElement().asString()
			.contains("第六十八条");
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.FINE), 15_000L, true, true)).isEmpty();
		assertThat(OnTheSpotPolicy.refusals(PartyType.NATURAL_PERSON, Set.of(PenaltyType.WARNING), null, true, false)).singleElement().asString()
			.contains("不能当场收缴");
	}
}
