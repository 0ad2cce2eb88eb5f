package zhifa.penalty;

import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.calendar.CalendarService;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** The demo's decided 60,000-yuan fine: served, partly paid, overdue with the late fee to the day, paused during review. */
class CaseExecutionIntegrationTest extends IntegrationTestBase {

	@Autowired
	CalendarService calendar;

	@Autowired
	CaseTimers timers;

	@Autowired
	zhifa.penalty.execution.Payments execution;

	@Autowired
	zhifa.supervision.Ledger ledger;

	@Test
	void serviceStartsThePaymentClockAndTheLateFeeIsRightToTheDay() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = jdbc.queryForObject("select id from enforcement_case where party_name = '芒市某某副食店（演示）'", Long.class);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		assertThat(timers.get(id, TimerKind.SERVICE).state()).isEqualTo(CaseTimer.State.RUNNING);

		String service = "{\"method\":\"%s\",\"servedOn\":\"%s\",\"recipient\":\"店主\",\"proof\":\"送达回证001\"%s}";
		assertThat(json(officer.postJson(base + "/service", service.formatted("ELECTRONIC", today, "")).body()).get("errors").get("consentRef").asString())
			.contains("确认书");
		assertThat(json(officer.postJson(base + "/service", service.formatted("LEAVE", today, "")).body()).get("errors").get("witnesses").asString())
			.contains("见证人");
		// a 邮件单号 and a 见证人 typed before 直接送达 was chosen are not the service's
		assertThat(officer.postJson(base + "/service", service.formatted("DIRECT", today, ",\"trackingNo\":\"EMS123\",\"witnesses\":\"某某\"")).statusCode())
			.isEqualTo(200);
		assertThat(jdbc.queryForMap("select tracking_no, witnesses, consent_ref from penalty_service where case_id = ?", id)).containsOnlyKeys("tracking_no", "witnesses",
				"consent_ref").allSatisfy((k, v) -> assertThat(v).isNull());
		assertThat(timers.get(id, TimerKind.SERVICE).state()).isEqualTo(CaseTimer.State.MET);
		// the signed 送达回证 is filed as a scan, stored by content
		assertThat(officer.postMultipart(base + "/evidence", java.util.Map.of("type", "DOCUMENTARY", "title", "送达回证扫描件"), "file", "receipt.pdf",
				"application/pdf", "%PDF-1.4 receipt".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

		var account = json(officer.get(base + "/execution").body()).get("account");
		LocalDate due = calendar.due(zhifa.shared.Deadline.of(today, 15, zhifa.shared.DeadlineUnit.CALENDAR_DAYS, "x")).date();
		assertThat(account.get("due").asString()).isEqualTo(due.toString());
		assertThat(account.get("fine").asLong()).isEqualTo(6_000_000L);
		assertThat(account.get("status").asString()).isEqualTo("待缴纳");

		// 20,000 paid today; from the day after the due day 3% of the 40,000 still unpaid per day
		assertThat(json(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":2000000,\"receiptNo\":\"非税 5331001\"}".formatted(today)).body())
			.get("status").asString()).isEqualTo("部分缴纳");
		assertThat(json(officer.get("/api/v1/cases?filter=UNPAID").body()).toString()).contains("芒市某某副食店（演示）");
		assertThat(officer.get("/cases/" + id).body()).contains("部分缴纳", "加处罚款");
		// the same payment sent again is not a second payment
		long payments = jdbc.queryForObject("select count(*) from penalty_payment where case_id = ?", Long.class, id);
		var twice = officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":2000000,\"receiptNo\":\"非税 5331001\"}".formatted(today));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(json(twice.body()).get("detail").asString()).contains("已经登记，不重复登记");
		assertThat(jdbc.queryForObject("select count(*) from penalty_payment where case_id = ?", Long.class, id)).isEqualTo(payments);
		assertThat(json(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":9000000,\"receiptNo\":\"x\"}".formatted(today)).body())
			.get("errors").get("amount").asString()).contains("超过应缴金额");
		var late = json(officer.get(base + "/execution?asOf=" + due.plusDays(4)).body()).get("account");
		assertThat(late.get("lateFee").get("fee").asLong()).isEqualTo(4 * 120_000L);
		assertThat(late.get("status").asString()).isEqualTo("逾期未缴");

		// review from the 2nd overdue day: no fee while pending
		clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(today, due.plusDays(10))));
		officer.postJson(base + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(due.plusDays(2)));
		var paused = json(officer.get(base + "/execution").body()).get("account").get("lateFee");
		assertThat(officer.get(base + "/file-index").body()).contains("行政复议（" + due.plusDays(2) + " 提起，尚未审结）");
		assertThat(paused.get("daysCounted").asInt()).isEqualTo(1);
		// the review may change the decision: no closure before its result is recorded (the archive is read-only)
		var pending = loggedIn("scj.fuze").postJson(base + "/closure", "{\"report\":\"结案\"}");
		assertThat(pending.statusCode()).isEqualTo(422);
		assertThat(json(pending.body()).get("detail").asString()).contains("行政复议（" + due.plusDays(2) + " 起）尚未审结");
		assertThat(officer.get("/cases/" + id).body()).contains("行政复议（" + due.plusDays(2) + " 起）尚未审结");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("DECIDED");
		long remedy = json(officer.get(base + "/execution").body()).get("remedies").get(0).get("id").asLong();
		officer.postJson(base + "/remedies/" + remedy + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"UPHELD\"}".formatted(due.plusDays(8)));
		assertThat(officer.get("/cases/" + id).body()).contains("至 " + due.plusDays(8) + "：维持").doesNotContain("：UPHELD");
		var resumed = json(officer.get(base + "/execution").body()).get("account").get("lateFee");
		// days counted: due+1, due+9, due+10
		assertThat(resumed.get("daysCounted").asInt()).isEqualTo(3);
		assertThat(resumed.get("fee").asLong()).isEqualTo(3 * 120_000L);
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsSubsequence("case.decided", "case.decision_served", "case.payment", "case.remedy_started", "case.remedy_ended");
		// the party then sued (行政诉讼法第四十五条): the window stays after the periods counted from service (a 复议 decided and
		// not taken to court opens it fifteen days after the 复议决定: EnforcementIntegrationTest)
		officer.postJson(base + "/remedies", "{\"kind\":\"LITIGATION\",\"startedOn\":\"%s\"}".formatted(due.plusDays(10)));
		long suit = json(officer.get(base + "/execution").body()).get("remedies").get(1).get("id").asLong();
		assertThat(officer.postJson(base + "/remedies/" + suit + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"UPHELD\"}".formatted(due.plusDays(10)))
			.statusCode()).isEqualTo(200);

		// not paid: no closure; 催告, then the court after ten days and after the litigation period, within three months
		HttpSession head = loggedIn("scj.fuze");
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"结案\"}").body()).get("detail").asString()).contains("尚欠");
		LocalDate now = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/urge", "{\"servedOn\":\"%s\",\"proof\":\"催告书回证\"}".formatted(now)).statusCode()).isEqualTo(200);
		assertThat(json(head.postJson(base + "/court-application", "{\"appliedOn\":\"%s\",\"court\":\"芒市人民法院\"}".formatted(now)).body())
			.get("errors").get("appliedOn").asString()).contains("十日后");
		// six months for 行政诉讼 (行政诉讼法第四十六条) from service, through the deadline computation: a last day off moves to the next working day
		LocalDate windowOpens = calendar.due(zhifa.shared.Deadline.of(today, 6, zhifa.shared.DeadlineUnit.MONTHS, "x")).date();
		clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(today, windowOpens) - 1));
		assertThat(json(head.postJson(base + "/court-application", "{\"appliedOn\":\"%s\",\"court\":\"芒市人民法院\"}".formatted(LocalDate.now(clock)))
			.body()).get("errors").get("appliedOn").asString()).contains("复议、诉讼期限届满（" + windowOpens + "）前");
		clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(today, windowOpens) + 5));
		assertThat(head.postJson(base + "/court-application", "{\"appliedOn\":\"%s\",\"court\":\"芒市人民法院\"}".formatted(LocalDate.now(clock)))
			.statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/court-result", "{\"on\":\"%s\",\"result\":\"裁定准予强制执行，已划拨\"}".formatted(LocalDate.now(clock)))
			.statusCode()).isEqualTo(200);
		// the file must hold its documents before 结案: refused, naming each one missing, and nothing changes
		// (the case's own chain: the ledger and its alerts write other chains after each commit)
		String ownEntries = "select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = '" + id + "'";
		long before = jdbc.queryForObject(ownEntries, Long.class);
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"经法院强制执行完毕\"}").body()).get("detail").asString())
			.contains("案卷缺少", "立案审批表", "行政处罚决定书", "送达回证");
		assertThat(jdbc.queryForObject(ownEntries, Long.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("DECIDED");
		fileDocuments(officer, id);
		assertThat(json(head.postJson(base + "/closure", "{\"report\":\"经法院强制执行完毕\"}").body()).get("stage").asString()).isEqualTo("CLOSED");
		// the supervision ledger's copy is closed that day too (案卷评查 draws closed files by that day)
		assertThat(await(() -> jdbc.queryForList("select closed_on from sv_act where source = 'PLATFORM' and external_id = ?", LocalDate.class, String.valueOf(id)),
				l -> !l.isEmpty() && l.get(0) != null)).containsExactly(LocalDate.now(clock));
		// the 结案报告 went into the file at once
		assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ? and type = 'CLOSURE_REPORT'", Long.class, id)).isEqualTo(1);
		// the 催告书 and the 结案报告 render from the case (before the archive: an archived file is read-only)
		for (String type : java.util.List.of("URGE", "CLOSURE_REPORT")) {
			var d = officer.postJson(base + "/documents/" + type, "{}");
			assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
			try (var doc = org.apache.pdfbox.Loader.loadPDF(officer.getBytes(base + "/documents/" + json(d.body()).get("id").asLong() + "/pdf"))) {
				// a picture of each page to look at
				java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
				for (int p = 0; p < doc.getNumberOfPages(); p++) {
					javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(p, 100), "png",
							new java.io.File("target/screenshots/" + type.toLowerCase() + "-page" + (p + 1) + ".png"));
				}
				String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", "");
				assertThat(text).contains(type.equals("URGE") ? "十日内履行" : "经法院强制执行完毕");
				if (type.equals("URGE")) {
					// how to pay and how much (行政强制法第三十五条), the party's right to be heard, either route after the period
					assertThat(text).contains("应缴金额共计", "请缴至", "有权进行陈述和申辩", "依法强制执行或者申请人民法院强制执行");
				}
				if (type.equals("CLOSURE_REPORT")) {
					// the head who approved 结案 and its day; the penalty itself, not only its number
					assertThat(text.replace("\u3000", "")).contains("同意结案。签名：刘强" + zhifa.casework.DocumentRenderer.chineseDate(LocalDate.now(clock)), "：罚款");
				}
			}
		}
		assertThat(json(head.postJson(base + "/archive", "{}").body()).get("stage").asString()).isEqualTo("ARCHIVED");
		// archived: read-only — no payment, no document, no upload; each refused with 409 and the reason, and nothing changes
		long archived = recordCount();
		long documents = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id);
		var payment = officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":100,\"receiptNo\":\"x\"}".formatted(LocalDate.now(clock)));
		assertThat(payment.statusCode()).isEqualTo(409);
		assertThat(json(payment.body()).get("detail").asString()).contains("归档", "只读");
		assertThat(officer.postJson(base + "/documents/CLOSURE_REPORT", "{}").statusCode()).isEqualTo(409);
		assertThat(officer.postMultipart(base + "/evidence", java.util.Map.of("type", "DOCUMENTARY", "title", "归档后补的材料"), "file", "late.pdf",
				"application/pdf", SIGNED_SCAN).statusCode()).isEqualTo(409);
		assertThat(head.postJson(base + "/archive", "{}").statusCode()).isEqualTo(409);
		assertThat(recordCount()).isEqualTo(archived);
		assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, id)).isEqualTo(documents);
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ? and title = '归档后补的材料'", Long.class, id)).isZero();
		assertThat(officer.get(base + "/file-index").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/documents/CLOSURE_REPORT", "{}").statusCode()).isEqualTo(409);
		assertThat(officer.get(base + "/file-index").body()).contains("催告书（", "结案报告（", "页");

		// 十五日 counted over National Day: served 16 Sept 2025, the 15th day (1 Oct) is a holiday → 9 Oct
		assertThat(execution.paymentDue(LocalDate.of(2025, 9, 16))).isEqualTo(LocalDate.of(2025, 10, 9));
	}

	/**
	 * 公告送达 is served when thirty days have passed since the notice was issued (民事诉讼法第九十五条 through 行政处罚法第六十一条):
	 * a shorter period, or a notice dated before the decision, is refused and changes nothing; left out, the period is thirty
	 * days, and the payment clock runs from the day it ends.
	 */
	@Test
	void anAnnouncedDecisionIsServedThirtyDaysAfterTheNotice() {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).decided(officer, loggedIn("scj.fuze"), "公告送达测试有限公司", 1701);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		String service = "{\"method\":\"ANNOUNCE\",\"recipient\":\"公告送达测试有限公司\",\"proof\":\"公告截图\",\"announceFrom\":\"%s\"%s}";
		var shorter = officer.postJson(base + "/service", service.formatted(today, ",\"announceDays\":5"));
		assertThat(shorter.statusCode()).isEqualTo(400);
		assertThat(json(shorter.body()).get("errors").get("announceDays").asString()).contains("不得少于三十日");
		var early = officer.postJson(base + "/service", service.formatted(today.minusDays(10), ""));
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(json(early.body()).get("errors").get("announceFrom").asString()).contains("作出决定之后");
		assertThat(jdbc.queryForObject("select count(*) from penalty_service where case_id = ?", Long.class, id)).isZero();
		assertThat(timers.get(id, TimerKind.SERVICE).state()).isEqualTo(CaseTimer.State.RUNNING);

		var served = officer.postJson(base + "/service", service.formatted(today, ""));
		assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
		LocalDate deemed = calendar.due(zhifa.shared.Deadline.of(today, 30, zhifa.shared.DeadlineUnit.CALENDAR_DAYS, "x")).date();
		assertThat(json(served.body()).get("servedOn").asString()).isEqualTo(deemed.toString());
		assertThat(jdbc.queryForObject("select announce_days from penalty_service where case_id = ?", Integer.class, id)).isEqualTo(30);
		LocalDate due = calendar.due(zhifa.shared.Deadline.of(deemed, 15, zhifa.shared.DeadlineUnit.CALENDAR_DAYS, "x")).date();
		assertThat(json(officer.get(base + "/execution").body()).get("account").get("due").asString()).isEqualTo(due.toString());
	}

	@Test
	void anOnTheSpotFineClosesOnlyOnceHandedInAndReported() {
		HttpSession head = loggedIn("zhzf.zhifa");
		long id = jdbc.queryForObject("select id from enforcement_case where party_name = '段某（演示）'", Long.class);
		var leader = loggedIn("admin");
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("DECIDED");
		String page = head.get("/cases/" + id).body();
		assertThat(page).contains("当场收缴的罚款尚未交回", "尚未报本机关备案");
		// listed once, in the closure card; the next steps point to it
		assertThat(org.springframework.util.StringUtils.countOccurrencesOf(page, "<li>当场收缴的罚款尚未交回</li>")).isEqualTo(1);
		assertThat(page).containsPattern("尚有 \\d+ 项未办结，见下方“执行、结案与归档”").containsPattern("结案前尚须办结（\\d+ 项）：");
		head.postJson("/api/v1/onspot/penalties/" + id + "/hand-in", "{}");
		assertThat(head.get("/cases/" + id).body()).doesNotContain("当场收缴的罚款尚未交回").contains("当场处罚决定尚未报本机关备案");
		assertThat(leader.get("/api/v1/cases/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void instalmentsNeedApprovalAddUpToTheFineAndMoveTheDueDays() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long market = bodyId("芒市市场监督管理局");
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒市监当罚'", Long.class, market);
		String id17 = "53310319880808707";
		var made = officer.postJson("/api/v1/onspot/penalties", """
				{"clue":{"bodyId":%d,"matterId":%d,"partyKind":"NATURAL_PERSON","partyName":"分期当事人","partyIdNumber":"%s","partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s"},
				 "officerIds":[%d,%d],"types":["FINE"],"fine":8000,"rangeId":%d,"formNumber":170,"collectOnSpot":false,"decisionText":"测试"}"""
			.formatted(market, jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-002'", Long.class),
					id17 + zhifa.shared.IdNumber.checkCharacter(id17), LocalDate.now(clock),
					jdbc.queryForObject("select id from officer where name = '张伟'", Long.class), jdbc.queryForObject("select id from officer where name = '岩温'", Long.class),
					range));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		long id = json(made.body()).get("id").asLong();
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/instalments", "{}").statusCode()).isEqualTo(403);
		HttpSession leader = loggedIn("scj.fuze");
		// on the page: the head's form; a part without its amount, or parts not adding up, refused with nothing written
		assertThat(leader.get("/cases/" + id).body()).contains("id=\"instalment-form\"", "批准分期");
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("id=\"instalment-form\"");
		leader.postFormPairs("/cases/" + id + "/instalments", "due", today.plusDays(20).toString(), "amountYuan", "40", "due", today.plusDays(50).toString(),
				"amountYuan", "", "reason", "经济困难");
		assertThat(leader.get("/cases/" + id).body()).contains("第2期请同时填写缴纳期限和金额");
		leader.postFormPairs("/cases/" + id + "/instalments", "due", today.plusDays(20).toString(), "amountYuan", "40", "due", today.plusDays(50).toString(),
				"amountYuan", "30", "reason", "经济困难");
		assertThat(leader.get("/cases/" + id).body()).contains("应等于罚款");
		assertThat(execution.instalments(id)).isEmpty();
		String parts = "{\"parts\":[{\"due\":\"%s\",\"amount\":4000},{\"due\":\"%s\",\"amount\":%d}],\"reason\":\"经济困难\"}";
		assertThat(json(leader.postJson(base + "/instalments", parts.formatted(today.plusDays(20), today.plusDays(50), 3000)).body()).get("errors")
			.get("parts").asString()).contains("应等于罚款");
		leader.postFormPairs("/cases/" + id + "/instalments", "due", today.plusDays(20).toString(), "amountYuan", "40", "due", today.plusDays(50).toString(),
				"amountYuan", "40.00", "due", "", "amountYuan", "", "reason", "经济困难");
		String approved = leader.get("/cases/" + id).body();
		assertThat(approved).contains("已批准分期缴纳（2 期），第1期 " + today.plusDays(20) + " 前缴纳 40.00元", "分期缴纳（经批准）",
				"第1期 " + today.plusDays(20) + " 前 40.00元", "第2期 " + today.plusDays(50) + " 前 40.00元").doesNotContain("经批准暂缓");
		assertThat(execution.instalments(id)).extracting(zhifa.penalty.LateFee.Instalment::amount).containsExactly(4000L, 4000L);
		var account = json(officer.get(base + "/execution?asOf=" + today.plusDays(22)).body()).get("account");
		assertThat(account.get("status").asString()).isEqualTo("逾期未缴");
		assertThat(account.get("lateFee").get("fee").asLong()).isEqualTo(2 * 120L);
		assertThat(json(officer.get(base + "/execution?asOf=" + today.plusDays(19)).body()).get("account").get("lateFee").get("fee").asLong()).isZero();
		// the ledger tells supervision the first instalment's day (not the last one's) and that the payment was split with
		// approval: the unpaid-fine alert runs from the first instalment missed
		var dues = await(() -> ledger.find(zhifa.supervision.ActReport.PLATFORM, String.valueOf(id)).map(a -> a.report().details().dues()).orElse(null),
				d -> d != null && d.paymentApproved());
		assertThat(dues.payment()).isEqualTo(today.plusDays(20));
		// the first instalment paid: the second's day
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":4000,\"receiptNo\":\"分期一\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		assertThat(await(() -> ledger.find(zhifa.supervision.ActReport.PLATFORM, String.valueOf(id)).map(a -> a.report().details().dues().payment()).orElse(null),
				d -> today.plusDays(50).equals(d))).isEqualTo(today.plusDays(50));
		// the file index holds the approval of the instalments with the receipt
		assertThat(officer.get(base + "/file-index").body()).contains("分期缴纳罚款审批（2 期，末期 " + today.plusDays(50) + "）", "缴款票据：分期一");
		assertThat(officer.get("/cases/" + id).body()).contains("第1期 " + today.plusDays(20) + " 前 40.00元（已缴）", "第2期 " + today.plusDays(50) + " 前 40.00元<");
	}
	/**
	 * 分期 approved after the party paid part of the fine: what was paid stands as the first part and the rest is split
	 * (行政处罚法第六十六条); the parts had to add up to the whole fine again.
	 */
	@Test
	void instalmentsAfterAPartPaymentSplitWhatIsLeft() {
		HttpSession officer = loggedIn("scj.zhifa");
		long market = bodyId("芒市市场监督管理局");
		long range = jdbc.queryForObject("select id from onspot_form_range where body_id = ? and prefix = '芒市监当罚'", Long.class, market);
		String id17 = "53310319880808718";
		var made = officer.postJson("/api/v1/onspot/penalties", """
				{"clue":{"bodyId":%d,"matterId":%d,"partyKind":"NATURAL_PERSON","partyName":"部分缴款当事人","partyIdNumber":"%s","partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s"},
				 "officerIds":[%d,%d],"types":["FINE"],"fine":8000,"rangeId":%d,"formNumber":171,"collectOnSpot":false,"decisionText":"测试"}"""
			.formatted(market, jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-002'", Long.class),
					id17 + zhifa.shared.IdNumber.checkCharacter(id17), LocalDate.now(clock),
					jdbc.queryForObject("select id from officer where name = '张伟'", Long.class), jdbc.queryForObject("select id from officer where name = '岩温'", Long.class),
					range));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		long id = json(made.body()).get("id").asLong();
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":3000,\"receiptNo\":\"先缴一部分\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		HttpSession leader = loggedIn("scj.fuze");
		assertThat(leader.get("/cases/" + id).body()).contains("各期金额合计应等于尚未缴纳的罚款 50.00元（已缴的 30.00元 计为第1期，这里从第2期填起）", "第2期期限");
		String parts = "{\"parts\":[{\"due\":\"%s\",\"amount\":%d},{\"due\":\"%s\",\"amount\":%d}],\"reason\":\"经济困难\"}";
		var whole = leader.postJson(base + "/instalments", parts.formatted(today.plusDays(20), 4000, today.plusDays(50), 4000));
		assertThat(whole.statusCode()).isEqualTo(400);
		assertThat(json(whole.body()).get("errors").get("parts").asString()).contains("应等于尚未缴纳的罚款 50.00元（罚款 80.00元，已缴 30.00元）");
		assertThat(execution.instalments(id)).isEmpty();
		leader.postFormPairs("/cases/" + id + "/instalments", "due", today.plusDays(20).toString(), "amountYuan", "25", "due", today.plusDays(50).toString(),
				"amountYuan", "25", "reason", "经济困难");
		assertThat(leader.get("/cases/" + id).body()).contains("已缴的 30.00元 计为第1期，其余分 2 期，第2期 " + today.plusDays(20) + " 前缴纳 25.00元",
				"第1期 " + today + " 前 30.00元（已缴）", "第2期 " + today.plusDays(20) + " 前 25.00元<");
		assertThat(execution.instalments(id)).extracting(zhifa.penalty.LateFee.Instalment::amount).containsExactly(3000L, 2500L, 2500L);
		var account = json(officer.get(base + "/execution?asOf=" + today.plusDays(22)).body()).get("account");
		assertThat(account.get("status").asString()).isEqualTo("逾期未缴");
		assertThat(account.get("lateFee").get("fee").asLong()).isEqualTo(2 * 75L);
		assertThat(json(officer.get(base + "/execution?asOf=" + today.plusDays(19)).body()).get("account").get("lateFee").get("fee").asLong()).isZero();
	}

	/**
	 * With 没收违法所得 owed too, split payments meet the gains first (they fall due first): the part paid before the split
	 * counts for the fine only beyond the gains, so the first instalment is not shown unpaid the day it is approved.
	 */
	@Test
	void instalmentsAfterAPartPaymentWithGainsCountTheGainsFirst() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession leader = loggedIn("scj.fuze");
		long id = new zhifa.support.CaseScenarios(jdbc, clock).decidedAndServed(officer, leader, "分期违法所得测试公司", 319);
		// the decision as if it had also confiscated 5,000 yuan of gains (the scenario decides a fine only)
		jdbc.update("update penalty_case set decision_types = 'CONFISCATE_GAINS,FINE', decision_gains = 500000 where case_id = ?", id);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/payments", "{\"paidOn\":\"%s\",\"amount\":1500000,\"receiptNo\":\"先缴\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		// 15,000 paid: 5,000 of it for the gains, 10,000 for the fine of 60,000; the rest, 50,000, is split
		String parts = "{\"parts\":[{\"due\":\"%s\",\"amount\":2500000},{\"due\":\"%s\",\"amount\":2500000}],\"reason\":\"经济困难\"}";
		var approved = leader.postJson(base + "/instalments", parts.formatted(today.plusDays(30), today.plusDays(60)));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(execution.instalments(id)).extracting(zhifa.penalty.LateFee.Instalment::amount).containsExactly(1_000_000L, 2_500_000L, 2_500_000L);
		var account = json(officer.get(base + "/execution?asOf=" + today.plusDays(1)).body()).get("account");
		assertThat(account.get("status").asString()).isEqualTo("分期缴纳中");
		assertThat(account.get("lateFee").get("fee").asLong()).isZero();
	}
}
