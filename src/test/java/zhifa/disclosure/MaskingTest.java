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
	void idNumbersAndPhoneNumbersAreHidden() {
		String t = Masking.text("当事人身份证号533103199001011234，电话13812345678，固定电话0692-2123456，罚款5000元，案号2026001。");
		assertThat(t).doesNotContain("533103199001011234", "13812345678", "0692-2123456").contains("［身份证号码已隐去］", "［电话已隐去］", "罚款5000元",
				"案号2026001");
		// a USCC is an organisation's public identifier and stays
		assertThat(Masking.text("统一社会信用代码91533103MA6K00001X")).contains("91533103MA6K00001X");
		assertThat(Masking.text(null)).isEmpty();
	}
}
