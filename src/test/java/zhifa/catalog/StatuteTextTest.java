package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StatuteTextTest {

	static String law(String file) throws IOException {
		try (InputStream in = StatuteTextTest.class.getResourceAsStream("/laws/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void splitsTheAdministrativePenaltyLawIntoItsEightySixArticles() throws IOException {
		var parsed = StatuteText.parse(law("行政处罚法(2021-01-22).md"));
		assertThat(parsed.title()).isEqualTo("中华人民共和国行政处罚法");
		assertThat(parsed.info()).contains("2021年1月22日");
		assertThat(parsed.articles()).hasSize(86);
		assertThat(parsed.unparsed()).isEmpty();
		var art58 = parsed.articles().get(57);
		assertThat(art58.label()).isEqualTo("第五十八条");
		assertThat(art58.chapter()).startsWith("第五章");
		assertThat(art58.paragraphs().get(0).items()).hasSize(4);
		assertThat(art58.paragraphs().get(0).items().get(1).text()).contains("经过听证程序");
		assertThat(art58.paragraphs()).hasSize(2);
		assertThat(parsed.articles().get(8).paragraphs().get(0).items()).hasSize(6); // 第九条: six kinds of penalty
	}

	@Test
	void parsesOtherStatutesWithSectionsAndReportsStrayLines() throws IOException {
		var food = StatuteText.parse(law("食品安全法(2021-04-29).md"));
		assertThat(food.articles()).hasSize(154);
		assertThat(food.unparsed()).isEmpty();
		var odd = StatuteText.parse("# 测试条例\n\n一段没有条号的文字\n\n第一条 第一款。\n\n第二款。\n\n（一）项一\n\n（三）项三\n\n第三条 跳号也接受");
		assertThat(odd.articles()).hasSize(2);
		assertThat(odd.articles().get(0).paragraphs()).hasSize(2);
		assertThat(odd.unparsed()).extracting(StatuteText.Unparsed::reason)
			.anySatisfy(r -> assertThat(r).contains("第一条之前"))
			.anySatisfy(r -> assertThat(r).contains("不连续"));
	}

	@Test
	void chineseNumeralsRoundTrip() {
		assertThat(ChineseNumerals.parse("五十八")).isEqualTo(58);
		assertThat(ChineseNumerals.parse("一百零一")).isEqualTo(101);
		assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
		assertThat(ChineseNumerals.parse("一百五十四")).isEqualTo(154);
		assertThat(ChineseNumerals.format(110)).isEqualTo("一百一十");
		assertThat(ChineseNumerals.format(15)).isEqualTo("十五");
		assertThat(ChineseNumerals.format(1005)).isEqualTo("一千零五");
	}

	@Property
	void everyArticleNumberSurvivesFormattingAndParsing(@ForAll @IntRange(min = 1, max = 9999) int n) {
		assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
	}
}
