package zhifa.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import zhifa.officer.CertificateCancellations;
import zhifa.officer.Certificates;
import zhifa.officer.Officer;
import zhifa.officer.OfficerForm;
import zhifa.officer.Officers;
import zhifa.record.FullProcessRecord;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The push upward against a real local HTTP receiver: a change is queued in its own transaction (a refused change
 * queues nothing), repeated changes wait as one row, a failed delivery is retried, a rejection is dead-lettered at once
 * with the receiver's reason and sent again by the administrator, a receiver that does not answer is retried and then
 * dead-lettered, the mapping tables change the codes sent, a certificate's 注销 application goes with it and is marked
 * sent, and a restarted process neither loses what a dead one had leased nor sends it twice while the lease holds.
 */
class OutboundIntegrationTest extends IntegrationTestBase {

	@Autowired
	Outbox outbox;

	@Autowired
	ElementChanges changes;

	@Autowired
	Officers officers;

	@Autowired
	Certificates certificates;

	@Autowired
	CertificateCancellations cancellations;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	FullProcessRecord record;

	@Autowired
	Elements elements;

	@Autowired
	CodeTables codes;

	/** A receiving system: answers each request with what the function gives for (idempotency key, body). */
	record Receiver(HttpServer server, List<String[]> got) implements AutoCloseable {

		record Answer(int status, String body, long delayMillis) {
		}

		static Receiver answering(BiFunction<String, String, Answer> how) throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(4));
			List<String[]> got = new CopyOnWriteArrayList<>();
			server.createContext("/push", ex -> {
				String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
				String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				got.add(new String[] { key, body, ex.getRequestHeaders().getFirst("Authorization") });
				Answer a = how.apply(key, body);
				try {
					Thread.sleep(a.delayMillis());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
				try {
					ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
					ex.getResponseBody().write(out);
				}
				catch (IOException gone) {
					// the platform gave up waiting
				}
				ex.close();
			});
			server.start();
			return new Receiver(server, got);
		}

		static Receiver accepting() throws IOException {
			return answering((k, b) -> new Answer(200, "{\"ok\":true}", 0));
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
		}

		List<String[]> of(String keyPrefix) {
			return got.stream().filter(g -> g[0] != null && g[0].startsWith(keyPrefix)).toList();
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}

