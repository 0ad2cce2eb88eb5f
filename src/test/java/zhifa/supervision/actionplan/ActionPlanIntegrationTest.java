package zhifa.supervision.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The seed plan is on the supervisor's pages from the demo data with its dates; a measured item's status is computed
 * from the platform's data (a unit's report does not change it), an unmeasured one follows the units' reports; overdue
 * items are flagged; a new plan is imported the same way (refused by line when wrong, nothing written); the evaluation
 * report is generated as PDF and Word and moves its own item.
 */
class ActionPlanIntegrationTest extends IntegrationTestBase {

	@Autowired
	ActionPlans plans;

	private static String post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		if (r.statusCode() == 403) {
			return "403";
		}
		return r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
	}

	@Test
	void theSeedPlanIsOnTheSupervisorsPagesWithItsDatesAndComputedStatuses() {
		HttpSession jiandu = loggedIn("jiandu");
		long seed = jdbc.queryForObject("select id from sv_action_plan where code = 'MANGSHI-2023-2025'", Long.class);
		String page = jiandu.get("/action-plans/" + seed).body();
		assertThat(page).contains("芒市提升行政执法质量三年行动工作方案（2023—2025年）", "编制行政执法事项目录", "2024-10-31", "2024-03-31", "2024-11-30", "2025-10-31",
				"平台数据", "个单位已公布执法事项目录", "名执法人员持有效执法证件", "逾期");
		assertThat(jiandu.get("/").body()).contains("三年行动方案：逾期未完成的事项");
		// a body's administrator sees the table and may report on it
		assertThat(loggedIn("scj.admin").get("/action-plans/" + seed).body()).contains("报告进展");
		// a catalogue published after the item's time limit (the demo's, published when it loads) is done, and said to be done late
		// (it read as done, nothing more)
		long market = bodyId("芒市市场监督管理局");
		ActionPlans.Item catalogue = item(zhifa.shared.DataScope.body(market), seed, "编制本部门行政执法事项目录");
		assertThat(catalogue.state()).isEqualTo(ActionPlans.State.DONE);
		assertThat(catalogue.judged().doneLate()).isEqualTo(catalogue.judged().done()).isPositive();
		assertThat(loggedIn("scj.admin").get("/action-plans/" + seed).body()).contains("个逾期完成", "table-stack");
	}

	@Test
	void aMeasuredItemIsComputedFromDataAndANewPlanIsImportedTheSameWay() {
		HttpSession jiandu = loggedIn("jiandu");
		int next = LocalDate.now(clock).getYear() + 1;
		String text = """
				方案|TEST-NEXT|下一轮三年行动方案（测试）|芒市人民政府|%1$d-01-10|%1$d-01-01|%2$d-12-31
				任务|1|（一）测试|监督计划|执法监督机构
				事项|%1$d年度监督计划3月底前制定|%1$d-03-31|执法监督机构|SUPERVISION_PLANS
				事项|自行报告的事项|%1$d-06-30|市司法局|
				任务|2|（二）评估|评估|市司法局
				事项|完成中期评估|%1$d-10-31|市司法局|EVALUATION_MIDTERM
				事项|完成终期评估|%1$d-03-31|市司法局|EVALUATION_FINAL
				""".formatted(next, next + 2);
		long before = jdbc.queryForObject("select count(*) from sv_action_plan", Long.class);
		// a wrong line: refused with its number, nothing written; not a supervisor: refused
		assertThat(post(jiandu, "/action-plans", Map.of("text", text.replace("SUPERVISION_PLANS", "NO_SUCH")))).contains("第3行：平台数据“NO_SUCH”不存在");
		assertThat(post(loggedIn("scj.admin"), "/action-plans", Map.of("text", text))).isEqualTo("403");
		assertThat(jdbc.queryForObject("select count(*) from sv_action_plan", Long.class)).isEqualTo(before);
		post(jiandu, "/action-plans", Map.of("text", text));
		long id = jdbc.queryForObject("select id from sv_action_plan where code = 'TEST-NEXT'", Long.class);
		assertThat(post(jiandu, "/action-plans", Map.of("text", text))).contains("已导入");

		long sfj = bodyId("芒市司法局");
		var me = zhifa.shared.DataScope.regionSubtree(sfj, jdbc.queryForObject("select region_path from body_view where id = ?", String.class, sfj));
		ActionPlans.Item planned = item(me, id, "年度监督计划");
		assertThat(planned.computed()).isTrue();
		int done = planned.judged().done();
		// a unit's report on a measured item is kept as a note but does not make it done
		post(jiandu, "/action-plans/" + id + "/items/" + planned.id() + "/reports", Map.of("state", "DONE", "note", "已制定"));
		assertThat(item(me, id, "年度监督计划").judged().done()).isEqualTo(done);
		// the data move it: the 司法局 files next year's supervision plan
		post(jiandu, "/supervision/plans", Map.of("year", String.valueOf(next)));
		long drafted = jdbc.queryForObject("select id from sv_plan where body_id = ? and year = ?", Long.class, sfj, next);
		post(jiandu, "/supervision/plans/" + drafted + "/items", Map.of("title", "案卷评查", "target", "抽查案卷", "responsible", "李建华", "startsOn", next + "-05-01",
				"endsOn", next + "-06-30"));
		post(jiandu, "/supervision/plans/" + drafted + "/filing", Map.of("version", String.valueOf(jdbc.queryForObject("select version from sv_plan where id = ?",
				Integer.class, drafted))));
		assertThat(item(me, id, "年度监督计划").judged().done()).isEqualTo(done + 1);

		// an unmeasured item follows the units' reports
		ActionPlans.Item typed = item(me, id, "自行报告的事项");
		assertThat(typed.state()).isEqualTo(ActionPlans.State.NOT_STARTED);
		assertThat(post(jiandu, "/action-plans/" + id + "/items/" + typed.id() + "/reports", Map.of("state", "DONE", "note", ""))).contains("请填写进展情况");
		// one unit's "done" shows it under way; the supervisor's confirmation makes it done
		post(loggedIn("scj.admin"), "/action-plans/" + id + "/items/" + typed.id() + "/reports", Map.of("state", "DONE", "note", "本单位已完成"));
		assertThat(item(me, id, "自行报告的事项").state()).isEqualTo(ActionPlans.State.IN_PROGRESS);
		post(jiandu, "/action-plans/" + id + "/items/" + typed.id() + "/reports", Map.of("state", "DONE", "note", "经核实已完成，见附件"));
		assertThat(item(me, id, "自行报告的事项").state()).isEqualTo(ActionPlans.State.DONE);

		// the evaluation: generated as PDF and Word, and its item is done by the data
		assertThat(item(me, id, "完成中期评估").state()).isEqualTo(ActionPlans.State.NOT_STARTED);
		assertThat(post(jiandu, "/action-plans/" + id + "/evaluations", Map.of("kind", "MIDTERM"))).contains("已生成中期评估报告");
		long evaluation = jdbc.queryForObject("select max(id) from sv_action_evaluation where plan_id = ?", Long.class, id);
		assertThat(jiandu.getBytes("/action-plans/evaluations/" + evaluation + ".pdf")).startsWith("%PDF".getBytes());
		byte[] docx = jiandu.getBytes("/action-plans/evaluations/" + evaluation + ".docx");
		assertThat(docx).startsWith(new byte[] { 'P', 'K' });
		assertThat(new String(docx, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("word/media/");
		assertThat(item(me, id, "完成中期评估").state()).isEqualTo(ActionPlans.State.DONE);
		assertThat(item(me, id, "完成中期评估").judged().doneLate()).isZero();
		assertThat(item(me, id, "自行报告的事项").confirmedLate(clock.getZone())).isFalse();
		assertThat(loggedIn("scj.admin").get("/action-plans/evaluations/" + evaluation + ".pdf").statusCode()).isEqualTo(403);

		// done after their time limits (in July of that year): an evaluation and a confirmation say they were late
		clock.shift(java.time.Duration.between(LocalDate.now(clock).atStartOfDay(), LocalDate.of(next, 7, 10).atStartOfDay()));
		jiandu = loggedIn("jiandu");
		assertThat(post(jiandu, "/action-plans/" + id + "/evaluations", Map.of("kind", "FINAL"))).contains("已生成终期评估报告");
		assertThat(item(me, id, "完成终期评估").judged().doneLate()).isEqualTo(1);
		assertThat(item(me, id, "完成终期评估").judged().detail()).contains("（逾期，时限为 " + next + "-03-31）");
		post(jiandu, "/action-plans/" + id + "/items/" + typed.id() + "/reports", Map.of("state", "DONE", "note", "复核后再次确认"));
		assertThat(item(me, id, "自行报告的事项").confirmedLate(clock.getZone())).isTrue();
		assertThat(jiandu.get("/action-plans/" + id).body()).contains("逾期完成", "报告进展或确认完成");
	}

	private ActionPlans.Item item(zhifa.shared.DataScope scope, long plan, String title) {
		return plans.get(scope, plan).tasks().stream().flatMap(t -> t.items().stream()).filter(i -> i.title().contains(title)).findFirst().orElseThrow();
	}
}
