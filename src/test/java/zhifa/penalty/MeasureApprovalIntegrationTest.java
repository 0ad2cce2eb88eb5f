package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 先行登记保存 and 查封、扣押 are approved by a head of the body in the platform (行政处罚法第五十六条, 行政强制法第十八条、
 * 第十九条): an officer names one of the body's 负责人 accounts, that head confirms or refuses from his home page, a
 * refused measure is released at once; a head recording a measure approves it himself.
 */
class MeasureApprovalIntegrationTest extends IntegrationTestBase {

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private long approvals(long caseId) {
		return jdbc.queryForObject("select count(*) from case_measure_approval where case_id = ?", Long.class, caseId);
	}

	private long preservations(long caseId) {
		return jdbc.queryForObject("select count(*) from case_preservation where case_id = ?", Long.class, caseId);
	}

	@Test
	void anOfficersMeasureWaitsForTheHeadHeNamedWhoConfirmsOrRefusesIt() {
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession head = loggedIn("scj.fuze");
		long id = new CaseScenarios(jdbc, clock).filed(officer, head, "批准测试商行", 951);
		String base = "/api/v1/cases/" + id;
		LocalDate today = LocalDate.now(clock);
		long liu = jdbc.queryForObject("select id from account_view where username = 'scj.fuze'", Long.class);
		long version = jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id);