	private Outbox.Settings settings(String url, int attempts) {
		return new Outbox.Settings(url, "test-token", attempts, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), "533103");
	}

	/** Sends everything already waiting (other tests' changes), so that each test sees only its own. */
	@BeforeEach
	void drain() throws IOException {
		try (Receiver r = Receiver.accepting()) {
			while (true) {
				var round = outbox.push(settings(r.url(), 3), 1000);
				if (round.delivered() + round.retried() + round.rejected() + round.failed() == 0) {
					break;
				}
			}
		}
	}

	private static String idNumber(int n) {
		String first17 = "53310319900505" + String.format("%03d", n);
		return first17 + IdNumber.checkCharacter(first17);
	}

	private List<Map<String, Object>> rows(String cls, Object key) {
		return jdbc.queryForList("select id, state, version, attempts, last_error from ex_outbound where element_class = ? and element_key = ? order by id", cls,
				String.valueOf(key));
	}

	private long officerCreated(HttpSession admin, int n, String name) {
		var created = admin.postJson("/api/v1/officers", """
				{"name":"%s","idNumber":"%s","post":"执法科科员","staffing":"ESTABLISHED","domainCodes":["MARKET"]}""".formatted(name, idNumber(n)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created.body()).get("id").asLong();
	}

	@Test
	void aChangeIsQueuedWithItsTransactionRetriedDeliveredRejectedAndSentAgain() throws IOException {
		HttpSession scj = loggedIn("scj.admin");
		long before = jdbc.queryForObject("select count(*) from ex_outbound", Long.class);
		// a refused change queues nothing
		var refused = scj.postJson("/api/v1/officers", """
				{"name":"推送测试","idNumber":"123","post":"科员","staffing":"ESTABLISHED"}""");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from ex_outbound", Long.class)).isEqualTo(before);

		long id = officerCreated(scj, 1, "推送测试甲");
		assertThat(rows("PERSON", id)).singleElement().satisfies(r -> assertThat(r).containsEntry("state", "PENDING").containsEntry("version", 1));
		var updated = scj.putJson("/api/v1/officers/" + id, """
				{"name":"推送测试甲","idNumber":"%s","post":"执法科副科长","staffing":"ESTABLISHED","domainCodes":["MARKET"]}""".formatted(idNumber(1)));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		// still one waiting row: the change raised its version
		assertThat(rows("PERSON", id)).singleElement().satisfies(r -> assertThat(r).containsEntry("state", "PENDING").containsEntry("version", 2));
		// nothing is sent without a receiver
		assertThat(outbox.push(settings("", 3), 100)).isEqualTo(new Outbox.Round(0, 0, 0, 0));

		String prefix = "PERSON:" + id + ":";
		try (Receiver r = Receiver.answering((k, b) -> new Receiver.Answer(k.startsWith(prefix) && b.contains("副科长") && countOf(k) == 0 ? 503 : 200, "busy", 0))) {
			SEEN.clear();
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> {
				assertThat(x).containsEntry("state", "PENDING").containsEntry("attempts", 1);
				assertThat((String) x.get("last_error")).contains("HTTP 503");
			});
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> assertThat(x).containsEntry("state", "DELIVERED").containsEntry("attempts", 2));
			List<String[]> sent = r.of(prefix);
			assertThat(sent).hasSize(2);
			assertThat(sent.get(0)[0]).isEqualTo(sent.get(1)[0]);
			assertThat(sent.get(0)[2]).isEqualTo("Bearer test-token");
			JsonNode body = json(sent.get(1)[1]);
			assertThat(body.get("format").asString()).isEqualTo("zhifa-exchange-v1");
			assertThat(body.get("elementClass").asString()).isEqualTo("PERSON");
			assertThat(body.get("data").get("name").asString()).isEqualTo("推送测试甲");
			assertThat(body.get("data").get("post").asString()).isEqualTo("执法科副科长");
			assertThat(body.get("data").get("domains").get(0).asString()).isEqualTo("MARKET");
			assertThat(sent.get(1)[1]).doesNotContain(idNumber(1));
		}
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'ex_element' and subject_id = ? order by seq", String.class,
				"PERSON:" + id)).containsExactly("exchange.pushed");

		// the administrator maps 执法领域 MARKET to the receiver's code
		HttpSession admin = loggedIn("admin");
		var mapped = admin.putJson("/api/v1/exchange/outbound/codes", """
				{"codeClass":"DOMAIN","localCode":"MARKET","remoteCode":"A01","note":"市场监管"}""");
		assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
		long mappings = jdbc.queryForObject("select count(*) from ex_code_map", Long.class);
		var badClass = admin.putJson("/api/v1/exchange/outbound/codes", """
				{"codeClass":"NOPE","localCode":"MARKET","remoteCode":"A01"}""");
		assertThat(badClass.statusCode()).isEqualTo(400);
		assertThat(json(badClass.body()).get("errors").get("codeClass").asString()).contains("没有代码类别");
		var control = admin.putJson("/api/v1/exchange/outbound/codes", """
				{"codeClass":"DOMAIN","localCode":"URBAN","remoteCode":"A 02"}""");
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from ex_code_map", Long.class)).isEqualTo(mappings);
		assertThat(scj.putJson("/api/v1/exchange/outbound/codes", """
				{"codeClass":"DOMAIN","localCode":"URBAN","remoteCode":"A02"}""").statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from ex_code_map", Long.class)).isEqualTo(mappings);

		// a further change after delivery is a new row; the receiver refuses it: dead-lettered at once with its reason
		assertThat(scj.postJson("/api/v1/officers/" + id + "/status", """
				{"status":"TRANSFERRED","reason":"调往州局","documentNumber":"芒组调〔2026〕31号"}""").statusCode()).isEqualTo(200);
		assertThat(rows("PERSON", id)).hasSize(2);
		try (Receiver r = Receiver.answering((k, b) -> k.startsWith(prefix) ? new Receiver.Answer(422, "{\"message\":\"人员状态代码不在代码集中\"}", 0)
				: new Receiver.Answer(200, "", 0))) {
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(r.of(prefix)).hasSize(1);
			JsonNode sent = json(r.of(prefix).get(0)[1]);
			assertThat(sent.get("data").get("domains").get(0).asString()).isEqualTo("A01");
			assertThat(sent.get("data").get("status").asString()).isEqualTo("TRANSFERRED");
		}
		Map<String, Object> dead = rows("PERSON", id).get(1);
		assertThat(dead).containsEntry("state", "REJECTED").containsEntry("attempts", 1);
		assertThat((String) dead.get("last_error")).contains("HTTP 422").contains("人员状态代码不在代码集中");
		long deadId = ((Number) dead.get("id")).longValue();
		// the administrator sees it on the dead-letter list and on his home page; a body's administrator may not look
		assertThat(admin.get("/exchange/outbound?dead=true").body()).contains("人员状态代码不在代码集中").contains("重新推送");
		assertThat(admin.get("/").body()).contains("向上级系统推送失败");
		assertThat(scj.get("/exchange/outbound").statusCode()).isEqualTo(403);
		assertThat(scj.get("/api/v1/exchange/outbound?dead=true").statusCode()).isEqualTo(403);
		var status = admin.get("/api/v1/exchange/outbound/status?elementClass=PERSON&key=" + id);
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(json(status.body()).get(0).get("state").asString()).isEqualTo("REJECTED");
		assertThat(admin.get("/api/v1/exchange/outbound?state=WHATEVER").statusCode()).isEqualTo(400);
		// a delivered row cannot be sent again by hand (409), the refused one can
		long deliveredId = ((Number) rows("PERSON", id).get(0).get("id")).longValue();
		assertThat(admin.postJson("/api/v1/exchange/outbound/" + deliveredId + "/requeue", "{}").statusCode()).isEqualTo(409);
		var again = admin.postJson("/api/v1/exchange/outbound/" + deadId + "/requeue", "{}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again.body()).get("state").asString()).isEqualTo("PENDING");
		try (Receiver r = Receiver.accepting()) {
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(r.of(prefix)).hasSize(1);
			// the refused element goes again under a new key: the receiver answered the old one
			assertThat(r.of(prefix).get(0)[0]).isEqualTo("PERSON:" + id + ":" + deadId + ".2");
		}
		assertThat(rows("PERSON", id).get(1)).containsEntry("state", "DELIVERED");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'ex_element' and subject_id = ? order by seq", String.class,
				"PERSON:" + id)).containsExactly("exchange.pushed", "exchange.push_rejected", "exchange.push_requeued", "exchange.pushed");
		// the bulk re-send must be confirmed
		assertThat(admin.postJson("/api/v1/exchange/outbound/requeue-all", "{}").statusCode()).isEqualTo(400);
		var all = admin.postJson("/api/v1/exchange/outbound/requeue-all", "{\"confirm\":true}");
		assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from ex_outbound where state in ('REJECTED', 'FAILED')", Long.class)).isZero();
		jdbc.update("delete from ex_code_map where code_class = 'DOMAIN' and local_code = 'MARKET'");
	}

	private static final List<String> SEEN = new CopyOnWriteArrayList<>();

	private static int countOf(String key) {
		int n = (int) SEEN.stream().filter(key::equals).count();
		SEEN.add(key);
		return n;
	}

	@Test
	void aReceiverThatDoesNotAnswerIsRetriedThenDeadLettered() throws IOException {
		HttpSession scj = loggedIn("scj.admin");
		long id = officerCreated(scj, 2, "推送测试乙");
		String prefix = "PERSON:" + id + ":";
		// a wrong token (401) is the configuration's fault, not the element's: retried, not refused
		try (Receiver r = Receiver.answering((k, b) -> new Receiver.Answer(k.startsWith(prefix) ? 401 : 200, "{\"message\":\"令牌无效\"}", 0))) {
			outbox.push(settings(r.url(), 5), 1000);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> {
				assertThat(x).containsEntry("state", "PENDING").containsEntry("attempts", 1);
				assertThat((String) x.get("last_error")).isEqualTo("HTTP 401：令牌无效");
			});
		}
		try (Receiver r = Receiver.answering((k, b) -> new Receiver.Answer(200, "", k.startsWith(prefix) ? 2500 : 0))) {
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> {
				assertThat(x).containsEntry("state", "PENDING").containsEntry("attempts", 2);
				assertThat((String) x.get("last_error")).contains("没有答复");
			});
			outbox.push(settings(r.url(), 3), 1000);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> assertThat(x).containsEntry("state", "FAILED").containsEntry("attempts", 3));
		}
		assertThat(outbox.dead(200)).anySatisfy(o -> assertThat(o.elementKey()).isEqualTo(String.valueOf(id)));
		// a later change delivered answers the failed one: it leaves the failure list
		assertThat(scj.putJson("/api/v1/officers/" + id, """
				{"name":"推送测试乙","idNumber":"%s","post":"执法科科长","staffing":"ESTABLISHED","domainCodes":["MARKET"]}""".formatted(idNumber(2)))
			.statusCode()).isEqualTo(200);
		try (Receiver r = Receiver.accepting()) {
			outbox.push(settings(r.url(), 3), 1000);
		}
		assertThat(rows("PERSON", id)).extracting(x -> x.get("state")).containsExactly("SUPERSEDED", "DELIVERED");
		assertThat(outbox.dead(200)).noneSatisfy(o -> assertThat(o.elementKey()).isEqualTo(String.valueOf(id)));
	}

	@Test
	void aCertificatesCancellationGoesWithItAndIsMarkedSent() throws IOException {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		long officerId = tx.execute(s -> {
			var form = new OfficerForm();
			form.setBodyId(bodyId("芒市综合行政执法局"));
			form.setName("推送测试丙");
			form.setIdNumber(idNumber(3));
			form.setPost("队员");
			form.setDomainCodes(List.of("URBAN"));
			Officer o = officers.create(DataScope.all(), form, false);
			certificates.registerExisting(DataScope.all(), o.id(), List.of("URBAN"), "53", "云南省人民政府",
					new Certificates.Issue("5300002025991501", LocalDate.now(clock).minusYears(1), LocalDate.now(clock).plusYears(4), "测试"), false);
			return o.id();
		});
		long certId = jdbc.queryForObject("select id from certificate where officer_id = ?", Long.class, officerId);
		drain();
		assertThat(loggedIn("admin").postJson("/api/v1/officers/" + officerId + "/status", """
				{"status":"RESIGNED","reason":"辞职","documentNumber":"芒人〔2026〕5号"}""").statusCode()).isIn(200);
		// delivered once at registration (drained above); the withdrawal with its 注销 application waits as a new row
		assertThat(rows("CERTIFICATE", certId)).hasSize(2).last().satisfies(x -> assertThat(x).containsEntry("state", "PENDING"));
		assertThat(jdbc.queryForObject("select status from certificate_cancellation_request where certificate_id = ?", String.class, certId)).isEqualTo("PENDING");
		try (Receiver r = Receiver.accepting()) {
			outbox.push(settings(r.url(), 3), 1000);
			List<String[]> sent = r.of("CERTIFICATE:" + certId + ":");
			assertThat(sent).hasSize(1);
			JsonNode data = json(sent.get(0)[1]).get("data");
			assertThat(data.get("number").asString()).isEqualTo("5300002025991501");
			assertThat(data.get("status").asString()).isEqualTo("WITHDRAWN");
			assertThat(data.get("cancellationRequests").get(0).get("reason").asString()).contains("辞职");
		}
		assertThat(jdbc.queryForObject("select status from certificate_cancellation_request where certificate_id = ?", String.class, certId)).isEqualTo("SENT");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'certificate' and subject_id = ? order by seq", String.class,
				String.valueOf(certId))).endsWith("certificate.cancellation_sent");
		// marking it sent is not itself a change to push
		assertThat(rows("CERTIFICATE", certId)).hasSize(2).allSatisfy(x -> assertThat(x).containsEntry("state", "DELIVERED"));
	}

	@Test
	void aRestartedProcessLosesNothingAndSendsNothingTwiceWhileALeaseHolds() throws IOException {
		long id = officerCreated(loggedIn("scj.admin"), 4, "推送测试丁");
		String prefix = "PERSON:" + id + ":";
		try (Receiver r = Receiver.accepting()) {
			// a process leased the row and died before sending it
			var s = settings(r.url(), 3);
			assertThat(outbox.lease(s, 1000)).anySatisfy(o -> assertThat(o.elementKey()).isEqualTo(String.valueOf(id)));
			// the restarted process: a new outbox over the same database
			Outbox restarted = new Outbox(jdbcClient, record, elements, codes, cancellations, transactions, clock, r.url(), "", 3, Duration.ZERO,
					Duration.ofSeconds(1), Duration.ofSeconds(5), "533103", changes);
			restarted.push(s, 1000);
			assertThat(r.of(prefix)).as("not sent while the dead process's lease holds").isEmpty();
			clock.shift(Duration.ofSeconds(6));
			restarted.push(s, 1000);
			assertThat(r.of(prefix)).hasSize(1);
			assertThat(rows("PERSON", id)).singleElement().satisfies(x -> assertThat(x).containsEntry("state", "DELIVERED"));
		}
		// the receiver took it but the answer was lost (the platform timed out): sent again with the same key
		assertThat(loggedIn("scj.admin").putJson("/api/v1/officers/" + id, """
				{"name":"推送测试丁","idNumber":"%s","post":"执法科科长","staffing":"ESTABLISHED","domainCodes":["MARKET"]}""".formatted(idNumber(4)))
			.statusCode()).isEqualTo(200);
		try (Receiver r = Receiver.answering((k, b) -> new Receiver.Answer(200, "", k.startsWith(prefix) && countOf(k) == 0 ? 2500 : 0))) {
			SEEN.clear();
			outbox.push(settings(r.url(), 3), 1000);
			outbox.push(settings(r.url(), 3), 1000);
			List<String[]> sent = r.of(prefix);
			assertThat(sent).hasSize(2);
			assertThat(sent.stream().map(g -> g[0]).distinct()).as("one idempotency key: the receiver keeps it once").hasSize(1);
		}
		assertThat(rows("PERSON", id)).hasSize(2).last().satisfies(x -> assertThat(x).containsEntry("state", "DELIVERED"));
	}

	@Test
	void everyActInTheLedgerIsQueued() {
		assertThat(jdbc.queryForObject("""
				select count(*) from sv_act a where not exists (select 1 from ex_outbound o where o.element_class = 'ACT' and o.element_key = a.id::text)""",
				Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sv_act", Long.class)).isPositive();
	}
}
