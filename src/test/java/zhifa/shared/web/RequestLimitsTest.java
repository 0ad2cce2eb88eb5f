package zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

	@Test
	void namesAFieldAfterItsColumnAsTheRegularExpressionDid() {
		for (String name : new String[] { "id", "partyName", "partyUscc", "officerCertificates", "noticeServedOn", "bodyId", "caseIds", "aBC", "a1B",
				"ABc", "xmlHTTPRequest", "address2Line", "already_snake", "É", "" }) {
			assertThat(RequestLimits.snake(name)).as(name).isEqualTo(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
		}
	}

	@Test
	void controlCharactersButTabAndLineBreaks() {
		assertThat(RequestLimits.hasControlCharacters("芒市\t第一行\r\n第二行")).isFalse();
		assertThat(RequestLimits.hasControlCharacters(null)).isFalse();
		assertThat(RequestLimits.hasControlCharacters("")).isFalse();
		for (char c : new char[] { 0, 1, 0x1b, 0x1f, 0x7f }) {
			assertThat(RequestLimits.hasControlCharacters("甲" + c + "乙")).as("U+%04X", (int) c).isTrue();
			assertThat(RequestLimits.hasControlCharacters(String.valueOf(c))).isTrue();
		}
		assertThat(RequestLimits.hasControlCharacters("\u0080\u00a0全角　空格")).isFalse();
	}
}
