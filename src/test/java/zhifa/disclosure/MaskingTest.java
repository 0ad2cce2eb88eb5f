package zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The masking rules of published decisions. */
class MaskingTest {

	@Test
	void aPersonIsNamedBySurnameAndMou() {
		assertThat(Masking.person("张三")).isEqualTo("张某");
		assertThat(Masking.person("岩温")).isEqualTo("岩某");
		assertThat(Masking.person("李四（演示）")).isEqualTo("李某（演示）");
		assertThat(Masking.person(" ")).isEqualTo("某某");
		assertThat(Masking.person(null)).isEqualTo("某某");
		// a character outside the basic plane stays whole
		assertThat(Masking.person("𠀀明")).isEqualTo("𠀀某");
	}

	@Test
	void aPersonsNameAndAddressInTheFactsAreMaskedAndWhatLeaksIsCaught() {
		String t = Masking.text("当事人张三（演示）在芒市勐焕街道团结路8号经营，张三承认……旧身份证号533103800101123，电话138-1234-5678、139 8765 4321。", "张三（演示）",
				"勐焕街道团结路8号");
		assertThat(t).doesNotContain("张三", "团结路8号", "533103800101123", "138-1234-5678", "139 8765 4321").contains("张某（演示）", "张某承认",
				"［详细地址已隐去］", "［身份证号码已隐去］", "［电话已隐去］");
		assertThat(Masking.leaks(t, "张三（演示）")).isFalse();
		assertThat(Masking.leaks("张三承认违法", "张三")).isTrue();
		assertThat(Masking.leaks("电话13812345678", null)).isTrue();
		assertThat(Masking.leaks("某某商贸有限公司，罚款5000元", null)).isFalse();
	}

	@Test
	void theActsPlaceAndAPersonsHomeAddressAreBothHidden() {
		// the party's address as registered, written into the facts in a form no house pattern knows
		String t = Masking.text("当事人岩某某家住芒市勐戛镇芒蚌寨子西头第三家，在团结大街夜市摆摊。", "岩某某", "团结大街夜市", "芒市勐戛镇芒蚌寨子西头第三家");
		assertThat(t).doesNotContain("芒蚌寨子", "团结大街夜市", "岩某某").contains("家住［详细地址已隐去］", "在［详细地址已隐去］摆摊");
		assertThat(Masking.text("在团结大街夜市摆摊", null, "团结大街夜市", null)).isEqualTo("在［详细地址已隐去］摆摊");
		// the act's place inside the home address: the whole address goes, whichever is given first
		String nested = Masking.text("当事人住芒市团结大街18号2栋301室，在团结大街摆摊。", null, "团结大街", "芒市团结大街18号2栋301室");
		assertThat(nested).doesNotContain("18号", "301室", "团结大街").contains("住［详细地址已隐去］，在［详细地址已隐去］摆摊");
	}

	@Test
	void otherPeopleTheTextIntroducesAndHouseLevelAddressesAreMaskedWhateverTheCase() {
		// a witness and a home address the officer typed into the facts (not the case's party, not its place)
		String t = Masking.text("当事人张三丰，住勐焕街道团结大街88号3栋2单元501室；证人李四，法定代表人：王五（签字），监护人岩温。遮放镇弄坎村3组的仓库。");
		assertThat(t).doesNotContain("张三丰", "李四", "王五", "岩温", "团结大街", "88号", "501室", "弄坎村").contains("当事人张某，", "住勐焕街道［详细地址已隐去］",
				"证人李某，", "法定代表人：王某（", "监护人岩某。", "遮放镇［详细地址已隐去］的仓库");
		// what decisions say after the same words, document numbers and articles stay as they are
		String plain = "经负责人批准，当事人陈述、申辩，证人证言，当事人认为，依据芒市监罚决〔2026〕2号和食品安全法第一百二十四条第一款第（四）项，在芒市勐焕街道某超市内，"
				+ "当事人周边，罚款5000元。";
		assertThat(Masking.text(plain)).isEqualTo(plain);
		// a name followed by what the person did, not by a punctuation mark (published in full: 证人李小芳证实了上述事实)
		assertThat(Masking.text("证人李小芳证实了上述事实，证人王五的证言，代理人赵六在场。")).isEqualTo("证人李某证实了上述事实，证人王某的证言，代理人赵某在场。");
		String said = "当事人称不知情，当事人陈述属实，当事人经营的商品，当事人明知的。当事人单位的负责人，当事人车辆的行驶证，当事人和证人的陈述，"
				+ "当事人向我局说明情况，当事人房屋在芒市镇，当事人商铺的招牌，当事人左侧的货架，当事人陈述称：";
		assertThat(Masking.text(said)).isEqualTo(said);
		// given names ending in 中 or 和 are names; 称 after a name is kept
		assertThat(Masking.text("证人李建中，男。证人王志和证实了上述事实。证人张三称：")).isEqualTo("证人李某，男。证人王某证实了上述事实。证人张某称：");
	}

	@Test
	void idNumbersAndPhoneNumbersAreHidden() {
		String t = Masking.text("当事人身份证号533103199001011234，电话13812345678，固定电话0692-2123456，罚款5000元，案号2026001。");
		assertThat(t).doesNotContain("533103199001011234", "13812345678", "0692-2123456").contains("［身份证号码已隐去］", "［电话已隐去］", "罚款5000元",
				"案号2026001");
		// a USCC is an organisation's public identifier and stays
		assertThat(Masking.text("统一社会信用代码91533103MA6K00001X")).contains("91533103MA6K00001X");
		assertThat(Masking.text(null)).isEmpty();
	}
}