		// a name that is not a head of the body, no head at all: refused on the field, nothing written
		var notAHead = officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"米线 20 箱","approvedBy":"王芳","appliedOn":"%s"}""".formatted(today));
		assertThat(notAHead.statusCode()).isEqualTo(400);
		assertThat(json(notAHead.body()).get("errors").get("approvedBy").asString()).contains("批准人应是芒市市场监督管理局的负责人", "刘强");
		var none = officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"米线 20 箱","appliedOn":"%s"}""".formatted(today));
		assertThat(json(none.body()).get("errors").get("approvedBy").asString()).contains("请选择批准的负责人");
		assertThat(preservations(id)).isZero();
		assertThat(approvals(id)).isZero();
		assertThat(jdbc.queryForObject("select version from enforcement_case where id = ?", Long.class, id)).isEqualTo(version);

		// named by account: recorded, waiting for 刘强, on his home page and not on the officer's
		var applied = officer.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"米线 20 箱","approverId":%d,"appliedOn":"%s"}""".formatted(liu, today));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		long measure = json(applied.body()).get("id").asLong();
		assertThat(json(applied.body()).get("approval").get("approverName").asString()).isEqualTo("刘强");
		assertThat(json(applied.body()).get("approval").get("approved").isNull()).isTrue();
		assertThat(officer.get("/cases/" + id).body()).contains("待刘强确认批准").doesNotContain("measure-approval");
		String home = head.get("/").body();
		assertThat(home).contains("待确认批准的先行登记保存、查封、扣押", "/cases/" + id + "#measures", "张伟 报请");
		assertThat(officer.get("/").body()).doesNotContain("待确认批准的先行登记保存、查封、扣押");
		assertThat(head.get("/cases/" + id).body()).contains("measure-approval", "确认批准", "不予批准并解除");
		// the ledger knows it waits (the supervision rule 先行登记保存、查封、扣押未经负责人确认批准 reads it)
		String waiting = "\"unapprovedSince\": \"" + today + "\"";
		for (int i = 0; i < 50 && !String.valueOf(jdbc.queryForObject("select details::text from sv_act where source = 'PLATFORM' and external_id = ?", String.class,
				String.valueOf(id))).contains(waiting); i++) {
			sleep(100);
		}
		assertThat(jdbc.queryForObject("select details::text from sv_act where source = 'PLATFORM' and external_id = ?", String.class, String.valueOf(id)))
			.contains(waiting);

		// the officer cannot confirm it (not a head); the head confirms it once, and it is on record
		assertThat(officer.postJson(base + "/measures/" + measure + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(403);
		var confirmed = head.postJson(base + "/measures/" + measure + "/approval", "{\"approved\":true,\"note\":\"同意\"}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(json(confirmed.body()).get("approval").get("approved").asBoolean()).isTrue();
		assertThat(head.get("/cases/" + id).body()).contains("刘强已确认批准").doesNotContain("measure-approval");
		assertThat(head.get("/").body()).doesNotContain("/cases/" + id + "#measures");
		var twice = head.postJson(base + "/measures/" + measure + "/approval", "{\"approved\":false,\"note\":\"改变主意\"}");
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(json(twice.body()).get("detail").asString()).contains("刘强已确认批准");
		assertThat(jdbc.queryForObject("select closed_on from case_preservation where id = ?", LocalDate.class, measure)).isNull();
		assertThat(jdbc.queryForList("select action from record_entry where subject_id = ? order by seq", String.class, String.valueOf(id)))
			.containsSubsequence("case.measure_applied", "case.measure_approved");

		// a 查封 the head refuses: the reason is required; then it is released at once
		long seal = json(officer.postJson(base + "/measures", """
				{"kind":"SEAL","reason":"涉嫌违法生产（测试）","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","items":"加工设备","approvedBy":"刘强","appliedOn":"%s","avRecorded":true}""".formatted(today)).body()).get("id").asLong();
		var noReason = head.postJson(base + "/measures/" + seal + "/approval", "{\"approved\":false}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(json(noReason.body()).get("errors").get("note").asString()).contains("理由");
		assertThat(jdbc.queryForMap("select closed_on, outcome from coercion_measure where id = ?", seal).get("closed_on")).isNull();
		var refused = head.postForm("/cases/" + id + "/measures/" + seal + "/approval",
				Map.of("_csrf", head.csrf(), "approved", "false", "note", "证据已固定，无须查封"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(head.get("/cases/" + id).body()).contains("刘强不予批准", "不予批准的理由：证据已固定，无须查封");
		var closed = jdbc.queryForMap("select closed_on, outcome from coercion_measure where id = ?", seal);
		assertThat(closed.get("closed_on")).isNotNull();
		assertThat((String) closed.get("outcome")).contains("负责人不予批准，立即解除查封");
		assertThat(jdbc.queryForList("select action from record_entry where subject_id = ? order by seq", String.class, String.valueOf(id)))
			.containsSubsequence("case.measure_refused", "case.measure_closed");

		// a 扣押 released before the head has confirmed it: the approval is still to be made up (第十九条), and the page says so
		long detention = json(officer.postJson(base + "/measures", """
				{"kind":"DETAIN","reason":"涉嫌违法经营（测试）","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","items":"散装白酒 4 桶","approverId":%d,"appliedOn":"%s","avRecorded":true}"""
			.formatted(liu, today)).body()).get("id").asLong();
		var released = officer.postJson(base + "/measures/" + detention + "/close", "{\"outcome\":\"解除扣押，退还当事人\",\"releaseGround\":\"NO_VIOLATION\"}");
		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(head.get("/cases/" + id).body()).contains("待刘强确认批准（措施已处理，仍须补办批准手续，行政强制法第十九条）");
		assertThat(head.postJson(base + "/measures/" + detention + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(200);
		assertThat(head.get("/cases/" + id).body()).doesNotContain("仍须补办批准手续");

		// a 扣押 still waiting for the head is not extended; nor released as expired before its period ends
		long waitingDetention = json(officer.postJson(base + "/measures", """
				{"kind":"DETAIN","reason":"涉嫌违法经营（测试）","basis":"《中华人民共和国食品安全法》第一百一十条第（四）项","items":"散装白酒 2 桶","approverId":%d,"appliedOn":"%s","avRecorded":true}"""
			.formatted(liu, today)).body()).get("id").asLong();
		var early = head.postJson(base + "/measures/" + waitingDetention + "/extension", "{\"reason\":\"需检验\"}");
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(json(early.body()).get("detail").asString()).contains("尚待负责人确认批准");
		assertThat(jdbc.queryForObject("select extended_on from coercion_measure where id = ?", LocalDate.class, waitingDetention)).isNull();
		var notExpired = officer.postJson(base + "/measures/" + waitingDetention + "/close", "{\"outcome\":\"解除扣押\",\"releaseGround\":\"EXPIRED\"}");
		assertThat(notExpired.statusCode()).isEqualTo(400);
		assertThat(json(notExpired.body()).get("errors").get("releaseGround").asString()).contains("届满前不能以“期限已经届满”");
		assertThat(jdbc.queryForMap("select closed_on from coercion_measure where id = ?", waitingDetention).get("closed_on")).isNull();
		assertThat(head.postJson(base + "/measures/" + waitingDetention + "/approval", "{\"approved\":true}").statusCode()).isEqualTo(200);
		assertThat(head.postJson(base + "/measures/" + waitingDetention + "/extension", "{\"reason\":\"需检验\"}").statusCode()).isEqualTo(200);

		// the head records one himself: approved at once, nothing waits
		var own = head.postJson(base + "/measures", """
				{"kind":"PRESERVATION","items":"样品 3 份","appliedOn":"%s"}""".formatted(today));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(json(own.body()).get("approval").get("approved").asBoolean()).isTrue();
		assertThat(json(own.body()).get("approvedBy").asString()).isEqualTo("刘强");
		assertThat(head.get("/").body()).doesNotContain("/cases/" + id + "#measures");
	}
}
