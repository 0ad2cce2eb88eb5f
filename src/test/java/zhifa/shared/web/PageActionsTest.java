package zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import zhifa.shared.BusinessRuleViolation;

class PageActionsTest {

	@Test
	void anAmountIsTypedAsANumberNotInScientificNotation() {
		assertThat(PageActions.fen(new BigDecimal("100000"))).isEqualTo(10_000_000L);
		assertThat(PageActions.fen(new BigDecimal("100000.50"))).isEqualTo(10_000_050L);
		assertThat(PageActions.fen(null)).isNull();
		assertThatThrownBy(() -> PageActions.fen(new BigDecimal("1e5"))).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("不要使用科学计数法");
		assertThatThrownBy(() -> PageActions.fen(new BigDecimal("1.5E+3"))).isInstanceOf(BusinessRuleViolation.class);
	}
}
