package zhifa.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.web.DatabaseRefusal;
import zhifa.support.IntegrationTestBase;

/** No statement holds a pooled connection past the configured timeout, and the one that is stopped gets a Chinese answer. */
class StatementTimeoutIntegrationTest extends IntegrationTestBase {

	@Autowired
	TransactionTemplate tx;

	@Test
	void everyPooledConnectionHasTheStatementTimeout() {
		assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
	}

	@Test
	void aStatementPastTheTimeoutIsCancelledAndToldInChinese() {
		Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> {
			jdbc.execute("set local statement_timeout = 50");
			jdbc.queryForObject("select pg_sleep(5)", Object.class);
		}));
		var refusal = DatabaseRefusal.of(e).orElseThrow();
		assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refusal.detail()).contains("查询时间过长");
	}
}
