package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The ledger follows every platform case change through its queue; a report older than the row changes nothing; a change
 * left in the queue by a process that died is reported by the next batch, a failed one is tried again.
 */
class LedgerIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;



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

	@Autowired
	LedgerQueue queue;

	@Test
	void everyFieldOfAReportIsKeptAsReportedAloneAndInABatch() {
		// every value different from its neighbours of the same type (a column written from the wrong array shows): the
		// six flags of row r are the bits r of 1…6, so any two flags differ in some row of the batch; one report has the
		// nullable columns null and no officer, another an officer number with the separator the column used before
		long body = bodyId("芒市农业农村局");
		long place = jdbc.queryForObject("select min(id) from org_region", Long.class);
		java.time.LocalDate d = java.time.LocalDate.of(2024, 3, 1);
		java.util.function.BiFunction<String, Integer, ActReport> report = (id, v) -> {
			int r = (v - 1) % 3;
			java.util.function.IntPredicate flag = k -> (((k + 1) >> r) & 1) == 1;
			boolean bare = v == 3;
			return new ActReport("TEST-FIELDS", id, v, body, "PENALTY", "M-" + v, "事项" + v, "号" + v, "ORGANIZATION", "字段测试公司" + v, "掩码" + v,
					"U:FIELDS" + id, bare ? null : place, "DECIDED", d.plusDays(1), d.plusDays(2), d.plusDays(3), bare ? null : d.plusDays(4), d.plusDays(5),
					d.plusDays(6), flag.test(0), flag.test(1), flag.test(2), flag.test(3), flag.test(4), d.plusDays(7), "NO_PENALTY", "决定" + v,
					bare ? null : 100L + v, 200L + v, bare ? null : 300L + v, d.plusDays(8), 400L + v, d.plusDays(9),
					bare ? List.of() : List.of("证" + v, "证|" + (v + 1)), v + 10, flag.test(5),
					bare ? ActReport.Details.NONE
							: new ActReport.Details(List.of("WARNING"), List.of("FINE"), 500L, true, false, true,
									List.of(new ActReport.Measure("SEAL", d.plusDays(10), null, true)), false, d.plusDays(11),
									new ActReport.Dues(d.plusDays(12), d.plusDays(13), d.plusDays(14)), d.plusDays(15), null, List.of(), 600L));
		};
		ActReport alone = report.apply("F1", 1);
		long first = ledger.record(alone).actId();
		assertThat(ledger.find("TEST-FIELDS", "F1").orElseThrow().report()).isEqualTo(alone);
		List<ActReport> batch = List.of(report.apply("F2", 2), report.apply("F3", 3), report.apply("F1", 4));
		var recorded = ledger.recordAll("TEST-FIELDS", batch);
		assertThat(recorded).allMatch(Ledger.Recorded::changed);
		assertThat(recorded.get(2).actId()).isEqualTo(first);
		for (ActReport r : batch) {
			assertThat(ledger.find("TEST-FIELDS", r.externalId()).orElseThrow().report()).isEqualTo(r);
		}
		assertThat(jdbc.queryForObject("select decision_due from sv_act where source = 'TEST-FIELDS' and external_id = 'F2'", java.time.LocalDate.class))
			.isEqualTo(d.plusDays(13));
		// an older version changes nothing, alone or in a batch, and answers with the act it did not change
		var older = ledger.recordAll("TEST-FIELDS", List.of(alone, report.apply("F2", 1)));
		assertThat(older).noneMatch(Ledger.Recorded::changed);
		assertThat(older.get(0).actId()).isEqualTo(first);
		assertThat(older.get(1).actId()).isEqualTo(recorded.get(0).actId());
		assertThat(ledger.find("TEST-FIELDS", "F1").orElseThrow().report()).isEqualTo(batch.get(2));
	}

	@Test
	void aChangeLeftInTheQueueByAProcessThatDiedIsReportedByTheNextBatch() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long id = scenarios.clue(officer, "台账重投测试公司", 952);
		await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).isPresent(), present -> present);
		assertThat(await(() -> queued("CASE", id), n -> n == 0)).isZero();
		// as if the process died after the change committed and before its batch did: no row, the change still queued
		jdbc.update("delete from sv_alert where act_id in (select id from sv_act where source = 'PLATFORM' and external_id = ?)", String.valueOf(id));
		jdbc.update("delete from sv_act where source = 'PLATFORM' and external_id = ?", String.valueOf(id));
		assertThat(ledger.find(ActReport.PLATFORM, String.valueOf(id))).isEmpty();
		// the clue's filing period has passed by the time the queue is worked off
		clock.shift(Duration.ofDays(40));
		jdbc.update("insert into sv_ledger_queue (kind, ref) values ('CASE', ?)", id);
		queue.poll();
		Act act = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(id)).orElse(null), a -> a != null);
		assertThat(act).isNotNull();
		// and the act went on to the alert rules in the same batch: the clue not filed in time is on the supervisor's list
		assertThat(await(() -> jdbc.queryForList("select rule_code from sv_alert where act_id = ?", String.class, act.id()), rules -> !rules.isEmpty()))
			.contains("UNFILED_CLUE");
		assertThat(queued("CASE", id)).isZero();
	}

	@Test
	void aFailedItemIsQueuedAgainWithItsErrorWithoutTakingTheRestOfItsBatchAlong() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		long failing = scenarios.clue(officer, "台账失败测试公司甲", 956);
		long fine = scenarios.clue(officer, "台账失败测试公司乙", 957);
		await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(fine)).isPresent(), present -> present);
		await(() -> queued("CASE", failing) + queued("CASE", fine), n -> n == 0);
		long failingVersion = ledger.find(ActReport.PLATFORM, String.valueOf(failing)).orElseThrow().report().version();
		long fineVersion = ledger.find(ActReport.PLATFORM, String.valueOf(fine)).orElseThrow().report().version();
		// the ledger refuses one case's report (a trigger stands for any failure: a bug, a constraint)
		jdbc.execute("create function sv_act_refuse_test() returns trigger language plpgsql as $$ begin if new.external_id = '" + failing
				+ "' then raise exception '测试：台账拒收'; end if; return new; end $$");
		jdbc.execute("create trigger sv_act_refuse_test before update on sv_act for each row execute function sv_act_refuse_test()");
		try {
			jdbc.update("update enforcement_case set version = version + 1 where id in (?, ?)", failing, fine);
			jdbc.update("insert into sv_ledger_queue (kind, ref) values ('CASE', ?), ('CASE', ?)", failing, fine);
			queue.poll();
			// the other case of the batch is reported; the failing one waits with its attempt and error
			await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(fine)).orElseThrow().report().version(), v -> v > fineVersion);
			var row = await(() -> jdbc.queryForList("select attempts, last_error, due_at > now() as later from sv_ledger_queue where kind = 'CASE' and ref = ?",
					failing), rows -> !rows.isEmpty());
			assertThat(row).singleElement().satisfies(r -> {
				// once (tried again ten seconds later, perhaps already more often on a slow machine)
				assertThat((Integer) r.get("attempts")).isGreaterThanOrEqualTo(1);
				assertThat((String) r.get("last_error")).contains("测试：台账拒收");
				assertThat(r.get("later")).isEqualTo(true);
			});
			assertThat(ledger.find(ActReport.PLATFORM, String.valueOf(failing)).orElseThrow().report().version()).isEqualTo(failingVersion);
		}
		finally {
			jdbc.execute("drop trigger sv_act_refuse_test on sv_act");
			jdbc.execute("drop function sv_act_refuse_test()");
		}
		// the failure was passing: tried again when due, it goes through and leaves the queue
		jdbc.update("update sv_ledger_queue set due_at = now() where kind = 'CASE' and ref = ?", failing);
		queue.poll();
		assertThat(await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(failing)).orElseThrow().report().version(), v -> v > failingVersion))
			.isGreaterThan(failingVersion);
		assertThat(await(() -> queued("CASE", failing), n -> n == 0)).isZero();
	}

	@Test
	void retriesWaitLongerEachTimeUpToAnHour() {
		assertThat(LedgerQueue.retryWait(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(LedgerQueue.retryWait(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(LedgerQueue.retryWait(9)).isEqualTo(Duration.ofSeconds(2560));
		assertThat(LedgerQueue.retryWait(10)).isEqualTo(Duration.ofHours(1));
		assertThat(LedgerQueue.retryWait(1000)).isEqualTo(Duration.ofHours(1));
	}

	private long queued(String kind, long ref) {
		return jdbc.queryForObject("select count(*) from sv_ledger_queue where kind = ? and ref = ?", Long.class, kind, ref);
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
		// the registry's rows as a listener of another module leaves them (the ledger no longer uses it: its queue)
		String type = "zhifa.test.PruneTest" + java.util.UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts)
				values (gen_random_uuid(), 'test', ?, '{"n":1}', now() - interval '10 days', now() - interval '10 days', 'COMPLETED', 1),
				       (gen_random_uuid(), 'test', ?, '{"n":2}', now() - interval '10 days', null, 'PUBLISHED', 1),
				       (gen_random_uuid(), 'test', ?, '{"n":3}', now() - interval '1 day', now() - interval '1 day', 'COMPLETED', 1)""", type, type, type);
		try {
			redelivery.prune();
			assertThat(jdbc.queryForList("select serialized_event from event_publication where event_type = ? order by serialized_event", String.class, type))
				.containsExactly("{\"n\":2}", "{\"n\":3}");
		}
		finally {
			jdbc.update("delete from event_publication where event_type = ?", type);
		}
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

	@Autowired
	java.util.List<ActSource> sources;

	@Autowired
	zhifa.casework.Cases cases;

	@Autowired
	zhifa.record.RecordVerifier verifier;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/**
	 * The queue's batch reads each table once for all its cases and acts: what it reports and what the rules then do must
	 * be what the one-by-one reading gives, for cases of every stage with preservations, measures and timers.
	 */
	@Test
	void aBatchReportsAndEvaluatesExactlyWhatOneByOneWould() throws Exception {
		var scenarios = new CaseScenarios(jdbc, clock);
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long clue = scenarios.clue(officer, "批量读取测试甲", 955);
		long filed = scenarios.filed(officer, head, "批量读取测试乙", 956);
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		for (String kind : List.of("PRESERVATION", "SEAL")) {
			var m = officer.postJson("/api/v1/cases/" + filed + "/measures",
					"{\"kind\":\"%s\",\"reason\":\"涉嫌违法生产（测试）\",\"basis\":\"《中华人民共和国食品安全法》第一百一十条第（四）项\",\"items\":\"样品（批量测试）\",\"approvedBy\":\"刘强\",\"appliedOn\":\"%s\",\"avRecorded\":true}".formatted(kind, today));
			assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
		}
		long decided = scenarios.decidedAndServed(officer, head, "批量读取测试丙", 957);
		List<Long> ids = jdbc.queryForList("select id from enforcement_case order by id", Long.class);
		var files = cases.load(ids);

		java.util.Map<Long, ActReport> oneByOne = new java.util.HashMap<>();
		java.util.Map<Long, ActReport> batch = new java.util.HashMap<>();
		for (ActSource s : sources) {
			files.forEach(f -> s.report(f).ifPresent(r -> oneByOne.put(f.id(), r)));
			batch.putAll(s.reports(files));
		}
		assertThat(batch).containsKeys(clue, filed, decided).isEqualTo(oneByOne);
		ActReport withMeasures = batch.get(filed);
		assertThat(withMeasures.details().measures()).extracting(ActReport.Measure::kind).containsExactlyInAnyOrder("PRESERVATION", "SEAL");
		assertThat(withMeasures.details().dues().filing()).isNotNull();

		// another system's acts for the rules that read beyond the act: a party fined three times for one matter (以罚代管,
		// the party's history, read for the whole batch at once) and a place outside the body's region (异地执法, by body and place)
		long body = bodyId("芒市农业农村局");
		long away = jdbc.queryForObject("""
				select r.id from org_region r where r.path not like (select br.path from org_body b join org_region br on br.id = b.region_id where b.id = ?) || '%'
				order by r.id limit 1""", Long.class, body);
		String run = java.util.UUID.randomUUID().toString().substring(0, 8);
		// three years back: outside the windows of the body's figures that other tests look at
		java.time.LocalDate longAgo = today.minusYears(3);
		for (int n = 0; n < 3; n++) {
			ledger.record(new ActReport("TEST-BATCH", run + "-" + n, 1, body, "PENALTY", "NY-001", "测试事项", "测试〔" + run + n + "〕号", "ORGANIZATION",
					"反复罚款测试公司" + run, null, "U:BATCH" + run, n == 0 ? away : null, "DECIDED", longAgo.minusDays(40 - n), longAgo.minusDays(40 - n),
					longAgo.minusDays(39 - n), null, null, null, false, false, false, false, false, longAgo.minusDays(30 - n), "PENALTY", "决〔" + run + n + "〕号",
					100_000L, null, null, null, 0L, null, List.of("C1", "C2"), 2, false));
		}

		// the rules over every act, all at once and one by one, each in a transaction rolled back: the same alerts
		await(() -> queue.backlog().waiting(), n -> n == 0);
		List<Long> acts = jdbc.queryForList("select id from sv_act order by id", Long.class);
		String alertsNow = "select rule_code || '/' || subject_id || '/' || occurrence || '/' || state || '/' || body_id || '/' || reasoning "
				+ "from sv_alert where subject_kind = 'ACT' order by 1";
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		java.util.function.Consumer<Runnable> rolledBack = work -> tx.executeWithoutResult(status -> {
			// the alerts no document refers to are gone, so the evaluation raises them again
			jdbc.update("delete from sv_alert a where subject_kind = 'ACT' and not exists (select 1 from sv_document_alert d where d.alert_id = a.id)");
			work.run();
			status.setRollbackOnly();
		});
		long lastEntry = jdbc.queryForObject("select coalesce(max(id), 0) from record_entry", Long.class);
		// each entry with the alert it is the record of (an entry written on another alert's chain shows)
		String entriesNow = "select e.action || ' ' || a.rule_code || '/' || a.subject_id || '/' || a.occurrence || ' ' || e.summary || ' ' || e.payload "
				+ "from record_entry e join sv_alert a on a.id::text = e.subject_id where e.subject_type = 'sv_alert' and e.id > " + lastEntry + " order by 1";
		List<List<String>> seen = new java.util.ArrayList<>();
		List<List<String>> entries = new java.util.ArrayList<>();
		int[] raised = new int[2];
		rolledBack.accept(() -> {
			raised[0] = alerts.evaluateAll(acts);
			seen.add(jdbc.queryForList(alertsNow, String.class));
			entries.add(jdbc.queryForList(entriesNow, String.class));
			// every alert's record chain (written together at the batch's end) verifies
			jdbc.queryForList("select id from sv_alert where subject_kind = 'ACT'", Long.class)
				.forEach(a -> assertThat(verifier.verifyChain("sv_alert", String.valueOf(a)).intact()).as("alert " + a).isTrue());
		});
		rolledBack.accept(() -> {
			acts.forEach(a -> raised[1] += alerts.evaluate(a));
			seen.add(jdbc.queryForList(alertsNow, String.class));
			entries.add(jdbc.queryForList(entriesNow, String.class));
		});
		assertThat(raised[0]).isPositive().isEqualTo(raised[1]);
		assertThat(seen.get(0)).isNotEmpty().isEqualTo(seen.get(1));
		assertThat(seen.get(0)).anyMatch(a -> a.startsWith("REPEATED_FINES/")).anyMatch(a -> a.startsWith("REMOTE_ENFORCEMENT/"));
		assertThat(entries.get(0)).isNotEmpty().isEqualTo(entries.get(1));
	}

	/**
	 * What follows a change of the ledger (the act to push upward) is written with the transaction's other rows just
	 * before it commits: nothing before, one row after; and nothing for a change rolled back to its savepoint.
	 */
	@Test
	void theRowsFollowingAChangeAreWrittenAtCommitAndNotForAChangeRolledBack() {
		long body = bodyId("芒市农业农村局");
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		String run = java.util.UUID.randomUUID().toString().substring(0, 8);
		java.util.function.Function<String, ActReport> report = id -> new ActReport("TEST-COMMIT", id, 1, body, "PENALTY", "NY-001", "测试事项", "测试〔" + id + "〕号",
				"ORGANIZATION", "测试公司" + id, null, "U:COMMIT" + id, null, "CLUE", today, today, null, null, null, null, false, false, false, false, false,
				null, null, null, null, null, null, null, 0, null, List.of("C1", "C2"), 2, false);
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		var nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
		nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
		String outbound = "select count(*) from ex_outbound where element_class = 'ACT' and element_key = ?";
		long[] ids = new long[2];
		tx.executeWithoutResult(s -> {
			ids[0] = ledger.record(report.apply(run + "-kept")).actId();
			try {
				nested.executeWithoutResult(n -> {
					ids[1] = ledger.record(report.apply(run + "-undone")).actId();
					throw new IllegalStateException("rolled back to the savepoint");
				});
			}
			catch (IllegalStateException expected) {
				// the second act's change is undone
			}
			assertThat(jdbc.queryForObject(outbound, Long.class, String.valueOf(ids[0]))).as("not written before the commit").isZero();
		});
		assertThat(ledger.find("TEST-COMMIT", run + "-kept")).isPresent();
		assertThat(ledger.find("TEST-COMMIT", run + "-undone")).isEmpty();
		assertThat(jdbc.queryForObject(outbound, Long.class, String.valueOf(ids[0]))).isEqualTo(1);
		assertThat(jdbc.queryForObject(outbound, Long.class, String.valueOf(ids[1]))).isZero();
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
