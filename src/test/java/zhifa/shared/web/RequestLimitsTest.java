package zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import zhifa.shared.BusinessRuleViolation;

class RequestLimitsTest {

	/** No column known: every text field without {@link RequestLimits.LongText} may hold 2,000 characters. */
	private final RequestLimits limits = new RequestLimits(new JdbcTemplate() {
		@Override
		public void query(String sql, RowCallbackHandler rch) {
		}
	});

	record Item(String name, List<String> tags, Long bodyId) {
	}

	record Body(String title, @RequestLimits.LongText(max = 5) String note, List<Item> items, Map<String, Object> extra, LocalDate on) {
	}

	public static class Form {
		private String label;
		private List<Long> caseIds;

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public List<Long> getCaseIds() {
			return caseIds;
		}

		public void setCaseIds(List<Long> caseIds) {
			this.caseIds = caseIds;
		}
	}

	private Map<String, String> refused(Object body) {
		try {
			limits.afterBodyRead(body, null, null, null, null);
		}
		catch (BusinessRuleViolation e) {
			return e.fieldErrors();
		}
		throw new AssertionError("accepted: " + body);
	}

	@Test
	void namesEachRefusedValueByItsPlaceInTheBody() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("k\u0001", "v");
		extra.put("memo", "y\u0002");
		extra.put("n", 100_000_000_000_000L);
		Body body = new Body("标题\u0007", "六个字的说明", List.of(new Item("好", Arrays.asList("a", null), 0L), new Item("x".repeat(2_001), List.of(), 5L)),
				extra, LocalDate.of(1800, 1, 1));
		assertThat(refused(body)).containsOnly(Map.entry("title", "“title”含有不允许的控制字符"),
				Map.entry("note", "“note”不能超过5个字符（现为6个）"),
				Map.entry("items[0].tags", "“items[0].tags”中不能有空值"),
				Map.entry("items[0].bodyId", "“items[0].bodyId”不是有效的编号"),
				Map.entry("items[1].name", "“items[1].name”不能超过2000个字符（现为2001个）"),
				Map.entry("extra.(键)", "“extra.(键)”含有不允许的控制字符"),
				Map.entry("extra.memo", "“extra.memo”含有不允许的控制字符"),
				Map.entry("extra.n", "“extra.n”超出允许的范围"),
				Map.entry("on", "“on”的日期1800-01-01超出范围（1900年至2199年）"));
		assertThat(refused("a\u0000")).containsOnly(Map.entry("", "“请求体”含有不允许的控制字符"));
		assertThat(refused(List.of("好", "x".repeat(2_001)))).containsOnly(Map.entry("[1]", "“[1]”不能超过2000个字符（现为2001个）"));
		Form form = new Form();
		form.setLabel("\u007f");
		form.setCaseIds(new ArrayList<>(List.of(3L, -1L)));
		assertThat(refused(form)).containsOnly(Map.entry("caseIds[1]", "“caseIds[1]”不是有效的编号"), Map.entry("label", "“label”含有不允许的控制字符"));
	}

	@Test
	void acceptsWhatIsWithinEveryLimitAndStopsAtTwentyErrors() {
		limits.afterBodyRead(new Body("标题", "五个字说明", List.of(new Item("好", List.of("a"), 7L)), Map.of("memo", "备注"), LocalDate.of(2026, 11, 30)),
				null, null, null, null);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			many.add("坏\u0001");
		}
		assertThat(refused(many)).hasSize(20);
		assertThatThrownBy(() -> limits.afterBodyRead(many, null, null, null, null)).hasMessageStartingWith("提交的数据有 20 处错误：");
	}

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
		// half a surrogate pair is no character (stored as "?"); a whole pair (an emoji, a rare 汉字) is one
		assertThat(RequestLimits.hasControlCharacters("缴款\ud800")).isTrue();
		assertThat(RequestLimits.hasControlCharacters("\udc00缴款")).isTrue();
		assertThat(RequestLimits.hasControlCharacters("𠀀缴款😀")).isFalse();
		assertThat(RequestLimits.visible("缴\ud800款\udc00")).isEqualTo("缴款");
		for (char c : new char[] { 0, 1, 0x1b, 0x1f, 0x7f }) {
			assertThat(RequestLimits.hasControlCharacters("甲" + c + "乙")).as("U+%04X", (int) c).isTrue();
			assertThat(RequestLimits.hasControlCharacters(String.valueOf(c))).isTrue();
		}
		assertThat(RequestLimits.hasControlCharacters("\u0080\u00a0全角　空格")).isFalse();
	}

	@Test
	void invisibleDirectionAndWidthMarksAreRefusedLikeControls() {
		// "罚款未开票据 gnp.exe" with a right-to-left override shows as "exe.png 据票开未款罚"
		for (char c : new char[] { 0x200b, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2066, 0x2069, 0xfeff }) {
			assertThat(RequestLimits.hasControlCharacters("罚款未开票据 " + c + "gnp.exe")).as("U+%04X", (int) c).isTrue();
		}
		// the joiners emoji need, and the ordinary punctuation around them, stay
		assertThat(RequestLimits.hasControlCharacters("\u200c\u200d\u2010\u2013\u2026\u3000")).isFalse();
	}
}
