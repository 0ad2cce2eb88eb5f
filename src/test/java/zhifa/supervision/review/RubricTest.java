package zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zhifa.shared.BusinessRuleViolation;

/** The rubric's arithmetic (a group stops at zero, any veto fails the file, bands by score) and its written form. */
class RubricTest {

	static final String TEXT = """
			# 测试
			否决|V1|执法人员少于两人|OFFICERS
			否决|V2|证据不足
			分组|FORM|案卷形式|20
			扣分|F1|目录不全|2
			扣分|F2|送达不规范|3|DECISION_SERVICE
			分组|CONTENT|案卷内容|80
			扣分|C1|超期|10|DECISION_PERIOD
			扣分|C2|说理不充分|5
			档次|合格|60
			档次|优秀|90
			""";

	static Rubric rubric() {
		return RubricText.parse("测试标准", TEXT, Set.of("OFFICERS", "DECISION_SERVICE", "DECISION_PERIOD"));
	}

	static Rubric.Mark times(String code, int n) {
		return new Rubric.Mark(code, n > 0, n, false, null, null);
	}

	@Test
	void aCleanFileHasFullMarksAndTheHighestBand() {
		var r = rubric().score(Map.of());
		assertThat(r.total()).isEqualTo(100);
		assertThat(r.grade()).isEqualTo("优秀");
		assertThat(rubric().full()).isEqualTo(100);
	}

	@Test
	void deductionsMultiplyByOccurrencesAndAGroupStopsAtZero() {
		// form: 2×4 + 3×5 = 23 > 20 → 0 (not −3); content: 10×2 + 5×1 = 25 → 55
		var r = rubric().score(Map.of("F1", times("F1", 4), "F2", times("F2", 5), "C1", times("C1", 2), "C2", times("C2", 1)));
		assertThat(r.groupScores()).containsEntry("FORM", 0).containsEntry("CONTENT", 55);
		assertThat(r.total()).isEqualTo(55);
		assertThat(r.grade()).isEqualTo("不合格");
		// at the band's line exactly
		var line = rubric().score(Map.of("C1", times("C1", 4)));
		assertThat(line.total()).isEqualTo(60);
		assertThat(line.grade()).isEqualTo("合格");
		assertThat(rubric().score(Map.of("C2", times("C2", 3))).grade()).isEqualTo("合格");
		assertThat(rubric().score(Map.of("C2", times("C2", 2))).grade()).isEqualTo("优秀");
	}

	@Test
	void anyVetoFailsTheFileWhateverItsScore() {
		var r = rubric().score(Map.of("V2", new Rubric.Mark("V2", true, 1, false, null, null)));
		assertThat(r.total()).isEqualTo(100);
		assertThat(r.vetoes()).containsExactly("V2");
		assertThat(r.grade()).isEqualTo("不合格");
		assertThat(r.failed()).isTrue();
		// an overruled proposal (not hit) does not count
		var overruled = rubric().score(Map.of("V1", new Rubric.Mark("V1", false, 0, true, "两名执法人员均持证，台账漏报", null)));
		assertThat(overruled.grade()).isEqualTo("优秀");
	}

	@Test
	void theTextRoundTripsAndErrorsNameTheirLines() {
		Rubric r = rubric();
		assertThat(RubricText.parse("测试标准", RubricText.format(r), Set.of("OFFICERS", "DECISION_SERVICE", "DECISION_PERIOD"))).isEqualTo(r);
		assertThat(r.prechecks()).containsEntry("V1", java.util.List.of("OFFICERS")).containsEntry("F2", java.util.List.of("DECISION_SERVICE"));
		assertThatThrownBy(() -> RubricText.parse("x", "扣分|F1|目录|2\n分组|G|组|abc\n否决|v|小写\n档次|优秀|200\n分组|G2|组|10\n", Set.of()))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("第1行：扣分项应写在某个“分组”行之后")
			.hasMessageContaining("第2行：满分应为1至1000的整数")
			.hasMessageContaining("第3行：编号“v”");
		assertThatThrownBy(() -> RubricText.parse("x", "分组|G|组|10\n档次|优秀|20\n", Set.of())).hasMessageContaining("超过满分 10");
		assertThatThrownBy(() -> RubricText.parse("x", "否决|V|x|NO_SUCH_RULE\n分组|G|组|10\n档次|合格|6\n", Set.of())).hasMessageContaining("预检规则“NO_SUCH_RULE”不存在");
		assertThatThrownBy(() -> RubricText.parse("x", "分组|G|组|10\n扣分|G|重复|1\n档次|合格|6\n", Set.of())).hasMessageContaining("编号重复：G");
	}
}
