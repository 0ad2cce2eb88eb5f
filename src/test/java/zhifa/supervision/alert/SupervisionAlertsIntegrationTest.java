package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.supervision.document.SupervisionDocuments;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Alerts through the ledger (raised on a report, closed by themselves by a newer report, with their history) and the
 * supervision documents' flow over HTTP: issue → 已督办 → reply → return → reply → accept → 核实关闭; an overdue reply raises
 * its own alert; refusals change nothing.
 */
class SupervisionAlertsIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Autowired
	Alerts alerts;

	@Autowired
	SupervisionDocuments documents;

	/** A page form as the browser sends it, with the session's CSRF token. */
	private static HttpResponse<String> post(HttpSession session, String path, Map<String, String> form) {
		Map<String, String> withToken = new java.util.HashMap<>(form);
		withToken.put("_csrf", session.csrf());
		return session.postForm(path, withToken);
	}


	/** A clue reported by another system, received {@code daysAgo} days ago, filed on {@code filedOn} (or not). */
	private ActReport clue(String externalId, long version, int daysAgo, LocalDate filedOn) {
		LocalDate today = LocalDate.now(clock);
		return new ActReport("TEST-GA", externalId, version, bodyId("芒市市场监督管理局"), "PENALTY", "GA-ZA-001", "测试事项", "测试案" + externalId, "ORGANIZATION",
				"测试公司（预警）", "测*司", "KEY-" + externalId, null, filedOn == null ? "CLUE" : "FILED", today.minusDays(daysAgo + 5), today.minusDays(daysAgo),
				filedOn, null, null, null, false, false, false, false, false, null, null, null, null, null, null, null, 0, null,
				filedOn == null ? List.of() : List.of("C-" + externalId + "-1", "C-" + externalId + "-2"), filedOn == null ? 0 : 2, false);
	}

	private long actId(String externalId) {
		return ledger.find("TEST-GA", externalId).orElseThrow().id();
	}

	private Map<String, Object> alertOf(long actId, String rule) {
		List<Map<String, Object>> rows = jdbc.queryForList("select * from sv_alert where act_id = ? and rule_code = ?", actId, rule);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private List<String> history(long alertId) {
		return jdbc.queryForList("select action from record_entry where subject_type = 'sv_alert' and subject_id = ? order by seq", String.class,
				String.valueOf(alertId));
	}

	@Test
	void anAlertIsRaisedOnTheLedgerChangeAndClosesItselfWhenTheConditionEnds() throws Exception {
		String ext = UUID.randomUUID().toString();
		ledger.record(clue(ext, 1, 40, null));
		long act = actId(ext);
		Map<String, Object> unfiled = await(() -> alertOf(act, "UNFILED_CLUE"), r -> r != null);
		assertThat(unfiled).as("有案不立 raised after the report").isNotNull();
		assertThat(unfiled.get("state")).isEqualTo("NEW");
		assertThat((String) unfiled.get("reasoning")).contains("有案不立", "仍未作出");
		assertThat(alertOf(act, "LATE_FILING")).isNull();
		// raised once: the same report again changes nothing, a re-evaluation raises nothing new
		ledger.record(clue(ext, 1, 40, null));
		alerts.evaluate(act);
		assertThat(jdbc.queryForObject("select count(*) from sv_alert where act_id = ?", Long.class, act)).isEqualTo(1);

		// the newer report: filed (late) — 有案不立 ends, 立案超期 begins
		ledger.record(clue(ext, 2, 40, LocalDate.now(clock).minusDays(1)));
		Map<String, Object> ended = await(() -> alertOf(act, "UNFILED_CLUE"), r -> "CONDITION_ENDED".equals(r.get("state")));
		assertThat(ended.get("state")).isEqualTo("CONDITION_ENDED");
		assertThat(ended.get("closed_at")).isNotNull();
		assertThat(history(((Number) ended.get("id")).longValue())).containsExactly("alert.raised", "alert.condition_ended");
		Map<String, Object> late = alertOf(act, "LATE_FILING");
		assertThat(late).isNotNull();
		assertThat((String) late.get("reasoning")).contains("第五十四条");
		assertThat(late.get("state")).isEqualTo("NEW");
	}

	@Test
	void theDemoClueLeftPastItsTriagePeriodHasItsAlert() throws Exception {
		Long act = await(() -> jdbc.queryForList("""
				select a.id from sv_act a where a.source = 'PLATFORM' and a.party_name = '芒市某某商贸有限公司（演示）' and a.filed_on is null""", Long.class)
			.stream().findFirst().orElse(null), id -> id != null);
		assertThat(act).isNotNull();
		Map<String, Object> alert = await(() -> alertOf(act, "UNFILED_CLUE"), r -> r != null);
		assertThat(alert).isNotNull();
	}

	@Test
	void theDemoReportsBreakTheRulesTheyIllustrate() throws Exception {
		// each reported demo act stands for one rule (the 公安 and 交通运输 systems' acts of SupervisionDemoData)
		Map<String, String> expected = Map.of("GA-2026-001", "LATE_FILING", "GA-2026-002", "OFFICERS", "GA-2026-005", "PENALTY_FOR_CRIME",
				"JT-2026-001", "HEARING_RIGHT", "JT-2026-002", "LEGAL_REVIEW", "JT-2026-005", "UNFILED_CLUE");
		for (var e : expected.entrySet()) {
			List<String> rules = await(() -> jdbc.queryForList("""
					select l.rule_code from sv_alert l join sv_act a on a.id = l.act_id where a.external_id = ? and a.demo""", String.class, e.getKey()),
					r -> r.contains(e.getValue()));
			assertThat(rules).as(e.getKey()).contains(e.getValue());
		}
		String reasoning = jdbc.queryForObject("""
				select l.reasoning from sv_alert l join sv_act a on a.id = l.act_id where a.external_id = 'GA-2026-005' and l.rule_code = 'PENALTY_FOR_CRIME'""",
				String.class);
		assertThat(reasoning).contains("涉案金额 8,000.00元", "不得以行政处罚代替移送");
		// the transport bureau's quarter of fines on companies from 四川、广东、贵州 (their USCCs tell where they are registered)
		long transport = bodyId("芒市交通运输局");
		assertThat(jdbc.queryForList("select party_region from sv_act where source = 'DEMO-JT' and external_id like 'JT-2026-02%' order by external_id",
				String.class)).containsExactly("510100", "440100", "520100");
		alerts.sweepBodies();
		assertThat(jdbc.queryForObject("""
				select reasoning from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING' and occurrence = 'NON_LOCAL'""",
				String.class, transport)).contains("外地当事人作出罚款决定 3 件", "60,000.00元");
		// titled by what it found, not as the finding on amounts
		assertThat(jdbc.queryForObject("""
				select title from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING' and occurrence = 'NON_LOCAL'""",
				String.class, transport)).isEqualTo("趋利性执法（罚款主要针对外地当事人）");
	}

	private long issue(HttpSession supervisor, long alertId, int replyDays) {
		HttpResponse<String> r = post(supervisor, "/supervision/documents", Map.of("alertIds", String.valueOf(alertId), "type", "URGING", "finding",
				"测试：案源逾期未立案", "requiredAction", "请依法作出立案决定并说明", "replyDays", String.valueOf(replyDays)));
		assertThat(r.statusCode()).isEqualTo(302);
		String location = r.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/supervision/documents/\\d+$");
		return Long.parseLong(location.replaceAll(".*/", ""));
	}

	private long newAlert() throws Exception {
		String ext = UUID.randomUUID().toString();
		ledger.record(clue(ext, 1, 40, null));
		long act = actId(ext);
		return ((Number) await(() -> alertOf(act, "UNFILED_CLUE"), r -> r != null).get("id")).longValue();
	}

	private String alertState(long id) {
		return jdbc.queryForObject("select state from sv_alert where id = ?", String.class, id);
	}

	private Map<String, Object> document(long id) {
		return jdbc.queryForMap("select state, version, reply_due from sv_document where id = ?", id);
	}

	private long version(long documentId) {
		return ((Number) document(documentId).get("version")).longValue();
	}

	/** What a refusal must leave alone: the documents, their sequences, replies, alerts and the record. */
	private List<Object> snapshot() {
		return List.of(jdbc.queryForList("select id, state, version from sv_document order by id"),
				jdbc.queryForList("select * from sv_document_sequence order by body_id, year"),
				jdbc.queryForObject("select count(*) from sv_document_reply", Long.class), jdbc.queryForList("select id, state, version from sv_alert order by id"),
				jdbc.queryForObject("select count(*) from record_entry where subject_type in ('sv_alert', 'sv_document')", Long.class));
	}

	@Test
	void aSupervisionDocumentGoesFromIssueToReplyReturnAndAcceptance() throws Exception {
		long alert = newAlert();
		HttpSession jiandu = loggedIn("jiandu");
		HttpSession admin = loggedIn("scj.admin");

		// the form without an alert (an address cut short) leads to the alerts, saying how a document is issued
		var noAlert = jiandu.get("/supervision/documents/new");
		assertThat(noAlert.statusCode()).isEqualTo(302);
		assertThat(noAlert.headers().firstValue("Location").orElse("")).endsWith("/supervision/alerts");
		assertThat(jiandu.get("/supervision/alerts").body()).contains("监督文书针对预警发出");

		// a unit admin cannot issue: refused, nothing changed
		var before = snapshot();
		HttpResponse<String> refused = post(admin, "/supervision/documents", Map.of("alertIds", String.valueOf(alert), "type", "URGING", "finding", "x",
				"requiredAction", "y", "replyDays", "5"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(snapshot()).isEqualTo(before);

		// before any document, the body is told how the alert is dealt with (there is nothing to reply to yet); the supervisor is not
		assertThat(admin.get("/supervision/alerts/" + alert).body()).contains("id=\"what-to-do\"", "本案在本单位的业务系统中办理：办理后重新报送", "已经发生、无法补正的（如立案已超期）", "单位处理期限");
		assertThat(jiandu.get("/supervision/alerts/" + alert).body()).doesNotContain("id=\"what-to-do\"");
		// the supervisor goes from the alert to the act behind it (and, for a case on the platform, to the case)
		long act = jdbc.queryForObject("select act_id from sv_alert where id = ?", Long.class, alert);
		assertThat(jiandu.get("/supervision/alerts/" + alert).body()).contains("id=\"act-links\"", "/supervision/acts/" + act);
		assertThat(admin.get("/supervision/alerts/" + alert).body()).doesNotContain("id=\"act-links\"");

		long doc = issue(jiandu, alert, 5);
		assertThat(document(doc).get("state")).isEqualTo("ISSUED");
		assertThat(alertState(alert)).isEqualTo("SUPERVISED");
		assertThat(jdbc.queryForObject("select number from sv_document where id = ?", String.class, doc)).matches("芒市司法局监督〔\\d{4}〕\\d+号");
		byte[] pdf = jiandu.getBytes("/supervision/documents/" + doc + "/pdf");
		try (var read = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(read).replaceAll("\\s", "");
			assertThat(text).contains("发现的问题：", "监督依据：", "办理要求：").doesNotContain("：：");
		}
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		// people by their names, not their login names
		assertThat(jiandu.get("/supervision/documents/" + doc).body()).contains("发文人 李建华").doesNotContain("jiandu（");
		// the document carries a verification code (printed with its QR code) that anyone can check on the public page
		String code = jdbc.queryForObject("select verification_code from sv_document where id = ?", String.class, doc);
		assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
		try (var pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pd).replaceAll("\\s", "")).contains(code);
		}
		HttpSession anonymous = new HttpSession(port);
		var verified = anonymous.get("/verify/documents/" + code.toLowerCase());
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("督办函", "芒市司法局", jdbc.queryForObject("select number from sv_document where id = ?", String.class, doc))
			.doesNotContain("测试：案源逾期未立案");
		assertThat(anonymous.get("/api/v1/public/documents/" + code + "/check?sm3=" + zhifa.shared.Sm3.hex(pdf)).body()).contains("\"genuine\":true");
		byte[] modified = pdf.clone();
		modified[modified.length / 2] ^= 1;
		assertThat(anonymous.get("/api/v1/public/documents/" + code + "/check?sm3=" + zhifa.shared.Sm3.hex(modified)).body()).contains("\"genuine\":false");
		assertThat(admin.get("/").body()).contains("待答复的监督文书", "/supervision/documents/" + doc);

		// another body's admin cannot reply (he cannot even see it): nothing changed
		before = snapshot();
		HttpSession other = loggedIn("zhefang.admin");
		HttpResponse<String> notHis = post(other, "/supervision/documents/" + doc + "/reply",
				Map.of("version", String.valueOf(version(doc)), "explanation", "不是我单位的"));
		assertThat(notHis.statusCode()).isEqualTo(404);
		assertThat(snapshot()).isEqualTo(before);

		// a reply without an explanation is refused on the page, nothing changed
		before = snapshot();
		post(admin, "/supervision/documents/" + doc + "/reply", Map.of("version", String.valueOf(version(doc)), "explanation", " "));
		assertThat(snapshot()).isEqualTo(before);

		// the body's head answers as its administrator may: the document is on his home page and its page has the form
		HttpSession head = loggedIn("scj.fuze");
		assertThat(head.get("/").body()).contains("待答复的监督文书", "/supervision/documents/" + doc, "本单位的监督预警").doesNotContain("null ·");
		assertThat(head.get("/supervision/documents/" + doc).body()).contains("/supervision/documents/" + doc + "/reply");
		assertThat(post(head, "/supervision/documents/" + doc + "/reply",
				Map.of("version", String.valueOf(version(doc)), "kind", "EXPLAINED", "explanation", "该线索正在送检，已补办延期审批")).statusCode()).isEqualTo(302);
		assertThat(document(doc).get("state")).isEqualTo("REPLIED");
		assertThat(alertState(alert)).isEqualTo("EXPLAINED");
		assertThat(jiandu.get("/").body()).contains("待审核的整改答复", "/supervision/documents/" + doc);

		post(jiandu, "/supervision/documents/" + doc + "/return", Map.of("version", String.valueOf(version(doc)), "reason", "未附延期审批材料"));
		assertThat(document(doc).get("state")).isEqualTo("RETURNED");
		assertThat(alertState(alert)).isEqualTo("SUPERVISED");

		// the body is told before replying that the ledger still shows the situation
		assertThat(admin.get("/supervision/documents/" + doc).body()).contains("id=\"standing-for-reply\"", "答复“已整改”的，监督机构须核实后才能采纳");
		post(admin, "/supervision/documents/" + doc + "/reply",
				Map.of("version", String.valueOf(version(doc)), "kind", "RECTIFIED", "explanation", "已作出立案决定，附审批表"));
		assertThat(alertState(alert)).isEqualTo("RECTIFIED");
		// a stale version changes nothing
		before = snapshot();
		// the page answers a refusal by returning to the document with the reason (302)
		assertThat(post(jiandu, "/supervision/documents/" + doc + "/accept", Map.of("version", "0")).statusCode()).isEqualTo(302);
		assertThat(snapshot()).isEqualTo(before);

		// 已整改, yet the clue is still not dealt with (the rule still finds it): the supervisor is told, and accepting needs what he verified
		assertThat(jiandu.get("/supervision/documents/" + doc).body()).contains("id=\"still-standing\"", "答复称已整改，但台账显示以下预警的情形仍然存在",
				"id=\"acc-verification\"");
		before = snapshot();
		assertThat(post(jiandu, "/supervision/documents/" + doc + "/accept", Map.of("version", String.valueOf(version(doc)), "verification", " ")).statusCode())
			.isEqualTo(302);
		assertThat(jiandu.get("/supervision/documents/" + doc).body()).contains("答复称已整改，但台账显示预警的情形仍然存在：", "请退回重新答复，或写明核实的整改情况后采纳");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(document(doc).get("state")).isEqualTo("REPLIED");
		assertThat(alertState(alert)).isEqualTo("RECTIFIED");
		post(jiandu, "/supervision/documents/" + doc + "/accept", Map.of("version", String.valueOf(version(doc)), "verification", "已调阅立案审批表（其他系统办理），线索已立案"));
		assertThat(document(doc).get("state")).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'sv_alert' and subject_id = ? and action = 'alert.verified'",
				String.class, String.valueOf(alert))).contains("核实情况：已调阅立案审批表（其他系统办理），线索已立案");
		// the page shows it as what was verified, not as a reason for returning the reply
		assertThat(jiandu.get("/supervision/documents/" + doc).body()).contains("核实情况：已调阅立案审批表").doesNotContain("退回理由：已调阅");
		assertThat(alertState(alert)).isEqualTo("VERIFIED_CLOSED");
		assertThat(history(alert)).containsExactly("alert.raised", "alert.supervised", "alert.answered", "alert.returned", "alert.answered",
				"alert.verified");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_document' and subject_id = ? order by seq", String.class,
				String.valueOf(doc))).containsExactly("supervision.document_issued", "supervision.document_replied", "supervision.document_returned",
						"supervision.document_replied", "supervision.document_accepted");
		assertThat(jiandu.get("/supervision/alerts/" + alert).body()).contains("核实关闭", "有案不立");
		assertThat(jiandu.get("/supervision/documents/" + doc).body()).contains("已整改", "未附延期审批材料");
	}

	/** 监督文书 list: what was issued to the bodies of one's scope, by state and overdue, for the supervisor and the addressee. */
	@Test
	void theDocumentListShowsWhatWasIssuedByStateAndOverdueToWhomItConcerns() throws Exception {
		long alert = newAlert();
		HttpSession jiandu = loggedIn("jiandu");
		long doc = issue(jiandu, alert, 1);
		String number = jdbc.queryForObject("select number from sv_document where id = ?", String.class, doc);
		String link = "href=\"/supervision/documents/" + doc + "\"";

		var all = jiandu.get("/supervision/documents");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains(link, number, "已发出，待单位答复", "芒市市场监督管理局");
		assertThat(jiandu.get("/").body()).contains("href=\"/supervision/documents\"");
		assertThat(jiandu.get("/supervision/documents?state=ISSUED").body()).contains(link);
		assertThat(jiandu.get("/supervision/documents?state=ACCEPTED").body()).doesNotContain(link);
		assertThat(jiandu.get("/supervision/documents?overdue=true").body()).doesNotContain(link);
		clock.shift(Duration.ofDays(10));
		assertThat(jiandu.get("/supervision/documents?overdue=true").body()).contains(link, "（逾期）");
		assertThat(jiandu.get("/supervision/documents?overdue=true&state=REPLIED").body()).doesNotContain(link);

		// the addressee's administrator sees it; another body's does not; an officer may not open the list
		assertThat(loggedIn("scj.admin").get("/supervision/documents").body()).contains(link);
		var other = loggedIn("zhefang.admin").get("/supervision/documents");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).doesNotContain(link);
		assertThat(loggedIn("scj.zhifa").get("/supervision/documents").statusCode()).isEqualTo(403);
		// an unknown state is a bad request in Chinese, not a server error
		assertThat(jiandu.get("/supervision/documents?state=NONSENSE").statusCode()).isEqualTo(400);
	}

	@Test
	void anOverdueReplyRaisesItsOwnAlertUntilTheBodyReplies() throws Exception {
		long alert = newAlert();
		HttpSession jiandu = loggedIn("jiandu");
		long doc = issue(jiandu, alert, 1);
		documents.checkReplies();
		assertThat(jdbc.queryForObject("select count(*) from sv_alert where subject_kind = 'DOCUMENT' and subject_id = ?", Long.class, doc)).isZero();

		clock.shift(Duration.ofDays(10));
		documents.checkReplies();
		Map<String, Object> overdue = jdbc.queryForMap("select * from sv_alert where subject_kind = 'DOCUMENT' and subject_id = ?", doc);
		assertThat(overdue.get("rule_code")).isEqualTo(AlertRules.REPLY_OVERDUE);
		assertThat(overdue.get("state")).isEqualTo("NEW");
		assertThat((String) overdue.get("reasoning")).contains("仍未答复");
		documents.checkReplies();
		assertThat(jdbc.queryForObject("select count(*) from sv_alert where subject_kind = 'DOCUMENT' and subject_id = ?", Long.class, doc)).isEqualTo(1);
		// 逐级督办: the level above (the prefecture's supervisor) sees the county's unanswered document on his home page; the issuer
		// himself has it as an alert, not in that list
		String prefectureHome = loggedIn("zhou.jiandu").get("/").body();
		assertThat(prefectureHome).contains("逐级督办", "/supervision/documents/" + doc);
		assertThat(jiandu.get("/").body()).doesNotContain("/supervision/documents/" + doc + "\"");
		// …and a document the prefecture itself sent to a 芒市 body, overdue, is not the county's 逐级督办 (it comes from above)
		HttpSession zhou = loggedIn("zhou.jiandu");
		long fromAbove = issue(zhou, newAlert(), 1);
		clock.shift(Duration.ofDays(10));
		assertThat(jiandu.get("/").body()).doesNotContain("/supervision/documents/" + fromAbove + "\"");
		assertThat(zhou.get("/").body()).contains("/supervision/documents/" + doc + "\"");

		HttpSession admin = loggedIn("scj.admin");
		post(admin, "/supervision/documents/" + doc + "/reply", Map.of("version", String.valueOf(version(doc)), "explanation", "逾期答复：已立案"));
		assertThat(jdbc.queryForObject("select state from sv_alert where subject_kind = 'DOCUMENT' and subject_id = ?", String.class, doc))
			.isEqualTo("CONDITION_ENDED");
	}

	@Test
	void theListFiltersAndRefusesAnUnknownRuleWithoutAServerError() throws Exception {
		newAlert();
		HttpSession jiandu = loggedIn("jiandu");
		HttpResponse<String> list = jiandu.get("/supervision/alerts?rule=UNFILED_CLUE&state=OPEN");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("有案不立");
		assertThat(jiandu.get("/supervision/alerts?rule=NO_SUCH_RULE").statusCode()).isEqualTo(422);
		assertThat(jiandu.get("/supervision/alerts?page=abc").statusCode()).isEqualTo(400);
		// a body sees its own alerts only
		assertThat(loggedIn("zhefang.admin").get("/supervision/alerts?rule=UNFILED_CLUE").body()).doesNotContain("测试公司（预警）");
	}

	@Autowired
	Alerts alertList;

	/** The serious first, then the newest: a page of reminders does not push a 严重 breach out of the supervisor's sight. */
	@Test
	void theSeriousComeFirstThenTheNewest() throws Exception {
		newAlert();
		var all = alertList.page(zhifa.shared.DataScope.all(), null, null, null, true, 0, 100).items();
		assertThat(all).extracting(Alert::severity).contains(Severity.HIGH).containsAnyOf(Severity.MEDIUM, Severity.LOW);
		for (int i = 1; i < all.size(); i++) {
			Alert a = all.get(i - 1);
			Alert b = all.get(i);
			assertThat(a.severity().ordinal() < b.severity().ordinal() || a.severity() == b.severity() && a.id() > b.id())
				.as(a.id() + " " + a.severity() + " before " + b.id() + " " + b.severity()).isTrue();
		}
		assertThat(alertList.fresh(zhifa.shared.DataScope.all(), 1).items()).singleElement().extracting(Alert::severity).isEqualTo(Severity.HIGH);
	}
}
