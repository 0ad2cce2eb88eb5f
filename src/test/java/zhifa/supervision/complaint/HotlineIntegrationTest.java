package zhifa.supervision.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The 12345 round trip over the HTTP API: a work order comes in (idempotent by its number), the supervisor assigns it,
 * the body replies, the hotline system reads the reply by polling and gets it pushed — a failed push is retried, one
 * that keeps failing is dead-lettered until the platform administrator pushes it again. Bad orders are refused field by
 * field in Chinese and write nothing.
 */
class HotlineIntegrationTest extends IntegrationTestBase {

	@Autowired
	HotlineOutbox outbox;

	/** The 12345 system: a token of 芒市司法局 (the supervisory body), issued by its unit administrator. */
	private HttpSession hotline() {
		var issued = loggedIn("sfj.admin").postJson("/api/v1/tokens", "{\"name\":\"12345热线（测试）" + UUID.randomUUID() + "\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return HttpSession.withToken(port, json(issued.body()).get("secret").asString());
	}

	private static String orderNo() {
		return "GD" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
	}

	private static String order(String orderNo) {
		return """
				{"orderNo":"%s","category":"COMPLAINT","enterpriseRelated":true,"subjectBodyId":%s,"complainantName":"李四",
				 "phone":"13812345678","idNumber":"11010519491231002X","title":"检查过于频繁","content":"一个月内被同一部门检查三次。"}""";
	}

	private String orderFor(String orderNo) {
		return order(orderNo).formatted(orderNo, bodyId("芒市市场监督管理局"));
	}

	private long complaintId(String orderNo) {
		return jdbc.queryForObject("select id from sv_complaint where hotline_order_no = ?", Long.class, orderNo);
	}

	private int version(long id) {
		return jdbc.queryForObject("select version from sv_complaint where id = ?", Integer.class, id);
	}

	/** Every entry on every complaint's chain (other tests' logins write to the record at the same time). */
	private long complaintEntries() {
		return jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_complaint'", Long.class);
	}

	private List<String> actions(long id) {
		return jdbc.queryForList("select action from record_entry where subject_type = 'sv_complaint' and subject_id = ? order by seq", String.class,
				String.valueOf(id));
	}

	/** An order in, assigned to 市场监管局 and answered by its administrator; returns the complaint id. */
	private long answered(HttpSession hotline, String orderNo, String reply) {
		assertThat(hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(orderNo)).statusCode()).isEqualTo(201);
		long id = complaintId(orderNo);
		var assigned = loggedIn("jiandu").postJson("/api/v1/complaints/" + id + "/assignment",
				"{\"version\":%d,\"bodyId\":%d}".formatted(version(id), bodyId("芒市市场监督管理局")));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		var replied = loggedIn("scj.admin").postJson("/api/v1/complaints/" + id + "/reply",
				"{\"version\":%d,\"reply\":\"%s\"}".formatted(version(id), reply));
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
		return id;
	}

	@Test
	void orderIsAssignedAnsweredAndTheReplyIsReadByTheHotline() {
		HttpSession hotline = hotline();
		String no = orderNo();
		long before = jdbc.queryForObject("select coalesce(max(id), 0) from sv_hotline_reply", Long.class);

		var in = hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(no));
		assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
		String receipt = json(in.body()).get("receiptNo").asString();
		long id = complaintId(no);
		assertThat(json(in.body()).get("status").asString()).isEqualTo("RECEIVED");
		// personal data at rest: encrypted, the phone masked
		Map<String, Object> row = jdbc.queryForMap("select phone_cipher, phone_masked, id_number_cipher, channel from sv_complaint where id = ?", id);
		assertThat((String) row.get("phone_cipher")).startsWith("sm4:").doesNotContain("13812345678");
		assertThat((String) row.get("id_number_cipher")).startsWith("sm4:").doesNotContain("11010519491231002X");
		assertThat(row.get("phone_masked")).isEqualTo("138****5678");
		assertThat(row.get("channel")).isEqualTo("HOTLINE");

