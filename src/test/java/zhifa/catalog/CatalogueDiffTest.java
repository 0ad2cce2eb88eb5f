package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zhifa.shared.BusinessRuleViolation;

class CatalogueDiffTest {

	private static CatalogueEntry entry(String code, String name, MatterStatus status, List<String> basis) {
		return new CatalogueEntry(code.hashCode(), code, name, MatterType.PENALTY, "MARKET", false, status, basis, List.of());
	}

	@Test
	void listsAddedRemovedAndChangedFieldsInWords() {
		var before = List.of(entry("A-1", "甲", MatterStatus.ACTIVE, List.of("产品质量法第五十条")), entry("B-1", "乙", MatterStatus.ACTIVE, List.of("x")));
		var after = List.of(entry("A-1", "甲（调整）", MatterStatus.SUSPENDED, List.of("产品质量法第五十条", "产品质量法第四十九条")),
				entry("C-1", "丙", MatterStatus.ACTIVE, List.of("y")));
		CatalogueDiff d = CatalogueDiff.between(before, after);
		assertThat(d.added()).extracting(CatalogueEntry::code).containsExactly("C-1");
		assertThat(d.removed()).extracting(CatalogueEntry::code).containsExactly("B-1");
		assertThat(d.changed()).singleElement().satisfies(c -> assertThat(c.lines()).containsExactly("名称：甲 → 甲（调整）", "状态：有效 → 暂停",
				"法律依据：增加 产品质量法第四十九条"));
		assertThat(d.summary()).isEqualTo("新增 1 项、取消 1 项、调整 1 项");
	}

	@Test
	void identicalCataloguesHaveNoDifference() {
		var same = List.of(entry("A-1", "甲", MatterStatus.ACTIVE, List.of("x")));
		assertThat(CatalogueDiff.between(same, same).isEmpty()).isTrue();
		assertThat(CatalogueDiff.between(same, same).summary()).isEqualTo("无变化");
		assertThat(CatalogueDiff.between(List.of(), same).summary()).isEqualTo("新增 1 项");
	}

	@Test
	void aDraftIsPublishedAsInForce() {
		var m = new Matter(1, 2, "局", "A-1", "甲", MatterType.PENALTY, "MARKET", false, MatterStatus.DRAFT, List.of("x"), List.of(), false);
		assertThat(CatalogueEntry.of(m).status()).isEqualTo(MatterStatus.ACTIVE);
	}

	@Test
	void aFailedReviewNeedsAnOpinionAndAnIncompleteOneIsRefused() {
		assertThatThrownBy(() -> new ItemReview(true, null, true, null).validate()).isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("逐项");
		assertThatThrownBy(() -> new ItemReview(true, false, false, " ").validate()).hasMessage("合理性、必要性审查不通过的，须填写审查意见");
		new ItemReview(true, false, true, "与综合执法局职责交叉").validate();
		assertThat(new ItemReview(true, true, true, null).passed()).isTrue();
		assertThat(new ItemReview(false, true, true, "无依据").passed()).isFalse();
	}

	@Test
	void activityIsUnknownUntilASourceIsConnectedAndSumsSourcesOnceConnected() {
		assertThat(new MatterActivity(List.of()).counts(List.of(1L, 2L), null, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty();
		EnforcementActivity cases = source("行政处罚案件", Map.of(1L, 3L));
		EnforcementActivity inspections = source("行政检查", Map.of(1L, 2L));
		assertThat(new MatterActivity(List.of(cases, inspections)).counts(List.of(1L, 2L), null, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31)))
			.isEqualTo(Optional.of(Map.of(1L, 5L, 2L, 0L)));
	}

	private static EnforcementActivity source(String name, Map<Long, Long> counts) {
		return new EnforcementActivity() {
			@Override
			public String source() {
				return name;
			}

			@Override
			public Map<Long, Long> counts(java.util.Collection<Long> matterIds, Long actingBodyId, LocalDate from, LocalDate to) {
				return counts;
			}
		};
	}
}
