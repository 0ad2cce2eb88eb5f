package zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormNumbersTest {

	@Test
	void anAmountIsReadAsThePagesPrintIt() {
		assertThat(FormNumbers.amount("50,000")).isEqualByComparingTo("50000");
		assertThat(FormNumbers.amount(" 50，000.50元 ")).isEqualByComparingTo("50000.50");
		assertThat(FormNumbers.amount("1,234,567")).isEqualByComparingTo("1234567");
		assertThat(FormNumbers.amount("2000")).isEqualByComparingTo("2000");
		assertThat(FormNumbers.amount("  ")).isNull();
	}

	@Test
	void separatorsOutOfPlaceOrWordsAreNotANumber() {
		assertThatThrownBy(() -> FormNumbers.amount("5,0000")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> FormNumbers.amount("5万")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> FormNumbers.amount("五万")).isInstanceOf(NumberFormatException.class);
	}
}
