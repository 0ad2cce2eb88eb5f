package zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

	private final Formats fmt = new Formats();

	@Test
	void showsAPersonByNameWithoutTheLoginId() {
		assertThat(fmt.person("scj.zhifa（张伟）")).isEqualTo("张伟");
		assertThat(fmt.person("API令牌：执法系统")).isEqualTo("API令牌：执法系统");
		assertThat(fmt.person("系统")).isEqualTo("系统");
		assertThat(fmt.person(null)).isEmpty();
	}
}
