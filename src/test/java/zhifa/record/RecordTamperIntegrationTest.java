package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class RecordTamperIntegrationTest extends IntegrationTestBase {

	@Autowired
	RecordVerifier verifier;

	@Autowired
	DailyAnchors anchors;

	private long createDomain(HttpSession admin, String code) {
		var res = admin.postForm("/domains", java.util.Map.of("code", code, "name", "测试领域" + code, "_csrf", admin.csrf()));
		assertThat(res.statusCode()).isEqualTo(302);
		return jdbc.queryForObject("select count(*) from record_entry where subject_type = 'domain' and subject_id = ?", Long.class, code);
	}

	@Test
	void databaseRefusesToChangeOrDeleteRecordEntries() {
		assertThatThrownBy(() -> jdbc.update("update record_entry set summary = 'x' where id = (select min(id) from record_entry)"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("只可追加");
		assertThatThrownBy(() -> jdbc.update("delete from record_entry where id = (select min(id) from record_entry)"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("只可追加");
		assertThatThrownBy(() -> jdbc.execute("truncate record_entry")).isInstanceOf(DataAccessException.class);
	}

	@Test
	void rowAlteredBehindTheApplicationsBackIsFound() {
		HttpSession admin = loggedIn("admin");
		long bodyId = bodyId("芒市水务局");
		String edit = """
				{"name":"芒市水务局","uscc":"%s","kind":"ADMINISTRATIVE_ORGAN","regionId":3,"qualificationNotice":"%s","domainCodes":["WATER"]}""";
		String uscc = jdbc.queryForObject("select uscc from org_body where id = ?", String.class, bodyId);
		assertThat(admin.putJson("/api/v1/bodies/" + bodyId, edit.formatted(uscc, "芒政执资〔2025〕2号")).statusCode()).isEqualTo(200);
		assertThat(admin.putJson("/api/v1/bodies/" + bodyId, edit.formatted(uscc, "芒政执资〔2025〕3号")).statusCode()).isEqualTo(200);

		var ok = json(admin.get("/api/v1/records/body/" + bodyId + "/verification").body());
		assertThat(ok.get("intact").asBoolean()).isTrue();
		assertThat(ok.get("entries").asLong()).isEqualTo(3);

		jdbc.execute("alter table record_entry disable trigger record_entry_append_only");
		try {
			jdbc.update("update record_entry set payload = replace(payload, '〔2025〕2号', '〔2025〕9号') where subject_type = 'body' and subject_id = ? and seq = 2",
					String.valueOf(bodyId));
			var broken = json(admin.get("/api/v1/records/body/" + bodyId + "/verification").body());
			assertThat(broken.get("intact").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(2);
			assertThat(broken.get("reason").asString()).contains("被改动");
			var report = verifier.verifyAll();
			assertThat(report.intact()).isFalse();
			assertThat(report.describe()).contains("BROKEN chain body/" + bodyId + " at seq 2");
			assertThat(admin.get("/records/body/" + bodyId).body()).contains("记录链已被破坏");
		}
		finally {
			jdbc.update("update record_entry set payload = replace(payload, '〔2025〕9号', '〔2025〕2号') where subject_type = 'body' and subject_id = ? and seq = 2",
					String.valueOf(bodyId));
			jdbc.execute("alter table record_entry enable trigger record_entry_append_only");
		}
		assertThat(verifier.verifyChain("body", String.valueOf(bodyId)).intact()).isTrue();
	}

	@Test
	void dailyAnchorIsAMerkleRootOverTheDaysChainHeadsAndRevealsRewrites() {
		clock.shift(Duration.ofDays(-40));
		HttpSession admin = loggedIn("admin");
		createDomain(admin, "ANCHOR_A");
		createDomain(admin, "ANCHOR_B");
		LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		clock.reset();

		assertThat(anchors.anchorPendingDays()).isPositive();
		var anchor = anchors.find(day).orElseThrow();
		assertThat(anchor.chains()).isGreaterThanOrEqualTo(3); // two domains and the admin's login chain
		var api = json(admin.get("/api/v1/records/anchors/" + day).body());
		assertThat(api.get("root").asString()).isEqualTo(anchor.root());
		assertThat(api.get("holds").asBoolean()).isTrue();
		assertThatThrownBy(() -> jdbc.update("update record_anchor set root = ? where day = ?", "0".repeat(64), java.sql.Date.valueOf(day)))
			.isInstanceOf(DataAccessException.class);

		jdbc.execute("alter table record_entry disable trigger record_entry_append_only");
		try {
			jdbc.update("update record_entry set hash = ? where subject_type = 'domain' and subject_id = 'ANCHOR_A'", "f".repeat(64));
			var report = verifier.verifyAll();
			assertThat(report.anchorProblems()).anySatisfy(p -> assertThat(p).contains(day.toString()));
		}
		finally {
			String prev = jdbc.queryForObject("select prev_hash from record_entry where subject_type = 'domain' and subject_id = 'ANCHOR_A'", String.class);
			var e = jdbc.queryForObject("select id from record_entry where subject_type = 'domain' and subject_id = 'ANCHOR_A'", Long.class);
			RecordEntry entry = jdbc.queryForObject("select " + RecordRows.COLUMNS + " from record_entry where id = ?", RecordRows.ENTRY, e);
			jdbc.update("update record_entry set hash = ? where id = ?", RecordEntry.hash(prev.trim(), entry.canonical()), e);
			jdbc.execute("alter table record_entry enable trigger record_entry_append_only");
		}
		assertThat(verifier.verifyAll().intact()).isTrue();
	}
}
