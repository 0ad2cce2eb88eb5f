package zhifa.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receiver's reason as the administrator reads it: the message of a JSON answer, else the text as it came. */
class ReceiverClientTest {

	@Test
	void theMessageOfAJsonAnswerIsShownUnescaped() {
		assertThat(ReceiverClient.reason("{\"code\":42,\"message\":\"\\u8bc1\\u4ef6\\u72b6\\u6001\\u4ee3\\u7801\\u4e0d\\u5728\\u4ee3\\u7801\\u96c6\\u4e2d\"}"))
			.isEqualTo("证件状态代码不在代码集中");
		assertThat(ReceiverClient.reason("{\"detail\":\"编码有误\"}")).isEqualTo("编码有误");
	}

	@Test
	void otherAnswersAreShownAsTheyCame() {
		assertThat(ReceiverClient.reason("busy")).isEqualTo("busy");
		assertThat(ReceiverClient.reason("{not json")).isEqualTo("{not json");
		assertThat(ReceiverClient.reason("{\"code\":1}")).isEqualTo("{\"code\":1}");
		assertThat(ReceiverClient.reason(null)).isEmpty();
	}
}
