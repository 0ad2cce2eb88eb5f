package zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Nobody reviews his own body or a body he declared a conflict with; each file gets distinct reviewers; work is spread. */
class CrossReviewTest {

	static final CrossReview.Reviewer A = new CrossReview.Reviewer(1, "甲", 10, Set.of());
	static final CrossReview.Reviewer B = new CrossReview.Reviewer(2, "乙", 20, Set.of());
	static final CrossReview.Reviewer C = new CrossReview.Reviewer(3, "丙", 30, Set.of(10L));
	static final CrossReview.Reviewer D = new CrossReview.Reviewer(4, "丁", 40, Set.of());

	@Test
	void reviewersComeFromOtherBodiesAndRespectDeclaredConflicts() {
		var files = List.of(new CrossReview.File(100, 10, "甲单位案卷1"), new CrossReview.File(101, 10, "甲单位案卷2"), new CrossReview.File(102, 20, "乙单位案卷"));
		var out = CrossReview.assign(files, List.of(A, B, C, D), 2);
		out.forEach((file, reviewers) -> {
			long body = files.stream().filter(f -> f.id() == file).findFirst().orElseThrow().bodyId();
			assertThat(reviewers).hasSize(2).doesNotHaveDuplicates().allMatch(r -> r.bodyId() != body && !r.conflicts().contains(body));
		});
		// 甲's files: only 乙 and 丁 may (丙 declared 甲) — both get both; 乙's file goes to the least loaded others
		assertThat(out.get(100L)).containsExactly(B, D);
		assertThat(out.get(101L)).containsExactly(B, D);
		assertThat(out.get(102L)).containsExactly(A, C);
	}

	@Test
	void tooFewEligibleReviewersIsRefusedNamingTheFile() {
		var files = List.of(new CrossReview.File(100, 10, "甲单位案卷1"));
		assertThatThrownBy(() -> CrossReview.assign(files, List.of(A, C, D), 2)).hasMessageContaining("甲单位案卷1").hasMessageContaining("只有 1 名");
		assertThatThrownBy(() -> CrossReview.assign(files, List.of(A, B, D), 4)).hasMessageContaining("1至3人");
	}
}