		// the supervisor sees it untriaged, on the home page too, with the phone masked
		HttpSession jiandu = loggedIn("jiandu");
		var seen = jiandu.get("/api/v1/complaints/" + id);
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.body()).contains("138****5678").doesNotContain("13812345678").doesNotContain("11010519491231002X");
		assertThat(jiandu.get("/").body()).contains("待分办的投诉举报").contains(receipt);
		// to call the complainant back the supervisor asks for the whole number: shown to him, the viewing recorded without it
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("id=\"phone-form\"").doesNotContain("13812345678");
		long viewed = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_complaint' and subject_id = ? and action = 'complaint.phone_viewed'",
				Long.class, String.valueOf(id));
		var full = jiandu.postForm("/supervision/complaints/" + id + "/phone", Map.of("_csrf", jiandu.csrf()));
		assertThat(full.statusCode()).isEqualTo(302);
		assertThat(full.headers().firstValue("Location").orElse("")).endsWith("/supervision/complaints/" + id);
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("id=\"full-phone\"", "tel:13812345678");
		// shown once: not again on the next visit
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).doesNotContain("13812345678");
		// a supervisor of the prefecture above sees the complaint but not the number, nor the button
		HttpSession prefecture = loggedIn("zhou.jiandu");
		assertThat(prefecture.get("/supervision/complaints/" + id).body()).doesNotContain("id=\"phone-form\"");
		assertThat(prefecture.postForm("/supervision/complaints/" + id + "/phone", Map.of("_csrf", prefecture.csrf())).statusCode()).isIn(302, 403);
		assertThat(prefecture.get("/supervision/complaints/" + id).body()).doesNotContain("13812345678");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_complaint' and subject_id = ? and action = 'complaint.phone_viewed'",
				Long.class, String.valueOf(id))).isEqualTo(viewed + 1);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_complaint' and subject_id = ? and payload::text like '%13812345678%'",
				Long.class, String.valueOf(id))).isZero();
		// the body the complaint is assigned to does not get it (nor the form)
		assertThat(loggedIn("scj.admin").postForm("/supervision/complaints/" + id + "/phone", Map.of("_csrf", loggedIn("scj.admin").csrf())).statusCode())
			.isIn(403, 404);

		var assigned = jiandu.postJson("/api/v1/complaints/" + id + "/assignment",
				"{\"version\":%d,\"bodyId\":%d}".formatted(version(id), bodyId("芒市市场监督管理局")));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		JsonNode a = json(assigned.body());
		assertThat(a.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(a.get("replyDue").asString()).isNotBlank();

		// the body's head sees it on his home page and opens it (the complainant's phone masked)
		HttpSession head = loggedIn("scj.fuze");
		assertThat(head.get("/").body()).contains("本单位待答复的投诉举报").contains(receipt);
		var headSees = head.get("/supervision/complaints/" + id);
		assertThat(headSees.statusCode()).isEqualTo(200);
		assertThat(headSees.body()).contains("/supervision/complaints/" + id + "/reply").doesNotContain("13812345678");
		// the body's administrator sees it on his home page with its deadline, and answers
		HttpSession scj = loggedIn("scj.admin");
		assertThat(scj.get("/").body()).contains("本单位待答复的投诉举报").contains(receipt).contains(a.get("replyDue").asString() + " 前答复");
		var replied = scj.postJson("/api/v1/complaints/" + id + "/reply", "{\"version\":%d,\"reply\":\"经核查，已规范检查频次。\"}".formatted(version(id)));
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
		// the supervisor sees the answer waiting to be closed on his home page
		assertThat(jiandu.get("/").body()).contains("已答复待办结的投诉举报", receipt, "待12345回访评价");

		// the hotline reads it by polling, after its cursor, and nothing more after the next cursor
		var polled = hotline.get("/api/v1/exchange/hotline-orders/replies?since=" + before);
		assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
		JsonNode items = json(polled.body()).get("items");
		JsonNode mine = null;
		for (JsonNode item : items) {
			if (item.get("orderNo").asString().equals(no)) {
				mine = item;
			}
		}
		assertThat(mine).as(polled.body()).isNotNull();
		assertThat(mine.get("reply").get("reply").asString()).isEqualTo("经核查，已规范检查频次。");
		assertThat(mine.get("reply").get("handledBy").asString()).isEqualTo("芒市市场监督管理局");
		assertThat(mine.get("receiptNo").asString()).isEqualTo(receipt);
		long next = json(polled.body()).get("next").asLong();
		assertThat(next).isGreaterThanOrEqualTo(mine.get("id").asLong());
		assertThat(json(hotline.get("/api/v1/exchange/hotline-orders/replies?since=" + next).body()).get("items").toString()).doesNotContain(no);

		// the citizen was not satisfied: 重办, counted
		var evaluated = hotline.postJson("/api/v1/exchange/hotline-orders/" + no + "/evaluation",
				"{\"satisfaction\":\"UNSATISFIED\",\"reopen\":true,\"reason\":\"检查仍未减少\"}");
		assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
		assertThat(json(evaluated.body()).get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(json(evaluated.body()).get("reopenCount").asInt()).isEqualTo(1);
		var stats = jiandu.get("/api/v1/complaints/statistics");
		assertThat(stats.statusCode()).isEqualTo(200);
		JsonNode market = null;
		for (JsonNode t : json(stats.body()).get("byBody")) {
			if ("芒市市场监督管理局".equals(t.get("name").asString())) {
				market = t;
			}
		}
		assertThat(market).isNotNull();
		assertThat(market.get("reopened").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(market.get("unsatisfied").asLong()).isGreaterThanOrEqualTo(1);

		assertThat(actions(id)).containsExactly("complaint.received", "complaint.phone_viewed", "complaint.assigned", "complaint.replied", "complaint.reopened");
	}

	@Test
	void theSameOrderTwiceIsOneComplaint() {
		HttpSession hotline = hotline();
		String no = orderNo();
		var first = hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(no));
		assertThat(first.statusCode()).isEqualTo(201);
		long records = complaintEntries();
		var again = hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(no));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again.body()).get("receiptNo").asString()).isEqualTo(json(first.body()).get("receiptNo").asString());
		assertThat(json(again.body()).get("created").asBoolean()).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint where hotline_order_no = ?", Long.class, no)).isEqualTo(1);
		assertThat(complaintEntries()).isEqualTo(records);
	}

	@Test
	void theSameOrderSentFourTimesAtOnceIsOneComplaint() throws Exception {
		HttpSession hotline = hotline();
		String no = orderNo();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var answers = pool.invokeAll(java.util.Collections.nCopies(4,
					(java.util.concurrent.Callable<java.net.http.HttpResponse<String>>) () -> hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(no))));
			java.util.Set<String> receipts = new java.util.HashSet<>();
			int created = 0;
			for (var a : answers) {
				var r = a.get();
				assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
				created += r.statusCode() == 201 ? 1 : 0;
				receipts.add(json(r.body()).get("receiptNo").asString());
			}
			assertThat(created).isEqualTo(1);
			assertThat(receipts).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint where hotline_order_no = ?", Long.class, no)).isEqualTo(1);
		assertThat(actions(complaintId(no))).containsExactly("complaint.received");
	}

	@Test
	void badOrdersAreRefusedFieldByFieldInChineseAndWriteNothing() {
		HttpSession hotline = hotline();
		long complaints = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		long records = complaintEntries();
		var bad = hotline.postJson("/api/v1/exchange/hotline-orders", """
				{"orderNo":"","category":"COMPLAINT","complainantName":"","phone":"12345","idNumber":"110105194912310021",
				 "title":"","content":"  ","subjectBodyId":999999999}""");
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		JsonNode errors = json(bad.body()).get("errors");
		assertThat(errors.get("orderNo").asString()).isEqualTo("请提供12345工单编号");
		assertThat(errors.get("complainantName").asString()).isEqualTo("请填写投诉举报人姓名");
		assertThat(errors.get("phone").asString()).contains("11位手机号");
		assertThat(errors.get("idNumber").asString()).contains("校验位");
		assertThat(errors.get("title").asString()).isEqualTo("请填写标题");
		assertThat(errors.get("content").asString()).isEqualTo("请填写投诉举报内容");
		assertThat(errors.get("subjectBodyId").asString()).isEqualTo("被投诉的执法主体不存在");

		var category = hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(orderNo()).replace("\"COMPLAINT\"", "\"PRAISE\""));
		assertThat(category.statusCode()).isEqualTo(400);
		assertThat(json(category.body()).get("errors").get("category").asString()).contains("COMPLAINT（投诉）");

		var notJson = hotline.postJson("/api/v1/exchange/hotline-orders", "{\"orderNo\":");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(json(notJson.body()).get("detail").asString()).contains("JSON");

		// a token of an enforcement body (not a supervisory one) may not hand in 12345 orders
		var issued = loggedIn("scj.admin").postJson("/api/v1/tokens", "{\"name\":\"市场监管（非监督机构）" + UUID.randomUUID() + "\"}");
		var foreign = HttpSession.withToken(port, json(issued.body()).get("secret").asString())
			.postJson("/api/v1/exchange/hotline-orders", orderFor(orderNo()));
		assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);

		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(complaints);
		assertThat(complaintEntries()).isEqualTo(records);
	}

	@Test
	void stepsOutOfOrderOrOnStaleDataAreRefusedAndChangeNothing() {
		HttpSession hotline = hotline();
		String no = orderNo();
		hotline.postJson("/api/v1/exchange/hotline-orders", orderFor(no));
		long id = complaintId(no);
		HttpSession jiandu = loggedIn("jiandu");
		Map<String, Object> before = jdbc.queryForMap("select * from sv_complaint where id = ?", id);
		long records = complaintEntries();

		var close = jiandu.postJson("/api/v1/complaints/" + id + "/closure", "{\"version\":%d}".formatted(version(id)));
		assertThat(close.statusCode()).isEqualTo(409);
		assertThat(json(close.body()).get("detail").asString()).contains("待分办").contains("不能办结");
		var stale = jiandu.postJson("/api/v1/complaints/" + id + "/assignment",
				"{\"version\":%d,\"bodyId\":%d}".formatted(version(id) + 5, bodyId("芒市市场监督管理局")));
		assertThat(stale.statusCode()).isEqualTo(409);
		var outside = jiandu.postJson("/api/v1/complaints/" + id + "/assignment",
				"{\"version\":%d,\"bodyId\":%d}".formatted(version(id), bodyId("德宏州生态环境局")));
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(json(outside.body()).get("errors").get("bodyId").asString()).contains("不在您的监督范围内");
		// another body's administrator does not even see it
		assertThat(loggedIn("scj.admin").postJson("/api/v1/complaints/" + id + "/reply", "{\"version\":0,\"reply\":\"越权\"}").statusCode())
			.isEqualTo(404);
		// an officer has no complaint pages
		assertThat(loggedIn("scj.zhifa").get("/api/v1/complaints/" + id).statusCode()).isEqualTo(403);

		assertThat(jdbc.queryForMap("select * from sv_complaint where id = ?", id)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from sv_hotline_reply where complaint_id = ?", Long.class, id)).isZero();
		assertThat(complaintEntries()).isEqualTo(records);
		assertThat(actions(id)).containsExactly("complaint.received");
	}

	/** A 12345 system stand-in: answers each request with the status the function gives for the reply's id. */
	private record Hotline(HttpServer server, Map<Long, AtomicInteger> calls, List<String> bodies) implements AutoCloseable {

		static Hotline answering(Function<Integer, Integer> statusByCall) throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
			List<String> bodies = new CopyOnWriteArrayList<>();
			server.createContext("/replies", exchange -> {
				long replyId = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Reply-Id"));
				int call = calls.computeIfAbsent(replyId, k -> new AtomicInteger()).incrementAndGet();
				bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				byte[] out = (call == 1 ? "busy" : "ok").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(statusByCall.apply(call), out.length);
				exchange.getResponseBody().write(out);
				exchange.close();
			});
			server.start();
			return new Hotline(server, calls, bodies);
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/replies";
		}

		int callsFor(long replyId) {
			return calls.getOrDefault(replyId, new AtomicInteger()).get();
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}

	private long replyRow(long complaintId) {
		return jdbc.queryForObject("select max(id) from sv_hotline_reply where complaint_id = ?", Long.class, complaintId);
	}

	private Map<String, Object> replyState(long replyId) {
		return jdbc.queryForMap("select state, attempts, last_error from sv_hotline_reply where id = ?", replyId);
	}

	@Test
	void aFailedPushIsRetriedAndThenDelivered() throws IOException {
		long id = answered(hotline(), orderNo(), "已约谈执法人员。");
		long reply = replyRow(id);
		try (Hotline server = Hotline.answering(call -> call == 1 ? 503 : 200)) {
			var settings = new HotlineOutbox.Settings(server.url(), "", 3, Duration.ZERO);
			outbox.push(settings);
			assertThat(server.callsFor(reply)).isEqualTo(1);
			assertThat(replyState(reply)).containsEntry("state", "PENDING").containsEntry("attempts", 1);
			assertThat((String) replyState(reply).get("last_error")).contains("HTTP 503");

			outbox.push(settings);
			assertThat(server.callsFor(reply)).isEqualTo(2);
			assertThat(replyState(reply)).containsEntry("state", "DELIVERED").containsEntry("attempts", 2);
			assertThat(server.bodies()).anyMatch(b -> b.contains("已约谈执法人员。"));

			outbox.push(settings);
			assertThat(server.callsFor(reply)).as("a delivered reply is not pushed again").isEqualTo(2);
		}
		assertThat(actions(id)).endsWith("complaint.replied", "hotline.reply_delivered");
	}

	@Test
	void aPushThatKeepsFailingIsDeadLetteredUntilTheAdministratorPushesItAgain() throws IOException {
		String no = orderNo();
		long id = answered(hotline(), no, "已责令整改。");
		long reply = replyRow(id);
		try (Hotline down = Hotline.answering(call -> 500)) {
			var settings = new HotlineOutbox.Settings(down.url(), "", 3, Duration.ZERO);
			outbox.push(settings);
			outbox.push(settings);
			assertThat(replyState(reply)).containsEntry("state", "PENDING").containsEntry("attempts", 2);
			outbox.push(settings);
			assertThat(replyState(reply)).containsEntry("state", "DEAD").containsEntry("attempts", 3);
			outbox.push(settings);
			assertThat(down.callsFor(reply)).as("a dead letter is not pushed again by itself").isEqualTo(3);
		}
		assertThat(actions(id)).endsWith("complaint.replied", "hotline.reply_dead");

		// the platform administrator sees it on his home page and on the list, and pushes it again
		HttpSession admin = loggedIn("admin");
		assertThat(admin.get("/").body()).contains("12345答复推送失败").contains("工单 " + no);
		var page = admin.get("/supervision/hotline/dead-letters");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(no).contains("HTTP 500").contains("重新推送");
		assertThat(loggedIn("jiandu").get("/supervision/hotline/dead-letters").statusCode()).isEqualTo(403);

		var requeued = admin.postForm("/supervision/hotline/dead-letters/" + reply + "/requeue", Map.of("_csrf", admin.csrf()));
		assertThat(requeued.statusCode()).isEqualTo(302);
		assertThat(replyState(reply)).containsEntry("state", "PENDING").containsEntry("attempts", 0);
		var again = admin.postForm("/supervision/hotline/dead-letters/" + reply + "/requeue", Map.of("_csrf", admin.csrf()));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(replyState(reply)).as("a pending reply is not requeued twice").containsEntry("state", "PENDING");

		try (Hotline up = Hotline.answering(call -> 200)) {
			outbox.push(new HotlineOutbox.Settings(up.url(), "", 3, Duration.ZERO));
			assertThat(up.callsFor(reply)).isEqualTo(1);
		}
		assertThat(replyState(reply)).containsEntry("state", "DELIVERED");
		assertThat(actions(id)).endsWith("hotline.reply_dead", "hotline.reply_requeued", "hotline.reply_delivered");
	}

	@Test
	void pushIsOffWithoutAUrl() {
		long id = answered(hotline(), orderNo(), "无需推送。");
		long reply = replyRow(id);
		assertThat(outbox.push(new HotlineOutbox.Settings("", "", 3, Duration.ZERO))).isEqualTo(new HotlineOutbox.Round(0, 0, 0));
		assertThat(replyState(reply)).containsEntry("state", "PENDING").containsEntry("attempts", 0);
	}

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void aCitizenFilesOnThePublicPageAndLooksUpTheStatusWithHisPhone() {
		HttpSession citizen = new HttpSession(port);
		var form = citizen.get("/complaints/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("芒市司法局");
		Matcher csrf = CSRF_INPUT.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		long complaints = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);

		var bad = citizen.postForm("/complaints", Map.of("_csrf", csrf.group(1), "category", "COMPLAINT", "complainantName", "王五",
				"phone", "999", "title", "", "content", "执法人员态度粗暴", "idNumber", "533101199001011234"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("联系电话应为11位手机号或带区号的固定电话").contains("请填写标题").contains("请选择受理投诉举报的执法监督机构")
			.contains("执法人员态度粗暴");
		// the ID number typed comes back too, to correct the digit the check names; the answer is not kept by any cache
		assertThat(bad.body()).contains("value=\"533101199001011234\"");
		assertThat(bad.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(complaints);

		Matcher key = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(key.find()).isTrue();
		Map<String, String> filed = Map.of("_csrf", csrf.group(1), "formKey", key.group(1), "category", "REPORT", "supervisingBodyId",
				String.valueOf(bodyId("芒市司法局")), "subjectBody", "某执法大队", "complainantName", "王五", "phone", "13900001111", "title", "乱收费",
				"content", "执法时收取费用不开票据。");
		var good = citizen.postForm("/complaints", filed);
		// filed, then the receipt after a redirect: a reload of the receipt files nothing again
		assertThat(good.statusCode()).as(good.body()).isEqualTo(302);
		assertThat(good.headers().firstValue("Location").orElse("")).endsWith("/complaints/received");
		var shown = citizen.get("/complaints/received");
		assertThat(shown.statusCode()).isEqualTo(200);
		Matcher receipt = Pattern.compile("id=\"receipt-no\">([A-Z0-9]+)<").matcher(shown.body());
		assertThat(receipt.find()).as(shown.body()).isTrue();
		// what happens next, with the configured period
		assertThat(shown.body()).contains("id=\"next-steps\"", "承办单位自分办之日起 15 个工作日内调查处理并答复");
		String no = receipt.group(1);
		assertThat(jdbc.queryForObject("select channel from sv_complaint where receipt_no = ?", String.class, no)).isEqualTo("PUBLIC");
		// a reload of the receipt shows the same number again
		assertThat(citizen.get("/complaints/received").body()).contains("id=\"receipt-no\">" + no + "<");
		// the same form sent again (a double tap), or the same complaint typed into a fresh form (the back button loads one,
		// with another key, and the phone with spaces): the same receipt, no second complaint
		var again = citizen.postForm("/complaints", filed);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(citizen.get("/complaints/received").body()).contains("id=\"receipt-no\">" + no + "<");
		Map<String, String> retyped = new java.util.HashMap<>(filed);
		retyped.put("formKey", java.util.UUID.randomUUID().toString());
		retyped.put("phone", "139 0000 1111");
		assertThat(citizen.postForm("/complaints", retyped).statusCode()).isEqualTo(302);
		assertThat(citizen.get("/complaints/received").body()).contains("id=\"receipt-no\">" + no + "<");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(complaints + 1);
		// the receipt's link fills the number in; the phone may be typed with spaces
		assertThat(citizen.get("/complaints/status?receiptNo=" + no).body()).contains("value=\"" + no + "\"");

		// looked up by a posted form: the phone number never stands in an address (logs, browser history)
		assertThat(citizen.get("/complaints/status?receiptNo=" + no + "&phone=13900001111").body()).doesNotContain("乱收费");
		Matcher lookup = CSRF_INPUT.matcher(citizen.get("/complaints/status").body());
		assertThat(lookup.find()).isTrue();
		var wrongPhone = citizen.postForm("/complaints/status", Map.of("_csrf", lookup.group(1), "receiptNo", no, "phone", "13900002222"));
		assertThat(wrongPhone.body()).contains("未查到").doesNotContain("乱收费");
		var status = citizen.postForm("/complaints/status", Map.of("_csrf", lookup.group(1), "receiptNo", no, "phone", "139 0000 1111"));
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("乱收费").contains("待分办").contains("受理机关：芒市司法局", "正在确定承办单位");

		// the 5,000 characters are the content's own: the body complained about, in its own field, comes on top
		Map<String, String> full = new java.util.HashMap<>(filed);
		full.put("formKey", java.util.UUID.randomUUID().toString());
		full.put("title", "长篇投诉");
		full.put("subjectBody", "某".repeat(100));
		full.put("content", "长".repeat(5_001));
		var tooLong = citizen.postForm("/complaints", full);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("内容不超过5000个字");
		full.put("content", "长".repeat(5_000));
		assertThat(citizen.postForm("/complaints", full).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select content from sv_complaint where title = '长篇投诉'", String.class))
			.isEqualTo("【被投诉单位：" + "某".repeat(100) + "】" + "长".repeat(5_000));
	}

	@Test
	void aComplaintAboutACaseShowsOnThatCaseForTheSupervisor() {
		long caseId = jdbc.queryForObject("select min(id) from case_view where body_id = ?", Long.class, bodyId("芒市市场监督管理局"));
		HttpSession jiandu = loggedIn("jiandu");
		var created = jiandu.postJson("/api/v1/complaints", """
				{"category":"COMPLAINT","subjectBodyId":%d,"caseId":%d,"complainantName":"赵六","phone":"0692-2123456","title":"处罚过重","content":"同类案件罚款差距大。"}"""
			.formatted(bodyId("芒市市场监督管理局"), caseId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String receipt = json(created.body()).get("receiptNo").asString();

		assertThat(jiandu.get("/cases/" + caseId).body()).contains("/supervision/complaints/for-case/" + caseId);
		var fragment = jiandu.get("/supervision/complaints/for-case/" + caseId);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains(receipt).contains("处罚过重");
		assertThat(loggedIn("scj.zhifa").get("/cases/" + caseId).body()).doesNotContain("for-case");
		assertThat(loggedIn("scj.zhifa").get("/supervision/complaints/for-case/" + caseId).statusCode()).isEqualTo(403);

		var detail = jiandu.get("/supervision/complaints/" + json(created.body()).get("id").asLong());
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("069*****3456").doesNotContain("2123456").contains("分办");
		// the linked case as its page names it (its number, or 案源第N号 before filing), not its internal id
		String number = jdbc.queryForObject("select coalesce(case_number, '案源第' || id || '号') from case_view where id = ?", String.class, caseId);
		assertThat(detail.body()).contains("href=\"/cases/" + caseId + "\">" + number + "</a>").doesNotContain("案件 " + caseId + "<");
	}

	@Test
	void theSupervisorsFormLinksTheCaseTheComplainantNamesByItsNumber() {
		HttpSession jiandu = loggedIn("jiandu");
		assertThat(jiandu.get("/supervision/complaints").body()).contains("name=\"actNumber\"", "涉及的案件编号或决定书文号").doesNotContain("涉及案件 id");
		long before = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		// nothing filled in: every missing field is named at once, not the channel first and the rest on the next try
		assertThat(jiandu.postForm("/supervision/complaints", Map.of("_csrf", jiandu.csrf(), "category", "COMPLAINT")).statusCode()).isEqualTo(302);
		assertThat(jiandu.get("/supervision/complaints").body()).contains("请选择投诉举报是怎样来的", "请填写投诉举报人姓名", "请填写联系电话", "请填写标题",
				"请填写投诉举报内容");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		Map<String, String> form = new java.util.HashMap<>(Map.of("category", "COMPLAINT", "complainantName", "钱七", "phone", "13900003333",
				"title", "对处罚不服", "content", "认为处罚过重。"));
		// how it came in is asked (来信、来访、来电): left out, refused on the page, nothing written
		form.put("_csrf", jiandu.csrf());
		assertThat(jiandu.postForm("/supervision/complaints", form).statusCode()).isEqualTo(302);
		assertThat(jiandu.get("/supervision/complaints").body()).contains("请选择投诉举报是怎样来的：来信、来访或来电", "钱七");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		form.put("channel", "VISIT");
		// a number no act in his scope has: refused, the reason on the page, what he typed given back, nothing written
		form.put("actNumber", "无此文号〔2026〕7号");
		form.put("_csrf", jiandu.csrf());
		assertThat(jiandu.postForm("/supervision/complaints", form).statusCode()).isEqualTo(302);
		var again = jiandu.get("/supervision/complaints");
		assertThat(again.body()).contains("在您的监督范围内没有案件编号或决定书文号为“无此文号〔2026〕7号”的执法行为", "钱七");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		// the number of an act the transport system reported: linked at once, shown on the act's page
		form.put("actNumber", " 芒交运罚〔2026〕001号（演示） ");
		form.put("_csrf", jiandu.csrf());
		var created = jiandu.postForm("/supervision/complaints", form);
		assertThat(created.statusCode()).isEqualTo(302);
		long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		assertThat(jdbc.queryForObject("select channel from sv_complaint where id = ?", String.class, id)).isEqualTo("VISIT");
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("来访");
		long act = jdbc.queryForObject("select id from sv_act where source = 'DEMO-JT' and external_id = 'JT-2026-001'", Long.class);
		assertThat(jdbc.queryForList("select act_id from sv_complaint_act where complaint_id = ?", Long.class, id)).containsExactly(act);
		assertThat(jiandu.get("/supervision/acts/" + act).body()).contains("/supervision/complaints/" + id);
		assertThat(jdbc.queryForObject("select payload from record_entry where subject_type = 'sv_complaint' and subject_id = ? "
				+ "and action = 'complaint.received'", String.class, String.valueOf(id))).contains("芒交运罚〔2026〕001号（演示）");
		// a platform case by its case number: the case is linked too, so the complaint shows on the case's page
		var platformCase = jdbc.queryForMap("select c.id, c.case_number from case_view c join sv_act a on a.source = 'PLATFORM' and a.external_id = c.id::text "
				+ "where c.case_number is not null and c.body_id = ? order by c.id limit 1", bodyId("芒市市场监督管理局"));
		form.put("actNumber", (String) platformCase.get("case_number"));
		form.put("_csrf", jiandu.csrf());
		var second = jiandu.postForm("/supervision/complaints", form);
		long secondId = Long.parseLong(second.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		assertThat(jdbc.queryForList("select case_id from sv_complaint_case where complaint_id = ?", Long.class, secondId))
			.containsExactly(((Number) platformCase.get("id")).longValue());
		assertThat(jiandu.get("/supervision/complaints/for-case/" + platformCase.get("id")).body())
			.contains(jdbc.queryForObject("select receipt_no from sv_complaint where id = ?", String.class, secondId));
	}

	/** A letter registered days after it came: it keeps the day it came, and the record both days; a day ahead or far back is refused. */
	@Test
	void aComplaintRegisteredLaterKeepsTheDayItCameIn() {
		HttpSession jiandu = loggedIn("jiandu");
		LocalDate today = LocalDate.now(clock);
		assertThat(jiandu.get("/supervision/complaints").body()).contains("name=\"receivedOn\"", "value=\"" + today + "\"", "max=\"" + today + "\"");
		long before = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		Map<String, String> form = new java.util.HashMap<>(Map.of("channel", "LETTER", "category", "REPORT", "complainantName", "孙八", "phone", "13900004444",
				"title", "来信反映执法不规范", "content", "来信称执法人员未出示证件。"));
		for (var wrong : Map.of(today.plusDays(1), "收到日期不能晚于今天", today.minusYears(1).minusDays(1), "收到日期早于一年前，请核对").entrySet()) {
			form.put("receivedOn", wrong.getKey().toString());
			form.put("_csrf", jiandu.csrf());
			assertThat(jiandu.postForm("/supervision/complaints", form).statusCode()).isEqualTo(302);
			assertThat(jiandu.get("/supervision/complaints").body()).contains(wrong.getValue(), "孙八");
			assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		}
		form.put("receivedOn", today.minusDays(4).toString());
		form.put("_csrf", jiandu.csrf());
		var created = jiandu.postForm("/supervision/complaints", form);
		long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		assertThat(jdbc.queryForObject("select received_on from sv_complaint where id = ?", LocalDate.class, id)).isEqualTo(today.minusDays(4));
		assertThat(jdbc.queryForObject("select payload from record_entry where subject_type = 'sv_complaint' and subject_id = ? and action = 'complaint.received'",
				String.class, String.valueOf(id))).contains("\"receivedOn\":\"" + today.minusDays(4), "\"registeredOn\":\"" + today);
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("，" + today.minusDays(4));
		// the same by the API; online and 12345 ones come in the day they are taken
		var api = jiandu.postJson("/api/v1/complaints", """
				{"channel":"PHONE","category":"COMPLAINT","complainantName":"周九","phone":"13900005555","title":"来电","content":"来电反映。","receivedOn":"%s"}"""
			.formatted(today.plusDays(2)));
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("收到日期不能晚于今天");
	}

	@Test
	void pagesShowEachRoleWhatItMayDo() {
		String no = orderNo();
		hotline().postJson("/api/v1/exchange/hotline-orders", orderFor(no));
		long id = complaintId(no);
		HttpSession jiandu = loggedIn("jiandu");
		assertThat(jiandu.get("/supervision/complaints").body()).contains(no).contains("登记投诉举报");
		assertThat(jiandu.get("/supervision/complaints?status=RECEIVED").statusCode()).isEqualTo(200);
		assertThat(jiandu.get("/supervision/complaints/statistics").body()).contains("按承办单位").contains("按执法事项");
		assertThat(loggedIn("scj.zhifa").get("/supervision/complaints").statusCode()).isEqualTo(403);
		assertThat(loggedIn("scj.admin").get("/supervision/complaints/" + id).statusCode()).as("not yet assigned to his body").isEqualTo(404);

		// the supervisor's form: refused without a body (the page says why, nothing changes), then assigned
		var page = jiandu.get("/supervision/complaints/" + id);
		assertThat(page.body()).contains("id=\"assign-form\"").doesNotContain("id=\"reply-form\"").doesNotContain("id=\"close-form\"");
		var refused = jiandu.postForm("/supervision/complaints/" + id + "/assignment", Map.of("_csrf", jiandu.csrf(), "version", String.valueOf(version(id))));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("请选择承办单位");
		assertThat(actions(id)).containsExactly("complaint.received");
		jiandu.postForm("/supervision/complaints/" + id + "/assignment", Map.of("_csrf", jiandu.csrf(), "version",
				String.valueOf(version(id)), "bodyId", String.valueOf(bodyId("芒市市场监督管理局")), "actNumbers", "芒交运罚〔2026〕001号（演示），无此文号〔2026〕9号"));
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("在您的监督范围内没有案件编号或决定书文号为“无此文号〔2026〕9号”的执法行为");
		assertThat(actions(id)).containsExactly("complaint.received");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint_act where complaint_id = ?", Long.class, id)).isZero();
		// the complaint concerns an act the transport system reported: named by its case number, linked, shown on both pages
		var assigned = jiandu.postForm("/supervision/complaints/" + id + "/assignment", Map.of("_csrf", jiandu.csrf(), "version", String.valueOf(version(id)),
				"bodyId", String.valueOf(bodyId("芒市市场监督管理局")), "actNumbers", "芒交运罚〔2026〕001号（演示）"));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select status from sv_complaint where id = ?", String.class, id)).isEqualTo("ASSIGNED");
		long act = jdbc.queryForObject("select id from sv_act where source = 'DEMO-JT' and external_id = 'JT-2026-001'", Long.class);
		assertThat(jdbc.queryForList("select act_id from sv_complaint_act where complaint_id = ?", Long.class, id)).containsExactly(act);
		assertThat(jiandu.get("/supervision/complaints/" + id).body()).contains("/supervision/acts/" + act, "芒交运罚〔2026〕001号（演示）");
		assertThat(jiandu.get("/supervision/acts/" + act).body()).contains("/supervision/complaints/" + id,
				jdbc.queryForObject("select receipt_no from sv_complaint where id = ?", String.class, id));

		// the body's administrator now sees it with the reply form
		HttpSession scj = loggedIn("scj.admin");
		var his = scj.get("/supervision/complaints/" + id);
		assertThat(his.statusCode()).isEqualTo(200);
		assertThat(his.body()).contains("id=\"reply-form\"").doesNotContain("id=\"assign-form\"");
		scj.postForm("/supervision/complaints/" + id + "/reply", Map.of("_csrf", scj.csrf(), "version", String.valueOf(version(id)), "reply", "已核查处理。"));
		var closed = jiandu.postForm("/supervision/complaints/" + id + "/closure", Map.of("_csrf", jiandu.csrf(), "version", String.valueOf(version(id)),
				"satisfaction", "SATISFIED"));
		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForMap("select status, satisfaction from sv_complaint where id = ?", id)).containsEntry("status", "CLOSED")
			.containsEntry("satisfaction", "SATISFIED");
		assertThat(actions(id)).containsExactly("complaint.received", "complaint.assigned", "complaint.replied", "complaint.closed");
	}

	/**
	 * Reopened: the citizen sees the new period and the old reply as the previous one; the page lists every reply in its
	 * handling; the body it was assigned to is not offered the receiving body's record.
	 */
	@Test
	void aReopenedComplaintShowsItsNewPeriodAndEveryReply() {
		HttpSession jiandu = loggedIn("jiandu");
		var created = jiandu.postJson("/api/v1/complaints", """
				{"channel":"PHONE","category":"COMPLAINT","complainantName":"吴十","phone":"13900006666","title":"重办测试","content":"反映执法态度问题。"}""");
		long id = json(created.body()).get("id").asLong();
		String no = json(created.body()).get("receiptNo").asString();
		// the body complained about, not named when it came in, is named at the assignment
		assertThat(jdbc.queryForObject("select subject_body_id from sv_complaint where id = ?", Long.class, id)).isNull();
		var unknown = jiandu.postJson("/api/v1/complaints/" + id + "/assignment", "{\"version\":%d,\"bodyId\":%d,\"subjectBodyId\":999999}"
			.formatted(version(id), bodyId("芒市市场监督管理局")));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select status from sv_complaint where id = ?", String.class, id)).isEqualTo("RECEIVED");
		jiandu.postJson("/api/v1/complaints/" + id + "/assignment", "{\"version\":%d,\"bodyId\":%d,\"subjectBodyId\":%d}".formatted(version(id),
				bodyId("芒市市场监督管理局"), bodyId("芒市市场监督管理局")));
		assertThat(jdbc.queryForObject("select subject_body_id from sv_complaint where id = ?", Long.class, id)).isEqualTo(bodyId("芒市市场监督管理局"));
		assertThat(jdbc.queryForObject("select payload from record_entry where subject_type = 'sv_complaint' and subject_id = ? and action = 'complaint.assigned'",
				String.class, String.valueOf(id))).contains("\"subjectBody\":\"芒市市场监督管理局\"");
		HttpSession scj = loggedIn("scj.admin");
		scj.postJson("/api/v1/complaints/" + id + "/reply", "{\"version\":%d,\"reply\":\"第一次答复：已批评教育。\"}".formatted(version(id)));
		var reopened = jiandu.postJson("/api/v1/complaints/" + id + "/reopening", "{\"version\":%d,\"reason\":\"投诉人不满意\"}".formatted(version(id)));
		assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
		String due = jdbc.queryForObject("select reply_due::text from sv_complaint where id = ?", String.class, id);

		HttpSession citizen = new HttpSession(port);
		Matcher lookup = CSRF_INPUT.matcher(citizen.get("/complaints/status").body());
		assertThat(lookup.find()).isTrue();
		String seen = citizen.postForm("/complaints/status", Map.of("_csrf", lookup.group(1), "receiptNo", no, "phone", "13900006666")).body();
		assertThat(seen).contains("办理中", "已重新办理，重新答复期限：" + due + " 前", "前次答复（正在重新办理）：", "第一次答复");

		scj.postJson("/api/v1/complaints/" + id + "/reply", "{\"version\":%d,\"reply\":\"第二次答复：已调查核实并处理。\"}".formatted(version(id)));
		String page = jiandu.get("/supervision/complaints/" + id).body();
		assertThat(page).contains("id=\"complaint-steps\"", "第一次答复：已批评教育。", "第二次答复：已调查核实并处理。", "/records/sv_complaint/" + id);
		String his = scj.get("/supervision/complaints/" + id).body();
		assertThat(his).contains("id=\"complaint-steps\"", "第一次答复：已批评教育。").doesNotContain("/records/sv_complaint/" + id);
		assertThat(scj.get("/records/sv_complaint/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void theDemoHasAHotlineOrderAnEnterpriseComplaintAndASatisfiedOne() {
		assertThat(jdbc.queryForList("select channel || ':' || status || ':' || enterprise_related || ':' || coalesce(satisfaction, '-') from sv_complaint where demo order by id",
				String.class)).containsExactly("HOTLINE:ASSIGNED:true:-", "LETTER:RECEIVED:true:-", "VISIT:CLOSED:false:SATISFIED");
		assertThat(jdbc.queryForList("select title from sv_complaint where demo", String.class)).allMatch(t -> t.contains("演示"));
	}

	@Test
	void theSupervisorMayHandleAComplaintHimself() {
		HttpSession jiandu = loggedIn("jiandu");
		var created = jiandu.postJson("/api/v1/complaints", """
				{"category":"REPORT","complainantName":"周七","phone":"13700000000","title":"乱收费","content":"收取检查费。"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		// the API may leave out how it came in (登记, as before it was asked); a way of its own entrances is refused, nothing written
		assertThat(jdbc.queryForObject("select channel from sv_complaint where id = ?", String.class, id)).isEqualTo("FORM");
		long before = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		var hotlineWay = jiandu.postJson("/api/v1/complaints", """
				{"channel":"HOTLINE","category":"REPORT","complainantName":"周七","phone":"13700000000","title":"乱收费","content":"收取检查费。"}""");
		assertThat(hotlineWay.statusCode()).isEqualTo(400);
		assertThat(json(hotlineWay.body()).get("errors").get("channel").asString()).contains("LETTER（来信）");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(before);
		var letter = jiandu.postJson("/api/v1/complaints", """
				{"channel":"来信","category":"REPORT","complainantName":"周七","phone":"13700000000","title":"乱收费","content":"收取检查费。"}""");
		assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
		assertThat(jdbc.queryForObject("select channel from sv_complaint where id = ?", String.class, json(letter.body()).get("id").asLong())).isEqualTo("LETTER");
		var direct = jiandu.postJson("/api/v1/complaints/" + id + "/assignment", "{\"version\":%d,\"bodyId\":%d}".formatted(version(id), bodyId("芒市司法局")));
		assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
		var replied = jiandu.postJson("/api/v1/complaints/" + id + "/reply", "{\"version\":%d,\"reply\":\"已责令退还。\"}".formatted(version(id)));
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
		assertThat(json(replied.body()).get("status").asString()).isEqualTo("REPLIED");
		assertThat(jdbc.queryForObject("select count(*) from sv_hotline_reply where complaint_id = ?", Long.class, id))
			.as("only 12345 orders go back to the hotline").isZero();
		var missing = jiandu.postJson("/api/v1/complaints/" + id + "/reopening", "{\"version\":%d}".formatted(version(id)));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json(missing.body()).get("errors").get("reason").asString()).isEqualTo("请填写重办原因");
	}

	@Test
	void theBodyAReportIsAssignedToDoesNotLearnWhoReportedIt() {
		HttpSession hotline = hotline();
		String no = orderNo();
		String report = order(no).formatted(no, bodyId("芒市市场监督管理局")).replace("\"category\":\"COMPLAINT\"", "\"category\":\"REPORT\"");
		assertThat(hotline.postJson("/api/v1/exchange/hotline-orders", report).statusCode()).isEqualTo(201);
		long id = complaintId(no);
		assertThat(loggedIn("jiandu").postJson("/api/v1/complaints/" + id + "/assignment",
				"{\"version\":%d,\"bodyId\":%d}".formatted(version(id), bodyId("芒市市场监督管理局"))).statusCode()).isEqualTo(200);
		var seenByBody = loggedIn("scj.admin").get("/api/v1/complaints/" + id);
		assertThat(seenByBody.statusCode()).isEqualTo(200);
		assertThat(seenByBody.body()).contains("举报人信息保密").doesNotContain("李四", "138****5678");
		assertThat(loggedIn("scj.admin").get("/supervision/complaints/" + id).body()).doesNotContain("李四");
		assertThat(loggedIn("jiandu").get("/api/v1/complaints/" + id).body()).contains("李四", "138****5678");
	}
}
