package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.officer.AuthorityDecision;

class FilingPolicyTest {

	private static final AuthorityDecision ZHANG = new AuthorityDecision(1, "张伟", true, "53000001", List.of());
	private static final AuthorityDecision YAN = new AuthorityDecision(2, "岩温", true, "53000002", List.of());
	private static final AuthorityDecision ZHAO = new AuthorityDecision(3, "赵刚", false, null, List.of(AuthorityDecision.Refusal.NO_CERTIFICATE));

	private static FilingPolicy.Facts facts(List<AuthorityDecision> officers, LocalDate act, LocalDate end, boolean harm, LocalDate discovered) {
		return new FilingPolicy.Facts(CaseStage.CLUE, "对超范围使用食品添加剂的行政处罚", true, "芒市", true, act, end, harm, discovered, officers, List.of(),
				List.of());
	}

	@Test
	void aCleanClueWithTwoCertifiedOfficersMayBeFiled() {
		var c = FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2026, 3, 1), null, false, LocalDate.of(2026, 3, 5)));
		assertThat(c.allowed()).isTrue();
		assertThat(c.warnings()).isEmpty();
	}

	@Test
	void oneCertifiedOfficerIsNotEnoughAndTheUncertifiedOneIsNamed() {
		var c = FilingPolicy.check(facts(List.of(ZHANG, ZHAO), LocalDate.of(2026, 3, 1), null, false, LocalDate.of(2026, 3, 5)));
		assertThat(c.refusals()).containsExactly("赵刚不能执法：未持有执法证件",
				"办案须有两名以上持有效执法证件且证件领域覆盖该事项的执法人员（行政处罚法第四十二条），目前只有 1 名");
		// the same certificate twice is still one officer
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, ZHANG), LocalDate.of(2026, 3, 1), null, false, LocalDate.of(2026, 3, 5))).allowed()).isFalse();
	}

	@Test
	void limitationIsTwoYearsFromTheActOrItsEndAndFiveWithSeriousHarm() {
		assertThat(FilingPolicy.limitationExpiry(LocalDate.of(2024, 3, 1), null, false)).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2024, 3, 1), null, false, LocalDate.of(2026, 3, 1))).allowed()).isTrue();
		var late = FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2024, 3, 1), null, false, LocalDate.of(2026, 3, 2)));
		assertThat(late.refusals()).containsExactly("违法行为发生之日起二年内未被发现（至 2026-03-01 止），不再给予行政处罚（行政处罚法第三十六条）");
		// a continuing act counts from its end
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 1), false, LocalDate.of(2026, 3, 2)))
			.allowed()).isTrue();
		// 生命健康安全 with harm: five years
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2022, 3, 1), null, true, LocalDate.of(2026, 3, 2))).allowed()).isTrue();
		assertThat(FilingPolicy.limitationExpiry(LocalDate.of(2020, 2, 29), null, false)).isEqualTo(LocalDate.of(2022, 2, 28));
	}

	@Test
	void aNaturalPersonRegisteredWithoutHisIdNumberCannotBeFiledUntilItIsAdded() {
		var f = new FilingPolicy.Facts(CaseStage.CLUE, "对超范围使用食品添加剂的行政处罚", true, "芒市", true, LocalDate.of(2026, 3, 1), null, false,
				LocalDate.of(2026, 3, 5), List.of(ZHANG, YAN), List.of(), List.of(), null, true, false);
		assertThat(FilingPolicy.check(f).refusals()).singleElement().asString().contains("尚未登记身份证号", "行政处罚法第三十条", "更正当事人信息");
		// with the number: under fourteen at the act may still be filed (to end in a decision not to punish), once the head
		// has acknowledged that declining is open to him
		var child = FilingPolicy.check(new FilingPolicy.Facts(CaseStage.CLUE, "对超范围使用食品添加剂的行政处罚", true, "芒市", true, LocalDate.of(2026, 3, 1),
				null, false, LocalDate.of(2026, 3, 5), List.of(ZHANG, YAN), List.of(), List.of(), null, false, true));
		assertThat(child.allowed()).isTrue();
		assertThat(child.warnings()).singleElement().asString().contains("不满十四周岁", "行政处罚法第三十条", "不予立案", "只能作出不予行政处罚决定");
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2026, 3, 1), null, false, LocalDate.of(2026, 3, 5))).allowed()).isTrue();
	}

	@Test
	void aMatterOfAnotherTypeIsNoGroundForAPenaltyCase() {
		var f = new FilingPolicy.Facts(CaseStage.CLUE, "食品生产经营日常监督检查", true, "芒市", true, LocalDate.of(2026, 3, 1), null, false,
				LocalDate.of(2026, 3, 5), List.of(ZHANG, YAN), List.of(), List.of(), "行政检查");
		assertThat(FilingPolicy.check(f).refusals()).singleElement().asString().contains("“食品生产经营日常监督检查”是行政检查事项，不是行政处罚事项", "行政处罚法第四条");
		assertThat(FilingPolicy.check(facts(List.of(ZHANG, YAN), LocalDate.of(2026, 3, 1), null, false, LocalDate.of(2026, 3, 5))).allowed()).isTrue();
	}

	@Test
	void catalogueJurisdictionStageAndEarlierFilingsAreChecked() {
		var f = new FilingPolicy.Facts(CaseStage.NOT_FILED, "某事项", false, "瑞丽市", false, LocalDate.of(2026, 3, 1), null, false,
				LocalDate.of(2026, 3, 5), List.of(ZHANG, YAN), List.of("李四"), List.of("芒市综合行政执法局（2026-03-04）"));
		var c = FilingPolicy.check(f);
		assertThat(c.refusals()).hasSize(4);
		assertThat(c.refusals().get(0)).contains("不能立案");
		assertThat(c.refusals().get(1)).contains("不在本机关已发布的执法事项目录中");
		assertThat(c.refusals().get(2)).contains("瑞丽市", "第二十二条");
		assertThat(c.refusals().get(3)).isEqualTo("李四不是本机关的执法人员");
		assertThat(c.warnings()).singleElement().asString().contains("最先立案的机关管辖");
	}
}
