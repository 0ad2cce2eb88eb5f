package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForThePublicTest {

	@Test
	void thePublishedFactsNameThePartyNotTheReader() {
		assertThat(Masking.forThePublic("经查，你于2026年11月3日销售超范围使用食品添加剂的蜜饯，你的行为违反了……"))
			.isEqualTo("经查，当事人于2026年11月3日销售超范围使用食品添加剂的蜜饯，当事人的行为违反了……");
		assertThat(Masking.forThePublic("经查，你单位未按规定公示许可证。")).isEqualTo("经查，当事人未按规定公示许可证。");
		assertThat(Masking.forThePublic("经查，当事人未按规定公示许可证。")).isEqualTo("经查，当事人未按规定公示许可证。");
	}
}
