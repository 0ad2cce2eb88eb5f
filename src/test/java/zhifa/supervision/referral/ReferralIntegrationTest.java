package zhifa.supervision.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.supervision.alert.Alerts;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 行刑衔接 over HTTP from the team's report to the hand-over, each step by the role the law gives it and refused
 * otherwise (nothing written); a late step raises the period alert; a penalty after a reported crime is 以罚代刑 until
 * the head decides in writing; a 纪检监察 clue is seen by the body's 负责人 only and its record names nobody.
 */
class ReferralIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Autowired
	Alerts alerts;

	@Autowired
	zhifa.calendar.CalendarService calendar;

	private static String post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		if (r.statusCode() == 403) {
			return "403";
		}
		return r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
	}

	private static String postPairs(HttpSession s, String path, List<String[]> pairs) {
		List<String[]> all = new ArrayList<>(pairs);
		all.add(new String[] { "_csrf", s.csrf() });
		String body = String.join("&", all.stream().map(p -> java.net.URLEncoder.encode(p[0], java.nio.charset.StandardCharsets.UTF_8) + "="
				+ java.net.URLEncoder.encode(p[1], java.nio.charset.StandardCharsets.UTF_8)).toList());
		var r = s.postEncoded(path, body);
		return r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
	}

	/** A penalty decided (not closed) by 市场监管局, reported by another system. */
	private long decided(String id, LocalDate on) {
		long market = bodyId("芒市市场监督管理局");
		return ledger.record(new ActReport("REFERRAL-IT", id, 1, market, "PENALTY", "SJ-REF", "移送测试事项", "芒市移送测〔2026〕" + id + "号", "ORGANIZATION",
				"移送测试公司", "移送*司", "REF-" + id, null, "DECIDED", on.minusDays(30), on.minusDays(30), on.minusDays(29), on.minusDays(10), on.minusDays(5),
				on.minusDays(5), true, false, false, false, false, on, "PENALTY", "芒移罚〔2026〕" + id + "号", 100_000L, null, null, on.plusDays(1), 0L, null,
				List.of("53000020260001", "53000020260002"), 2, false)).actId();
	}

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	private Map<String, Object> referral(long id) {
		return jdbc.queryForMap("select status, version, decision, police_answer, handed_over_on, court_fined from sv_referral where id = ?", id);
	}

	private List<String> alertsOf(long act) {
		return jdbc.queryForList("select rule_code || ':' || occurrence || ':' || state from sv_alert where act_id = ? order by id", String.class, act);
	}

	@Test
	void aCrimeIsReportedDecidedTransferredAnsweredAndHandedOverEachByItsRole() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long act = decided("X1", today.minusDays(2));
		long rows = jdbc.queryForObject("select count(*) from sv_referral", Long.class);
		// the form offers only who may serve today: one without a valid certificate is shown greyed and cannot be ticked
		String form = officer.get("/referrals/new").body();
		assertThat(form).contains("赵刚（今日没有有效的执法证件）", "李明（今日没有有效的执法证件）").contains(">张伟<");
		assertThat(form).containsPattern("value=\"" + officer("赵刚") + "\" id=\"o-" + officer("赵刚") + "\"\\s+disabled");
		// one officer is not a team; an unknown case number is named
		assertThat(postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", "芒市移送测〔2026〕X1号" },
				new String[] { "officerIds", String.valueOf(officer("张伟")) }, new String[] { "suspicion", "涉嫌生产、销售伪劣产品罪" }))).contains("至少两名在岗行政执法人员");
		assertThat(post(officer, "/referrals", Map.of("caseNumber", "不存在的案号", "suspicion", "x"))).contains("本单位没有案号为“不存在的案号”的案件");
		// an auxiliary (协管员) is not an enforcement officer
		assertThat(postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", "芒市移送测〔2026〕X1号" },
				new String[] { "officerIds", String.valueOf(officer("张伟")) }, new String[] { "officerIds", String.valueOf(officer("王小红")) },
				new String[] { "suspicion", "涉嫌生产、销售伪劣产品罪" }))).contains("协管等辅助人员不计");
		assertThat(jdbc.queryForObject("select count(*) from sv_referral", Long.class)).isEqualTo(rows);
		String reported = postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", "芒市移送测〔2026〕X1号" },
				new String[] { "officerIds", String.valueOf(officer("张伟")) }, new String[] { "officerIds", String.valueOf(officer("岩温")) },
				new String[] { "suspicion", "涉嫌生产、销售伪劣产品罪：销售金额经核实超过五万元" }));
		assertThat(reported).contains("已报告，待负责人在3日内决定是否移送", "负责人决定（3日）", "岩温、张伟");
		long id = jdbc.queryForObject("select max(id) from sv_referral where act_id = ?", Long.class, act);
		// the penalty stands while the crime question is open: 以罚代刑
		assertThat(alertsOf(act)).anyMatch(a -> a.startsWith("PENALTY_FOR_CRIME::"));

		// the officer does not decide; the head does, and not transferring needs reasons
		var before = referral(id);
		assertThat(post(officer, "/referrals/" + id + "/decision", Map.of("version", "0", "decision", "TRANSFER"))).isEqualTo("403");
		assertThat(post(head, "/referrals/" + id + "/decision", Map.of("version", "0", "decision", "NOT_TRANSFER"))).contains("应当书面说明理由");
		assertThat(referral(id)).isEqualTo(before);
		post(head, "/referrals/" + id + "/decision", Map.of("version", "0", "decision", "TRANSFER"));
		assertThat(referral(id)).containsEntry("status", "APPROVED");
		// the transfer needs the listed materials
		assertThat(postPairs(officer, "/referrals/" + id + "/transfer", List.of(new String[] { "version", "1" }, new String[] { "policeOrgan", "芒市公安局" },
				new String[] { "materials", "TRANSFER_LETTER" }))).contains("移送时应当附有：涉嫌犯罪案件情况的调查报告、涉案物品清单");
		assertThat(referral(id)).containsEntry("status", "APPROVED");
		postPairs(officer, "/referrals/" + id + "/transfer", List.of(new String[] { "version", "1" }, new String[] { "policeOrgan", "芒市公安局" },
				new String[] { "materials", "TRANSFER_LETTER" }, new String[] { "materials", "REPORT" }, new String[] { "materials", "GOODS_LIST" }));
		assertThat(referral(id)).containsEntry("status", "TRANSFERRED");
		// transferred: the crime question is settled, the 以罚代刑 alert ends
		assertThat(alertsOf(act)).anyMatch(a -> a.equals("PENALTY_FOR_CRIME::CONDITION_ENDED"));

		// the police refuse; the head asks for reconsideration; the police then file; goods handed over
		assertThat(post(officer, "/referrals/" + id + "/police-answer", Map.of("version", "2", "answer", "NOT_FILED", "on", today.toString(), "receivedOn",
				today.toString()))).contains("请登记不予立案的理由");
		assertThat(post(officer, "/referrals/" + id + "/police-answer", Map.of("version", "2", "answer", "NOT_FILED", "on", today.toString(), "reasons", "x")))
			.contains("接到通知书的日期");
		post(officer, "/referrals/" + id + "/police-answer", Map.of("version", "2", "answer", "NOT_FILED", "on", today.toString(), "receivedOn", today.toString(),
				"reasons", "认为数额未达追诉标准"));
		post(head, "/referrals/" + id + "/reconsideration", Map.of("version", "3", "on", today.toString()));
		assertThat(referral(id)).containsEntry("status", "RECONSIDERING");
		post(officer, "/referrals/" + id + "/police-answer", Map.of("version", "4", "answer", "FILED", "on", today.toString(), "receivedOn", today.toString()));
		assertThat(referral(id)).containsEntry("status", "FILED");
		// the first answer is kept beside the reconsidered one
		assertThat(jdbc.queryForMap("select police_answer, police_reasons, reconsideration_answer from sv_referral where id = ?", id))
			.containsEntry("police_answer", "NOT_FILED").containsEntry("police_reasons", "认为数额未达追诉标准").containsEntry("reconsideration_answer", "FILED");
		post(officer, "/referrals/" + id + "/handover", Map.of("version", "5", "on", today.toString(), "items", "伪劣电线电缆120卷及检验报告"));
		assertThat(referral(id)).containsEntry("status", "HANDED_OVER");
		// handed over is not done: the court's result is awaited, the open list keeps it, the officer is told who closes it
		assertThat(head.get("/referrals").body()).contains("/referrals/" + id + "\"", "已移交涉案物品，待司法机关处理结果");
		assertThat(officer.get("/referrals/" + id).body()).contains("id=\"awaiting-judicial\"").doesNotContain("id=\"judicial-close-form\"");
		assertThat(head.get("/referrals/" + id).body()).contains("id=\"judicial-close-form\"").doesNotContain("id=\"awaiting-judicial\"");
		// the judicial organs done with it (here: 不起诉): the head records their result and closes the referral
		assertThat(post(officer, "/referrals/" + id + "/closing", Map.of("version", "6", "note", "x"))).isEqualTo("403");
		// whether the court fined the party must be said (第三十五条第二款); refused, nothing changed
		assertThat(post(head, "/referrals/" + id + "/closing", Map.of("version", "6", "note", "芒市人民检察院不起诉决定书（芒检刑不诉〔2026〕3号）")))
			.contains("请选择人民法院是否对当事人判处罚金");
		assertThat(referral(id)).containsEntry("status", "HANDED_OVER");
		assertThat(post(head, "/referrals/" + id + "/closing", Map.of("version", "6", "note", "芒市人民检察院不起诉决定书（芒检刑不诉〔2026〕3号）", "courtFined",
				"false"))).contains("办结");
		assertThat(referral(id)).containsEntry("court_fined", false);
		assertThat(referral(id)).containsEntry("status", "CLOSED");
		// the procuratorate's supervision, noted by the supervisor
		HttpSession jiandu = loggedIn("jiandu");
		assertThat(post(jiandu, "/referrals/" + id + "/procuratorate", Map.of("version", "7", "note", "芒市人民检察院进行立案监督"))).contains("芒市人民检察院进行立案监督");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_referral' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("referral.reported", "referral.decided", "referral.transferred", "referral.police_answered",
						"referral.reconsideration", "referral.police_answered", "referral.handed_over", "referral.closed", "referral.procuratorate");
		// the record says the police's decision in its own words (not an administrative case's stage)
		var record = jiandu.get("/records/sv_referral/" + id);
		assertThat(record.statusCode()).isEqualTo(200);
		assertThat(record.body()).contains("立案").doesNotContain("已立案（调查取证）", "TRANSFER", "NOT_FILED");
		// another body does not see it
		assertThat(loggedIn("zhefang.admin").get("/referrals/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void aDecisionLeftPastItsThreeDaysIsAlertedAndAWrittenRefusalEndsThePenaltyInsteadOfTransfer() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long act = decided("X2", today.minusDays(1));
		postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", "芒市移送测〔2026〕X2号" }, new String[] { "officerIds", String.valueOf(officer("张伟")) },
				new String[] { "officerIds", String.valueOf(officer("岩温")) }, new String[] { "suspicion", "涉嫌销售假冒注册商标的商品罪" }));
		long id = jdbc.queryForObject("select max(id) from sv_referral where act_id = ?", Long.class, act);
		// the report was ten days ago: the head's three days have passed
		jdbc.update("update sv_referral set reported_at = reported_at - interval '10 days' where id = ?", id);
		alerts.evaluate(act);
		assertThat(alertsOf(act)).contains("REFERRAL_PERIOD:移送" + id + "/DECISION:NEW");
		assertThat(head.get("/").body()).contains("移送（行刑衔接、纪检监察）");
		post(head, "/referrals/" + id + "/decision", Map.of("version", "0", "decision", "NOT_TRANSFER", "reasons", "经鉴定为正品，不构成犯罪"));
		// decided late: the period alert stays (done late); the 以罚代刑 question is settled in writing
		assertThat(alertsOf(act)).contains("REFERRAL_PERIOD:移送" + id + "/DECISION:NEW", "PENALTY_FOR_CRIME::CONDITION_ENDED");
		assertThat(head.get("/referrals/" + id).body()).contains("逾期", "不批准移送", "经鉴定为正品，不构成犯罪");
	}

	@Test
	void aClueClosedAsATransferIsAlertedUntilTheTransferIsOnRecord() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long id = new zhifa.support.CaseScenarios(jdbc, clock).clue(officer, "移送核对公司", 761);
		var declined = head.postJson("/api/v1/cases/" + id + "/decline", "{\"outcome\":\"JUDICIAL\",\"reason\":\"销售金额经核实超过五万元，涉嫌生产、销售伪劣产品罪\"}");
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
		// the case ends that day, and the ledger's copy says so
		assertThat(jdbc.queryForObject("select closed_on from enforcement_case where id = ?", LocalDate.class, id)).isEqualTo(today);
		var act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null && "TRANSFERRED".equals(a.report().stage()));
		assertThat(act.report().closedOn()).isEqualTo(today);
		// the case page tells the officers where the transfer is registered
		String page = officer.get("/cases/" + id).body();
		assertThat(page).contains("id=\"transfer-needed\"", "24小时内", "尚未登记移送", "/referrals/new?caseNumber=").doesNotContain("已移送司法机关");
		// the day after the transfer was due (the next day, moved past a weekend or holiday), nothing on record: the nightly
		// sweep finds it (a closed act is still swept for a while)
		LocalDate due = calendar.due(zhifa.shared.Deadline.of(today, 1, zhifa.shared.DeadlineUnit.CALENDAR_DAYS, "x")).date();
		clock.shift(java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, due)));
		alerts.sweep();
		assertThat(alertsOf(act.id())).doesNotContain("TRANSFER_MISSING::NEW");
		// (the test clock's shift is from now, not from the last shift)
		clock.shift(java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, due) + 1));
		alerts.sweep();
		assertThat(alertsOf(act.id())).contains("TRANSFER_MISSING::NEW");
		// the team reports, the head approves, the case goes to the police
		String number = act.report().caseNumber();
		postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", number }, new String[] { "officerIds", String.valueOf(officer("张伟")) },
				new String[] { "officerIds", String.valueOf(officer("岩温")) }, new String[] { "suspicion", "涉嫌生产、销售伪劣产品罪" }));
		long referral = jdbc.queryForObject("select max(id) from sv_referral where act_id = ?", Long.class, act.id());
		// a referral under way: its own periods (the head's 3 days, then 24 hours) are the period rule's
		assertThat(alertsOf(act.id())).contains("TRANSFER_MISSING::CONDITION_ENDED");
		// the referral's page says what case it is about, and leads back to it
		assertThat(officer.get("/referrals/" + referral).body()).contains("id=\"referral-act\"", "移送司法机关", "/cases/" + id);
		// the case page shows where it stands, linked, and no longer offers a second report
		assertThat(officer.get("/cases/" + id).body()).contains("移送第" + referral + "号", "待负责人决定是否移送", "/referrals/" + referral)
			.doesNotContain("登记专案组报告");
		post(head, "/referrals/" + referral + "/decision", Map.of("version", "0", "decision", "TRANSFER"));
		postPairs(officer, "/referrals/" + referral + "/transfer", List.of(new String[] { "version", "1" }, new String[] { "policeOrgan", "芒市公安局" },
				new String[] { "materials", "TRANSFER_LETTER" }, new String[] { "materials", "REPORT" }, new String[] { "materials", "GOODS_LIST" }));
		assertThat(referral(referral)).containsEntry("status", "TRANSFERRED");
		assertThat(alertsOf(act.id())).contains("TRANSFER_MISSING::CONDITION_ENDED");
		assertThat(officer.get("/cases/" + id).body()).contains("移送公安机关，待公安机关决定是否立案", "决定移送司法机关");
	}

	/**
	 * A case filed, proposed with a fine, notified and past its statement period; then the team reports a crime, the head
	 * approves and the case goes to the police. The case's and the referral's ids.
	 */
	private long[] sentToThePolice(HttpSession officer, HttpSession head, String party, int serial) throws InterruptedException {
		return sentToThePolice(officer, head, party, serial, true);
	}

	/** The same, the case notified or only proposed. */
	private long[] sentToThePolice(HttpSession officer, HttpSession head, String party, int serial, boolean notified) throws InterruptedException {
		LocalDate today = LocalDate.now(clock);
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, party, serial);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/transcripts", """
				{"kind":"INSPECTION","heldOn":"%s","place":"现场","subject":"%s","content":"检查情况"}""".formatted(today, party)).statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		if (notified) {
			assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
			assertThat(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today))
				.statusCode()).isEqualTo(200);
			assertThat(waive(officer, id, "STATEMENT", today).statusCode()).isEqualTo(200);
		}
		// the ledger's act once it has the case's number (before the filing reached it, it is the clue's label)
		String number = jdbc.queryForObject("select case_number from enforcement_case where id = ?", String.class, id);
		var act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null),
				a -> a != null && number.equals(a.report().caseNumber()) && (!notified || a.report().noticeServedOn() != null));
		// the case page leads the officer to the report, with the case filled in; not the supervisor
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"report-crime\"", "/referrals/new?caseNumber=");
		assertThat(loggedIn("jiandu").get("/cases/" + id).body()).doesNotContain("id=\"report-crime\"");
		String formPath = "/referrals/new?caseNumber=" + java.net.URLEncoder.encode(act.report().caseNumber(), java.nio.charset.StandardCharsets.UTF_8) + "&caseId=" + id;
		assertThat(officer.get("/cases/" + id).body()).contains("&amp;caseId=" + id);
		// opened from the case, the form leads back to it — also after a refusal (a team of one)
		assertThat(officer.get(formPath).body()).contains("value=\"" + act.report().caseNumber() + "\"", "id=\"back-to-case\" href=\"/cases/" + id + "\"");
		var refused = officer.postForm("/referrals", Map.of("caseNumber", act.report().caseNumber(), "officerIds", String.valueOf(officer("张伟")), "suspicion",
				"涉嫌生产、销售伪劣产品罪", "caseId", String.valueOf(id), "_csrf", officer.csrf()));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/referrals/new?kind=CRIMINAL&caseId=" + id);
		assertThat(jdbc.queryForObject("select count(*) from sv_referral where act_id = ?", Long.class, act.id())).isZero();
		String reported = postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", act.report().caseNumber() },
				new String[] { "officerIds", String.valueOf(officer("张伟")) }, new String[] { "officerIds", String.valueOf(officer("岩温")) },
				new String[] { "suspicion", "涉嫌生产、销售伪劣产品罪" }));
		assertThat(jdbc.queryForObject("select count(*) from sv_referral where act_id = ?", Long.class, act.id())).as(reported).isOne();
		long referral = jdbc.queryForObject("select max(id) from sv_referral where act_id = ?", Long.class, act.id());
		post(head, "/referrals/" + referral + "/decision", Map.of("version", "0", "decision", "TRANSFER"));
		postPairs(officer, "/referrals/" + referral + "/transfer", List.of(new String[] { "version", "1" }, new String[] { "policeOrgan", "芒市公安局" },
				new String[] { "materials", "TRANSFER_LETTER" }, new String[] { "materials", "REPORT" }, new String[] { "materials", "GOODS_LIST" }));
		assertThat(referral(referral)).containsEntry("status", "TRANSFERRED");
		// the referral names the party (not only a masked number)
		assertThat(head.get("/referrals/" + referral).body()).contains("当事人 " + party);
		return new long[] { id, referral };
	}

	@Test
	void noFineWhileTheCaseIsWithThePolice() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long[] sent = sentToThePolice(officer, head, "移送期间罚款测试公司", 762);
		long id = sent[0];
		long referral = sent[1];
		String base = "/api/v1/cases/" + id;
		// the case page says so before anyone tries
		assertThat(head.get("/cases/" + id).body()).contains("id=\"case-referrals\"", "移送第" + referral + "号", "司法机关处理中：不能作出罚款决定");
		// a fine now is refused on the fine, nothing decided
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"依据食品安全法\"}";
		var refused = head.postJson(base + "/decision", decision);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused.body()).get("errors").get("fine").asString()).contains("移送公安机关", "移送第" + referral + "号", "第三十五条第二款");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("NOTIFIED");
		// the police do not file it: the body may fine
		post(officer, "/referrals/" + referral + "/police-answer", Map.of("version", "2", "answer", "NOT_FILED", "on", today.toString(), "receivedOn",
				today.toString(), "reasons", "未达立案追诉标准"));
		var decided = head.postJson(base + "/decision", decision);
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("DECIDED");
	}

	/**
	 * A crime reported, the head not yet decided (or the transfer approved, not yet made): no fine in place of the transfer
	 * (国务院令第310号第十一条) — a notice of a fine made before is not served; the officer re-assesses to what may still be
	 * given, makes the notice again (the first was never served) and serves that.
	 */
	@Test
	void noFineWhileAReportedCrimeAwaitsItsTransfer() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "移送待批罚款测试公司", 765);
		String base = "/api/v1/cases/" + id;
		transcript(officer, id);
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
		String number = jdbc.queryForObject("select case_number from enforcement_case where id = ?", String.class, id);
		var act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null && number.equals(a.report().caseNumber()));
		postPairs(officer, "/referrals", List.of(new String[] { "caseNumber", number }, new String[] { "officerIds", String.valueOf(officer("张伟")) },
				new String[] { "officerIds", String.valueOf(officer("岩温")) }, new String[] { "suspicion", "涉嫌销售伪劣产品罪" }));
		long referral = jdbc.queryForObject("select max(id) from sv_referral where act_id = ?", Long.class, act.id());
		assertThat(referral(referral)).containsEntry("status", "REPORTED");
		// the notice of a fine is not served; nothing changes
		var notice = jdbc.queryForMap("select * from penalty_notice where case_id = ?", id);
		var serve = officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today));
		assertThat(serve.statusCode()).as(serve.body()).isEqualTo(422);
		assertThat(json(serve.body()).get("detail").asString()).contains("不能送达拟处罚款的告知书", "移送第" + referral + "号", "负责人尚未决定是否移送", "第十一条");
		assertThat(jdbc.queryForMap("select * from penalty_notice where case_id = ?", id)).isEqualTo(notice);
		// nor decided, once the transfer is approved and not yet made
		post(head, "/referrals/" + referral + "/decision", Map.of("version", "0", "decision", "TRANSFER"));
		var decided = head.postJson(base + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"依据产品质量法\"}");
		assertThat(decided.statusCode()).isEqualTo(400);
		assertThat(json(decided.body()).get("errors").get("fine").asString()).contains("负责人已批准移送、尚未移送公安机关");
		// brought in line: a warning instead, the notice made again and served
		var revised = officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"WARNING\"],\"deviationReason\":\"涉嫌犯罪已移送，不再罚款\","
				+ "\"revisionReason\":\"涉嫌犯罪，负责人已批准移送公安机关，不得以罚款代替移送\"}");
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		var again = officer.postJson(base + "/notice", "{\"facts\":\"经查（重新告知）\"}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.notice_issued' "
				+ "order by seq desc limit 1", String.class, String.valueOf(id))).startsWith("重新制作行政处罚事先告知书（原告知书未送达，不再送达）：警告");
		assertThat(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(today))
			.statusCode()).isEqualTo(200);
		// a served notice is not made again
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"再次\"}").statusCode()).isEqualTo(422);
	}

	/**
	 * A crime reported while the fine is being notified: the notice reads the referrals under a lock, so it waits for the
	 * report being written and then refuses the fine — it does not pass on a read made just before the report committed.
	 */
	@Test
	void aFineBeingNotifiedWaitsForACrimeBeingReportedAndIsThenRefused() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).filed(officer, head, "同时报告移送测试公司", 763);
		String base = "/api/v1/cases/" + id;
		transcript(officer, id);
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		String number = jdbc.queryForObject("select case_number from enforcement_case where id = ?", String.class, id);
		var act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null && number.equals(a.report().caseNumber()));
		var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
		try (var reporter = jdbc.getDataSource().getConnection()) {
			// the team's report, as Referrals.report writes it, not yet committed
			reporter.setAutoCommit(false);
			try (var st = reporter.prepareStatement("select id from sv_act where id = ? for update")) {
				st.setLong(1, act.id());
				st.executeQuery().close();
			}
			try (var st = reporter.prepareStatement("insert into sv_referral (act_id, body_id, kind, status, team, suspicion, reported_at, reported_by, created_at) "
					+ "values (?, ?, 'CRIMINAL', 'REPORTED', '张伟、岩温', '涉嫌销售伪劣产品罪', now(), '张伟', now())")) {
				st.setLong(1, act.id());
				st.setLong(2, act.report().bodyId());
				st.executeUpdate();
			}
			var notice = pool.submit(() -> officer.postJson(base + "/notice", "{\"facts\":\"经查\"}"));
			// the notice waits on the act's lock: it has not slipped past the report
			await(() -> jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%sv_act%for share%'", Long.class),
					n -> n > 0);
			assertThat(notice.isDone()).isFalse();
			reporter.commit();
			var answer = notice.get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
			assertThat(json(answer.body()).get("detail").asString()).contains("不能告知拟处罚款", "负责人尚未决定是否移送");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(*) from penalty_notice where case_id = ?", Long.class, id)).isZero();
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("PROPOSED");
	}

	/**
	 * The police file the case and the court fines the party (罚金): the head records it when closing the referral, and the
	 * body gives no fine any more (行政处罚法第三十五条第二款): a fine is refused on the fine and nothing is decided — nor
	 * is one proposed, nor put to the party in a notice (a case sent before it was notified).
	 */
	@Test
	void noFineIsProposedOrNotifiedAfterTheCourtFinedTheParty() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long[] sent = sentToThePolice(officer, head, "法院罚金告知测试公司", 764, false);
		long id = sent[0];
		long referral = sent[1];
		String base = "/api/v1/cases/" + id;
		post(officer, "/referrals/" + referral + "/police-answer", Map.of("version", "2", "answer", "FILED", "on", today.toString(), "receivedOn", today.toString()));
		post(head, "/referrals/" + referral + "/closing", Map.of("version", "3", "note", "芒市人民法院刑事判决书，判处罚金三万元", "courtFined", "true"));
		assertThat(referral(referral)).containsEntry("court_fined", true);
		// the pre-decision checks say it before anyone decides
		assertThat(head.get("/cases/" + id).body()).contains("不以罚款代替刑事追究、人民法院未判处罚金", "人民法院已对当事人判处罚金：行政机关不再给予罚款");
		String proposalRow = "select types, fine, proposed_at from penalty_proposal where case_id = ?";
		var proposalBefore = jdbc.queryForMap(proposalRow, id);
		// the fine proposed before the judgment is not notified
		var notice = officer.postJson(base + "/notice", "{\"facts\":\"经查\"}");
		assertThat(notice.statusCode()).as(notice.body()).isEqualTo(422);
		assertThat(json(notice.body()).get("detail").asString()).contains("不能告知拟处罚款", "人民法院已对当事人判处罚金", "请先修改处罚建议");
		assertThat(jdbc.queryForObject("select count(*) from penalty_notice where case_id = ?", Long.class, id)).isZero();
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("PROPOSED");
		// nor proposed anew: refused on the fine, the proposal unchanged
		var again = officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":3000000}");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(json(again.body()).get("errors").get("fine").asString()).contains("人民法院已对当事人判处罚金", "移送第" + referral + "号", "第三十五条第二款");
		assertThat(jdbc.queryForMap(proposalRow, id)).isEqualTo(proposalBefore);
		// other penalties are not barred
		var warning = officer.postJson(base + "/proposal",
				"{\"report\":\"调查终结报告\",\"types\":[\"WARNING\"],\"deviationReason\":\"人民法院已判处罚金，依法不再罚款\"}");
		assertThat(warning.statusCode()).as(warning.body()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
	}

	/**
	 * The police file the case and the court fines the party (罚金): the head records it when closing the referral, and the
	 * body gives no fine any more (行政处罚法第三十五条第二款): a fine is refused on the fine and nothing is decided.
	 */
	@Test
	void noFineAfterTheCourtFinedTheParty() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long[] sent = sentToThePolice(officer, head, "法院罚金测试公司", 763);
		long id = sent[0];
		long referral = sent[1];
		String base = "/api/v1/cases/" + id;
		post(officer, "/referrals/" + referral + "/police-answer", Map.of("version", "2", "answer", "FILED", "on", today.toString(), "receivedOn", today.toString()));
		// the judgment: a criminal fine; the head closes the referral on it
		assertThat(post(head, "/referrals/" + referral + "/closing", Map.of("version", "3", "note", "芒市人民法院刑事判决书（〔2026〕云3103刑初12号），判处罚金五万元",
				"courtFined", "true"))).contains("已办结", "id=\"court-fined\"", "是：本机关不再给予罚款");
		assertThat(referral(referral)).containsEntry("status", "CLOSED").containsEntry("court_fined", true);
		assertThat(officer.get("/cases/" + id).body()).contains("人民法院已判处罚金，本机关不再给予罚款");
		// a fine is refused on the fine, nothing decided
		var refused = head.postJson(base + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"依据产品质量法\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused.body()).get("errors").get("fine").asString()).contains("人民法院已对当事人判处罚金", "移送第" + referral + "号", "第三十五条第二款");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("NOTIFIED");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'sv_referral' and subject_id = ? order by seq", String.class,
				String.valueOf(referral))).last().isEqualTo("referral.closed");
	}

	/**
	 * 行政强制法第二十一条: what the case holds under 扣押 goes to the police with the goods, and the party is told in
	 * writing — the hand-over lists it, is refused while it is left out or the telling is not dated (nothing written), and
	 * then ends it as handed over on that day (its thirty days no longer run; the case can close without releasing it).
	 */
	@Test
	void aDetentionOfTheCaseGoesToThePoliceWithTheGoodsAndThePartyIsTold() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long headAccount = jdbc.queryForObject("select id from account_view where username = 'scj.fuze'", Long.class);
		long[] sent = sentToThePolice(officer, head, "随案移送扣押物品测试公司", 763, false);
		long caseId = sent[0];
		long id = sent[1];
		var applied = officer.postJson("/api/v1/cases/" + caseId + "/measures", """
				{"kind":"DETAIN","items":"伪劣电线电缆120卷","reason":"涉嫌销售伪劣产品，防止转移","basis":"产品质量法第十八条","approverId":%d,"appliedOn":"%s","avRecorded":true}"""
			.formatted(headAccount, today));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		long measure = json(applied.body()).get("id").asLong();
		post(officer, "/referrals/" + id + "/police-answer", Map.of("version", "2", "answer", "FILED", "on", today.toString(), "receivedOn", today.toString()));
		assertThat(referral(id)).containsEntry("status", "FILED");
		// the case page sends the officer to the referral instead of offering to deal with it there
		// and its next step, the notice of the fine proposed, says why it cannot be made while the police have the case
		assertThat(officer.get("/cases/" + caseId).body()).contains("id=\"measures-with-the-police\"", "/referrals/" + id + "\"", "拟处罚款：本案已");
		// the page lists it in the hand-over, ticked, and says the head has not confirmed it yet
		assertThat(officer.get("/referrals/" + id).body()).contains("id=\"h-measures\"", "扣押“伪劣电线电缆120卷”（" + today + " 实施，待负责人确认批准）",
				"name=\"measureIds\" value=\"" + measure + "\"");
		var before = referral(id);
		long entries = jdbc.queryForObject("select count(*) from record_entry", Long.class);
		// left out: refused, and it says what and why
		assertThat(post(officer, "/referrals/" + id + "/handover", Map.of("version", "3", "on", today.toString(), "items", "伪劣电线电缆120卷及检验报告")))
			.contains("本案尚有未解除的查封、扣押：扣押“伪劣电线电缆120卷”", "行政强制法第二十一条", "请勾选：查封、扣押的财物应当随案移送");
		// ticked, the telling not dated: refused
		assertThat(postPairs(officer, "/referrals/" + id + "/handover", List.of(new String[] { "version", "3" }, new String[] { "on", today.toString() },
				new String[] { "items", "伪劣电线电缆120卷及检验报告" }, new String[] { "measureIds", String.valueOf(measure) }))).contains("应当书面告知当事人");
		// the head has not confirmed the measure taken on the spot: it is not handed over before he does (第十九条)
		assertThat(postPairs(officer, "/referrals/" + id + "/handover", List.of(new String[] { "version", "3" }, new String[] { "on", today.toString() },
				new String[] { "items", "伪劣电线电缆120卷及检验报告" }, new String[] { "measureIds", String.valueOf(measure) },
				new String[] { "partyToldOn", today.toString() }))).contains("尚待负责人确认批准");
		assertThat(referral(id)).isEqualTo(before);
		assertThat(jdbc.queryForMap("select closed_on, outcome from coercion_measure where id = ?", measure)).containsEntry("closed_on", null);
		assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isEqualTo(entries);
		// nor is the referral closed while the case still holds it
		assertThat(post(head, "/referrals/" + id + "/closing", Map.of("version", "3", "note", "芒市人民检察院不起诉决定书", "courtFined", "false")))
			.contains("本案尚有未解除的查封、扣押", "请先登记移交涉案物品");
		assertThat(referral(id)).isEqualTo(before);
		assertThat(head.postJson("/api/v1/cases/" + caseId + "/measures/" + measure + "/approval", "{\"approved\":true,\"note\":\"同意\"}").statusCode()).isEqualTo(200);
		// the unit's administrator may register a hand-over, not end a case's measure
		assertThat(postPairs(loggedIn("scj.admin"), "/referrals/" + id + "/handover", List.of(new String[] { "version", "3" },
				new String[] { "on", today.toString() }, new String[] { "items", "伪劣电线电缆120卷及检验报告" }, new String[] { "measureIds", String.valueOf(measure) },
				new String[] { "partyToldOn", today.toString() }))).contains("由本案的办案人员或负责人登记");
		// a measure of no case of this referral: refused, nothing written
		entries = jdbc.queryForObject("select count(*) from record_entry", Long.class);
		assertThat(postPairs(officer, "/referrals/" + id + "/handover", List.of(new String[] { "version", "3" }, new String[] { "on", today.toString() },
				new String[] { "items", "伪劣电线电缆120卷及检验报告" }, new String[] { "measureIds", String.valueOf(measure) },
				new String[] { "measureIds", "999999999" }, new String[] { "partyToldOn", today.toString() }))).contains("不是本案的措施");
		assertThat(referral(id)).isEqualTo(before);
		assertThat(jdbc.queryForMap("select closed_on, outcome from coercion_measure where id = ?", measure)).containsEntry("closed_on", null);
		assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isEqualTo(entries);

		// the nightly run had marked its thirty days missed before the hand-over was registered (a day within them): met on that day
		jdbc.update("update case_timer set state = 'MISSED' where case_id = ? and ref = ?", caseId, measure);
		postPairs(officer, "/referrals/" + id + "/handover", List.of(new String[] { "version", "3" }, new String[] { "on", today.toString() },
				new String[] { "items", "伪劣电线电缆120卷及检验报告" }, new String[] { "measureIds", String.valueOf(measure) },
				new String[] { "partyToldOn", today.toString() }));
		assertThat(referral(id)).containsEntry("status", "HANDED_OVER");
		// the referral's page says what went with the goods
		assertThat(officer.get("/referrals/" + id).body()).contains("伪劣电线电缆120卷及检验报告；随案移送扣押“伪劣电线电缆120卷”（" + today + " 实施），已于 " + today
				+ " 书面告知当事人");
		assertThat(officer.get("/cases/" + caseId).body()).doesNotContain("id=\"measures-with-the-police\"").contains("随案移送芒市公安局");
		var ended = jdbc.queryForMap("select closed_on, outcome, release_ground from coercion_measure where id = ?", measure);
		assertThat(ended.get("closed_on")).isEqualTo(java.sql.Date.valueOf(today));
		assertThat((String) ended.get("outcome")).isEqualTo("随案移送芒市公安局（行政强制法第二十一条），已于 " + today + " 书面告知当事人");
		assertThat(ended.get("release_ground")).isNull();
		assertThat(jdbc.queryForMap("select state, closed_on from case_timer where case_id = ? and ref = ?", caseId, measure)).containsEntry("state", "MET")
			.containsEntry("closed_on", java.sql.Date.valueOf(today));
		// nothing holds the case's closure any more
		assertThat(jdbc.queryForObject("select count(*) from coercion_measure where case_id = ? and closed_on is null", Long.class, caseId)).isZero();
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.measure_closed'",
				String.class, String.valueOf(caseId))).contains("随案移送芒市公安局");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'sv_referral' and subject_id = ? and action = 'referral.handed_over'",
				String.class, String.valueOf(id))).contains("随案移送扣押“伪劣电线电缆120卷”", "书面告知当事人");
		// the fine stays barred while the judicial organs have the case; a warning instead is not: the notice step is open again
		assertThat(officer.get("/cases/" + caseId).body()).contains("拟处罚款：本案已");
		var warning = officer.postJson("/api/v1/cases/" + caseId + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"WARNING\"],"
				+ "\"deviationReason\":\"涉嫌犯罪已移送公安机关，不再罚款\"}");
		assertThat(warning.statusCode()).as(warning.body()).isEqualTo(200);
		assertThat(officer.get("/cases/" + caseId).body()).doesNotContain("拟处罚款：").contains("制作并送达行政处罚事先告知书");
	}

	@Test
	void aClueAboutAnOfficialIsSeenByTheHeadOnly() {
		HttpSession head = loggedIn("scj.fuze");
		LocalDate today = LocalDate.now(clock);
		long act = decided("X3", today.minusDays(1));
		// not a head: refused
		assertThat(post(loggedIn("scj.admin"), "/referrals", Map.of("kind", "DISCIPLINE", "caseNumber", "芒市移送测〔2026〕X3号"))).isEqualTo("403");
		String page = post(head, "/referrals", Map.of("kind", "DISCIPLINE", "caseNumber", "芒市移送测〔2026〕X3号", "official", "某某（某局副科长）", "clue",
				"执法检查中发现其为当事人通风报信，附询问笔录两份", "organ", "芒市纪委监委", "on", today.toString()));
		assertThat(page).contains("已登记向纪检监察机关移送的问题线索", "某某（某局副科长）");
		long id = jdbc.queryForObject("select max(id) from sv_referral where act_id = ? and kind = 'DISCIPLINE'", Long.class, act);
		assertThat(loggedIn("scj.admin").get("/referrals/" + id).statusCode()).isEqualTo(404);
		assertThat(loggedIn("jiandu").get("/referrals/" + id).statusCode()).isEqualTo(404);
		assertThat(loggedIn("scj.zhifa").get("/referrals").body()).doesNotContain("某某（某局副科长）", "纪检监察问题线索</td>");
		assertThat(jdbc.queryForList("select summary || payload::text from record_entry where subject_type = 'sv_referral' and subject_id = ?", String.class,
				String.valueOf(id))).noneMatch(s -> s.contains("某某") || s.contains("通风报信"));
		post(head, "/referrals/" + id + "/clue-answer", Map.of("version", "0", "on", today.toString(), "answer", "已受理，正在初核"));
		assertThat(referral(id)).containsEntry("status", "ANSWERED");
	}
}
