package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.casework.PartyType;
import zhifa.shared.Uscc;
import zhifa.penalty.filing.Filing;
import zhifa.shared.DataScope;
import zhifa.support.IntegrationTestBase;
import zhifa.support.StatementCounter;

/**
 * What a write costs in statements sent to PostgreSQL — a figure independent of the machine, so a regression (a reload
 * after an insert, a lookup done twice) fails here, while the time it costs is measured by {@code WritePathBenchmark}.
 */
public class WritePathIntegrationTest extends IntegrationTestBase {

	@Autowired
	Filing filing;

	@Autowired
	PenaltyActSource actSource;

	@Autowired
	PenaltyCases penaltyCases;

	/**
	 * Statements of the penalty act's report of a clue (the case itself given by the ledger, which loads it once for every
	 * source): 16 before the act source read each child row once (the hearing was read three times, the proposal twice,
	 * the timers one by one) and skipped what a case not filed cannot have.
	 */
	static final int REPORT_OF_A_CLUE = 6;

	@Test
	void registeringAClueAndExtendingItsTriageCostAFewStatements() throws Exception {
		var form = clue(jdbc, LocalDate.now(clock), "语句计数" + UUID.randomUUID().toString().substring(0, 8));
		var registered = StatementCounter.count(() -> filing.registerClue(DataScope.all(), form, null, false));
		System.out.println("register clue: " + registered.statements() + " statements");
		registered.sql().forEach(q -> System.out.println("  " + q));
		// what registration answers, composed from what it wrote, is the case as read afresh
		assertThat(registered.result()).isEqualTo(penaltyCases.get(DataScope.all(), registered.result().id()));
		// what the penalty act source reads to report the new clue to the supervision ledger (after the commit,
		// asynchronously): nothing of a notice, a hearing, a proposal or a remedy, which a clue cannot have yet
		var reported = StatementCounter.count(() -> actSource.report(registered.result().file()).orElseThrow());
		System.out.println("the clue as an act of the ledger: " + reported.statements() + " statements");
		reported.sql().forEach(q -> System.out.println("  " + q));
		var extended = StatementCounter.count(() -> filing.extendTriage(DataScope.all(), registered.result().id(), "案情复杂，经负责人批准"));
		System.out.println("extend triage: " + extended.statements() + " statements");
		extended.sql().forEach(q -> System.out.println("  " + q));
		assertThat(registered.result().file().stage()).isEqualTo("CLUE");
		assertThat(registered.result().file().partyName()).isEqualTo(form.partyName());
		assertThat(registered.result().simpleProcedure()).isFalse();
		// matter with its domain's procedure profile; case written and read back in one; penalty row; timer; record chain
		// head with the anchor lock; entry with the new head; the ledger queue's row
		assertThat(registered.statements()).isLessThanOrEqualTo(7);
		// case with its penalty row, officers, procedure profile and triage timer; claim returning the case's row; timer;
		// two of the record; the ledger queue's row
		assertThat(extended.statements()).isLessThanOrEqualTo(6);
		assertThat(extended.sql()).noneMatch(q -> q.contains("from penalty_procedure_profile p where"));
		assertThat(extended.sql()).noneMatch(q -> q.startsWith("select * from case_timer"));
		// what the calls answer, composed from what they wrote, is the case as read afresh
		assertThat(extended.result()).isEqualTo(penaltyCases.get(DataScope.all(), registered.result().id()));
		assertThat(extended.result().file().version()).isEqualTo(registered.result().file().version() + 1);
		assertThat(reported.statements()).isLessThanOrEqualTo(REPORT_OF_A_CLUE);
		assertThat(jdbc.queryForObject("select extended from case_timer where case_id = ? and kind = 'FILING'", Integer.class, registered.result().id()))
			.isEqualTo(1);
	}

	@Autowired
	zhifa.casework.Cases cases;

