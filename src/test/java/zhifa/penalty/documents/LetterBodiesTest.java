package zhifa.penalty.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterBodiesTest {

	@Test
	void factsThatAlreadyNameTheirEvidenceAreNotFollowedByTheSentenceAgain() {
		// the party read both "以上事实有现场照片、询问笔录等证据证实。" (typed) and the platform's own sentence
		assertThat(LetterBodies.namesItsEvidence("经查，当事人销售超范围使用食品添加剂的蜜饯。以上事实有现场照片、询问笔录等证据证实。")).isTrue();
		assertThat(LetterBodies.namesItsEvidence("经查，当事人销售蜜饯，有现场照片等证据予以证实。")).isTrue();
		assertThat(LetterBodies.namesItsEvidence("经查，当事人销售超范围使用食品添加剂的蜜饯。")).isFalse();
		assertThat(LetterBodies.namesItsEvidence(null)).isFalse();
	}
}
