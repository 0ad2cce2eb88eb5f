package zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.visits.Visits;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * An inspection not drawn at random: registered by an officer with its origin and reason and two certified inspectors,
 * refused without them, carried out only after the head's approval, and counted like any visit.
 */
class InspectionRegistrationIntegrationTest extends IntegrationTestBase {

	@Autowired
	InspectionItems items;
	@Autowired
	Visits visits;

	private static String form(HttpSession s, Map<String, String> fields, List<Long> officers, long item) {
		StringBuilder b = new StringBuilder("_csrf=" + s.csrf() + "&itemIds=" + item);
		officers.forEach(o -> b.append("&officerIds=").append(o));
		fields.forEach((k, v) -> b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return b.toString();
	}

	private List<Object> snapshot() {
		return List.of(jdbc.queryForObject("select count(*) from insp_visit", Long.class),
				jdbc.queryForObject("select count(*) from enforcement_case where kind = 'INSPECTION'", Long.class));
	}

	@Test
	void aComplaintCheckIsRegisteredApprovedByTheHeadAndCarriedOut() {
		long market = bodyId("芒市市场监督管理局");
		var live = items.list(DataScope.all(), market).stream()
			.filter(i -> i.matterCode().equals("SJ-JC-001") && i.status() != InspectionItems.Status.WITHDRAWN).findFirst();
		var item = live.orElseGet(() -> items.create(Operator.SYSTEM, market, "SJ-JC-001", "辖区内食品经营者（测试）", "现场检查"));
		if (item.status() == InspectionItems.Status.DRAFT) {
			item = items.publish(Operator.SYSTEM, item.id(), item.version());
		}
		try {
			run(market, item.id());
		}
		finally {
			var i = items.get(DataScope.all(), item.id());
			if (i.status() != InspectionItems.Status.WITHDRAWN) {
				items.withdraw(Operator.SYSTEM, i.id(), i.version(), "测试结束");
			}
		}
	}

	private void run(long market, long item) {
		String uscc = jdbc.queryForObject("select uscc from insp_object order by id desc limit 1", String.class);
		long zhangwei = jdbc.queryForObject("select id from officer where name = '张伟' and body_id = ?", Long.class, market);
		long yanwen = jdbc.queryForObject("select id from officer where name = '岩温' and body_id = ?", Long.class, market);
		long wangxiaohong = jdbc.queryForObject("select id from officer where name = '王小红' and body_id = ?", Long.class, market);
		HttpSession officer = loggedIn("scj.zhifa");
		Map<String, String> good = new HashMap<>(Map.of("origin", "COMPLAINT", "reason", "12345工单反映超范围使用添加剂（测试）", "uscc", uscc, "plannedOn",
				LocalDate.now(clock).toString()));

		// refused, nothing changed: one inspector; an auxiliary as the second; a drawn origin; an unknown enterprise
		var before = snapshot();
		officer.postEncoded("/inspection/visits", form(officer, good, List.of(zhangwei), item));
		assertThat(officer.get("/inspection/visits/new").body()).contains("检查人员不得少于两名");
		officer.postEncoded("/inspection/visits", form(officer, good, List.of(zhangwei, wangxiaohong), item));
		assertThat(officer.get("/inspection/visits/new").body()).contains("王小红在检查日的执法证件不覆盖");
		Map<String, String> random = new HashMap<>(good);
		random.put("origin", "RANDOM");
		officer.postEncoded("/inspection/visits", form(officer, random, List.of(zhangwei, yanwen), item));
		assertThat(officer.get("/inspection/visits/new").body()).contains("请选择检查来源");
		Map<String, String> unknown = new HashMap<>(good);
		unknown.put("uscc", "91533103MA6K00009X");
		officer.postEncoded("/inspection/visits", form(officer, unknown, List.of(zhangwei, yanwen), item));
		assertThat(officer.get("/inspection/visits/new").body()).contains("检查对象名录库中没有这个统一社会信用代码");
		// an empty choice among the items binds to nothing: a refusal in Chinese, not a server error
		assertThat(officer.postEncoded("/inspection/visits", form(officer, good, List.of(zhangwei, yanwen), item) + "&itemIds=").statusCode()).isEqualTo(302);
		assertThat(officer.get("/inspection/visits/new").body()).contains("选择有误");
		assertThat(snapshot()).isEqualTo(before);

		var created = officer.postEncoded("/inspection/visits", form(officer, good, List.of(zhangwei, yanwen), item));
		String location = created.headers().firstValue("Location").orElse("");
		assertThat(location).contains("/inspection/visits/");
		long id = Long.parseLong(location.replaceAll(".*/inspection/visits/", ""));
		var v = visits.load(id).orElseThrow();
		assertThat(v.origin()).isEqualTo(Visits.Origin.COMPLAINT);
		assertThat(v.taskId()).isNull();
		assertThat(v.team()).extracting(Visits.Member::officerId).containsExactlyInAnyOrder(zhangwei, yanwen);
		assertThat(v.checks()).singleElement().satisfies(k -> assertThat(k.itemId()).isEqualTo(item));
		assertThat(v.awaitingApproval()).isTrue();
		assertThat(officer.get("/inspection/today").body()).contains(v.objectName());
		// a page at a time (a draw can give an inspector hundreds): a page out of range shows the last one, not an empty list
		var beyond = officer.get("/inspection/today?page=99");
		assertThat(beyond.statusCode()).isEqualTo(200);
		assertThat(beyond.body()).contains(v.objectName(), "aria-label=\"分页\"");
		assertThat(officer.get("/inspection/today?page=-1").body()).contains(v.objectName());

		// not before the head approves; the officer may not approve
		officer.postEncoded("/inspection/visits/" + id + "/checks", "_csrf=" + officer.csrf() + "&itemId=" + item + "&result=PASSED&note=ok");
		assertThat(jdbc.queryForObject("select count(*) from insp_check where visit_id = ?", Long.class, id)).isZero();
		assertThat(officer.postEncoded("/inspection/visits/" + id + "/approval", "_csrf=" + officer.csrf()).statusCode()).isEqualTo(403);
		HttpSession head = loggedIn("scj.fuze");
		head.postEncoded("/inspection/visits/" + id + "/approval", "_csrf=" + head.csrf() + "&reason=" + URLEncoder.encode("同意核查", StandardCharsets.UTF_8));
		assertThat(visits.load(id).orElseThrow().approvedBy()).isNotNull();
		officer.postEncoded("/inspection/visits/" + id + "/notice", "_csrf=" + officer.csrf() + "&kind=UNANNOUNCED&note="
				+ URLEncoder.encode("举报反映正在违规生产，预先通知将无法查实", StandardCharsets.UTF_8));
		officer.postEncoded("/inspection/visits/" + id + "/checks", "_csrf=" + officer.csrf() + "&itemId=" + item + "&result=PASSED&note="
				+ URLEncoder.encode("未发现超范围使用", StandardCharsets.UTF_8));
		assertThat(jdbc.queryForObject("select result from insp_check where visit_id = ?", String.class, id)).isEqualTo("PASSED");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'inspection_case' and subject_id = ? order by seq", String.class,
				String.valueOf(v.caseId()))).containsExactly("inspection.visit_registered", "inspection.approved", "inspection.noticed",
						"inspection.item_checked");
		// it counts toward the caps like a drawn visit
		assertThat(jdbc.queryForObject("select count(*) from insp_visit where uscc = ? and origin = 'COMPLAINT'", Long.class, uscc)).isEqualTo(1);
		assertThat(officer.get("/inspection/visits/" + id).body()).contains("投诉举报核查：12345工单反映");
	}
}
