package zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.catalog.Catalogues;
import zhifa.catalog.ItemReview;
import zhifa.catalog.MatterType;
import zhifa.catalog.Matters;
import zhifa.shared.RandomDraw;
import zhifa.inspection.draw.Recompute;
import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.inspection.visits.Draws;
import zhifa.inspection.visits.Visits;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * From the demo data: the market bureau files a plan with a joint task (遮放镇 brings its own item), the justice bureau
 * approves it, the task is committed and drawn once — recomputed independently to the same list — each body's two
 * inspectors are certified and free of declared conflicts, the enterprise's scan page works without login, a finding
 * opens a penalty clue, each body records only its own items, and the result is published before its deadline.
 */
class InspectionDrawIntegrationTest extends IntegrationTestBase {

	@Autowired
	zhifa.calendar.CalendarService calendarService;

	@Autowired
	InspectionItems items;
	@Autowired
	InspectionPlans plans;
	@Autowired
	Draws draws;
	@Autowired
	Visits visits;
	@Autowired
	Matters matters;
	@Autowired
	Catalogues catalogues;
	@Autowired
	zhifa.inspection.visits.InspectionOverview overview;
	@Autowired
	zhifa.inspection.visits.Merges merges;
	@Autowired
	zhifa.officer.Certificates certificates;
	@Autowired
	zhifa.inspection.visits.VisitLists lists;

	/** The page the last form led to (its message shown). */
	private String lastPage = "";

	/** Posts a page form and, as a browser does, follows its redirect (so the page's message is shown and consumed). */
	private HttpResponse<String> post(HttpSession session, String path, Map<String, String> form) {
		Map<String, String> withToken = new HashMap<>(form);
		withToken.put("_csrf", session.csrf());
		HttpResponse<String> response = session.postForm(path, withToken);
		lastPage = response.headers().firstValue("Location").filter(l -> !l.contains("/login"))
			.map(l -> session.get(l.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).body()).orElse(response.body());
		return response;
	}

	/** A published item of the body for the matter (made and published here when there is none). */
	private long item(long body, String code) {
		var live = items.list(DataScope.all(), body).stream().filter(i -> i.matterCode().equals(code) && i.status() != InspectionItems.Status.WITHDRAWN)
			.findFirst();
		var i = live.orElseGet(() -> items.create(Operator.SYSTEM, body, code, "辖区内经营者（测试）", "现场检查"));
		if (i.status() == InspectionItems.Status.DRAFT) {
			i = items.publish(Operator.SYSTEM, i.id(), i.version());
		}
		return i.id();
	}

	private List<Object> snapshot() {
		return List.of(jdbc.queryForList("select id, status, version from insp_plan order by id"),
				jdbc.queryForList("select id, status, version from insp_task order by id"), jdbc.queryForObject("select count(*) from insp_visit", Long.class),
				jdbc.queryForObject("select count(*) from insp_check", Long.class));
	}

	@Test
	void aPlanIsFiledApprovedDrawnOnceRecomputedInspectedJointlyAndPublished() throws Exception {
		long market = bodyId("芒市市场监督管理局");
		long zhefang = bodyId("遮放镇人民政府");
		// the demo gives 遮放镇 a 行政检查 matter of its own: the joint task's partner
		assertThat(catalogues.publishedOn(zhefang, LocalDate.now(clock)).flatMap(v -> catalogues.entries(v.id()).stream()
			.filter(e -> e.code().equals("ZFZ-JC-001")).findFirst())).as("遮放镇's 行政检查 matter of the demo").isPresent();
		long marketItem = item(market, "SJ-JC-001");
		long townItem = item(zhefang, "ZFZ-JC-001");
		try {
			run(market, zhefang, marketItem, townItem);
		}
		finally {
			// the demo's item list is left as it was found
			for (long id : List.of(marketItem, townItem)) {
				var i = items.get(DataScope.all(), id);
				if (i.status() != InspectionItems.Status.WITHDRAWN) {
					items.withdraw(Operator.SYSTEM, id, i.version(), "测试结束");
				}
			}
		}
	}

