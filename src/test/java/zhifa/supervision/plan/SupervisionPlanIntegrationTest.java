package zhifa.supervision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.alert.Alerts;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 年度监督计划: the supervising unit drafts its plan, adds items (refused outside the year, nothing written), files it
 * (late after 31 March, once), reports progress (done needs a note); the level above sees it and the units that have not
 * filed, which the nightly sweep alerts; the year's report is assembled from the data.
 */
class SupervisionPlanIntegrationTest extends IntegrationTestBase {

	@Autowired
	Alerts alerts;

	record Posted(int status, String page) {
	}

	private static Posted post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		String page = r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
		return new Posted(r.statusCode(), page);
	}

	private List<String> actions(long id) {
		return jdbc.queryForList("select action from record_entry where subject_type = 'sv_plan' and subject_id = ? order by seq", String.class,
				String.valueOf(id));
	}

	@Test
	void aUnitFilesItsPlanReportsProgressAndTheLevelAboveSeesWhoHasNot() {
		int year = LocalDate.now(clock).getYear();
		long sfj = bodyId("芒市司法局");
		long zhou = bodyId("德宏州司法局");
		// not a supervisor: refused, nothing written
		long plans = jdbc.queryForObject("select count(*) from sv_plan", Long.class);
		assertThat(post(loggedIn("scj.admin"), "/supervision/plans", Map.of("year", String.valueOf(year))).status()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from sv_plan", Long.class)).isEqualTo(plans);

		HttpSession jiandu = loggedIn("jiandu");
		post(jiandu, "/supervision/plans", Map.of("year", String.valueOf(year)));
		long id = jdbc.queryForObject("select id from sv_plan where body_id = ? and year = ?", Long.class, sfj, year);
		// an item outside the year: refused field by field, nothing written
		var refused = post(jiandu, "/supervision/plans/" + id + "/items", Map.of("title", "执法案卷评查", "target", "抽查不少于30卷", "responsible", "李建华",
				"startsOn", (year - 1) + "-05-01", "endsOn", year + "-06-30"));
		assertThat(refused.page()).contains("请填写本年度内的起止日期");
		assertThat(jdbc.queryForObject("select count(*) from sv_plan_item where plan_id = ?", Long.class, id)).isZero();
		// filing an empty plan: refused
		assertThat(post(jiandu, "/supervision/plans/" + id + "/filing", Map.of("version", "0")).page()).contains("计划中还没有监督事项");
		post(jiandu, "/supervision/plans/" + id + "/items", Map.of("title", "执法案卷评查", "target", "抽查不少于30卷", "responsible", "李建华",
				"startsOn", year + "-05-01", "endsOn", year + "-06-30"));
		post(jiandu, "/supervision/plans/" + id + "/items", Map.of("title", "涉企行政检查专项监督", "target", "覆盖全部执法部门", "responsible", "赵明",
				"startsOn", year + "-03-01", "endsOn", year + "-12-31"));
		// the plan's version moved with its items: a filing form older than the last item is stale
		assertThat(post(jiandu, "/supervision/plans/" + id + "/filing", Map.of("version", "0")).status()).isIn(302, 409);
		assertThat(jdbc.queryForObject("select status from sv_plan where id = ?", String.class, id)).isEqualTo("DRAFT");
		String version = String.valueOf(jdbc.queryForObject("select version from sv_plan where id = ?", Integer.class, id));
		boolean late = LocalDate.now(clock).isAfter(LocalDate.of(year, 3, 31));
		String openAlert = "select count(*) from sv_alert where rule_code = 'SUPERVISION_PLAN' and subject_kind = 'BODY' and subject_id = ? and occurrence = ?"
				+ " and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')";
		alerts.sweepBodies();
		assertThat(jdbc.queryForObject(openAlert, Long.class, sfj, String.valueOf(year))).isEqualTo(late ? 1 : 0);
		var filed = post(jiandu, "/supervision/plans/" + id + "/filing", Map.of("version", version));
		// a late filing ends the bureau's alert at once, not in the night's sweep
		assertThat(jdbc.queryForObject(openAlert, Long.class, sfj, String.valueOf(year))).isZero();
		assertThat(filed.page()).contains("报备" + (late ? "（超过3月31日）" : ""));
		assertThat(jdbc.queryForObject("select late from sv_plan where id = ?", Boolean.class, id)).isEqualTo(late);
		// once filed: no second filing, no new items
		assertThat(post(jiandu, "/supervision/plans/" + id + "/filing", Map.of("version", "1")).status()).isIn(302, 409);
		assertThat(post(jiandu, "/supervision/plans/" + id + "/items", Map.of("title", "x", "target", "x", "responsible", "x", "startsOn",
				year + "-05-01", "endsOn", year + "-06-30")).page()).contains("计划已报备，不能再增加事项");
		assertThat(jdbc.queryForObject("select count(*) from sv_plan_item where plan_id = ?", Long.class, id)).isEqualTo(2);

		long item = jdbc.queryForObject("select id from sv_plan_item where plan_id = ? and title = '执法案卷评查'", Long.class, id);
		assertThat(post(jiandu, "/supervision/plans/" + id + "/items/" + item + "/progress", Map.of("version", "0", "progress", "DONE")).page())
			.contains("完成的事项请说明完成情况");
		post(jiandu, "/supervision/plans/" + id + "/items/" + item + "/progress", Map.of("version", "0", "progress", "DONE", "note", "评查32卷，优秀5卷"));
		assertThat(jdbc.queryForObject("select progress from sv_plan_item where id = ?", String.class, item)).isEqualTo("DONE");
		assertThat(actions(id)).containsExactly("plan.drafted", "plan.item_added", "plan.item_added", "plan.filed", "plan.progress");

		// the level above sees the plan and who has not filed; the year's report comes from the data
		HttpSession zhouJiandu = loggedIn("zhou.jiandu");
		String list = zhouJiandu.get("/supervision/plans?year=" + year).body();
		assertThat(list).contains("芒市司法局 " + year + "年度监督计划", "尚未报备的执法监督机构", "德宏州司法局");
		String report = jiandu.get("/supervision/plans/" + id + "/report").body();
		assertThat(report).contains("年度行政执法监督工作报告", "监督预警", "发出监督文书", "受理投诉举报", "专项监督事项", "评查32卷，优秀5卷", "案卷评查活动",
				"涉嫌犯罪案件移送");
		assertThat(jiandu.getBytes("/supervision/plans/" + id + "/report.pdf")).startsWith("%PDF".getBytes());
		// another region's unit cannot open it
		assertThat(loggedIn("scj.admin").get("/supervision/plans/" + id).statusCode()).isEqualTo(403);

		// after 31 March the sweep alerts the unit that has not filed, not the one that has
		alerts.sweepBodies();
		// open alerts only (another test's sweep may have raised and then ended one before this plan was filed)
		String alertOn = "select count(*) from sv_alert where rule_code = 'SUPERVISION_PLAN' and subject_kind = 'BODY' and subject_id = ? and occurrence = ?"
				+ " and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')";
		assertThat(jdbc.queryForObject(alertOn, Long.class, sfj, String.valueOf(year))).isZero();
		assertThat(jdbc.queryForObject(alertOn, Long.class, zhou, String.valueOf(year))).isEqualTo(late ? 1 : 0);
	}
}