	/**
	 * The claim answers with the officers the read saw (it no longer reads them: every change of officers claims the case
	 * first): on a filed case with two officers, the claim's answer is the case as read afresh in the same transaction, and
	 * a claim of a version another change has moved on is refused.
	 */
	@Test
	void aClaimOfACaseWithOfficersAnswersWithTheCaseAsReadAfresh() {
		var scenarios = new zhifa.support.CaseScenarios(jdbc, clock);
		long id = scenarios.filed(loggedIn("scj.zhifa"), loggedIn("scj.fuze"), "认领测试" + UUID.randomUUID().toString().substring(0, 6), 971);
		var read = penaltyCases.get(DataScope.all(), id);
		assertThat(read.officers()).hasSize(2);
		assertThat(read.profile()).isNotNull();
		assertThat(read.profile().decision().days()).isPositive();
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		var answers = tx.execute(status -> {
			var claimed = cases.claim(read.file(), null);
			var afresh = cases.get(DataScope.all(), id);
			status.setRollbackOnly();
			return java.util.List.of(claimed, afresh);
		});
		assertThat(answers.get(0)).isEqualTo(answers.get(1));
		assertThat(answers.get(0).officers()).isEqualTo(read.officers());
		assertThat(answers.get(0).version()).isEqualTo(read.file().version() + 1);
		// rolled back: nothing changed
		assertThat(penaltyCases.get(DataScope.all(), id)).isEqualTo(read);
		// another change moved the version on: the stale claim is refused and changes nothing
		tx.executeWithoutResult(status -> cases.claim(read.file(), null));
		var moved = penaltyCases.get(DataScope.all(), id);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(status -> cases.claim(read.file(), null)))
			.isInstanceOf(zhifa.shared.StaleWrite.class);
		assertThat(penaltyCases.get(DataScope.all(), id)).isEqualTo(moved);
	}

	@Autowired
	zhifa.casework.CaseRecord caseRecord;

	@Autowired
	zhifa.casework.CaseNumbers numbers;

	@Test
	void aCasesWritesOutsideATransactionAreRefusedAndChangeNothing() {
		var registered = filing.registerClue(DataScope.all(), clue(jdbc, LocalDate.now(clock), "事务之外" + UUID.randomUUID().toString().substring(0, 8)), null,
				false);
		var file = registered.file();
		long entries = jdbc.queryForObject("select count(*) from record_entry where subject_id = ?", Long.class, String.valueOf(file.id()));
		int year = LocalDate.now(clock).getYear() + 50;
		Class<org.springframework.transaction.IllegalTransactionStateException> refused = org.springframework.transaction.IllegalTransactionStateException.class;
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.claim(file, "CLUE")).isInstanceOf(refused);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseRecord.append(file, "case.test", "事务之外", java.util.Map.of())).isInstanceOf(refused);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.next(file.bodyId(), file.kind(), year)).isInstanceOf(refused);
		assertThat(jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, file.id())).isEqualTo(file.version());
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_id = ?", Long.class, String.valueOf(file.id()))).isEqualTo(entries);
		assertThat(jdbc.queryForObject("select count(*) from case_number_sequence where year = ?", Long.class, year)).isZero();
	}

	@Autowired
	zhifa.casework.CaseTimers timers;

	@Autowired
	ProcedureProfiles profiles;

	/**
	 * Every penalty case of the demonstration (clues, declined and handed over, filed, decided, paid, archived) read with
	 * its penalty row in one statement is the case and its row as read apart; out of the scope, or an id no case has, it is
	 * not found.
	 */
	@Test
	void aPenaltyCaseReadWithItsRowInOneStatementIsTheCaseAndItsRowReadApart() throws Exception {
		List<Long> ids = jdbc.queryForList("select id from enforcement_case where kind = 'PENALTY' order by id", Long.class);
		assertThat(jdbc.queryForObject("select count(*) from penalty_case where decision_outcome is not null", Long.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from penalty_case where handed_over_to is not null or outcome is not null", Long.class)).isPositive();
		assertThat(ids).hasSizeGreaterThan(5);
		for (long id : ids) {
			var one = StatementCounter.count(() -> penaltyCases.get(DataScope.all(), id));
			assertThat(one.statements()).isEqualTo(1);
			// the same case as a list reads it, with the profile that applies to its domain (a list has none)
			var listed = penaltyCases.of(cases.get(DataScope.all(), id));
			assertThat(one.result()).usingRecursiveComparison().ignoringFields("profile").isEqualTo(listed);
			assertThat(one.result().profile()).isEqualTo(profiles.of(one.result().domainCode()));
			org.assertj.core.api.Assertions.assertThatThrownBy(listed::profile).isInstanceOf(IllegalStateException.class);
		}
		var any = penaltyCases.get(DataScope.all(), ids.get(0));
		long otherBody = jdbc.queryForObject("select id from org_body where id <> ? order by id limit 1", Long.class, any.bodyId());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> penaltyCases.get(DataScope.body(otherBody), any.id()))
			.isInstanceOf(zhifa.shared.NotFound.class);
		assertThat(penaltyCases.get(DataScope.body(any.bodyId()), any.id())).isEqualTo(any);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> penaltyCases.get(DataScope.all(), Long.MAX_VALUE)).isInstanceOf(zhifa.shared.NotFound.class);
	}

	/** A timer started answers with itself as written (composed, not read back): equal to a fresh read, with or without a ref. */
	@Test
	void aStartedTimerIsAnsweredAsWritten() {
		var registered = filing.registerClue(DataScope.all(), clue(jdbc, LocalDate.now(clock), "计时" + UUID.randomUUID().toString().substring(0, 8)), null,
				false);
		var started = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(tx -> java.util.List.of(
				timers.start(registered.id(), zhifa.penalty.TimerKind.DECISION, LocalDate.now(clock), 90),
				timers.start(registered.id(), zhifa.penalty.TimerKind.STATEMENT, 77L, "陈述、申辩（测试）", LocalDate.now(clock), 5)));
		assertThat(started.get(0)).isEqualTo(timers.get(registered.id(), zhifa.penalty.TimerKind.DECISION));
		assertThat(timers.of(registered.id())).contains(started.get(0), started.get(1), timers.get(registered.id(), zhifa.penalty.TimerKind.FILING));
		assertThat(started.get(1).label()).isEqualTo("陈述、申辩（测试）");
		// the ref is not part of the answer: written where it belongs
		assertThat(jdbc.queryForObject("select ref from case_timer where id = ?", Long.class, started.get(1).id())).isEqualTo(77L);
		assertThat(jdbc.queryForObject("select ref from case_timer where id = ?", Long.class, started.get(0).id())).isNull();
	}

	/**
	 * A case read with one of its timers (one statement, for the steps that change that timer) has the timer as read
	 * alone — the one without a ref, not the statement period started for a document — and the case as read without it;
	 * a timer the case does not have is no answer at all, asked for or not before the step's checks.
	 */
	@Test
	void aCaseReadWithItsTimerHasTheTimerAsReadAlone() {
		var registered = filing.registerClue(DataScope.all(), clue(jdbc, LocalDate.now(clock), "连读" + UUID.randomUUID().toString().substring(0, 8)), null,
				false);
		new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
			timers.start(registered.id(), zhifa.penalty.TimerKind.STATEMENT, 78L, "陈述、申辩（测试）", LocalDate.now(clock), 5);
			timers.start(registered.id(), zhifa.penalty.TimerKind.STATEMENT, LocalDate.now(clock), 3);
		});
		var read = penaltyCases.get(DataScope.all(), registered.id(), zhifa.penalty.TimerKind.FILING);
		assertThat(read.c()).isEqualTo(penaltyCases.get(DataScope.all(), registered.id()));
		assertThat(read.timer()).isEqualTo(timers.get(registered.id(), zhifa.penalty.TimerKind.FILING));
		var statement = penaltyCases.get(DataScope.all(), registered.id(), zhifa.penalty.TimerKind.STATEMENT);
		assertThat(statement.timer()).isEqualTo(timers.get(registered.id(), zhifa.penalty.TimerKind.STATEMENT));
		assertThat(statement.timer().amount()).isEqualTo(3);
		var none = penaltyCases.get(DataScope.all(), registered.id(), zhifa.penalty.TimerKind.DECISION);
		assertThat(none.c()).isEqualTo(read.c());
		org.assertj.core.api.Assertions.assertThatThrownBy(none::timer).isInstanceOf(IllegalStateException.class);
		long otherBody = jdbc.queryForObject("select id from org_body where id <> ? order by id limit 1", Long.class, read.c().bodyId());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> penaltyCases.get(DataScope.body(otherBody), registered.id(), zhifa.penalty.TimerKind.FILING))
			.isInstanceOf(zhifa.shared.NotFound.class);
	}

	/**
	 * Reopening a timer given more time goes by the row, not by what the caller read: the nightly sweep marks timers
	 * missed without claiming their case, so a timer read running may be missed by the time the extension writes.
	 */
	@Test
	void aTimerMarkedMissedAfterItWasReadRunsAgainWhenReopened() {
		var registered = filing.registerClue(DataScope.all(), clue(jdbc, LocalDate.now(clock), "重开" + UUID.randomUUID().toString().substring(0, 8)), null,
				false);
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		var read = tx.execute(x -> timers.start(registered.id(), zhifa.penalty.TimerKind.DECISION, LocalDate.now(clock), 90));
		assertThat(read.state()).isEqualTo(zhifa.casework.CaseTimer.State.RUNNING);
		jdbc.update("update case_timer set state = 'MISSED' where id = ?", read.id());
		tx.executeWithoutResult(x -> timers.reopen(read));
		assertThat(timers.get(registered.id(), zhifa.penalty.TimerKind.DECISION).state()).isEqualTo(zhifa.casework.CaseTimer.State.RUNNING);
		// a timer met stays met, whatever the caller read
		jdbc.update("update case_timer set state = 'MET', closed_on = current_date where id = ?", read.id());
		tx.executeWithoutResult(x -> timers.reopen(read));
		assertThat(timers.get(registered.id(), zhifa.penalty.TimerKind.DECISION).state()).isEqualTo(zhifa.casework.CaseTimer.State.MET);
	}

	/**
	 * The columns a registration writes that its answer does not show (the retry key, the encrypted ID number, the
	 * party's key, who registered it) are written where they belong: the answer alone could not tell them apart.
	 */
	@Test
	void aNaturalPersonsClueWithARetryKeyIsWrittenColumnByColumn() {
		String first17 = "53310319900101" + String.format("%03d", (int) (System.nanoTime() % 900) + 100);
		String id = first17 + zhifa.shared.IdNumber.checkCharacter(first17);
		var company = clue(jdbc, LocalDate.now(clock), "自然人" + UUID.randomUUID().toString().substring(0, 8));
		var form = new Filing.ClueForm(company.bodyId(), company.matterId(), company.source(), PartyType.NATURAL_PERSON, company.partyName(), id, null,
				"德宏州芒市某街道12号", company.placeRegionId(), "某街道12号", company.actDate(), null, true, company.description(), company.receivedOn());
		String key = "重试键-" + UUID.randomUUID();
		var registered = filing.registerClue(DataScope.all(), form, key, false);
		assertThat(registered).isEqualTo(penaltyCases.get(DataScope.all(), registered.id()));
		var row = jdbc.queryForMap("select idempotency_key, party_key, party_id_cipher, party_masked, registered_by_id, place_detail from enforcement_case where id = ?",
				registered.id());
		assertThat(row.get("idempotency_key")).isEqualTo(key);
		assertThat((String) row.get("party_key")).startsWith("P:").doesNotContain(id);
		assertThat((String) row.get("party_id_cipher")).isNotBlank().doesNotContain(id);
		assertThat(row.get("party_masked")).isEqualTo(zhifa.shared.IdNumber.mask(id)).isEqualTo(registered.file().partyMasked());
		assertThat(row.get("registered_by_id")).isNull();
		assertThat(row.get("place_detail")).isEqualTo("某街道12号");
		assertThat(cases.partyBirthDate(registered.id())).contains(LocalDate.of(1990, 1, 1));
		assertThat(registered.seriousHarm()).isTrue();
		// the same key again answers with the same case and writes nothing
		long before = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
		assertThat(filing.registerClue(DataScope.all(), form, key, false)).isEqualTo(registered);
		assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(before);
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	/**
	 * A claim answers with the names of the case as read (its version is the one read); a place changed without a new
	 * version (no writer of this platform does so) is answered as it is now, not with the old place's name.
	 */
	@Test
	void aClaimAnswersTheCaseAsItIsNow() {
		var registered = filing.registerClue(DataScope.all(), clue(jdbc, LocalDate.now(clock), "认领" + UUID.randomUUID().toString().substring(0, 8)), null,
				false);
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		var read = cases.get(DataScope.all(), registered.id());
		var claimed = tx.execute(t -> cases.claim(read, null));
		assertThat(claimed).isEqualTo(cases.get(DataScope.all(), registered.id()));
		assertThat(claimed.version()).isEqualTo(read.version() + 1);
		long elsewhere = jdbc.queryForObject("select id from org_region where id <> ? order by id limit 1", Long.class, claimed.placeRegionId());
		jdbc.update("update enforcement_case set place_region_id = ? where id = ?", elsewhere, registered.id());
		var moved = tx.execute(t -> cases.claim(claimed, "CLUE"));
		assertThat(moved).isEqualTo(cases.get(DataScope.all(), registered.id()));
		assertThat(moved.placeRegionId()).isEqualTo(elsewhere);
		assertThat(moved.placeName()).isEqualTo(jdbc.queryForObject("select name from org_region where id = ?", String.class, elsewhere))
			.isNotEqualTo(read.placeName());
	}

	/** A valid clue of 市场监管局 against a new company. */
	public static Filing.ClueForm clue(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate today, String party) {
		long body = jdbc.queryForObject("select id from body_view where name = '芒市市场监督管理局'", Long.class);
		long matter = jdbc.queryForObject("select id from matter_view where code = 'SJ-CF-001'", Long.class);
		return clue(body, matter, today, party);
	}

	/** The same with the body and the matter looked up once (a benchmark times the registration, not the lookups). */
	public static Filing.ClueForm clue(long body, long matter, LocalDate today, String party) {
		String base = "91533103MB" + String.format("%07d", Math.floorMod(party.hashCode(), 10_000_000));
		String uscc = base + Uscc.checkCharacter(base);
		return new Filing.ClueForm(body, matter, zhifa.penalty.ClueSource.INSPECTION, PartyType.ORGANIZATION, party, null, uscc, "德宏州芒市勐焕路1号", 3L, "", today.minusDays(3), null,
				false, "日常检查发现问题", today);
	}
}
