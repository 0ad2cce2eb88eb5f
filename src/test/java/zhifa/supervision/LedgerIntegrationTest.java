package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The ledger follows every platform case change through the event publication registry; a report older than the row
 * changes nothing; an event lost between the change and the ledger is delivered again.
 */
class LedgerIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Autowired
	IncompleteEventPublications incomplete;

	private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> until) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		T v = value.get();
		while (!until.test(v) && System.nanoTime() < end) {
			Thread.sleep(50);
			v = value.get();
		}
		return v;
	}

	@Test
	void everyPlatformCaseChangeReachesTheLedger() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = scenarios.decidedAndServed(officer, head, "台账测试公司", 951);
		long version = jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id);
		Act act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null && a.report().version() == version);
		assertThat(act).isNotNull();
		ActReport r = act.report();
		assertThat(r.version()).isEqualTo(version);
		assertThat(r.stage()).isEqualTo("DECIDED");
		assertThat(r.bodyId()).isEqualTo(bodyId("芒市市场监督管理局"));
		assertThat(r.fine()).isEqualTo(6_000_000L);
		assertThat(r.decisionOutcome()).isEqualTo("PENALTY");
		assertThat(r.noticeServedOn()).isNotNull();
		assertThat(r.decisionServedOn()).isNotNull();
		assertThat(r.officerCertificates()).hasSize(2);
		assertThat(r.validOfficers()).isEqualTo(2);
		assertThat(r.partyKey()).isNotBlank();
		// the further details the rules need travel with the act and come back from the ledger as reported
		assertThat(r.details().penaltyTypes()).containsExactly("FINE");
		assertThat(r.details().notifiedTypes()).containsExactly("FINE");
		assertThat(r.details().notifiedMoney()).isEqualTo(6_000_000L);
		assertThat(r.details().partyArgued()).isFalse();
		assertThat(r.details().collectedOnSpot()).isFalse();

		// a lawful case raises no alert — the written waiver ended the statement window on its day (no false 未告知/期限未满)
		Thread.sleep(300);
		assertThat(jdbc.queryForList("select rule_code from sv_alert where act_id = ?", String.class, act.id())).isEmpty();
		assertThat(r.details().statementWaivedOn()).isEqualTo(java.time.LocalDate.now(clock));

		// 行政复议 brought and ended with 撤销: the ledger's act carries it (the dashboard's corrected rate counts it)
		String base = "/api/v1/cases/" + id;
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		assertThat(officer.postJson(base + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(200);
		long remedy = json(officer.get(base + "/execution").body()).get("remedies").get(0).get("id").asLong();
		assertThat(officer.postJson(base + "/remedies/" + remedy + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"REVOKED\"}".formatted(today)).statusCode())
			.isEqualTo(200);
		long revokedVersion = jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id);
		Act challenged = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), x -> x.report().version() == revokedVersion);
		assertThat(challenged.report().details().remedies()).singleElement().satisfies(x -> {
			assertThat(x.kind()).isEqualTo("REVIEW");
			assertThat(x.outcome()).isEqualTo("REVOKED");
			assertThat(x.corrected()).isTrue();
			assertThat(x.label()).isEqualTo("行政复议：撤销（" + today + " 至 " + today + "）");
		});
		r = challenged.report();

		// an older or repeated report changes nothing
		var older = new ActReport(r.source(), r.externalId(), r.version() - 1, r.bodyId(), r.kind(), r.matterCode(), r.matterName(), r.caseNumber(),
				r.partyKind(), r.partyName(), r.partyMasked(), r.partyKey(), r.placeRegionId(), "FILED", r.actDate(), r.receivedOn(), r.filedOn(), null, null,
				null, false, false, false, false, false, null, null, null, null, null, null, null, 0, null, List.of(), 0, false, ActReport.Details.NONE);
		assertThat(ledger.record(older).changed()).isFalse();
		assertThat(ledger.record(r).changed()).isFalse();
		assertThat(ledger.find(act.id()).orElseThrow().report().stage()).isEqualTo("DECIDED");
	}

	@Test
	void anEventLostBetweenTheChangeAndTheLedgerIsDeliveredAgain() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long id = scenarios.clue(officer, "台账重投测试公司", 952);
		await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).isPresent(), present -> present);
		// as if the process died after the change committed and before the ledger took it: no row, the publication incomplete
		jdbc.update("delete from sv_act where source = 'PLATFORM' and external_id = ?", String.valueOf(id));
		int reopened = jdbc.update("update event_publication set completion_date = null where event_type like '%CaseChanged' and serialized_event like ?",
				"%\"caseId\":" + id + ",%");
		assertThat(reopened).isPositive();
		assertThat(ledger.find(ActReport.PLATFORM, String.valueOf(id))).isEmpty();
		// only this case's events: the shared context may hold other tests' incomplete publications
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof zhifa.casework.CaseChanged c && c.caseId() == id);
		assertThat(await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).isPresent(), present -> present)).isTrue();
		assertThat(await(() -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null and event_type like '%CaseChanged' and serialized_event like ?""",
				Long.class, "%\"caseId\":" + id + ",%"), n -> n == 0)).isZero();
	}

	@Test
	void detailsWrittenByAnotherVersionStillRead() throws Exception {
		// a document missing fields (older) and with one this version does not know (newer): read, nothing fails
		var scenarios = new CaseScenarios(jdbc, clock);
		long id = scenarios.clue(loggedIn("scj.zhifa"), "台账细节测试公司", 955);
		Act act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null);
		assertThat(act).isNotNull();
		jdbc.update("update sv_act set details = '{\"penaltyTypes\":[\"FINE\"],\"futureField\":1,\"remedies\":[{\"kind\":\"REVIEW\"}]}'::jsonb where id = ?",
				act.id());
		ActReport.Details d = ledger.find(act.id()).orElseThrow().report().details();
		assertThat(d.penaltyTypes()).containsExactly("FINE");
		assertThat(d.partyArgued()).isFalse();
		assertThat(d.remedies()).singleElement().satisfies(r -> assertThat(r.outcome()).isNull());
	}

	@Autowired
	Redelivery redelivery;

	@Test
	void completedPublicationsArePrunedAfterTheirWeekAndUndeliveredOnesNever() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long old = scenarios.clue(officer, "台账清理测试公司甲", 953);
		long fresh = scenarios.clue(officer, "台账清理测试公司乙", 954);
		await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(fresh)).isPresent(), present -> present);
		await(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null and event_type like '%CaseChanged'",
				Long.class), n -> n == 0);
		String oldEvents = "%\"caseId\":" + old + ",%";
		String freshEvents = "%\"caseId\":" + fresh + ",%";
		// the older clue's publications completed ten days ago; one more of its kind never delivered, also old
		assertThat(jdbc.update("update event_publication set publication_date = now() - interval '10 days', completion_date = now() - interval '10 days'"
				+ " where serialized_event like ?", oldEvents)).isPositive();
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts)
				select gen_random_uuid(), listener_id, event_type, serialized_event, publication_date, null, 'PUBLISHED', 1 from event_publication
				where serialized_event like ? limit 1""", oldEvents);
		long freshBefore = jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Long.class, freshEvents);
		assertThat(freshBefore).isPositive();

		redelivery.prune();

		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? and completion_date is not null", Long.class,
				oldEvents)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? and completion_date is null", Long.class,
				oldEvents)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Long.class, freshEvents))
			.isEqualTo(freshBefore);
		// the undelivered one is still delivered (and then completed), so the ledger keeps the clue
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof zhifa.casework.CaseChanged c && c.caseId() == old);
		assertThat(await(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null and serialized_event like ?",
				Long.class, oldEvents), n -> n == 0)).isZero();
	}

	@Autowired
	zhifa.supervision.alert.Alerts alerts;

	@Test
	void aPreservationLeftPastItsPeriodRaisesAnAlertThatClosesWhenDecided() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long id = scenarios.filed(officer, loggedIn("scj.fuze"), "保存超期测试公司", 953);
		String base = "/api/v1/cases/" + id;
		var kept = officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"待检样品三箱","approvedBy":"刘强","appliedOn":"%s"}""".formatted(java.time.LocalDate.now(clock)));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		long measure = json(kept.body()).get("id").asLong();
		String state = "select a.state from sv_alert a join sv_act t on t.id = a.act_id where t.source = 'PLATFORM' and t.external_id = ? "
				+ "and a.rule_code = 'PRESERVATION_PERIOD'";
		await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).map(a -> a.report().details().measures().size()).orElse(0), n -> n == 1);
		assertThat(jdbc.queryForList(state, String.class, String.valueOf(id))).isEmpty();
		try {
			// two weeks later nothing was decided: the nightly sweep raises the alert (行政处罚法第五十六条: seven working days)
			clock.shift(Duration.ofDays(14));
			alerts.sweep();
			assertThat(jdbc.queryForList(state, String.class, String.valueOf(id))).containsExactly("NEW");
			// decided late: the alert stays (the period was missed), with the day it was done
			assertThat(officer.postJson(base + "/measures/" + measure + "/close", "{\"outcome\":\"样品送检后返还\"}").statusCode()).isEqualTo(200);
			assertThat(await(() -> jdbc.queryForObject("select reasoning from sv_alert a join sv_act t on t.id = a.act_id where t.external_id = ? "
					+ "and a.rule_code = 'PRESERVATION_PERIOD'", String.class, String.valueOf(id)), r -> r.contains("才处理"))).contains("才处理");
		}
		finally {
			clock.shift(Duration.ZERO);
		}
	}

	@Test
	void aBodyFiningFarAboveItsOwnPastIsAlertedAndTheAlertClosesWhenThatEnds() {
		long body = bodyId("芒市农业农村局");
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		java.util.function.BiConsumer<String, long[]> report = (id, dayAndFine) -> ledger.record(new ActReport("TEST-PROFIT", id, 1, body, "PENALTY", "NY-001",
				"测试事项", "测试罚决〔" + id + "〕号", "ORGANIZATION", "测试公司" + id, null, "U:PROFIT" + id, null, "DECIDED",
				today.minusDays(dayAndFine[0] + 20), today.minusDays(dayAndFine[0] + 15), today.minusDays(dayAndFine[0] + 10), null, null, null, false, false,
				false, false, false, today.minusDays(dayAndFine[0]), "PENALTY", "N" + id, dayAndFine[1], null, null, null, 0, null, List.of("C1", "C2"), 2,
				false));
		report.accept("P1", new long[] { 200, 500_000L });
		report.accept("P2", new long[] { 300, 500_000L });
		report.accept("P3", new long[] { 20, 3_000_000L });
		report.accept("P4", new long[] { 40, 3_000_000L });
		String state = "select state from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING'";
		alerts.sweepBodies();
		assertThat(jdbc.queryForList(state, String.class, body)).containsExactly("NEW");
		assertThat(jdbc.queryForObject("select reasoning from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING'", String.class, body))
			.contains("60,000.00元", "倍");
		// the two recent decisions are revoked on review (the source reports them again, now without a penalty): the condition ends,
		// the alert closes itself
		for (String id : List.of("P3", "P4")) {
			var r = ledger.find("TEST-PROFIT", id).orElseThrow().report();
			ledger.record(new ActReport(r.source(), r.externalId(), 2, r.bodyId(), r.kind(), r.matterCode(), r.matterName(), r.caseNumber(), r.partyKind(),
					r.partyName(), r.partyMasked(), r.partyKey(), r.placeRegionId(), r.stage(), r.actDate(), r.receivedOn(), r.filedOn(), null, null, null, false,
					false, false, false, false, r.decidedOn(), "NO_PENALTY", r.decisionNumber(), null, null, null, null, 0, null, r.officerCertificates(), 2,
					false));
		}
		alerts.sweepBodies();
		assertThat(jdbc.queryForList(state, String.class, body)).containsExactly("CONDITION_ENDED");
	}

	@Test
	void finesConcentratedOnNonLocalPartiesAreAlertedFromTheirIdentifiers() {
		long body = bodyId("芒市水务局");
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		// parties known by their identifier: a USCC registered in 成都 (510104), one in 芒市 (533103); a person's masked ID from 德宏 (5331)
		String chengdu = usccWithCheck("91510104MA6C" + "00001");
		String mangshi = usccWithCheck("92533103MA6K" + "00002");
		java.util.function.BiConsumer<String, Object[]> report = (id, x) -> ledger.record(new ActReport("TEST-NONLOCAL", id, 1, body, "PENALTY", "LC-001",
				"测试事项", "测试罚决〔" + id + "〕号", (String) x[2], "测试当事人" + id, (String) x[3], "K:NONLOCAL" + id, null, "DECIDED",
				today.minusDays((int) x[0] + 20), today.minusDays((int) x[0] + 15), today.minusDays((int) x[0] + 10), null, null, null, false, false, false,
				false, false, today.minusDays((int) x[0]), "PENALTY", "N" + id, (Long) x[1], null, null, null, 0, null, List.of("C1", "C2"), 2, false));
		// the year before: local parties only; the last ninety days: mostly a company from elsewhere, the same total as before
		report.accept("L1", new Object[] { 200, 4_000_000L, "ORGANIZATION", mangshi });
		report.accept("L2", new Object[] { 300, 4_000_000L, "NATURAL_PERSON", "5331**********1234" });
		report.accept("N1", new Object[] { 20, 1_500_000L, "ORGANIZATION", chengdu });
		report.accept("N2", new Object[] { 30, 300_000L, "NATURAL_PERSON", "5331**********5678" });
		// registered by the prefecture's authority (533100): local to a county body of 德宏州
		report.accept("N3", new Object[] { 25, 200_000L, "ORGANIZATION", usccWithCheck("91533100MA6K" + "00003") });
		// outside the window, only for the derivation: a 个体工商户 reported as a natural person with its USCC; a free-form mask
		report.accept("X1", new Object[] { 600, 100_000L, "NATURAL_PERSON", usccWithCheck("92533103MA6K" + "00004") });
		report.accept("X2", new Object[] { 600, 100_000L, "NATURAL_PERSON", "5331abcd" });
		assertThat(jdbc.queryForList("select party_region from sv_act where source = 'TEST-NONLOCAL' order by external_id", String.class))
			.containsExactly("533103", "5331", "510104", "5331", "533100", "533103", null);
		String nonLocal = "select state from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING' and occurrence = 'NON_LOCAL'";
		alerts.sweepBodies();
		assertThat(jdbc.queryForList(nonLocal, String.class, body)).containsExactly("NEW");
		assertThat(jdbc.queryForObject("select reasoning from sv_alert where subject_kind = 'BODY' and subject_id = ? and occurrence = 'NON_LOCAL'", String.class,
				body)).contains("外地当事人作出罚款决定 1 件", "15,000.00元", "75.0%", "0.0%", "州（市）一级");
		// the amounts alone are not far above the body's past: no alert of that kind
		assertThat(jdbc.queryForList("select occurrence from sv_alert where subject_kind = 'BODY' and subject_id = ? and rule_code = 'PROFIT_SEEKING'", String.class, body))
			.containsExactly("NON_LOCAL");
		// the 成都 decision is revoked: the condition ends and the alert closes itself
		var r = ledger.find("TEST-NONLOCAL", "N1").orElseThrow().report();
		ledger.record(new ActReport(r.source(), r.externalId(), 2, r.bodyId(), r.kind(), r.matterCode(), r.matterName(), r.caseNumber(), r.partyKind(),
				r.partyName(), r.partyMasked(), r.partyKey(), r.placeRegionId(), r.stage(), r.actDate(), r.receivedOn(), r.filedOn(), null, null, null, false,
				false, false, false, false, r.decidedOn(), "NO_PENALTY", r.decisionNumber(), null, null, null, null, 0, null, r.officerCertificates(), 2, false));
		alerts.sweepBodies();
		assertThat(jdbc.queryForList(nonLocal, String.class, body)).containsExactly("CONDITION_ENDED");
	}

	private static String usccWithCheck(String first17) {
		return first17 + zhifa.shared.Uscc.checkCharacter(first17);
	}

	@Test
	void casesFromBeforeTheLedgerAreReportedOnceAfterStart() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		long id = scenarios.clue(loggedIn("scj.zhifa"), "台账补录测试公司", 954);
		Act act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null);
		// as on a database upgraded from before the ledger: the case is there, its act is not
		jdbc.update("delete from sv_alert where act_id = ?", act.id());
		jdbc.update("delete from sv_act where id = ?", act.id());
		ledger.backfill();
		assertThat(await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).isPresent(), present -> present)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from case_view c where not exists (select 1 from sv_act a where a.source = 'PLATFORM' "
				+ "and a.external_id = c.id::text)", Long.class)).isZero();
	}
}
