package zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.record.RecordVerifier;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Two writes on one case at the same moment: exactly one succeeds and the other is refused with 409 — no second decision
 * number is consumed, the numbers stay gapless and the record chain stays intact. The race is made certain, not likely:
 * the test holds the case row while both requests read the case and reach their version check, then lets go.
 */
class ConcurrentCaseWritesIntegrationTest extends IntegrationTestBase {

	@Autowired
	RecordVerifier verifier;

	private CaseScenarios scenarios() {
		return new CaseScenarios(jdbc, clock);
	}

	private int sequence(String kind) {
		return jdbc.queryForList("select last_value from case_number_sequence where body_id = ? and kind = ? and year = ?", Integer.class,
				bodyId("芒市市场监督管理局"), kind, LocalDate.now(clock).getYear()).stream().findFirst().orElse(0);
	}

	/**
	 * Runs both calls while the case row is locked by the test, waits until both wait for that lock at their version check,
	 * then releases it: the first to get the row wins, the other finds the version moved on.
	 */
	private List<HttpResponse<String>> race(long caseId, Supplier<HttpResponse<String>> a, Supplier<HttpResponse<String>> b) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (Connection lock = jdbc.getDataSource().getConnection()) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("select id from enforcement_case where id = " + caseId + " for update");
			Future<HttpResponse<String>> fa = pool.submit(a::get);
			Future<HttpResponse<String>> fb = pool.submit(b::get);
			long deadline = System.currentTimeMillis() + 20_000;
			while (waitingAtVersionCheck() < 2) {
				assertThat(System.currentTimeMillis()).as("both requests reach the version check").isLessThan(deadline);
				assertThat(fa.isDone() || fb.isDone()).as("a request finished before the row was released").isFalse();
				Thread.sleep(20);
			}
			lock.rollback();
			List<HttpResponse<String>> both = new ArrayList<>(List.of(fa.get(), fb.get()));
			both.sort(Comparator.comparingInt(HttpResponse::statusCode));
			return both;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int waitingAtVersionCheck() {
		return jdbc.queryForObject("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and query like 'update enforcement_case set version = version + 1%'""",
				Integer.class);
	}

	private void exactlyOneWon(List<HttpResponse<String>> both) {
		assertThat(both.get(0).statusCode()).as(both.get(0).body()).isEqualTo(200);
		assertThat(both.get(1).statusCode()).as(both.get(1).body()).isEqualTo(409);
		assertThat(json(both.get(1).body()).get("detail").asString()).contains("已被他人修改", "未生效");
	}

	private long entries(long caseId, String action) {
		return jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = ?", Long.class,
				String.valueOf(caseId), action);
	}

	private void chainIntact(long caseId) {
		assertThat(verifier.verifyChain("penalty_case", String.valueOf(caseId)).intact()).isTrue();
	}

	@Test
	void twoFilingsOfOneClueGiveOneCaseNumber() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession head2 = freshLogin("scj.fuze");
		long id = scenarios().clue(officer, "并发立案测试公司", 1);
		int before = sequence("立案");
		String filing = scenarios().filing();
		var both = race(id, () -> head.postJson("/api/v1/cases/" + id + "/filing", filing), () -> head2.postJson("/api/v1/cases/" + id + "/filing", filing));
		exactlyOneWon(both);
		assertThat(sequence("立案")).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("select case_seq from enforcement_case where id = ?", Integer.class, id)).isEqualTo(before + 1);
		assertThat(entries(id, "case.filed")).isEqualTo(1);
		chainIntact(id);
	}

	@Test
	void twoDecisionsOnOneCaseTakeOneDecisionNumber() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession head2 = freshLogin("scj.fuze");
		long id = scenarios().filed(officer, head, "并发决定测试公司", 2);
		String decision = "{\"outcome\":\"NOT_ESTABLISHED\",\"text\":\"经调查，违法事实不能成立\"}";
		int before = sequence("决定");
		var both = race(id, () -> head.postJson("/api/v1/cases/" + id + "/decision", decision),
				() -> head2.postJson("/api/v1/cases/" + id + "/decision", decision));
		exactlyOneWon(both);
		assertThat(sequence("决定")).as("no second decision number consumed").isEqualTo(before + 1);
		assertThat(json(both.get(0).body()).get("decisionNumber").asString()).endsWith((before + 1) + "号");
		assertThat(entries(id, "case.decided")).isEqualTo(1);
		chainIntact(id);
	}

	@Test
	void twoPaymentsAtOnceRecordOne() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession officer2 = freshLogin("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = scenarios().decidedAndServed(officer, head, "并发缴款测试公司", 3);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		String payment = "{\"paidOn\":\"%s\",\"amount\":1000000,\"receiptNo\":\"非税 1\"}".formatted(today);
		var both = race(id, () -> officer.postJson(base + "/payments", payment), () -> officer2.postJson(base + "/payments", payment));
		exactlyOneWon(both);
		assertThat(jdbc.queryForObject("select count(*) from penalty_payment where case_id = ?", Long.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select paid_total from penalty_case where case_id = ?", Long.class, id)).isEqualTo(1_000_000L);
		assertThat(entries(id, "case.payment")).isEqualTo(1);
		chainIntact(id);
	}
}
