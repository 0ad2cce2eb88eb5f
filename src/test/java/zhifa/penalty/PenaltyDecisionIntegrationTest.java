package zhifa.penalty;

import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.calendar.CalendarService;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.IdNumber;
import zhifa.shared.Sm3;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * A case from clue to decision through the HTTP API: evidence, proposal with the benchmark assessment, notice with the
 * hearing right, statement and 复核, hearing (the decision period stops and restarts), legal review, decision — and every
 * gate on the way refusing with the database and the record unchanged.
 */
class PenaltyDecisionIntegrationTest extends IntegrationTestBase {

	@Autowired
	CalendarService calendar;

	@Autowired
	CaseTimers timers;

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	private long fileCase(HttpSession officer, HttpSession head, String idNumber17, String party) {
		String id = idNumber17 + IdNumber.checkCharacter(idNumber17);
		LocalDate today = LocalDate.now(clock);
		var r = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"INSPECTION","partyKind":"NATURAL_PERSON","partyName":"%s","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"检查发现超范围使用添加剂"}""".formatted(bodyId("芒市市场监督管理局"),
				jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class), party, id, today.minusDays(5)));
		long caseId = json(r.body()).get("id").asLong();
		assertThat(head.postJson("/api/v1/cases/" + caseId + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温"))).statusCode())
			.isEqualTo(200);
		return caseId;
	}

	private Map<String, Object> state(long caseId) {
		return Map.of("case", jdbc.queryForMap("select c.stage, c.version, p.decision_number, p.decided_on, p.decision_fine from enforcement_case c join penalty_case p on p.case_id = c.id where c.id = ?", caseId), "record",
				jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ?", Long.class,
						String.valueOf(caseId)),
				"numbers", jdbc.queryForList("select kind || last_value from case_number_sequence order by kind", String.class));
	}

	/** Makes a call that a gate must refuse: 422, and the case, its timers, the record and the number sequences are unchanged. */
	private String refused(long caseId, java.util.function.Supplier<java.net.http.HttpResponse<String>> call) {
		var before = state(caseId);
		var timersBefore = jdbc.queryForList("select kind, state, due_date from case_timer where case_id = ? order by id", caseId);
		var r = call.get();
		assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
		assertThat(state(caseId)).isEqualTo(before);
		assertThat(jdbc.queryForList("select kind, state, due_date from case_timer where case_id = ? order by id", caseId)).isEqualTo(timersBefore);
		return detail(r);
	}

	/** The notice of the proposed penalty made and served on {@code served}. */
	private static void notified(HttpSession officer, String base, LocalDate served) {
		assertThat(officer.postJson(base + "/notice", "{\"facts\":\"经查\"}").statusCode()).isEqualTo(200);
		assertThat(officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(served))
			.statusCode()).isEqualTo(200);
	}

	private String detail(java.net.http.HttpResponse<String> r) {
		return json(r.body()).get("detail").asString();
	}

	@Test
	void fromClueToDecisionEveryGateRefusesUntilTheLawIsSatisfied() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession reviewer = loggedIn("scj.fazhi");
		long id = fileCase(officer, head, "53310319800101101", "测试当事人甲");
		String base = "/api/v1/cases/" + id;
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":%d,\"text\":\"当事人超范围使用食品添加剂，依据食品安全法第一百二十四条\"}";

		// nothing prepared: refused with every reason, nothing changes
		var before = state(id);
		var early = head.postJson(base + "/decision", decision.formatted(6_500_000));
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(detail(early)).contains("事先告知书尚未送达");
		assertThat(state(id)).isEqualTo(before);
		// no proposal before the investigation has anything on file (the lifecycle's guard, applied by the service too)
		assertThat(refused(id, () -> officer.postJson(base + "/proposal", "{\"report\":\"调查终结报告\",\"types\":[\"FINE\"],\"fine\":6500000}")))
			.contains("尚未收集证据或制作笔录");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();

		// evidence stored by content, a transcript
		byte[] photo = "现场照片（测试内容）".getBytes(StandardCharsets.UTF_8);
		var ev = officer.postMultipart(base + "/evidence", Map.of("type", "AUDIOVISUAL", "title", "现场照片", "collectedOn", LocalDate.now(clock).toString()),
				"file", "photo.txt", "text/plain", photo);
		assertThat(ev.statusCode()).as(ev.body()).isEqualTo(200);
		assertThat(json(ev.body()).get("sm3").asString()).isEqualTo(Sm3.hex(photo));
		assertThat(officer.get(base + "/evidence/" + json(ev.body()).get("id").asLong() + "/file").body()).isEqualTo("现场照片（测试内容）");
		var exe = officer.postMultipart(base + "/evidence", Map.of("type", "DOCUMENTARY", "title", "程序"), "file", "a.exe", "application/x-msdownload",
				new byte[] { 1, 2 });
		assertThat(json(exe.body()).get("errors").get("file").asString()).contains("只接受");
		// a file chosen but empty is refused (it had saved the evidence without its file); JSON where a file is uploaded: Chinese 415
		long evidenceBefore = jdbc.queryForObject("select count(*) from case_evidence where case_id = ?", Long.class, id);
		var empty = officer.postMultipart(base + "/evidence", Map.of("type", "DOCUMENTARY", "title", "空文件"), "file", "a.txt", "text/plain", new byte[0]);
		assertThat(json(empty.body()).get("errors").get("file").asString()).contains("所选文件是空的");
		var asJson = officer.postJson(base + "/evidence", "{\"type\":\"DOCUMENTARY\",\"title\":\"JSON\"}");
		assertThat(asJson.statusCode()).isEqualTo(415);
		assertThat(json(asJson.body()).get("detail").asString()).contains("multipart/form-data");
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ?", Long.class, id)).isEqualTo(evidenceBefore);
		// a long Chinese name is a name, not a file over the size limit; a direction mark in it is dropped
		var longName = officer.postMultipart(base + "/evidence", Map.of("type", "DOCUMENTARY", "title", "长文件名"), "file", "照".repeat(300) + "\u202egnp.txt",
				"text/plain", "内容".getBytes(StandardCharsets.UTF_8));
		assertThat(longName.statusCode()).as(longName.body()).isEqualTo(200);
		assertThat(json(longName.body()).get("fileName").asString()).hasSize(200).endsWith("照gnp.txt");
		// a transcript dated before the act it is about is refused, nothing written
		long transcriptsBefore = jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id);
		String actDate = jdbc.queryForObject("select act_date::text from enforcement_case where id = ?", String.class, id);
		var beforeTheAct = officer.postJson(base + "/transcripts", """
				{"kind":"INQUIRY","heldOn":"%s","place":"芒市市场监管局询问室","subject":"测试当事人甲","content":"问：……答：……"}"""
			.formatted(LocalDate.parse(actDate).minusDays(1)));
		assertThat(beforeTheAct.statusCode()).isEqualTo(400);
		assertThat(json(beforeTheAct.body()).get("errors").get("heldOn").asString()).isEqualTo("笔录的日期不能早于 " + actDate + "（违法行为发生或检查开始的日期）");
		assertThat(jdbc.queryForObject("select count(*) from case_transcript where case_id = ?", Long.class, id)).isEqualTo(transcriptsBefore);
		assertThat(officer.postJson(base + "/transcripts", """
				{"kind":"INQUIRY","heldOn":"%s","place":"芒市市场监管局询问室","subject":"测试当事人甲","content":"问：……答：……"}"""
			.formatted(LocalDate.now(clock))).statusCode()).isEqualTo(200);

		// proposal: outside the county benchmark without a reason is refused; inside is stored with its assessment
		var outside = officer.postJson(base + "/proposal", """
				{"report":"调查终结报告","types":["FINE"],"fine":8000000,"circumstances":[]}""");
		assertThat(json(outside.body()).get("errors").get("deviationReason").asString()).contains("罚款80,000.00元高于“一般处罚”阶次的幅度");
		// below every ordinary tier (the law's floor the benchmark divides) is 减轻: a reason alone does not do, a 第三十二条 ground must be there
		var mitigated = officer.postJson(base + "/proposal", """
				{"report":"调查终结报告","types":["FINE"],"fine":3000000,"circumstances":[],"deviationReason":"当事人经营困难"}""");
		assertThat(mitigated.statusCode()).isEqualTo(400);
		assertThat(json(mitigated.body()).get("errors").get("circumstances").asString()).contains("属减轻处罚", "第三十二条");
		assertThat(jdbc.queryForObject("select count(*) from penalty_proposal where case_id = ?", Long.class, id)).isZero();
		var proposal = officer.postJson(base + "/proposal", """
				{"report":"调查终结报告：事实清楚，证据确凿","types":["FINE"],"fine":6500000,"circumstances":[]}""");
		assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
		assertThat(json(proposal.body()).get("tier").asString()).isEqualTo("GENERAL");
		assertThat(json(proposal.body()).get("assessment").asString()).contains("芒市");

		// notice: a natural person fined 65,000 yuan (≥ 10,000) has the right to a hearing
		var notice = officer.postJson(base + "/notice", "{\"facts\":\"经查，当事人……\"}");
		assertThat(json(notice.body()).get("hearingRight").asBoolean()).isTrue();
		LocalDate served = LocalDate.now(clock);
		var service = officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"送达回证001\"}".formatted(served));
		LocalDate windowDue = calendar.due(Deadline.of(served, 5, DeadlineUnit.WORKING_DAYS, "x")).date();
		assertThat(json(service.body()).get("hearingDue").asString()).isEqualTo(windowDue.toString());
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_500_000)))).contains("当事人的权利期限尚未届满且未书面放弃");

		// the party argues and asks for a hearing: the decision period stops
		long statement = json(officer.postJson(base + "/statements", "{\"receivedOn\":\"%s\",\"content\":\"添加剂系供货商提供\"}".formatted(served)).body())
			.get("id").asLong();
		assertThat(officer.postJson(base + "/hearing", "{\"requestedOn\":\"%s\"}".formatted(served)).statusCode()).isEqualTo(200);
		assertThat(timers.get(id, TimerKind.DECISION).state()).isEqualTo(CaseTimer.State.PAUSED);
		LocalDate pausedDue = timers.get(id, TimerKind.DECISION).due();

		// the hearing: seven working days' notice, a presiding officer who did not investigate, at most two agents
		LocalDate earliest = calendar.due(Deadline.of(served, 7, DeadlineUnit.WORKING_DAYS, "x")).date();
		String schedule = "{\"noticeOn\":\"%s\",\"hearingDate\":\"%s\",\"hearingTime\":\"09:30\",\"place\":\"本局三楼听证室\",\"presidingId\":%d,\"agents\":%s}";
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest.minusDays(1), officer("刘强"), "[]")).body())
			.get("errors").get("hearingDate").asString()).contains("不得早于 " + earliest);
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest, officer("张伟"), "[]")).body()).get("errors")
			.get("presidingId").asString()).contains("非本案调查人员");
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest, officer("刘强"), "[\"甲\",\"乙\",\"丙\"]")).body())
			.get("errors").get("agents").asString()).contains("一至二人");
		// presiding is enforcement: not 辅助人员, not one out of post; the time of day is told
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest, officer("王小红"), "[]")).body()).get("errors")
			.get("presidingId").asString()).contains("在岗、持有效执法证件", "辅助人员");
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest, officer("何平"), "[]")).body()).get("errors")
			.get("presidingId").asString()).contains("不在岗");
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.replace("\"hearingTime\":\"09:30\",", "").formatted(served, earliest,
				officer("刘强"), "[]")).body()).get("errors").get("hearingTime").asString()).contains("听证开始的时间");
		// a notice not yet given is not recorded as given
		assertThat(json(head.postJson(base + "/hearing/schedule", schedule.formatted(LocalDate.now(clock).plusDays(1), earliest.plusDays(10), officer("刘强"), "[]"))
			.body()).get("errors").get("noticeOn").asString()).contains("不能晚于今天");
		assertThat(jdbc.queryForObject("select hearing_date from penalty_hearing where case_id = ?", LocalDate.class, id)).isNull();
		assertThat(head.postJson(base + "/hearing/schedule", schedule.formatted(served, earliest, officer("刘强"), "[\"律师甲\"]")).statusCode())
			.isEqualTo(200);
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_500_000)))).contains("听证结束并形成听证报告前不得作出决定", "未复核");

		clock.shift(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(served, earliest)));
		// the hearing is recorded by who presided (刘强, a head), not by the investigators (行政处罚法第六十四条第（四）项)
		var byInvestigator = officer.postJson(base + "/hearing/record", "{\"heldOn\":\"%s\",\"transcript\":\"听证笔录……\",\"report\":\"建议维持\"}".formatted(earliest));
		assertThat(byInvestigator.statusCode()).isEqualTo(422);
		assertThat(json(byInvestigator.body()).get("detail").asString()).contains("由听证主持人办理");
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("/hearing/record");
		var held = head.postJson(base + "/hearing/record", "{\"heldOn\":\"%s\",\"transcript\":\"听证笔录……\",\"report\":\"建议维持\"}".formatted(earliest));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
		CaseTimer resumed = timers.get(id, TimerKind.DECISION);
		assertThat(resumed.state()).isEqualTo(CaseTimer.State.RUNNING);
		assertThat(resumed.due()).isEqualTo(calendar.calendar().onOrNextWorkingDay(pausedDue.plusDays(java.time.temporal.ChronoUnit.DAYS.between(served, earliest))));
		assertThat(officer.postJson(base + "/statements/" + statement + "/reexamination", "{\"result\":\"REJECTED\",\"note\":\"供货商提供不免除经营者责任\"}")
			.statusCode()).isEqualTo(200);

		// after the party argued, a heavier penalty is refused outright (Art. 45); the hearing makes legal review mandatory (Art. 58)
		before = state(id);
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_600_000)))).contains("不得因当事人陈述、申辩而给予更重的处罚",
				"罚款66,000.00元高于告知的65,000.00元");
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_500_000)))).contains("法制审核");
		assertThat(state(id)).isEqualTo(before);
		assertThat(reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"事实清楚，程序合法，适用依据正确\"}").statusCode()).isEqualTo(200);

		var decided = head.postJson(base + "/decision", decision.formatted(6_500_000));
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(json(decided.body()).get("stage").asString()).isEqualTo("DECIDED");
		assertThat(jdbc.queryForObject("select decision_number from penalty_case where case_id = ?", String.class, id)).matches("芒市监罚决〔\\d{4}〕\\d+号");
		assertThat(timers.get(id, TimerKind.DECISION).state()).isEqualTo(CaseTimer.State.MET);
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsSubsequence("case.clue_registered", "case.filed", "case.evidence_added", "case.transcript_added", "case.proposed",
						"case.notice_issued", "case.notice_served", "case.statement", "case.hearing_requested", "case.hearing_scheduled", "case.hearing_held",
						"case.statement_reexamined", "case.legal_review", "case.decided");

		// the decision now answers the 初次违法 check for this party
		String partyKey = jdbc.queryForObject("select party_key from enforcement_case where id = ?", String.class, id);
		var assessment = officer.postJson("/api/v1/discretion/assessments", """
				{"matterId":%d,"bodyId":%d,"actDate":"%s","circumstances":["FIRST_OFFENCE"],"partyKey":"%s"}""".formatted(
				jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class), bodyId("芒市市场监督管理局"),
				LocalDate.now(clock).plusDays(1), partyKey));
		assertThat(json(assessment.body()).get("firstOffenceCheck").asString()).startsWith("不属于初次违法").contains("芒市监罚决〔");

		// a second case for the same act: notice waived, but a second fine is refused (Art. 29)
		long second = fileCase(officer, head, "53310319800101101", "测试当事人甲");
		transcript(officer, second);
		String b2 = "/api/v1/cases/" + second;
		jdbc.update("update enforcement_case set act_date = (select act_date from enforcement_case where id = ?) where id = ?", id, second);
		officer.postJson(b2 + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"circumstances\":[]}");
		officer.postJson(b2 + "/notice", "{\"facts\":\"经查……\"}");
		officer.postJson(b2 + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"送达回证002\"}".formatted(LocalDate.now(clock)));
		waive(officer, second, "STATEMENT", null);
		waive(officer, second, "HEARING", null);
		assertThat(refused(second, () -> head.postJson(b2 + "/decision", decision.formatted(6_000_000)))).contains("第二十九条", "芒市市场监督管理局 芒市监罚决〔");
		// a warning instead of a fine is not a second fine — but outside the benchmark's tier it is reviewed and discussed first
		assertThat(refused(second, () -> head.postJson(b2 + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"WARNING\"],\"text\":\"给予警告\"}")))
			.contains("决定的处罚偏离裁量基准", "“警告”不在").doesNotContain("第二十九条");
		assertThat(reviewer.postJson(b2 + "/legal-review", "{\"passed\":true,\"opinion\":\"同一违法行为已处罚款，改为警告\"}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(b2 + "/collective-discussion", "{\"participants\":\"刘强、王芳、李明\",\"minutes\":\"讨论\",\"conclusion\":\"给予警告\"}")
			.statusCode()).isEqualTo(200);
		var warning = head.postJson(b2 + "/decision", "{\"outcome\":\"PENALTY\",\"types\":[\"WARNING\"],\"text\":\"给予警告\"}");
		assertThat(warning.statusCode()).as(warning.body()).isEqualTo(200);
	}

	/**
	 * A 法制审核 or 负责人集体讨论 examines a proposal: one of an earlier proposal does not let a changed one through
	 * (行政处罚法第五十七条第二款、第五十八条), nor does a review made before a hearing the case then held (第五十八条第一款第（二）项).
	 */
	@Test
	void aReviewOfAnEarlierProposalOrFromBeforeTheHearingDoesNotLetTheDecisionThrough() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession reviewer = loggedIn("scj.fazhi");
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":%d,\"text\":\"依据食品安全法第一百二十四条\"}";
		String discussion = "{\"participants\":\"刘强、王芳、李明\",\"minutes\":\"讨论记录\",\"conclusion\":\"同意\"}";
		long id = fileCase(officer, head, "53310319800101404", "测试当事人丁");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}").statusCode())
			.isEqualTo(200);
		assertThat(reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"同意\"}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(base + "/collective-discussion", discussion).statusCode()).isEqualTo(200);
		// the penalty proposed anew, heavier: what was reviewed and discussed is no longer what is decided
		assertThat(timers.get(id, TimerKind.LEGAL_REVIEW).state()).isEqualTo(CaseTimer.State.MET);
		var again = officer.postJson(base + "/proposal", "{\"report\":\"补充调查后的报告\",\"types\":[\"FINE\"],\"fine\":6500000,\"major\":true}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		// the review period runs again from the new proposal: the case is back on the reviewer's list
		CaseTimer reviewAgain = timers.get(id, TimerKind.LEGAL_REVIEW);
		assertThat(reviewAgain.state()).isEqualTo(CaseTimer.State.RUNNING);
		var reviewList = reviewer.get("/api/v1/cases?filter=LEGAL_REVIEW&size=500");
		assertThat(reviewList.statusCode()).isEqualTo(200);
		assertThat(json(reviewList.body()).valueStream().map(c -> c.get("id").asLong())).contains(id);
		notified(officer, base, LocalDate.now(clock));
		waive(officer, id, "STATEMENT", null);
		waive(officer, id, "HEARING", null);
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_500_000)))).contains("法制审核", "重新审核", "集体讨论");
		assertThat(reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"补充调查后事实清楚\"}").statusCode()).isEqualTo(200);
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(6_500_000)))).contains("集体讨论").doesNotContain("法制审核");
		assertThat(head.postJson(base + "/collective-discussion", discussion).statusCode()).isEqualTo(200);
		var decided = head.postJson(base + "/decision", decision.formatted(6_500_000));
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

		// reviewed, then a hearing held: the review did not see what the hearing found
		long heard = fileCase(officer, head, "53310319800101505", "测试当事人戊");
		transcript(officer, heard);
		String b2 = "/api/v1/cases/" + heard;
		assertThat(officer.postJson(b2 + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}").statusCode())
			.isEqualTo(200);
		assertThat(reviewer.postJson(b2 + "/legal-review", "{\"passed\":true,\"opinion\":\"同意\"}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(b2 + "/collective-discussion", discussion).statusCode()).isEqualTo(200);
		LocalDate served = LocalDate.now(clock);
		notified(officer, b2, served);
		waive(officer, heard, "STATEMENT", null);
		assertThat(officer.postJson(b2 + "/hearing", "{\"requestedOn\":\"%s\"}".formatted(served)).statusCode()).isEqualTo(200);
		LocalDate earliest = calendar.due(Deadline.of(served, 7, DeadlineUnit.WORKING_DAYS, "x")).date();
		assertThat(head.postJson(b2 + "/hearing/schedule", "{\"noticeOn\":\"%s\",\"hearingDate\":\"%s\",\"hearingTime\":\"09:00\",\"place\":\"听证室\",\"presidingId\":%d,\"agents\":[]}"
				.formatted(served, earliest, officer("刘强"))).statusCode()).isEqualTo(200);
		clock.shift(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(served, earliest)));
		var held = head.postJson(b2 + "/hearing/record", "{\"heldOn\":\"%s\",\"transcript\":\"听证笔录\",\"report\":\"建议维持\"}".formatted(earliest));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
		assertThat(timers.get(heard, TimerKind.LEGAL_REVIEW).state()).as("the review period runs again after the hearing").isEqualTo(CaseTimer.State.RUNNING);
		assertThat(refused(heard, () -> head.postJson(b2 + "/decision", decision.formatted(6_000_000)))).contains("法制审核", "举行听证后应当重新审核");
		assertThat(reviewer.postJson(b2 + "/legal-review", "{\"passed\":true,\"opinion\":\"听证后维持\"}").statusCode()).isEqualTo(200);
		var after = head.postJson(b2 + "/decision", decision.formatted(6_000_000));
		assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
	}

	/**
	 * A proposal 退回补正 by the legal review is passed only once something was corrected (法制审核 would otherwise pass what it
	 * found wanting, 行政处罚法第五十八条); a 负责人集体讨论 names at least two heads (第五十七条第二款).
	 */
	@Test
	void aReturnedProposalPassesOnlyOnceCorrectedAndADiscussionNamesItsHeads() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		HttpSession reviewer = loggedIn("scj.fazhi");
		long id = fileCase(officer, head, "53310319800101909", "测试当事人己");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}").statusCode())
			.isEqualTo(200);
		assertThat(reviewer.postJson(base + "/legal-review", "{\"passed\":false,\"opinion\":\"缺少当事人身份证明\"}").statusCode()).isEqualTo(200);
		// the officers are told what to correct; the reviewer has no review form until they have
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"review-returned\"", "退回补正（缺少当事人身份证明），待办案人员补充证据");
		assertThat(reviewer.get("/cases/" + id).body()).doesNotContain("action=\"/cases/" + id + "/legal-review\"");
		assertThat(refused(id, () -> reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"同意\"}")))
			.contains("被退回补正（缺少当事人身份证明）", "补正之后才能审核通过");
		transcript(officer, id);
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("id=\"review-returned\"");
		assertThat(reviewer.get("/cases/" + id).body()).contains("action=\"/cases/" + id + "/legal-review\"");
		var passed = reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"已补正，同意\"}");
		assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);

		for (String alone : new String[] { "刘强", "刘强等五人", "刘强、副局长等三人", " 、 刘强 、 " }) {
			var before = state(id);
			var r = head.postJson(base + "/collective-discussion", "{\"participants\":\"%s\",\"minutes\":\"讨论\",\"conclusion\":\"同意\"}".formatted(alone));
			assertThat(r.statusCode()).as(alone).isEqualTo(400);
			assertThat(json(r.body()).get("errors").get("participants").asString()).contains("两名以上负责人", "逐一写明参加人员的姓名");
			assertThat(state(id)).isEqualTo(before);
		}
		assertThat(jdbc.queryForObject("select count(*) from penalty_review where case_id = ? and kind = 'COLLECTIVE'", Long.class, id)).isZero();
		var held = head.postJson(base + "/collective-discussion", "{\"participants\":\"刘强，王芳 李明\",\"minutes\":\"讨论\",\"conclusion\":\"同意\"}");
		assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
		// the same round sent again is not recorded twice
		assertThat(head.postJson(base + "/collective-discussion", "{\"participants\":\"刘强、王芳、李明\",\"minutes\":\"讨论\",\"conclusion\":\"同意\"}")
			.statusCode()).isEqualTo(409);
		assertThat(reviewer.postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"已补正，同意\"}").statusCode()).isEqualTo(409);
		assertThat(jdbc.queryForObject("select count(*) from penalty_review where case_id = ?", Long.class, id)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select participants from penalty_review where case_id = ? and kind = 'COLLECTIVE'", String.class, id))
			.isEqualTo("刘强、王芳、李明");
		assertThat(head.get("/cases/" + id).body()).contains("参加人员：刘强、王芳、李明");
	}

	/**
	 * The party may ask for the presiding officer's 回避 (行政处罚法第六十四条第（四）项): the hearing is not held until the head
	 * decides, and one who must step aside neither holds it nor presides again; another is named and the party told anew.
	 */
	@Test
	void theHearingsPresidingOfficerMayBeChallenged() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101919", "测试当事人庚");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		LocalDate served = LocalDate.now(clock);
		notified(officer, base, served);
		assertThat(officer.postJson(base + "/hearing", "{\"requestedOn\":\"%s\"}".formatted(served)).statusCode()).isEqualTo(200);
		LocalDate date = calendar.due(Deadline.of(served, 7, DeadlineUnit.WORKING_DAYS, "x")).date();
		String schedule = "{\"noticeOn\":\"%s\",\"hearingDate\":\"%s\",\"hearingTime\":\"09:00\",\"place\":\"听证室\",\"presidingId\":%d,\"agents\":[]}";
		assertThat(head.postJson(base + "/hearing/schedule", schedule.formatted(served, date, officer("刘强"))).statusCode()).isEqualTo(200);
		assertThat(head.get("/cases/" + id).body()).contains("刘强（听证主持人）");
		var applied = officer.postJson(base + "/recusals", "{\"officerId\":%d,\"applicant\":\"当事人\",\"reason\":\"主持人与当事人有利害关系\"}".formatted(officer("刘强")));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		long recusal = jdbc.queryForObject("select id from penalty_recusal where case_id = ?", Long.class, id);
		String record = "{\"heldOn\":\"%s\",\"transcript\":\"听证笔录\",\"report\":\"建议维持\"}";
		clock.shift(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(served, date)));
		assertThat(refused(id, () -> head.postJson(base + "/hearing/record", record.formatted(date)))).contains("申请听证主持人刘强回避，负责人尚未决定");
		var replaced = head.postJson(base + "/recusals/" + recusal + "/decision", "{\"granted\":true,\"replacementOfficerId\":%d}".formatted(officer("马丽")));
		assertThat(replaced.statusCode()).isEqualTo(400);
		assertThat(json(replaced.body()).get("errors").get("replacementOfficerId").asString()).contains("另行指定主持人");
		var officersBefore = jdbc.queryForList("select officer_id from case_officer where case_id = ? and released_on is null order by officer_id", Long.class, id);
		assertThat(head.postJson(base + "/recusals/" + recusal + "/decision", "{\"granted\":true}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForList("select officer_id from case_officer where case_id = ? and released_on is null order by officer_id", Long.class, id))
			.isEqualTo(officersBefore);
		assertThat(refused(id, () -> head.postJson(base + "/hearing/record", record.formatted(date)))).contains("听证主持人刘强已于", "决定回避", "另行指定主持人");
		String page = head.get("/cases/" + id).body();
		assertThat(page).contains("主持人刘强（已决定回避：须另行指定主持人，重新通知当事人）").doesNotContain("主持人：刘强</option>");
		LocalDate today = LocalDate.now(clock);
		LocalDate again = calendar.due(Deadline.of(today, 7, DeadlineUnit.WORKING_DAYS, "x")).date();
		var same = head.postJson(base + "/hearing/schedule", schedule.formatted(today, again, officer("刘强")));
		assertThat(same.statusCode()).isEqualTo(400);
		assertThat(json(same.body()).get("errors").get("presidingId").asString()).contains("刘强已于", "决定回避，不能主持本案听证");
		assertThat(head.postJson(base + "/hearing/schedule", schedule.formatted(today, again, officer("马丽"))).statusCode()).isEqualTo(200);
		clock.shift(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(served, again)));
		var held = head.postJson(base + "/hearing/record", record.formatted(again));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
	}

	/** 回避 granted keeps the officer off the case (第四十三条); one who was an officer on the case does not review it (第五十八条). */
	@Test
	void aRecusedOfficerDoesNotComeBackNorDoesAnOfficerReviewTheCase() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101703", "测试当事人庚");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		// on the page: the officer registers the party's application, the head decides it with who takes over
		assertThat(officer.get("/cases/" + id).body()).contains("id=\"recusal-form\"").doesNotContain("id=\"officers-form\"");
		assertThat(head.get("/cases/" + id).body()).contains("id=\"officers-form\"");
		officer.postForm("/cases/" + id + "/recusals", Map.of("_csrf", officer.csrf(), "officerId", String.valueOf(officer("岩温")), "applicant", "当事人",
				"reason", "与当事人有亲属关系"));
		long recusal = jdbc.queryForObject("select id from penalty_recusal where case_id = ?", Long.class, id);
		assertThat(head.get("/cases/" + id).body()).contains("当事人申请岩温回避：与当事人有亲属关系", "/recusals/" + recusal + "/decision");
		head.postForm("/cases/" + id + "/recusals/" + recusal + "/decision", Map.of("_csrf", head.csrf(), "granted", "true",
				"replacementOfficerId", String.valueOf(officer("陈静")), "note", "同意"));
		assertThat(head.get("/cases/" + id).body()).contains("已决定回避", "决定回避（同意）");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.recusal_decided'",
				String.class, String.valueOf(id))).isEqualTo("负责人决定岩温回避，由陈静接替");
		var back = head.postJson(base + "/officers", "{\"officerIds\":[%d,%d,%d],\"reason\":\"重新参与\"}".formatted(officer("张伟"), officer("陈静"), officer("岩温")));
		assertThat(back.statusCode()).isEqualTo(422);
		assertThat(json(back.body()).get("detail").asString()).contains("岩温已于", "决定回避，不能再参与本案");
		head.postFormPairs("/cases/" + id + "/officers", "officerIds", String.valueOf(officer("张伟")), "officerIds", String.valueOf(officer("陈静")),
				"officerIds", String.valueOf(officer("岩温")), "reason", "重新参与");
		assertThat(head.get("/cases/" + id).body()).contains("决定回避，不能再参与本案");
		assertThat(jdbc.queryForList("select o.name from case_officer co join officer o on o.id = co.officer_id where co.case_id = ? and co.released_on is null",
				String.class, id)).containsExactlyInAnyOrder("张伟", "陈静");
		// 陈静, the legal reviewer, is now an officer on the case: she does not review it
		officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":8000000,\"circumstances\":[],\"deviationReason\":\"情节较重\"}");
		var review = loggedIn("scj.fazhi").postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"同意\"}");
		assertThat(review.statusCode()).isEqualTo(422);
		assertThat(json(review.body()).get("detail").asString()).contains("您是或曾是本案的办案人员，不能审核本案");
		assertThat(jdbc.queryForObject("select count(*) from penalty_review where case_id = ?", Long.class, id)).isZero();
	}

	/**
	 * The penalty decided is held to the benchmark as the proposal was (RULES.md §6): a head deciding a fine below the tier
	 * the proposal stayed within needs the collective discussion and the legal review a deviating proposal would have had,
	 * and below every ordinary tier (减轻) the ground of 行政处罚法第三十二条 as well.
	 */
	@Test
	void aDecisionOutsideTheBenchmarkNeedsWhatADeviatingProposalNeeds() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101606", "测试当事人己");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		var proposed = officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6500000,\"circumstances\":[]}");
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
		assertThat(json(proposed.body()).get("deviations").size()).isZero();
		notified(officer, base, LocalDate.now(clock));
		waive(officer, id, "STATEMENT", null);
		waive(officer, id, "HEARING", null);
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":%d,\"text\":\"依据食品安全法第一百二十四条\"}";
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(3_000_000)))).contains("决定的处罚偏离裁量基准", "罚款30,000.00元低于“一般处罚”阶次的幅度",
				"集体讨论", "法制审核", "属减轻处罚");
		assertThat(loggedIn("scj.fazhi").postJson(base + "/legal-review", "{\"passed\":true,\"opinion\":\"当事人积极配合，减轻处罚理由充分\"}").statusCode())
			.isEqualTo(200);
		assertThat(head.postJson(base + "/collective-discussion", "{\"participants\":\"刘强、王芳、李明\",\"minutes\":\"讨论减轻\",\"conclusion\":\"同意减轻\"}")
			.statusCode()).isEqualTo(200);
		// below every ordinary tier is 减轻: discussed and reviewed, it still needs the 第三十二条 ground the proposal did not find
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(3_000_000))))
			.contains("决定的罚款30,000.00元低于裁量基准从轻处罚阶次的最低数额50,000.00元，属减轻处罚", "第三十二条", "决定时不能减轻", "重新裁量")
			.doesNotContain("集体讨论", "法制审核");
		var decided = head.postJson(base + "/decision", decision.formatted(5_500_000));
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
	}

	/**
	 * 第四十五条: a 陈述、申辩 the 复核 adopted can change the circumstances the benchmark was assessed on. The officer
	 * re-assesses, saying what was adopted, and a lighter decision within the new tier is then no deviation needing a
	 * collective discussion and a legal review. The revision is refused, and nothing changes, before anything was
	 * adopted, without the reason, and when heavier than notified.
	 */
	@Test
	void anAdoptedStatementIsReassessedRatherThanCountedAsADeviation() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101707", "测试当事人庚");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		var proposed = officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6500000,\"circumstances\":[]}");
		assertThat(json(proposed.body()).get("tier").asString()).isEqualTo("GENERAL");
		LocalDate served = LocalDate.now(clock);
		notified(officer, base, served);
		String revision = "{\"report\":\"报告（复核后）\",\"types\":[\"FINE\"],\"fine\":%d,\"circumstances\":[%s]%s}";
		String reason = ",\"revisionReason\":\"采纳当事人关于已主动召回全部问题产品的申辩，认定主动消除了危害后果\"";
		String proposalRow = "select tier, fine, circumstances, proposed_at from penalty_proposal where case_id = ?";
		Map<String, Object> original = jdbc.queryForMap(proposalRow, id);

		// nothing adopted yet: no re-assessment, and the page offers none
		assertThat(refused(id, () -> officer.postJson(base + "/proposal", revision.formatted(5_100_000, "\"ELIMINATED_HARM\"", reason))))
			.contains("陈述、申辩经复核予以采纳");
		assertThat(officer.get("/cases/" + id).body()).doesNotContain("采纳陈述、申辩或听证意见后重新裁量");
		long statement = json(officer.postJson(base + "/statements", "{\"receivedOn\":\"%s\",\"content\":\"问题产品已全部主动召回并销毁\"}".formatted(served))
			.body()).get("id").asLong();
		assertThat(officer.postJson(base + "/statements/" + statement + "/reexamination", "{\"result\":\"ADOPTED\",\"note\":\"召回记录属实\"}").statusCode())
			.isEqualTo(200);
		assertThat(waive(officer, id, "HEARING", null).statusCode()).isEqualTo(200);
		clock.shift(Duration.ofDays(10));
		assertThat(officer.get("/cases/" + id).body()).contains("采纳陈述、申辩或听证意见后重新裁量", "revisionReason");

		// on the assessment made before the notice, the lighter fine is a deviation
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":%d,\"text\":\"依据食品安全法第一百二十四条\"}";
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision.formatted(5_100_000)))).contains("决定的处罚偏离裁量基准", "集体讨论",
				"可由办案人员先“重新裁量”").doesNotContain("本案应当进行法制审核", "本案应当由行政机关负责人集体讨论决定");
		// refused on the field, nothing changed: no reason given; heavier than notified
		var withoutReason = officer.postJson(base + "/proposal", revision.formatted(5_100_000, "\"ELIMINATED_HARM\"", ""));
		assertThat(withoutReason.statusCode()).isEqualTo(400);
		assertThat(json(withoutReason.body()).get("errors").get("revisionReason").asString()).contains("采纳了当事人的哪些陈述、申辩");
		var heavier = officer.postJson(base + "/proposal", revision.formatted(6_600_000, "", reason));
		assertThat(heavier.statusCode()).isEqualTo(400);
		assertThat(json(heavier.body()).get("errors").get("fine").asString()).contains("重于事先告知", "罚款66,000.00元高于告知的65,000.00元", "第四十五条");
		assertThat(jdbc.queryForMap(proposalRow, id)).isEqualTo(original);
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("NOTIFIED");

		// re-assessed: 从轻, the case stays notified, the record says what was adopted
		var revised = officer.postJson(base + "/proposal", revision.formatted(5_100_000, "\"ELIMINATED_HARM\"", reason));
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		assertThat(json(revised.body()).get("tier").asString()).isEqualTo("LIGHTER");
		assertThat(json(revised.body()).get("deviations").size()).isZero();
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, id)).isEqualTo("NOTIFIED");
		assertThat(jdbc.queryForObject("""
				select payload::jsonb ->> 'revisionReason' from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.proposal_revised'""",
				String.class, String.valueOf(id))).contains("主动召回");
		// the head's decision form offers the re-assessed fine, not the notified one; the 减免责 list reads in words
		String page = head.get("/cases/" + id).body();
		assertThat(page.substring(page.indexOf("id=\"decision\""))).contains("value=\"51000.00\"").doesNotContain("value=\"65000.00\"");
		assertThat(page).doesNotContain("LIGHTER：");
		var decided = head.postJson(base + "/decision", decision.formatted(5_100_000));
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		// the decision document states the discretion it rests on: the benchmark, the circumstance with its source, the tier
		var generated = officer.postJson(base + "/documents/DECISION", "{}");
		assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
		try (var doc = org.apache.pdfbox.Loader.loadPDF(officer.getBytes(base + "/documents/" + json(generated.body()).get("id").asLong() + "/pdf"))) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", "");
			assertThat(text).contains("本机关依照芒市县级基准（芒市监规〔2024〕（演示））进行裁量", "具有主动消除或者减轻违法行为危害后果（行政处罚法第三十二条第（一）项）的情节", "适用“从轻处罚”阶次",
					"复核后予以采纳");
		}
	}

	/**
	 * A re-assessment does not make a major case ordinary: what called for the collective discussion and the legal review
	 * still does. And a review period that ran out with no review done stays overdue when the proposal changes.
	 */
	@Test
	void aReAssessmentKeepsAMajorCaseMajorAndAnOverdueReviewStaysOverdue() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101808", "测试当事人辛");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		String major = "{\"report\":\"%s\",\"types\":[\"FINE\"],\"fine\":6500000,\"major\":%s%s}";
		assertThat(officer.postJson(base + "/proposal", major.formatted("报告", "true", "")).statusCode()).isEqualTo(200);
		// the nightly sweep found the review period over, no review done: a changed proposal does not wipe that
		jdbc.update("update case_timer set state = 'MISSED' where case_id = ? and kind = 'LEGAL_REVIEW'", id);
		assertThat(officer.postJson(base + "/proposal", major.formatted("补充调查后的报告", "true", "")).statusCode()).isEqualTo(200);
		assertThat(timers.get(id, TimerKind.LEGAL_REVIEW).state()).isEqualTo(CaseTimer.State.MISSED);
		LocalDate served = LocalDate.now(clock);
		notified(officer, base, served);
		long statement = json(officer.postJson(base + "/statements", "{\"receivedOn\":\"%s\",\"content\":\"已整改\"}".formatted(served)).body())
			.get("id").asLong();
		assertThat(officer.postJson(base + "/statements/" + statement + "/reexamination", "{\"result\":\"PARTLY\",\"note\":\"整改属实\"}").statusCode())
			.isEqualTo(200);
		assertThat(waive(officer, id, "HEARING", null).statusCode()).isEqualTo(200);
		clock.shift(Duration.ofDays(10));
		// re-assessed with the box unticked: still major
		var revised = officer.postJson(base + "/proposal", major.formatted("报告（复核后）", "false", ",\"revisionReason\":\"部分采纳当事人已整改的申辩\""));
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select major from penalty_proposal where case_id = ?", Boolean.class, id)).isTrue();
		String decision = "{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6500000,\"text\":\"依据食品安全法第一百二十四条\"}";
		assertThat(refused(id, () -> head.postJson(base + "/decision", decision))).contains("法制审核", "集体讨论");
	}

	@Test
	void officerChangesAndRecusalKeepTwoCertifiedOfficers() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101202", "测试当事人乙");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		assertThat(detail(head.postJson(base + "/officers", "{\"officerIds\":[%d,%d],\"reason\":\"调整\"}".formatted(officer("张伟"), officer("赵刚")))))
			.contains("赵刚不能执法", "不足两名");
		officer.postJson(base + "/recusals", "{\"officerId\":%d,\"applicant\":\"当事人\",\"reason\":\"与当事人有亲属关系\"}".formatted(officer("岩温")));
		long recusal = jdbc.queryForObject("select id from penalty_recusal where case_id = ?", Long.class, id);
		var withoutReplacement = head.postJson(base + "/recusals/" + recusal + "/decision", "{\"granted\":true}");
		assertThat(detail(withoutReplacement)).contains("不足两名");
		assertThat(head.postJson(base + "/recusals/" + recusal + "/decision", "{\"granted\":true,\"replacementOfficerId\":%d}".formatted(officer("刘强")))
			.statusCode()).isEqualTo(200);
		assertThat(json(officer.get(base).body()).get("caseFile").get("officers").toString()).contains("刘强", "张伟").doesNotContain("岩温");

		// 岩温 investigated before he withdrew: he does not preside at the hearing (第六十四条第（四）项), nothing scheduled
		assertThat(officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000}").statusCode()).isEqualTo(200);
		LocalDate served = LocalDate.now(clock);
		notified(officer, base, served);
		assertThat(officer.postJson(base + "/hearing", "{\"requestedOn\":\"%s\"}".formatted(served)).statusCode()).isEqualTo(200);
		LocalDate earliest = calendar.due(Deadline.of(served, 7, DeadlineUnit.WORKING_DAYS, "x")).date();
		var withdrawn = head.postJson(base + "/hearing/schedule", "{\"noticeOn\":\"%s\",\"hearingDate\":\"%s\",\"hearingTime\":\"09:00\",\"place\":\"听证室\",\"presidingId\":%d,\"agents\":[]}"
				.formatted(served, earliest, officer("岩温")));
		assertThat(withdrawn.statusCode()).isEqualTo(400);
		assertThat(json(withdrawn.body()).get("errors").get("presidingId").asString()).contains("非本案调查人员", "曾是本案办案人员");
		assertThat(jdbc.queryForObject("select hearing_date from penalty_hearing where case_id = ?", LocalDate.class, id)).isNull();
	}

	@Test
	void aFirstTimeReviewerWithoutLegalQualificationIsRefused() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101303", "测试当事人丙");
		transcript(officer, id);
		officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}");
		String qualification = jdbc.queryForObject("select legal_qualification_no from officer where name = '陈静'", String.class);
		jdbc.update("update officer set legal_qualification_no = null where name = '陈静'");
		// make this the reviewer's first review whatever other tests did before
		jdbc.update("update penalty_review set reviewer_user = null where reviewer_user = ?", userId("scj.fazhi"));
		try {
			var r = loggedIn("scj.fazhi").postJson("/api/v1/cases/" + id + "/legal-review", "{\"passed\":true,\"opinion\":\"同意\"}");
			assertThat(detail(r)).contains("法律职业资格");
			assertThat(jdbc.queryForObject("select count(*) from penalty_review where case_id = ?", Long.class, id)).isZero();
		}
		finally {
			jdbc.update("update officer set legal_qualification_no = ? where name = '陈静'", qualification);
		}
		List<String> grounds = new java.util.ArrayList<>();
		json(officer.get("/api/v1/cases/" + id + "/procedure").body()).get("collectiveGrounds").forEach(g -> grounds.add(g.asString()));
		assertThat(grounds).anyMatch(g -> g.contains("第五十七条第二款"));
	}

	@Test
	void measuresAndExcludedPeriodsHaveTheirOwnTimers() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = fileCase(officer, head, "53310319800101404", "测试当事人丁");
		transcript(officer, id);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);

		// 先行登记保存: approval, decision within seven working days
		var noApproval = officer.postJson(base + "/measures", "{\"kind\":\"PRESERVATION\",\"items\":\"米线 20 箱\",\"appliedOn\":\"%s\"}".formatted(today));
		assertThat(json(noApproval.body()).get("errors").get("approvedBy").asString()).contains("负责人批准");
		var preservation = officer.postJson(base + "/measures",
				"{\"kind\":\"PRESERVATION\",\"items\":\"米线 20 箱\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\"}".formatted(today));
		long preservationId = json(preservation.body()).get("id").asLong();
		assertThat(timers.ofRef(id, zhifa.casework.CaseEvidence.Timer.PRESERVATION, preservationId).due())
			.isEqualTo(calendar.due(Deadline.of(today, 7, DeadlineUnit.WORKING_DAYS, "x")).date());
		assertThat(detail(head.postJson(base + "/measures/" + preservationId + "/extension", "{\"reason\":\"x\"}"))).contains("不能延长");

		// 查封: audio/video required; thirty days, extended once by thirty
		var noVideo = officer.postJson(base + "/measures", "{\"kind\":\"SEAL\",\"reason\":\"涉嫌违法生产（测试）\",\"basis\":\"《中华人民共和国食品安全法》第一百一十条第（四）项\",\"items\":\"加工设备\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\"}".formatted(today));
		assertThat(json(noVideo.body()).get("errors").get("avRecorded").asString()).contains("全程音像记录");
		long seal = json(officer.postJson(base + "/measures",
				"{\"kind\":\"SEAL\",\"reason\":\"涉嫌违法生产（测试）\",\"basis\":\"《中华人民共和国食品安全法》第一百一十条第（四）项\",\"items\":\"加工设备\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\",\"avRecorded\":true}".formatted(today)).body())
			.get("id").asLong();
		// the thirtieth day itself, a day off or not: the property is not held longer than the statute allows (limitOnTheBody;
		// this line had expected the roll-over and failed only on days whose thirtieth day is off, as 2 December 2026 → 1 January)
		assertThat(timers.ofRef(id, zhifa.coercion.CoercionTimer.SEIZURE, seal).due()).isEqualTo(today.plusDays(30));
		// extended once the head has confirmed it (a measure still waiting for him is not extended)
		assertThat(detail(head.postJson(base + "/measures/" + seal + "/extension", "{\"reason\":\"检测未出结果\"}"))).contains("尚待负责人确认批准");
		assertThat(head.postJson(base + "/measures/" + seal + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(base + "/measures/" + seal + "/extension", "{\"reason\":\"检测未出结果\"}").statusCode()).isEqualTo(200);
		assertThat(detail(head.postJson(base + "/measures/" + seal + "/extension", "{\"reason\":\"再延\"}"))).contains("已延长过一次");
		assertThat(officer.postJson(base + "/measures/" + preservationId + "/close", "{\"outcome\":\"解除先行登记保存\"}").statusCode()).isEqualTo(200);
		assertThat(timers.ofRef(id, zhifa.casework.CaseEvidence.Timer.PRESERVATION, preservationId).state()).isEqualTo(CaseTimer.State.MET);

		// testing is excluded from the decision period: paused, then resumed with the due day moved
		LocalDate due = timers.get(id, TimerKind.DECISION).due();
		assertThat(head.postJson(base + "/decision-pause", "{\"reason\":\"送检测机构检验\"}").statusCode()).isEqualTo(200);
		assertThat(refused(id, () -> head.postJson(base + "/decision", "{\"outcome\":\"NOT_ESTABLISHED\",\"text\":\"x\"}"))).contains("中止");
		assertThat(json(head.postJson(base + "/decision", "{\"outcome\":\"NO_PENALTY\",\"text\":\"x\",\"educationRecord\":\"已教育\"}").body())
			.get("errors").get("reasonCode").asString()).contains("法定情形");
		clock.shift(Duration.ofDays(10));
		assertThat(head.postJson(base + "/decision-resume", "{}").statusCode()).isEqualTo(200);
		assertThat(timers.get(id, TimerKind.DECISION).due()).isEqualTo(calendar.calendar().onOrNextWorkingDay(due.plusDays(10)));
		assertThat(json(officer.get(base + "/procedure").body()).get("pauses").get(0).get("reason").asString()).isEqualTo("送检测机构检验");

		// a major case needs legal review within its period; the party's lapsed window is no missed deadline
		officer.postJson(base + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":6000000,\"major\":true}");
		assertThat(timers.get(id, TimerKind.LEGAL_REVIEW).state()).isEqualTo(CaseTimer.State.RUNNING);
		officer.postJson(base + "/notice", "{\"facts\":\"经查……\"}");
		officer.postJson(base + "/notice/service", "{\"servedOn\":\"%s\",\"method\":\"直接送达\",\"proof\":\"回证\"}".formatted(LocalDate.now(clock)));
		waive(officer, id, "STATEMENT", null);
		waive(officer, id, "HEARING", null);
		assertThat(refused(id, () -> head.postJson(base + "/decision",
				"{\"outcome\":\"PENALTY\",\"types\":[\"FINE\"],\"fine\":6000000,\"text\":\"x\"}"))).contains("集体讨论", "法制审核");
		clock.shift(Duration.ofDays(30)); // the offset from now, not an increment
		timers.markMissed();
		assertThat(timers.get(id, TimerKind.STATEMENT).state()).isEqualTo(CaseTimer.State.MET);
		assertThat(timers.get(id, TimerKind.LEGAL_REVIEW).state()).isEqualTo(CaseTimer.State.MISSED);
	}

	@Test
	void theBodysReviewListMakesLegalReviewMandatoryAndAMatterWithoutBenchmarkIsProposedOnTheStatute() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long market = bodyId("芒市市场监督管理局");
		long noLicence = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-003'", Long.class);
		var admin = loggedIn("scj.admin");
		assertThat(json(admin.postJson("/api/v1/bodies/" + market + "/review-list", "{\"matterId\":%d}".formatted(noLicence)).body()).get("errors")
			.get("note").asString()).contains("理由");
		assertThat(admin.postJson("/api/v1/bodies/" + market + "/review-list", "{\"matterId\":%d,\"note\":\"无证经营案件一律审核\"}".formatted(noLicence))
			.statusCode()).isEqualTo(200);
		String id17 = "53310319800101505";
		var clue = officer.postJson("/api/v1/cases", """
				{"bodyId":%d,"matterId":%d,"source":"HOTLINE","partyKind":"NATURAL_PERSON","partyName":"测试当事人戊","partyIdNumber":"%s",
				 "partyAddress":"德宏州芒市测试路1号","placeRegionId":3,"actDate":"%s","description":"无证经营"}""".formatted(market, noLicence, id17 + IdNumber.checkCharacter(id17),
				LocalDate.now(clock).minusDays(3)));
		long id = json(clue.body()).get("id").asLong();
		head.postJson("/api/v1/cases/" + id + "/filing", "{\"officerIds\":[%d,%d]}".formatted(officer("张伟"), officer("岩温")));
		transcript(officer, id);
		var proposal = officer.postJson("/api/v1/cases/" + id + "/proposal", "{\"report\":\"报告\",\"types\":[\"FINE\"],\"fine\":5000000}");
		assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
		assertThat(json(proposal.body()).get("assessment").asString()).contains("未适用裁量基准");
		var procedureView = json(officer.get("/api/v1/cases/" + id + "/procedure").body());
		assertThat(procedureView.get("legalReviewGrounds").toString()).contains("法制审核目录清单所列事项（无证经营案件一律审核）");
		// the hearing threshold still comes from the discretion module: 50,000 yuan for a natural person is a 较大数额
		assertThat(json(officer.postJson("/api/v1/cases/" + id + "/notice", "{\"facts\":\"经查……\"}").body()).get("hearingRight").asBoolean()).isTrue();
	}
}
