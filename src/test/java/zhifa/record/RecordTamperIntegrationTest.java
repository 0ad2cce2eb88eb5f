package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.shared.Operator;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The record against someone who can write to the database as its superuser but has neither the keys nor the exported
 * anchor file. Runs on a database of its own (the anchors it signs must not meet other tests' back-dated entries).
 */
@TestPropertySource(properties = "zhifa.record.anchor-grace=PT5M")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RecordTamperIntegrationTest extends IntegrationTestBase {

	@Autowired
	RecordVerifier verifier;

	@Autowired
	SignedAnchors anchors;

	@Autowired
	FullProcessRecord record;

	@Autowired
	TransactionTemplate tx;

	private String editBody(HttpSession admin, long bodyId, String notice) {
		String edit = """
				{"name":"芒市水务局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3,"qualificationNotice":"%s","domainCodes":["WATER"]}""";
		String uscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, bodyId);
		var r = admin.putJson("/api/v1/bodies/" + bodyId, edit.formatted(uscc, notice));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r.body();
	}

	private void asSuperuser(Runnable change) {
		jdbc.execute("alter table record_entry disable trigger record_entry_append_only");
		jdbc.execute("alter table record_seal disable trigger record_seal_append_only");
		try {
			change.run();
		}
		finally {
			jdbc.execute("alter table record_entry enable trigger record_entry_append_only");
			jdbc.execute("alter table record_seal enable trigger record_seal_append_only");
		}
	}

	private RecordEntry entry(String type, String id, long seq) {
		return jdbc.queryForObject("select " + RecordRows.COLUMNS + " from record_entry where subject_type = ? and subject_id = ? and seq = ?",
				RecordRows.ENTRY, type, id, seq);
	}

	@Test
	void anEntryOutsideATransactionIsRefusedAndWritesNothing() {
		String subject = "test_outside_" + System.nanoTime();
		Operator system = Operator.SYSTEM;
		assertThatThrownBy(() -> record.append(system, subject, 1, null, "test.outside", "事务之外", Map.of()))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
		assertThatThrownBy(() -> record.appendAll(system, List.of(new FullProcessRecord.NewEntry(subject, 1, null, "test.outside", "一", Map.of()),
				new FullProcessRecord.NewEntry(subject, 2, null, "test.outside", "二", Map.of()))))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = ?", Long.class, subject)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from record_chain where subject_type = ?", Long.class, subject)).isZero();
	}

	@Test
	void theAnchorLockIsTakenBeforeTheStatementThatReadsWhatIsSigned() throws Exception {
		// a statement sees what was committed when it began: the time signed up to must be read (or checked) by a statement
		// after the one that waited for the lock, or an anchor signed while it waited would be missed
		java.util.function.Consumer<List<String>> lockFirst = sql -> {
			int lock = -1;
			int read = -1;
			for (int i = 0; i < sql.size(); i++) {
				if (lock < 0 && sql.get(i).contains("pg_advisory_xact_lock_shared")) {
					lock = i;
				}
				if (read < 0 && sql.get(i).contains("record_seal")) {
					read = i;
				}
			}
			assertThat(lock).as(String.join("\n", sql)).isNotNegative();
			assertThat(read).as(String.join("\n", sql)).isGreaterThan(lock);
		};
		String subject = "test_lock_order_" + System.nanoTime();
		lockFirst.accept(zhifa.support.StatementCounter
			.count(() -> tx.execute(s -> record.append(Operator.SYSTEM, subject, 1, null, "test.one", "一条", Map.of()))).fullSql());
		lockFirst.accept(zhifa.support.StatementCounter.count(() -> tx.execute(s -> record.appendAll(Operator.SYSTEM,
				List.of(new FullProcessRecord.NewEntry(subject, 2, null, "test.many", "多条之一", Map.of()),
						new FullProcessRecord.NewEntry(subject, 3, null, "test.many", "多条之二", Map.of()))))).fullSql());
	}

	/**
	 * A bulk append finds no chain for a subject another transaction is creating at that moment: its chain head waits for
	 * that one, and once it has committed the bulk entries continue its chain (sequence 2 after its 1) instead of
	 * starting a second chain or failing.
	 */
	@Test
	void aChainCreatedByAnotherWriterWhileABulkAppendWaitsIsContinuedNotForked() throws Exception {
		String subject = "test_race_" + System.nanoTime();
		var held = new java.util.concurrent.CountDownLatch(1);
		var release = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> tx.execute(s -> {
				RecordEntry e = record.append(Operator.SYSTEM, subject, 1, null, "test.first", "先写", Map.of());
				held.countDown();
				try {
					release.await(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException x) {
					Thread.currentThread().interrupt();
				}
				return e;
			}));
			assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			var bulk = pool.submit(() -> tx.execute(s -> record.appendAll(Operator.SYSTEM, List.of(
					new FullProcessRecord.NewEntry(subject, 1, null, "test.bulk", "批量之一", Map.of()),
					new FullProcessRecord.NewEntry(subject, 2, null, "test.bulk", "批量之二", Map.of())))));
			// the bulk writer has read no head for subject 1 and waits on the first writer's new chain row
			assertThat(await(() -> jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into record_chain%'",
					Long.class), n -> n > 0)).isEqualTo(1L);
			release.countDown();
			RecordEntry a = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
			List<RecordEntry> b = bulk.get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(a.seq()).isEqualTo(1);
			assertThat(b.get(0).seq()).isEqualTo(2);
			assertThat(b.get(0).prevHash()).isEqualTo(a.hash());
			assertThat(b.get(1).seq()).isEqualTo(1);
			assertThat(b.get(1).prevHash()).isEqualTo(RecordEntry.GENESIS);
			assertThat(entry(subject, "1", 2)).isEqualTo(b.get(0));
			assertThat(entry(subject, "2", 1)).isEqualTo(b.get(1));
			for (String id : List.of("1", "2")) {
				var check = verifier.verifyChain(subject, id);
				assertThat(check.intact()).as(check.reason()).isTrue();
				assertThat(check.entries()).isEqualTo(id.equals("1") ? 2 : 1);
			}
			assertThat(jdbc.queryForObject("select last_seq from record_chain where subject_type = ? and subject_id = '1'", Long.class, subject)).isEqualTo(2);
			assertThat(jdbc.queryForObject("select last_hash from record_chain where subject_type = ? and subject_id = '2'", String.class, subject).trim())
				.isEqualTo(b.get(1).hash());
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: after an anchor up to now, entries dated in the past are dated at its end
	void anEntryWrittenBehindAnAnchorSignedAheadOfThisClockIsDatedAtTheAnchorsEnd() {
		// another node's clock a second ahead signed everything up to its now (as a 双随机 draw's beacon does)
		String subject = "test_ahead_" + System.nanoTime();
		tx.execute(s -> record.append(Operator.SYSTEM, subject, 1, null, "test.before", "签署前", Map.of()));
		clock.shift(Duration.ofSeconds(1));
		var anchor = anchors.anchorNow().orElseThrow();
		clock.reset();
		assertThat(anchor.periodEnd()).isAfter(clock.instant());
		RecordEntry behind = tx.execute(s -> record.append(Operator.SYSTEM, subject, 1, null, "test.behind", "签署后，本机时钟在签署之前", Map.of()));
		// not inside the signed period: dated at its end, chained, stored as returned
		assertThat(behind.occurredAt()).isEqualTo(anchor.periodEnd());
		assertThat(behind.seq()).isEqualTo(2);
		assertThat(entry(subject, "1", 2)).isEqualTo(behind);
		var check = verifier.verifyChain(subject, "1");
		assertThat(check.intact()).as(check.reason()).isTrue();
		assertThat(check.entries()).isEqualTo(2);
	}

	@Test
	void databaseRefusesToChangeOrDeleteRecordEntriesAndAnchors() {
		assertThatThrownBy(() -> jdbc.update("update record_entry set summary = 'x' where id = (select min(id) from record_entry)"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("只可追加");
		assertThatThrownBy(() -> jdbc.update("delete from record_entry where id = (select min(id) from record_entry)"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("只可追加");
		assertThatThrownBy(() -> jdbc.execute("truncate record_entry")).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.execute("truncate record_seal")).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where mac is null", Long.class)).as("every entry has a MAC").isZero();
	}

	@Test
	void rowAlteredBehindTheApplicationsBackIsFound() {
		HttpSession admin = loggedIn("admin");
		long bodyId = bodyId("芒市水务局");
		String id = String.valueOf(bodyId);
		editBody(admin, bodyId, "芒政执资〔2025〕2号");
		long seq = jdbc.queryForObject("select last_seq from record_chain where subject_type = 'body' and subject_id = ?", Long.class, id);
		editBody(admin, bodyId, "芒政执资〔2025〕3号");
		var ok = json(admin.get("/api/v1/records/body/" + bodyId + "/verification").body());
		assertThat(ok.get("intact").asBoolean()).isTrue();

		asSuperuser(() -> jdbc.update("update record_entry set payload = replace(payload, '〔2025〕2号', '〔2025〕9号')"
				+ " where subject_type = 'body' and subject_id = ? and seq = ?", id, seq));
		try {
			var broken = json(admin.get("/api/v1/records/body/" + bodyId + "/verification").body());
			assertThat(broken.get("intact").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
			assertThat(broken.get("check").asString()).isEqualTo(RecordVerifier.LINKS);
			assertThat(broken.get("reason").asString()).contains("被改动");
			var report = verifier.verifyAll();
			assertThat(report.intact()).isFalse();
			assertThat(report.found(RecordVerifier.LINKS)).anySatisfy(f -> assertThat(f).contains("BROKEN chain body/" + bodyId + " at seq " + seq));
			assertThat(admin.get("/records/body/" + bodyId).body()).contains("记录链已被破坏");
		}
		finally {
			asSuperuser(() -> jdbc.update("update record_entry set payload = replace(payload, '〔2025〕9号', '〔2025〕2号')"
					+ " where subject_type = 'body' and subject_id = ? and seq = ?", id, seq));
		}
		assertThat(verifier.verifyChain("body", id).intact()).isTrue();
	}

	@Test
	void aForgedEntryRechainedWithACorrectPlainSm3IsFoundByItsMac() {
		HttpSession admin = loggedIn("admin");
		long bodyId = bodyId("芒市水务局");
		String id = String.valueOf(bodyId);
		editBody(admin, bodyId, "芒政执资〔2026〕5号");
		editBody(admin, bodyId, "芒政执资〔2026〕6号");
		long last = jdbc.queryForObject("select last_seq from record_chain where subject_type = 'body' and subject_id = ?", Long.class, id);
		List<Map<String, Object>> original = jdbc.queryForList(
				"select id, payload, prev_hash, hash from record_entry where subject_type = 'body' and subject_id = ? and seq >= ?", id, last - 1);
		String originalHead = jdbc.queryForObject("select last_hash from record_chain where subject_type = 'body' and subject_id = ?", String.class, id);

		// as an attacker with SQL but without the key would: change the entry, recompute its SM3 and every link after it
		asSuperuser(() -> {
			String prev = entry("body", id, last - 1).prevHash();
			for (long seq = last - 1; seq <= last; seq++) {
				RecordEntry e = entry("body", id, seq);
				String payload = e.payload().replace("〔2026〕5号", "〔2026〕1号");
				RecordEntry forged = new RecordEntry(e.id(), e.subjectType(), e.subjectId(), e.seq(), e.occurredAt(), e.actorKind(), e.actorId(),
						e.actorName(), e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(), payload, prev, "", e.mac());
				String hash = RecordEntry.hash(prev, forged.canonical());
				jdbc.update("update record_entry set payload = ?, prev_hash = ?, hash = ? where id = ?", payload, prev, hash, e.id());
				prev = hash;
			}
			jdbc.update("update record_chain set last_hash = ? where subject_type = 'body' and subject_id = ?", prev, id);
		});
		try {
			assertThat(RecordVerifier.verify("body", id, jdbc.query("select " + RecordRows.COLUMNS
					+ " from record_entry where subject_type = 'body' and subject_id = ? order by seq", RecordRows.ENTRY, id)).intact())
				.as("the plain SM3 chain of the forgery holds").isTrue();
			var verification = json(admin.get("/api/v1/records/body/" + bodyId + "/verification").body());
			assertThat(verification.get("intact").asBoolean()).isFalse();
			assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(last - 1);
			assertThat(verification.get("check").asString()).isEqualTo(RecordVerifier.MACS);
			var report = verifier.verifyAll();
			assertThat(report.found(RecordVerifier.MACS)).anySatisfy(f -> assertThat(f).contains("body/" + bodyId).contains("消息认证码不符"));
			assertThat(report.found(RecordVerifier.LINKS)).isEmpty();
			assertThat(report.describe()).contains("[" + RecordVerifier.MACS + "] BROKEN").contains("RESULT: BROKEN");
		}
		finally {
			asSuperuser(() -> {
				for (Map<String, Object> row : original) {
					jdbc.update("update record_entry set payload = ?, prev_hash = ?, hash = ? where id = ?", row.get("payload"), row.get("prev_hash"),
							row.get("hash"), row.get("id"));
				}
				jdbc.update("update record_chain set last_hash = ? where subject_type = 'body' and subject_id = ?", originalHead, id);
			});
		}
		assertThat(verifier.verifyChain("body", id).intact()).isTrue();
	}

	@Test
	void theSignedAnchorFindsTheLastEntriesOfAChainDeletedEvenWhenItsDatabaseCopyIsDeletedToo() throws Exception {
		// four entries written two hours ago, then anchored (the job signs every full hour that ended 5 minutes ago)
		clock.shift(Duration.ofHours(-2));
		tx.executeWithoutResult(s -> {
			for (int i = 1; i <= 4; i++) {
				record.append(Operator.SYSTEM, "test_truncation", "1", null, "test.step", "第" + i + "步", Map.of("step", i));
			}
		});
		clock.reset();
		var anchor = anchors.anchorPending().orElseThrow();
		assertThat(anchors.anchorPending()).as("nothing new to anchor").isEmpty();
		assertThat(anchor.chains()).isPositive();
		assertThat(Files.readString(anchors.file())).contains("\"seq\":" + anchor.seq()).contains(anchor.signature());
		HttpSession admin = loggedIn("admin");
		var key = json(new HttpSession(port).get("/api/v1/public/record/signing-key").body());
		assertThat(RecordKeys.verify(key.get("publicKey").asString(), anchor.signedText(), anchor.signature())).isTrue();
		var detail = json(admin.get("/api/v1/records/anchors/" + anchor.seq()).body());
		assertThat(detail.get("holds").asBoolean()).isTrue();
		assertThat(detail.get("leaves").toString()).contains("test_truncation");
		assertThat(admin.get("/records/anchors").body()).contains("第" + anchor.seq() + "号", "已导出", key.get("publicKey").asString());
		assertThat(verifier.verifyAll().intact()).as(verifier.verifyAll().describe()).isTrue();

		List<Map<String, Object>> deleted = jdbc.queryForList("select * from record_entry where subject_type = 'test_truncation' and seq > 2");
		Map<String, Object> head = jdbc.queryForMap("select * from record_chain where subject_type = 'test_truncation'");
		Map<String, Object> anchorRow = jdbc.queryForMap("select * from record_seal where seq = ?", anchor.seq());
		asSuperuser(() -> {
			jdbc.update("delete from record_entry where subject_type = 'test_truncation' and seq > 2");
			jdbc.update("update record_chain set last_seq = 2, last_hash = (select hash from record_entry where subject_type = 'test_truncation' and seq = 2)"
					+ " where subject_type = 'test_truncation'");
		});
		try {
			assertThat(verifier.verifyChain("test_truncation", "1").intact()).as("a truncated chain still links").isTrue();
			var report = verifier.verifyAll();
			assertThat(report.found(RecordVerifier.DB_ANCHORS))
				.anySatisfy(f -> assertThat(f).contains("第" + anchor.seq() + "号锚定").contains("被改动、删除或插入"));
			assertThat(admin.get("/api/v1/records/anchors/" + anchor.seq()).body()).contains("\"holds\":false");

			// the attacker deletes the database's anchor as well: the exported file still holds it
			asSuperuser(() -> jdbc.update("delete from record_seal where seq = ?", anchor.seq()));
			var second = verifier.verifyAll();
			assertThat(second.found(RecordVerifier.FILE_ANCHORS))
				.anySatisfy(f -> assertThat(f).contains("导出文件中的第" + anchor.seq() + "号锚定").contains("在数据库中缺失"))
				.anySatisfy(f -> assertThat(f).contains("被改动、删除或插入"));
			assertThat(second.intact()).isFalse();
		}
		finally {
			asSuperuser(() -> {
				if (jdbc.queryForObject("select count(*) from record_seal where seq = ?", Long.class, anchor.seq()) == 0) {
					jdbc.update("insert into record_seal (seq, period_start, period_end, root, chains, entries, prev_digest, legacy, key_id, signature,"
							+ " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", anchorRow.get("seq"), anchorRow.get("period_start"),
							anchorRow.get("period_end"), anchorRow.get("root"), anchorRow.get("chains"), anchorRow.get("entries"),
							anchorRow.get("prev_digest"), anchorRow.get("legacy"), anchorRow.get("key_id"), anchorRow.get("signature"),
							anchorRow.get("created_at"));
				}
				for (Map<String, Object> row : deleted) {
					jdbc.update("insert into record_entry (id, subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id,"
							+ " owner_body_id, action, summary, payload, prev_hash, hash, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
							row.get("id"), row.get("subject_type"), row.get("subject_id"), row.get("seq"), row.get("occurred_at"), row.get("actor_kind"),
							row.get("actor_id"), row.get("actor_name"), row.get("actor_body_id"), row.get("owner_body_id"), row.get("action"),
							row.get("summary"), row.get("payload"), row.get("prev_hash"), row.get("hash"), row.get("mac"));
				}
				jdbc.update("update record_chain set last_seq = ?, last_hash = ? where subject_type = 'test_truncation'", head.get("last_seq"),
						head.get("last_hash"));
			});
		}
		assertThat(verifier.verifyAll().intact()).isTrue();
	}
}
