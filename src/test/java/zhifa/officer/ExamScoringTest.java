package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import zhifa.officer.TrainingHours.Target;

class ExamScoringTest {

	@Test
	void multipleChoiceIsRightOnlyWithExactlyTheRightOptionsInAnyOrder() {
		assertThat(ExamScoring.correct("AC", "ca")).isTrue();
		assertThat(ExamScoring.correct("AC", "A")).isFalse();
		assertThat(ExamScoring.correct("AC", "ACD")).isFalse();
		assertThat(ExamScoring.correct("T", "对")).isTrue();
		assertThat(ExamScoring.correct("F", "")).isFalse();
		assertThat(ExamScoring.correct("B", null)).isFalse();
	}

	@Test
	void eachPartIsScoredOutOf100AndEveryTakenPartMustPass() {
		assertThat(ExamScoring.score(3, 5)).isEqualTo(60);
		assertThat(ExamScoring.score(2, 3)).isEqualTo(66);
		assertThat(ExamScoring.score(28, 47)).as("59.57 is below the pass mark of 60").isEqualTo(59);
		assertThat(ExamScoring.passed(Arrays.asList(ExamScoring.score(28, 47), 100), 60)).isFalse();
		assertThat(ExamScoring.score(0, 0)).isNull();
		assertThat(ExamScoring.passed(Arrays.asList(60, 80), 60)).isTrue();
		assertThat(ExamScoring.passed(Arrays.asList(59, 100), 60)).isFalse();
		assertThat(ExamScoring.passed(Arrays.asList(null, 75), 60)).as("public part exempt").isTrue();
		assertThat(ExamScoring.passed(Arrays.asList(null, null), 60)).isFalse();
	}

	@Test
	void trainingTargetsNeedTheTotalAndBothCategoryMinimums() {
		Target target = new Target(2025, bd(60), bd(18), bd(42));
		assertThat(new TrainingHours(bd(18), bd(30), bd(12), target).complete()).isTrue();
		var shortOfPublic = new TrainingHours(bd(10), bd(40), bd(12), target);
		assertThat(shortOfPublic.complete()).isFalse();
		assertThat(shortOfPublic.shortfall()).isEqualTo("公共法律知识差8");
		var shortOfAll = new TrainingHours(bd(6), bd(12), bd(0), target);
		assertThat(shortOfAll.shortfall()).contains("总学时差42").contains("公共法律知识差12").contains("业务知识和执法技能差30");
	}

	private static java.math.BigDecimal bd(int v) {
		return java.math.BigDecimal.valueOf(v);
	}
}
