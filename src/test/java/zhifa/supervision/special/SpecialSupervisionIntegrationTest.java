package zhifa.supervision.special;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.support.CaseScenarios;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 专项监督: a decision revoked in 行政复议 opens its item by itself (once); the body answers, the supervisor returns and
 * then closes it; a 检察建议 is registered (refused while incomplete, nothing written) and followed to completion; an act
 * is designated by the supervisor. Who may do what is enforced, and every step is on the item's record.
 */
class SpecialSupervisionIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	@Autowired
	SpecialSupervision special;

	record Posted(int status, String page) {
	}

	private static Posted post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		String page = r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
		return new Posted(r.statusCode(), page);
	}


	private Map<String, Object> item(long id) {
		return jdbc.queryForMap("select status, version, answer_due, answer, conclusion from sv_special where id = ?", id);
	}

	private List<String> actions(long id) {
		return jdbc.queryForList("select action from record_entry where subject_type = 'sv_special' and subject_id = ? order by seq", String.class,
				String.valueOf(id));
	}

	@Test
	void aRevokedDecisionIsPutUnderSpecialSupervisionAndFollowedToItsConclusion() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long caseId = new CaseScenarios(jdbc, clock).decidedAndServed(officer, loggedIn("scj.fuze"), "芒市专项监督测试有限公司", 1601);
		String base = "/api/v1/cases/" + caseId;
		LocalDate today = LocalDate.now(clock);
		assertThat(officer.postJson(base + "/remedies", "{\"kind\":\"REVIEW\",\"startedOn\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(200);
		long remedy = json(officer.get(base + "/execution").body()).get("remedies").get(0).get("id").asLong();
		assertThat(officer.postJson(base + "/remedies/" + remedy + "/end", "{\"endedOn\":\"%s\",\"outcome\":\"REVOKED\"}".formatted(today)).statusCode())
			.isEqualTo(200);

		// opened by itself when the ledger takes the revocation
		long actId = await(() -> ledger.find(ActReport.PLATFORM, String.valueOf(caseId)).map(a -> a.id()).orElse(0L), id -> id > 0);
		String ofAct = "select count(*) from sv_special where act_id = ? and kind = 'CORRECTED'";
		assertThat(await(() -> jdbc.queryForObject(ofAct, Long.class, actId), n -> n == 1)).isEqualTo(1);
		long id = jdbc.queryForObject("select id from sv_special where act_id = ? and kind = 'CORRECTED'", Long.class, actId);
		assertThat(actions(id)).containsExactly("special.opened");
		// once: the ledger taking the act again opens nothing more
		ledger.refresh(caseId);
		assertThat(jdbc.queryForObject(ofAct, Long.class, actId)).isEqualTo(1);

		HttpSession jiandu = loggedIn("jiandu");
		HttpSession admin = loggedIn("scj.admin");
		assertThat(jiandu.get("/supervision/special").body()).contains("复议诉讼纠错", "芒市市场监督管理局");
		assertThat(jiandu.get("/supervision/acts/" + actId).body()).contains("专项监督", "/supervision/special/" + id);
		assertThat(admin.get("/").body()).contains("专项监督：本单位待报告整改情况");
		// another body does not see it; an officer cannot answer
		assertThat(loggedIn("zhefang.admin").get("/supervision/special/" + id).statusCode()).isEqualTo(404);
		var before = item(id);
		assertThat(post(officer, "/supervision/special/" + id + "/answer", Map.of("version", "0", "answer", "x")).status()).isEqualTo(403);
		// the supervisor cannot close it before the body answers
		assertThat(post(jiandu, "/supervision/special/" + id + "/close", Map.of("version", "0", "conclusion", "结论")).page())
			.contains("尚未报告纠正和整改情况");
		assertThat(item(id)).isEqualTo(before);
		assertThat(actions(id)).containsExactly("special.opened");

		post(admin, "/supervision/special/" + id + "/answer", Map.of("version", "0", "answer", "已重新调查并撤销原决定，对承办人员批评教育。"));
		assertThat(item(id)).containsEntry("status", "ANSWERED");
		post(jiandu, "/supervision/special/" + id + "/return", Map.of("version", "1", "reason", "未说明证据不足的原因"));
		assertThat(item(id)).containsEntry("status", "OPEN");
		assertThat(admin.get("/supervision/special/" + id).body()).contains("退回理由", "未说明证据不足的原因");
		post(admin, "/supervision/special/" + id + "/answer", Map.of("version", "2", "answer", "原因：现场检查笔录缺少当事人签字；已完善制度。"));
		var closed = post(jiandu, "/supervision/special/" + id + "/close", Map.of("version", "3", "conclusion", "整改到位，予以办结。"));
		assertThat(closed.page()).contains("已办结", "整改到位，予以办结。");
		assertThat(actions(id)).containsExactly("special.opened", "special.answered", "special.returned", "special.answered", "special.closed");

		// an act corrected before special supervision existed (no item): opened by the start-up backfill, once
		jdbc.update("delete from sv_special where id = ?", id);
		special.backfill();
		special.backfill();
		assertThat(jdbc.queryForObject(ofAct, Long.class, actId)).isEqualTo(1);
	}

	@Test
	void aProcuratorialSuggestionIsRegisteredAndAnActIsDesignated() {
		HttpSession jiandu = loggedIn("jiandu");
		long market = bodyId("芒市市场监督管理局");
		LocalDate today = LocalDate.now(clock);
		long rows = jdbc.queryForObject("select count(*) from sv_special", Long.class);
		// incomplete: refused field by field, nothing written
		var refused = post(jiandu, "/supervision/special", Map.of("suggestionType", "PROCURATORIAL", "bodyId", String.valueOf(market), "issuer", "芒市人民检察院"));
		assertThat(refused.page()).contains("请填写建议书文号", "请填写建议的具体要求");
		assertThat(jdbc.queryForObject("select count(*) from sv_special", Long.class)).isEqualTo(rows);
		// not a supervisor: refused
		assertThat(post(loggedIn("scj.admin"), "/supervision/special", Map.of("suggestionType", "PROCURATORIAL")).status()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from sv_special", Long.class)).isEqualTo(rows);

		var registered = post(jiandu, "/supervision/special", Map.of("suggestionType", "PROCURATORIAL", "bodyId", String.valueOf(market), "issuer",
				"芒市人民检察院", "documentNumber", "芒检行建〔2026〕7号", "receivedOn", today.toString(), "answerDue", today.plusMonths(2).toString(), "demands",
				"规范食品经营许可检查中的证据收集。"));
		assertThat(registered.page()).contains("检察建议 芒检行建〔2026〕7号", "芒市人民检察院", "规范食品经营许可检查中的证据收集。");
		long id = jdbc.queryForObject("select id from sv_special where document_number = '芒检行建〔2026〕7号'", Long.class);
		assertThat(item(id)).containsEntry("status", "OPEN").containsEntry("answer_due", java.sql.Date.valueOf(today.plusMonths(2)));
		post(loggedIn("scj.admin"), "/supervision/special/" + id + "/answer", Map.of("version", "0", "answer", "已制定证据收集指引并培训。"));
		post(jiandu, "/supervision/special/" + id + "/close", Map.of("version", "1", "conclusion", "已按建议落实。"));
		assertThat(item(id)).containsEntry("status", "CLOSED");

		// a high-profile act designated by the supervisor (a reason is required), and closed by him
		long actId = jdbc.queryForObject("select min(id) from sv_act where body_id = ?", Long.class, market);
		long before = jdbc.queryForObject("select count(*) from sv_special where act_id = ? and kind = 'DESIGNATED'", Long.class, actId);
		assertThat(post(jiandu, "/supervision/acts/" + actId + "/special", Map.of("reason", " ")).page()).contains("请写明列入专项监督的理由");
		assertThat(jdbc.queryForObject("select count(*) from sv_special where act_id = ? and kind = 'DESIGNATED'", Long.class, actId)).isEqualTo(before);
		assertThat(post(jiandu, "/supervision/acts/" + actId + "/special", Map.of("reason", "媒体广泛报道，社会关注。")).page()).contains("已列入专项监督");
		long designated = jdbc.queryForObject("select max(id) from sv_special where act_id = ? and kind = 'DESIGNATED'", Long.class, actId);
		post(jiandu, "/supervision/special/" + designated + "/close", Map.of("version", "0", "conclusion", "经审查，执法程序合法。"));
		assertThat(item(designated)).containsEntry("status", "CLOSED");
	}
}
