package zhifa.supervision.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The complaint's declared steps, the intake form's checks and the push backoff, without Spring. */
class ComplaintRulesTest {

	private static ComplaintForm form(String phone, String idNumber, String title) {
		return new ComplaintForm(null, ComplaintCategory.COMPLAINT, false, null, null, null, null, "张三", phone, idNumber, title, "内容");
	}

	@Test
	void stepsOpenOnlyInTheirDeclaredStates() {
		assertThat(ComplaintAction.ASSIGN.refusal(ComplaintStatus.RECEIVED)).isNull();
		assertThat(ComplaintAction.REPLY.refusal(ComplaintStatus.RECEIVED)).contains("待分办").contains("不能答复");
		assertThat(ComplaintAction.CLOSE.refusal(ComplaintStatus.ASSIGNED)).contains("须先有承办单位的答复");
		assertThat(ComplaintAction.REOPEN.allowedFrom(ComplaintStatus.CLOSED)).isTrue();
		assertThat(ComplaintAction.REOPEN.allowedFrom(ComplaintStatus.RECEIVED)).isFalse();
		assertThat(ComplaintAction.ASSIGN.allowedFrom(ComplaintStatus.REPLIED)).isFalse();
	}

	@Test
	void namesEveryWrongFieldAtOnce() {
		assertThat(form("13812345678", null, "标题").problems()).isEmpty();
		assertThat(form("0692-2123456", "11010519491231002X", "标题").problems()).isEmpty();
		assertThat(form("1381234567", "110105194912310021", " ").problems()).containsOnlyKeys("phone", "idNumber", "title");
		assertThat(new ComplaintForm("x", null, null, null, null, null, null, null, null, null, null, null).problems())
			.containsOnlyKeys("orderNo", "category", "complainantName", "phone", "title", "content");
	}

	@Test
	void masksPhones() {
		assertThat(ComplaintForm.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(ComplaintForm.maskPhone("0692-2123456")).isEqualTo("069*****3456");
	}

	@Test
	void backoffDoublesUpToADay() {
		var s = new HotlineOutbox.Settings("http://x", "", 5, Duration.ofMinutes(1));
		Instant now = Instant.parse("2026-03-02T00:00:00Z");
		assertThat(s.nextAfter(now, 1)).isEqualTo(now.plus(Duration.ofMinutes(1)));
		assertThat(s.nextAfter(now, 3)).isEqualTo(now.plus(Duration.ofMinutes(4)));
		assertThat(s.nextAfter(now, 40)).isEqualTo(now.plus(Duration.ofDays(1)));
		assertThat(new HotlineOutbox.Settings(" ", "", 0, null).enabled()).isFalse();
	}
}