	private void run(long market, long zhefang, long marketItem, long townItem) throws Exception {
		// a small pool: one region and industry of the demo 名录库
		// within 遮放镇: the partner's inspectors and item reach no object outside its jurisdiction (InspectionPlans.addTask)
		String townPath = jdbc.queryForObject("select r.path from org_body b join org_region r on r.id = b.region_id where b.id = ?", String.class, zhefang);
		var pool = jdbc.queryForMap("""
				select o.region_id, o.industry, count(*) as n from insp_object o join org_region r on r.id = o.region_id where r.path like ?
				group by o.region_id, o.industry having count(*) >= 2 order by count(*), o.region_id, o.industry limit 1""", townPath + "%");
		long regionId = ((Number) pool.get("region_id")).longValue();
		String industry = (String) pool.get("industry");
		int year = LocalDate.now(clock).getYear();
		HttpSession admin = loggedIn("scj.admin");
		HttpSession officer = loggedIn("scj.zhifa");
		HttpSession supervisor = loggedIn("jiandu");

		// the officer may not plan; the administrator does
		var before = snapshot();
		assertThat(post(officer, "/inspection/plans", Map.of("year", String.valueOf(year))).statusCode()).isEqualTo(403);
		assertThat(snapshot()).isEqualTo(before);
		post(admin, "/inspection/plans", Map.of("year", String.valueOf(year)));
		long planId = jdbc.queryForObject("select id from insp_plan where body_id = ? and year = ?", Long.class, market, year);
		assertThat(lastPage).contains("已建立" + year + "年度抽查计划");

		// a task with a ratio outside 0–100 or without an own item changes nothing
		Map<String, String> task = new HashMap<>(Map.of("name", "食品经营者联合抽查（测试）", "regionId", String.valueOf(regionId), "industry", industry, "ratioA",
				"100", "ratioB", "100", "ratioC", "100", "ratioD", "100", "startsOn", LocalDate.now(clock).toString(), "endsOn",
				LocalDate.of(year, 12, 31).toString()));
		Map<String, String> bad = new HashMap<>(task);
		bad.put("ratioB", "150");
		before = snapshot();
		post(admin, "/inspection/plans/" + planId + "/tasks", bad);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(lastPage).contains("B类抽查比例应在0至100之间");
		// letters in a number field: back to the form with the reason and what was typed (it was an error page that lost the form)
		Map<String, String> letters = new HashMap<>(task);
		letters.put("ratioB", "十");
		letters.put("_csrf", admin.csrf());
		var sent = admin.postForm("/inspection/plans/" + planId + "/tasks", letters, "/inspection/plans/" + planId);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/inspection/plans/" + planId);
		assertThat(admin.get("/inspection/plans/" + planId).body()).contains("填写的内容“十”不是数字，请检查后重试", "食品经营者联合抽查（测试）");
		assertThat(snapshot()).isEqualTo(before);
		// without the page it came from (not a browser's form): the error page, as before
		assertThat(admin.postForm("/inspection/plans/" + planId + "/tasks", letters).statusCode()).isEqualTo(400);
		// filing an empty plan is refused
		post(admin, "/inspection/plans/" + planId + "/filing", Map.of("version", "0"));
		assertThat(snapshot()).isEqualTo(before);

		// a joint task over the market bureau's whole region takes 遮放镇's inspectors beyond its jurisdiction: refused, nothing written
		Map<String, String> wide = new HashMap<>(task);
		wide.remove("regionId");
		String wideBody = "_csrf=" + admin.csrf() + "&itemIds=" + marketItem + "&itemIds=" + townItem + "&" + String.join("&", wide.entrySet().stream()
			.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
		admin.postEncoded("/inspection/plans/" + planId + "/tasks", wideBody);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(admin.get("/inspection/plans/" + planId).body()).contains("超出遮放镇人民政府的管辖区域");

		// itemIds repeated: the own item and 遮放镇's (a joint task)
		String body = "_csrf=" + admin.csrf() + "&itemIds=" + marketItem + "&itemIds=" + townItem + "&" + String.join("&", task.entrySet().stream()
			.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
		admin.postEncoded("/inspection/plans/" + planId + "/tasks", body);
		// two more tasks of the market bureau alone over the same pool: the third visit to an enterprise in a year is over the cap (2)
		Map<String, String> again = new HashMap<>(task);
		again.put("itemIds", String.valueOf(marketItem));
		again.put("name", "复查抽查（测试）");
		post(admin, "/inspection/plans/" + planId + "/tasks", again);
		post(admin, "/inspection/plans/" + planId + "/tasks", again);
		assertThat(plans.tasks(planId)).hasSize(3);
		var t = plans.tasks(planId).get(0);
		assertThat(t.joint()).isTrue();
		assertThat(t.partners()).containsExactly(zhefang);

		// a task not limited to an industry is said to draw from every industry before it is published
		assertThat(admin.get("/inspection/tasks/" + t.id()).body()).doesNotContain("id=\"no-industry\"");
		jdbc.update("update insp_task set industry = null where id = ?", t.id());
		assertThat(admin.get("/inspection/tasks/" + t.id()).body()).contains("id=\"no-industry\"", "本任务未限定行业");
		jdbc.update("update insp_task set industry = ? where id = ?", industry, t.id());

		// committing before approval is refused
		before = snapshot();
		post(admin, "/inspection/tasks/" + t.id() + "/commitment", Map.of("version", "0"));
		assertThat(snapshot()).isEqualTo(before);
		assertThat(lastPage).contains("经执法监督机构批准后才能公布任务");

		// after the deadline (31 March) the plan is filed with the reason, which the supervisor reads; without it, refused
		boolean late = LocalDate.now(clock).isAfter(plans.filingDeadline(year));
		if (late) {
			before = snapshot();
			post(admin, "/inspection/plans/" + planId + "/filing", Map.of("version", "0", "lateReason", " "));
			// (the page the refusal led to may first show an earlier message still waiting in the session)
			assertThat(lastPage + admin.get("/inspection/plans/" + planId).body()).contains("请填写逾期报备的原因");
			assertThat(snapshot()).isEqualTo(before);
		}
		post(admin, "/inspection/plans/" + planId + "/filing", Map.of("version", "0", "lateReason", "机构调整后补报（测试）"));
		assertThat(plans.plan(DataScope.all(), planId).status()).isEqualTo(InspectionPlans.PlanStatus.FILED);
		if (late) {
			assertThat(supervisor.get("/inspection/plans/" + planId).body()).contains("逾期原因：机构调整后补报（测试）");
		}
		assertThat(supervisor.get("/").body()).contains("待审核的随机抽查计划", "芒市市场监督管理局");
		// the body cannot approve its own plan; returning needs a reason
		before = snapshot();
		assertThat(post(admin, "/inspection/plans/" + planId + "/decision", Map.of("version", "1", "outcome", "APPROVE")).statusCode()).isIn(302, 403);
		post(supervisor, "/inspection/plans/" + planId + "/decision", Map.of("version", "1", "outcome", "RETURN", "note", " "));
		assertThat(snapshot()).isEqualTo(before);
		post(supervisor, "/inspection/plans/" + planId + "/decision", Map.of("version", "1", "outcome", "APPROVE", "note", "同意"));
		assertThat(plans.plan(DataScope.all(), planId).status()).isEqualTo(InspectionPlans.PlanStatus.APPROVED);

		// an inspector declares a conflict with every object of the pool: he is never drawn for them
		long zhangwei = jdbc.queryForObject("select id from officer where name = '张伟' and body_id = ?", Long.class, market);
		List<Long> poolIds = jdbc.queryForList("select id from insp_object where region_id = ? and industry = ?", Long.class, regionId, industry);
		long yanwen = jdbc.queryForObject("select id from officer where name = '岩温' and body_id = ?", Long.class, market);
		long conflictsBefore = jdbc.queryForObject("select count(*) from insp_conflict", Long.class);
		// an officer declares for himself only, with a reason
		assertThat(post(officer, "/inspection/objects/" + poolIds.get(0) + "/conflicts", Map.of("officerId", String.valueOf(yanwen), "reason", "亲属"))
			.statusCode()).isEqualTo(403);
		post(officer, "/inspection/objects/" + poolIds.get(0) + "/conflicts", Map.of("officerId", String.valueOf(zhangwei), "reason", " "));
		assertThat(jdbc.queryForObject("select count(*) from insp_conflict", Long.class)).isEqualTo(conflictsBefore);
		for (long objectId : poolIds) {
			post(officer, "/inspection/objects/" + objectId + "/conflicts", Map.of("officerId", String.valueOf(zhangwei), "reason", "近亲属经营（测试）"));
		}
		assertThat(jdbc.queryForObject("select count(*) from insp_conflict where officer_id = ?", Long.class, zhangwei)).isEqualTo(poolIds.size());
		assertThat(officer.get("/inspection/objects/" + poolIds.get(0)).body()).contains("张伟：近亲属经营（测试）");

		// a joint task waits for its partner's consent
		HttpSession townAdmin = loggedIn("zhefang.admin");
		before = snapshot();
		post(admin, "/inspection/tasks/" + t.id() + "/commitment", Map.of("version", "0"));
		assertThat(lastPage).contains("联合检查须参加单位同意后才能公布：遮放镇人民政府尚未同意");
		assertThat(snapshot()).isEqualTo(before);
		String partnerPage = townAdmin.get("/inspection/tasks/" + t.id()).body();
		assertThat(partnerPage).contains("本单位同意参加联合检查", "年度抽查计划（牵头单位）").doesNotContain("href=\"/inspection/plans/" + t.planId() + "\"");
		// the partner hears of it on his home page, with the way to the task
		assertThat(townAdmin.get("/").body()).contains("待同意参加的联合检查", "/inspection/tasks/" + t.id(), t.code());
		post(townAdmin, "/inspection/tasks/" + t.id() + "/partnership", Map.of());
		assertThat(townAdmin.get("/").body()).doesNotContain("/inspection/tasks/" + t.id() + "\"");
		assertThat(plans.task(DataScope.all(), t.id()).partnerStatus()).singleElement().satisfies(x -> assertThat(x.acceptedBy()).contains("zhefang.admin"));

		// before publishing, the head sees how many objects the task would draw, and is asked to confirm with that number
		var preview = plans.preview(t);
		assertThat(preview.pool()).isEqualTo(poolIds.size());
		String plannedPage = admin.get("/inspection/tasks/" + t.id()).body();
		assertThat(plannedPage).contains("id=\"draw-preview\"", "按名录库现状，符合本任务范围的对象 " + poolIds.size() + " 户，将抽取 " + preview.drawn() + " 户",
				"将从 " + poolIds.size() + " 户中抽取 " + preview.drawn() + " 户。确定公布？");
		assertThat(townAdmin.get("/inspection/tasks/" + t.id()).body()).doesNotContain("draw-preview");
		// committed (published) before the draw: the commitment is the SM3 of the published text
		post(admin, "/inspection/tasks/" + t.id() + "/commitment", Map.of("version", "0"));
		assertThat(admin.get("/inspection/tasks/" + t.id()).body()).doesNotContain("draw-preview");
		t = plans.task(DataScope.all(), t.id());
		assertThat(t.status()).isEqualTo(InspectionPlans.TaskStatus.COMMITTED);
		String canonical = new String(admin.getBytes("/inspection/tasks/" + t.id() + "/canonical.txt"), StandardCharsets.UTF_8);
		assertThat(Sm3.hex(canonical)).isEqualTo(t.commitment());

		// the inspectors' pools are fixed with the commitment (before the beacon): the draw takes only from them. An officer
		// of the market bureau certified after the commitment is drawn for nobody
		String fixedPools = jdbc.queryForObject("select inspector_pools from insp_task where id = ?", String.class, t.id());
		assertThat(fixedPools).contains(market + ":", zhefang + ":");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'insp_task' and subject_id = ?", String.class,
				String.valueOf(t.id()))).contains("inspection.inspectors_fixed");
		String domain = jdbc.queryForObject("select m.domain_code from insp_item i join matter_view m on m.code = i.matter_code and m.body_id = i.body_id "
				+ "where i.id = ?", String.class, marketItem);
		long lateComer = certifiedOfficer(market, domain);
		assertThat(fixedPools).doesNotContain(String.valueOf(lateComer));
		// the pools kept on the task must agree with the record: altered, the draw is refused and nothing drawn
		jdbc.update("update insp_task set inspector_pools = ? where id = ?", fixedPools.replace(market + ":", market + ":" + lateComer + ","), t.id());
		post(admin, "/inspection/tasks/" + t.id() + "/draw", Map.of());
		assertThat(lastPage).contains("公布时确定的检查人员库与全过程记录不一致");
		assertThat(plans.task(DataScope.all(), t.id()).status()).isEqualTo(InspectionPlans.TaskStatus.COMMITTED);
		jdbc.update("update insp_task set inspector_pools = ? where id = ?", fixedPools, t.id());

		// the head is asked to confirm, with the number the draw is made from; the hashes are there to check, folded away
		String committedPage = admin.get("/inspection/tasks/" + t.id()).body();
		assertThat(committedPage).contains("抽取后不能重做：将从已公布的 " + poolIds.size() + " 户中随机抽取", "<summary class=\"text-muted\">核验数据");
		assertThat(committedPage.indexOf("id=\"commitment\"")).isGreaterThan(committedPage.indexOf("核验数据"));
		// the draw, once: the beacon is an anchor made after the commitment
		post(admin, "/inspection/tasks/" + t.id() + "/draw", Map.of());
		assertThat(lastPage).contains("已随机抽取检查对象并分配检查人员").doesNotContain("结果摘要 ");
		t = plans.task(DataScope.all(), t.id());
		assertThat(t.status()).isEqualTo(InspectionPlans.TaskStatus.DRAWN);
		assertThat(t.beaconSeq()).isGreaterThan(t.anchorSeqAtCommit());
		assertThat(jdbc.queryForList("select officer_id from insp_team_member m join insp_visit v on v.id = m.visit_id where v.task_id = ?", Long.class, t.id()))
			.doesNotContain(lateComer);
		// the visits are planned over the period's working days in draw order, not all on its first day
		List<LocalDate> plannedDays = jdbc.queryForList("select planned_on from insp_visit where task_id = ? order by id", LocalDate.class, t.id());
		var workingDays = calendarService.calendar().days(LocalDate.now(clock), t.endsOn()).stream().filter(zhifa.shared.WorkdayCalendar.Day::working)
			.map(zhifa.shared.WorkdayCalendar.Day::date).toList();
		assertThat(plannedDays).isSorted().allMatch(workingDays::contains);
		if (plannedDays.size() > 1 && workingDays.size() > 1) {
			assertThat(new java.util.HashSet<>(plannedDays)).hasSizeGreaterThan(1);
		}
		// 随机选派检查人员: every team is recomputed from the seed and what the draw recorded (each body's pool and cap, the
		// conflicts declared before the commitment), in the order of the drawn list; nothing else (who is busy) counts
		var drawnEntry = json(jdbc.queryForObject("select payload from record_entry where subject_type = 'insp_task' and subject_id = ? "
				+ "and action = 'inspection.task_drawn'", String.class, String.valueOf(t.id())));
		assertThat(drawnEntry.get("inspectorPools").get(String.valueOf(market)).toString()).doesNotContain(String.valueOf(lateComer));
		assertThat(drawnEntry.get("poolsFixedAtCommit").asBoolean()).isTrue();
		var recorded = Recompute.parse(canonical);
		Map<Long, Integer> taken = new HashMap<>();
		var order = RandomDraw.select(t.seed(), recorded.ratios(), recorded.population());
		for (int k = 0; k < order.size(); k++) {
			var d = order.get(k);
			var v = visits.load(jdbc.queryForObject("select id from insp_visit where task_id = ? and uscc = ?", Long.class, t.id(), d.uscc())).orElseThrow();
			// the conflicts as the record keeps them (张伟 declared one with every enterprise of the pool)
			java.util.Set<Long> conflicted = new java.util.HashSet<>();
			var kept = drawnEntry.get("inspectorConflicts").get(d.uscc());
			if (kept != null) {
				kept.forEach(x -> conflicted.add(x.asLong()));
			}
			assertThat(conflicted).contains(zhangwei);
			for (long b : List.of(market, zhefang)) {
				List<Long> pooled = new java.util.ArrayList<>();
				drawnEntry.get("inspectorPools").get(String.valueOf(b)).forEach(n -> pooled.add(n.asLong()));
				assertThat(pooled).hasSizeGreaterThanOrEqualTo(2);
				List<Long> recomputed = zhifa.inspection.visits.InspectorDraw.team(t.seed(), b, d.uscc(), pooled, conflicted, taken,
						drawnEntry.get("inspectorCaps").get(String.valueOf(b)).asInt(), order.size() - k - 1);
				assertThat(v.team().stream().filter(m -> m.bodyId() == b).map(Visits.Member::officerId).toList()).as("%s 的检查人员", d.uscc())
					.containsExactlyInAnyOrderElementsOf(recomputed);
			}
		}
		assertThat(admin.get("/inspection/tasks/" + t.id()).body()).contains("id=\"team-pools\"", "遮放镇人民政府（机关编号 " + zhefang + "）：人员编号 ",
				"公布承诺值时确定的人员库中，检查日证件仍有效者");
		long refusalsBefore = jdbc.queryForObject("select count(*) from record_entry where action = 'access.refused' and summary like '%重复抽取%'", Long.class);
		before = snapshot();
		post(admin, "/inspection/tasks/" + t.id() + "/draw", Map.of());
		assertThat(snapshot()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where action = 'access.refused' and summary like '%重复抽取%'", Long.class))
			.isEqualTo(refusalsBefore + 1);

		// the second and third tasks: every enterprise's third visit this year waits for the head's approval with a reason
		for (var other : plans.tasks(planId).subList(1, 3)) {
			post(admin, "/inspection/tasks/" + other.id() + "/commitment", Map.of("version", "0"));
			post(admin, "/inspection/tasks/" + other.id() + "/draw", Map.of());
		}
		var third = plans.tasks(planId).get(2);
		assertThat(plans.tasks(planId).get(1).status()).isEqualTo(InspectionPlans.TaskStatus.DRAWN);
		assertThat(jdbc.queryForList("select over_cap from insp_visit where task_id = ?", Boolean.class, plans.tasks(planId).get(1).id())).containsOnly(false);
		var capped = visits.load(lists.ofTask(third.id()).get(0).id()).orElseThrow();
		assertThat(capped.overCap()).isTrue();
		assertThat(capped.awaitingApproval()).isTrue();
		HttpSession leader = loggedIn("scj.fuze");
		assertThat(leader.get("/").body()).contains("待批准实施的检查", capped.objectName(), "超过年度检查次数上限");
		before = snapshot();
		post(leader, "/inspection/visits/" + capped.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "PASSED", "note", "正常"));
		post(leader, "/inspection/visits/" + capped.id() + "/approval", Map.of("reason", " "));
		assertThat(post(admin, "/inspection/visits/" + capped.id() + "/approval", Map.of("reason", "投诉线索需核查")).statusCode()).isEqualTo(403);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(visits.load(capped.id()).orElseThrow().awaitingApproval()).isTrue();
		post(leader, "/inspection/visits/" + capped.id() + "/approval", Map.of("reason", "群众投诉反映问题，需再次核查"));
		assertThat(visits.load(capped.id()).orElseThrow().awaitingApproval()).isFalse();
		// no result before the notice (or the reason for an unannounced visit) is recorded
		post(leader, "/inspection/visits/" + capped.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "PASSED", "note", "正常"));
		assertThat(lastPage).contains("请先记录检查通知");
		post(leader, "/inspection/visits/" + capped.id() + "/notice", Map.of("kind", "UNANNOUNCED", "note", " "));
		assertThat(visits.load(capped.id()).orElseThrow().noticeKind()).isNull();
		post(leader, "/inspection/visits/" + capped.id() + "/notice", Map.of("kind", "UNANNOUNCED", "note", "群众反映夜间违规生产，预先通知将无法查实"));
		// a certificate suspended since the draw: the team no longer has two valid on the day, nothing is recorded
		long member = capped.team().get(0).officerId();
		long certificate = jdbc.queryForObject("select id from certificate where officer_id = ? and number is not null order by id desc limit 1", Long.class,
				member);
		certificates.change(DataScope.all(), certificate, zhifa.officer.CertificateStatus.SUSPENDED,
				new zhifa.officer.Certificates.Change("测试：暂扣", "测试〔2026〕1号", LocalDate.now(clock)));
		try {
			post(leader, "/inspection/visits/" + capped.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "PASSED", "note", "正常"));
			assertThat(lastPage).contains("今天持有效执法证件（覆盖检查事项的执法领域）的人员不足两名");
			assertThat(jdbc.queryForObject("select count(*) from insp_check where visit_id = ?", Long.class, capped.id())).isZero();
		}
		finally {
			certificates.change(DataScope.all(), certificate, zhifa.officer.CertificateStatus.VALID,
					new zhifa.officer.Certificates.Change("测试：恢复", "测试〔2026〕2号", LocalDate.now(clock)));
		}
		post(leader, "/inspection/visits/" + capped.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "PASSED", "note", "正常"));
		assertThat(jdbc.queryForObject("select result from insp_check where visit_id = ?", String.class, capped.id())).isEqualTo("PASSED");

		// 回避 after the draw: the head decides, a replacement is drawn under the same rules, the conflict is kept
		var second = visits.load(lists.ofTask(plans.tasks(planId).get(1).id()).get(0).id()).orElseThrow();
		var leaving = second.team().get(0);
		before = snapshot();
		List<Object> teamBefore = List.copyOf(jdbc.queryForList("select officer_id from insp_team_member where visit_id = ? order by officer_id", Long.class,
				second.id()));
		assertThat(post(officer, "/inspection/visits/" + second.id() + "/recusal", Map.of("officerId", String.valueOf(leaving.officerId()), "reason", "亲属"))
			.statusCode()).isEqualTo(403);
		post(leader, "/inspection/visits/" + second.id() + "/recusal", Map.of("officerId", String.valueOf(leaving.officerId()), "reason", " "));
		assertThat(jdbc.queryForList("select officer_id from insp_team_member where visit_id = ? order by officer_id", Long.class, second.id()))
			.isEqualTo(teamBefore);
		post(leader, "/inspection/visits/" + second.id() + "/recusal", Map.of("officerId", String.valueOf(leaving.officerId()), "reason", "与企业负责人系同学"));
		var after = visits.load(second.id()).orElseThrow();
		assertThat(after.team()).hasSize(2).allMatch(Visits.Member::valid).noneMatch(x -> x.officerId() == leaving.officerId() || x.officerId() == zhangwei);
		assertThat(jdbc.queryForObject("select count(*) from insp_conflict where officer_id = ? and object_id = ?", Long.class, leaving.officerId(),
				second.objectId())).isEqualTo(1);
		assertThat(jdbc.queryForList("select officer_id from case_officer where case_id = ? and released_on is null order by officer_id", Long.class,
				second.caseId())).containsExactlyInAnyOrderElementsOf(after.team().stream().map(Visits.Member::officerId).toList());

		// 遮放镇 registers its own check of that enterprise this quarter: the platform proposes merging it with the market
		// bureau's two visits still to be made; one is declined (a reason is needed), the other accepted by both: one day
		long yuhan = jdbc.queryForObject("select id from officer where name = '玉罕'", Long.class);
		long yanbao = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		long townVisit = draws.register(Operator.SYSTEM, new Draws.Registration(zhefang, "SPECIAL", "集镇食品安全专项检查（测试）", second.uscc(),
				List.of(townItem), LocalDate.now(clock).plusDays(3), List.of(yuhan, yanbao)));
		var proposals = merges.ofVisit(townVisit);
		assertThat(proposals).hasSize(2).allMatch(m -> m.bodyA() == market && m.bodyB() == zhefang && "PROPOSED".equals(m.status()));
		assertThat(townAdmin.get("/inspection/merges").body()).contains(second.objectName(), "待双方确认");
		var first = proposals.get(0);
		var other = proposals.get(1);
		assertThat(post(officer, "/inspection/merges/" + first.id(), Map.of("decision", "DECLINE", "reason", "x")).statusCode()).isEqualTo(403);
		post(leader, "/inspection/merges/" + first.id(), Map.of("decision", "DECLINE", "reason", " "));
		assertThat(merges.ofVisit(townVisit).get(0).aDecision()).isNull();
		post(leader, "/inspection/merges/" + first.id(), Map.of("decision", "DECLINE", "reason", "该次为整改复查，不宜合并"));
		assertThat(merges.ofVisit(townVisit).get(0).status()).isEqualTo("DECLINED");
		// the joint day is the earlier of the two (the drawn visits are spread over the task's working days)
		LocalDate drawnDay = visits.load(other.visitA()).orElseThrow().plannedOn();
		LocalDate townDay = visits.load(townVisit).orElseThrow().plannedOn();
		LocalDate jointDay = drawnDay.isBefore(townDay) ? drawnDay : townDay;
		post(leader, "/inspection/merges/" + other.id(), Map.of("decision", "ACCEPT"));
		assertThat(merges.ofVisit(townVisit).get(1).status()).isEqualTo("PROPOSED");
		post(townAdmin, "/inspection/merges/" + other.id(), Map.of("decision", "ACCEPT", "reason", "同意"));
		var merged = merges.ofVisit(townVisit).get(1);
		assertThat(merged.status()).isEqualTo("ACCEPTED");
		assertThat(visits.load(merged.visitA()).orElseThrow().plannedOn()).isEqualTo(visits.load(townVisit).orElseThrow().plannedOn())
			.isEqualTo(merged.jointOn()).isEqualTo(jointDay);

		// anyone recomputes the same list from the published text and the beacon
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var run = Recompute.class.getDeclaredMethod("run", String.class, String.class, PrintStream.class);
		run.setAccessible(true);
		run.invoke(null, canonical, t.beacon(), new PrintStream(out, true, StandardCharsets.UTF_8));
		List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
		assertThat(lines.get(0)).isEqualTo("承诺值 " + t.commitment());
		assertThat(lines.get(1)).isEqualTo("种子 " + t.seed());
		String result = String.join("\n", lines.subList(2, lines.size())) + "\n";
		assertThat(Sm3.hex(result)).isEqualTo(t.resultDigest());
		List<String> drawn = lines.subList(2, lines.size()).stream().map(l -> l.split(" ")[2]).sorted().toList();
		assertThat(jdbc.queryForList("select uscc from insp_visit where task_id = ? order by uscc", String.class, t.id())).isEqualTo(drawn);
		assertThat(drawn).hasSize(((Number) pool.get("n")).intValue());
		assertThat(RandomDraw.seed(t.commitment(), t.beacon())).isEqualTo(t.seed());

		// the same in public, without login
		HttpSession citizen = new HttpSession(port);
		var publicPage = citizen.get("/verify/draws/" + t.code());
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(publicPage.body()).contains(t.commitment(), t.beacon(), t.resultDigest());
		drawn.forEach(u -> assertThat(publicPage.body()).contains(u));
		// the pool's credit-risk classes stay with the authorities
		assertThat(publicPage.body()).doesNotContain("A " + drawn.get(0), "B " + drawn.get(0), "C " + drawn.get(0), "D " + drawn.get(0));
		assertThat(citizen.get("/verify/draws/" + t.code() + "/canonical.txt").statusCode()).isIn(401, 403, 404);
		assertThat(citizen.get("/inspection/tasks/" + t.id() + "/canonical.txt").statusCode()).isEqualTo(302);
		assertThat(citizen.get("/verify/draws/CC1999-1-01").statusCode()).isEqualTo(404);

		// one visit per enterprise; two inspectors of each body, all certified, none with a declared conflict
		var lineList = lists.ofTask(t.id());
		for (var l : lineList) {
			var v = visits.load(l.id()).orElseThrow();
			assertThat(v.team()).hasSize(4);
			assertThat(v.team().stream().filter(m -> m.bodyId() == market)).hasSize(2);
			assertThat(v.team().stream().filter(m -> m.bodyId() == zhefang)).hasSize(2);
			assertThat(v.team()).allMatch(Visits.Member::valid);
			assertThat(v.team()).noneMatch(m -> m.officerId() == zhangwei);
			assertThat(v.checks()).hasSize(2);
		}
		var visit = visits.load(lineList.get(0).id()).orElseThrow();

		// an expert joins the drawn team (the head invites; an officer may not; a name is needed)
		assertThat(post(officer, "/inspection/visits/" + visit.id() + "/experts", Map.of("name", "王工", "expertise", "食品检验")).statusCode()).isEqualTo(403);
		post(leader, "/inspection/visits/" + visit.id() + "/experts", Map.of("name", " ", "expertise", "食品检验"));
		assertThat(jdbc.queryForObject("select count(*) from insp_expert where visit_id = ?", Long.class, visit.id())).isZero();
		post(leader, "/inspection/visits/" + visit.id() + "/experts", Map.of("name", "王工", "expertise", "食品检验，德宏州食品检验所"));
		assertThat(visits.load(visit.id()).orElseThrow().experts()).extracting(Visits.Expert::name).containsExactly("王工");

		// the scan page without login: who inspects and on what basis; each scan kept; confirming once
		HttpSession anonymous = new HttpSession(port);
		var scan = anonymous.get("/scan/" + visit.scanToken());
		assertThat(scan.statusCode()).isEqualTo(200);
		assertThat(scan.body()).contains(visit.team().get(0).name(), "证件有效", "食品安全法", "专家（协助检查，不是执法人员）：王工");
		assertThat(anonymous.get("/scan/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
		var page = anonymous.get("/scan/" + visit.scanToken()).body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		anonymous.postForm("/scan/" + visit.scanToken() + "/confirmation", Map.of("_csrf", csrf.group(1)));
		long complaintsBefore = jdbc.queryForObject("select count(*) from sv_complaint", Long.class);
		assertThat(anonymous.postForm("/scan/" + visit.scanToken() + "/problem", Map.of("_csrf", csrf.group(1), "name", "李经理", "phone", "13800138000",
				"content", " ")).statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint", Long.class)).isEqualTo(complaintsBefore);
		var problem = anonymous.postForm("/scan/" + visit.scanToken() + "/problem",
				Map.of("_csrf", csrf.group(1), "name", "李经理", "phone", "13800138000", "content", "检查人员未出示证件（测试）"));
		assertThat(problem.body()).contains("受理编号");
		assertThat(jdbc.queryForList("select action from insp_scan where visit_id = ? order by id", String.class, visit.id()))
			.containsExactly("VIEWED", "CONFIRMED", "PROBLEM");
		assertThat(jdbc.queryForObject("select count(*) from sv_complaint where content like ?", Long.class, "%行政检查第" + visit.caseId() + "号%"))
			.isEqualTo(1);

		// the notice, then photos through the kernel's evidence
		post(leader, "/inspection/visits/" + visit.id() + "/notice", Map.of("kind", "NOTIFIED", "note", "11月25日电话通知企业负责人李某"));
		assertThat(visits.load(visit.id()).orElseThrow().noticeLabel()).contains("已通知被检查对象：11月25日电话通知");
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9 };
		leader.postMultipart("/inspection/visits/" + visit.id() + "/evidence", Map.of("_csrf", leader.csrf(), "type", "AUDIOVISUAL", "title", "后厨现场照片"),
				"file", "kitchen.jpg", "image/jpeg", jpeg);
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ?", Long.class, visit.caseId())).isEqualTo(1);
		post(leader, "/inspection/visits/" + visit.id() + "/transcripts", Map.of("kind", "INQUIRY", "heldOn", LocalDate.now(clock).toString(), "place",
				"企业办公室", "subject", "企业负责人李某", "content", "问：添加剂从何处购进？答：……"));
		// the visit's page names it by the number a clue it opens refers to
		assertThat(leader.get("/inspection/visits/" + visit.id()).body()).contains("询问笔录（", "企业负责人李某", "行政检查第" + visit.caseId() + "号");
				// the market bureau cannot record 遮放镇's item; its head records the market's: a violation opens a penalty clue
		long penaltyMatter = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-CF-001'", Long.class);
		HttpSession head = loggedIn("scj.fuze");
		before = snapshot();
		assertThat(post(head, "/inspection/visits/" + visit.id() + "/checks", Map.of("itemId", String.valueOf(townItem), "result", "PASSED", "note", "正常"))
			.statusCode()).isEqualTo(403);
		post(head, "/inspection/visits/" + visit.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "VIOLATION", "note", "超范围使用添加剂"));
		assertThat(snapshot()).as("发现违法 without a penalty matter").isEqualTo(before);
		post(head, "/inspection/visits/" + visit.id() + "/checks", Map.of("itemId", String.valueOf(marketItem), "result", "VIOLATION", "note",
				"超范围使用食品添加剂\n现场查获添加剂两袋", "penaltyMatterId", String.valueOf(penaltyMatter)));
		Long clue = jdbc.queryForObject("select clue_case_id from insp_check where visit_id = ? and item_id = ?", Long.class, visit.id(), marketItem);
		assertThat(clue).isNotNull();
		assertThat(jdbc.queryForObject("select source from enforcement_case where id = ?", String.class, clue)).isEqualTo("INSPECTION");
		assertThat(jdbc.queryForObject("select description from enforcement_case where id = ?", String.class, clue)).contains("检查记录见行政检查第" + visit.caseId() + "号");
		// completion waits for 遮放镇's item
		assertThat(post(head, "/inspection/visits/" + visit.id() + "/completion", Map.of()).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select stage from enforcement_case where id = ?", String.class, visit.caseId())).isEqualTo("PLANNED");
		// 遮放镇's inspector (on the team) opens the visit and records his body's item; he cannot record the market's
		assertThat(townAdmin.get("/inspection/visits/" + visit.id()).statusCode()).isEqualTo(200);
		post(townAdmin, "/inspection/visits/" + visit.id() + "/checks", Map.of("itemId", String.valueOf(townItem), "result", "RECTIFY", "note",
				"从业人员健康证过期", "rectifyBy", LocalDate.now(clock).plusDays(15).toString()));
		assertThat(jdbc.queryForObject("select result from insp_check where visit_id = ? and item_id = ?", String.class, visit.id(), townItem))
			.isEqualTo("RECTIFY");
		// 完成检查 pressed three days after the last result: the inspection ended that day, the 20 working days run from it
		LocalDate lastResult = LocalDate.now(clock);
		clock.shift(java.time.Duration.ofDays(3));
		post(head, "/inspection/visits/" + visit.id() + "/completion", Map.of());
		var done = visits.load(visit.id()).orElseThrow();
		assertThat(done.stage().name()).isEqualTo("CHECKED");
		assertThat(done.checkedOn()).isEqualTo(lastResult);
		assertThat(done.publication().start()).isEqualTo(lastResult);
		// 遮放镇's inspector sees the rectification to re-check on his home page
		assertThat(loggedIn("zhefang.admin").get("/").body()).contains("整改待复查", "集镇食品经营户日常巡查：整改期限", visit.objectName());
		assertThat(done.publication().due()).isAfter(lastResult.plusDays(19));

		// the 检查记录 PDF, with its number and verification code
		post(head, "/inspection/visits/" + visit.id() + "/record-document", Map.of());
		assertThat(lastPage).contains("已生成检查记录");
		long documentId = jdbc.queryForObject("select id from case_document where case_id = ? and type = 'INSPECTION_RECORD'", Long.class, visit.caseId());
		byte[] pdf = head.getBytes("/inspection/visits/" + visit.id() + "/documents/" + documentId + "/pdf");
		// the partner body's inspector reads the visit and its record too
		assertThat(townAdmin.getBytes("/inspection/visits/" + visit.id() + "/documents/" + documentId + "/pdf")).isEqualTo(pdf);
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/inspection-record.pdf"), pdf);
		assertThat(head.get("/inspection/visits/" + visit.id()).body()).contains("检查记录 第1版 检记〔");

		// published before its deadline; the export lists it
		post(admin, "/inspection/visits/" + visit.id() + "/publication", Map.of());
		done = visits.load(visit.id()).orElseThrow();
		assertThat(done.stage().name()).isEqualTo("PUBLISHED");
		assertThat(done.publishedOn()).isBeforeOrEqualTo(done.publication().due());
		assertThat(jdbc.queryForObject("select state from case_timer where case_id = ? and kind = 'RESULT_PUBLICATION'", String.class, visit.caseId()))
			.isEqualTo("MET");
		assertThat(admin.getBytes("/inspection/tasks/" + t.id() + "/results.xlsx").length).isGreaterThan(1000);
		// and on the public portal, without login
		// with the day it was made, the items checked and the way to the draw's public page
		assertThat(new HttpSession(port).get("/portal/inspections?bodyId=" + market).body()).contains(visit.objectName(), visit.uscc(), "发现问题，已依法处置",
				t.code(), "href=\"/verify/draws/" + t.code() + "\"", ">" + done.checkedOn() + "<",
				jdbc.queryForObject("select name from insp_item where id = ?", String.class, marketItem));
		// searched by the enterprise's code or a word of its name and the inspection day; another day finds nothing
		HttpSession visitor = new HttpSession(port);
		assertThat(visitor.get("/portal/inspections?q=" + visit.uscc()).body()).contains(visit.objectName());
		String day = done.checkedOn().toString();
		assertThat(visitor.get("/portal/inspections?bodyId=" + market + "&q=" + java.net.URLEncoder.encode(visit.objectName(), java.nio.charset.StandardCharsets.UTF_8)
				+ "&from=" + day + "&to=" + day).body()).contains(visit.uscc());
		assertThat(visitor.get("/portal/inspections?q=" + visit.uscc() + "&from=" + done.checkedOn().plusDays(1)).body()).doesNotContain(visit.objectName())
			.contains("暂无公示的检查结果");
		var hostile = visitor.get("/portal/inspections?q=" + "x".repeat(60));
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(hostile.body()).contains("检索词不超过50个字");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'inspection_case' and subject_id = ? order by seq", String.class,
				String.valueOf(visit.caseId()))).contains("inspection.visit_drawn", "inspection.scanned", "inspection.confirmed", "inspection.problem_reported",
						"inspection.item_checked", "inspection.completed", "inspection.result_published");
		// the ledger holds the inspection, with its publication in time: no late-result alert
		long deadline = System.currentTimeMillis() + 20_000;
		while (jdbc.queryForObject("select count(*) from sv_act where kind = 'INSPECTION' and external_id = ? and stage = 'PUBLISHED'", Long.class,
				String.valueOf(visit.caseId())) == 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject("select count(*) from sv_act where kind = 'INSPECTION' and external_id = ? and stage = 'PUBLISHED'", Long.class,
				String.valueOf(visit.caseId()))).isEqualTo(1);
		// the overview: the body's and the supervisor's
		int n = ((Number) pool.get("n")).intValue();
		var o = overview.of(DataScope.all(), year);
		assertThat(o.visits()).isGreaterThanOrEqualTo(3L * n);
		assertThat(o.joint()).isGreaterThanOrEqualTo(n);
		// covered: the objects inspected, not those only drawn (most of the drawn visits here are still to be made)
		long inspected = jdbc.queryForObject("select count(distinct object_id) from insp_visit where checked_on is not null and extract(year from planned_on) = ?",
				Long.class, year);
		long planned = jdbc.queryForObject("select count(distinct object_id) from insp_visit where extract(year from planned_on) = ?", Long.class, year);
		assertThat(o.coverage().stream().mapToLong(zhifa.inspection.visits.InspectionOverview.Coverage::visited).sum()).isEqualTo(inspected).isLessThan(planned);
		assertThat(o.overCap()).isGreaterThanOrEqualTo(n);
		assertThat(o.violation()).isGreaterThanOrEqualTo(1);
		assertThat(o.mostVisited()).extracting(zhifa.inspection.visits.InspectionOverview.MostVisited::uscc).contains(visit.uscc());
		assertThat(supervisor.get("/inspection/overview").body()).contains("被检查次数最多的企业", visit.objectName());
		assertThat(admin.get("/inspection/overview?year=" + year).body()).contains("联合检查占比");
		// the workbench and the case page lead to the visit
		assertThat(head.get("/cases/" + visit.caseId()).headers().firstValue("Location").orElse("")).endsWith("/inspection/visits/case/" + visit.caseId());
		assertThat(head.get("/inspection/visits/" + visit.id()).body()).contains("结果已公示", "扫码入企二维码");
		// lists name an inspection as one, not as a penalty case's 案源
		assertThat(kinds.of("INSPECTION").caseLabel(cases.find(visit.caseId()).orElseThrow())).isEqualTo("检查第" + visit.caseId() + "号");
	}

	@Autowired
	zhifa.casework.CaseKinds kinds;

	@Autowired
	zhifa.casework.Cases cases;

	@Autowired
	zhifa.officer.Officers officerRoster;

	@Autowired
	zhifa.officer.Certificates certificateRegister;

	/** A new officer of the body with a certificate valid for a year covering the domain (what a later certification looks like). */
	private long certifiedOfficer(long body, String domain) {
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		String first17 = "533103" + "19850607" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		zhifa.officer.OfficerForm f = new zhifa.officer.OfficerForm();
		f.setBodyId(body);
		f.setName("后补甲");
		f.setIdNumber(first17 + zhifa.shared.IdNumber.checkCharacter(first17));
		f.setPost("执法科科员");
		f.setStaffing(zhifa.officer.StaffingType.ESTABLISHED);
		f.setDomainCodes(new java.util.ArrayList<>(List.of(domain)));
		var o = officerRoster.create(DataScope.all(), f, false);
		certificateRegister.registerExisting(DataScope.all(), o.id(), List.of(domain), "53", "云南省人民政府",
				new zhifa.officer.Certificates.Issue("530000" + today.getYear() + String.format("%05d", o.id()), today.minusYears(1), today.plusYears(1), "测试"), false);
		return o.id();
	}
}
