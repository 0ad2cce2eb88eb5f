package zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.inspection.items.InspectionItems;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** 随机抽查事项清单: only a body's published 行政检查 matters, draft → published → withdrawn, each step recorded, refusals change nothing. */
class InspectionItemsIntegrationTest extends IntegrationTestBase {

	@Autowired
	InspectionItems items;

	private static HttpResponse<String> post(HttpSession session, String path, Map<String, String> form) {
		Map<String, String> withToken = new HashMap<>(form);
		withToken.put("_csrf", session.csrf());
		return session.postForm(path, withToken);
	}

	private List<Object> snapshot() {
		return List.of(jdbc.queryForList("select id, status, version from insp_item order by id"),
				jdbc.queryForObject("select count(*) from record_entry where subject_type = 'insp_item'", Long.class));
	}

	@Test
	void anAdministratorListsPublishesAndWithdrawsAnItemOfHisCatalogue() {
		long market = bodyId("芒市市场监督管理局");
		HttpSession admin = loggedIn("scj.admin");
		assertThat(items.candidates(market)).extracting(e -> e.code()).containsExactly("SJ-JC-001");
		assertThat(admin.get("/inspection/items").body()).contains("id=\"item-form\"", "SJ-JC-001 食品生产经营日常监督检查");
		assertThat(loggedIn("scj.zhifa").get("/inspection/items").body()).doesNotContain("id=\"item-form\"");

		Map<String, String> good = Map.of("bodyId", String.valueOf(market), "matterCode", "SJ-JC-001", "objectScope", "辖区内食品生产经营者", "method",
				"现场检查");
		// refused, nothing changed: an officer; no method; a penalty matter; another body's administrator
		var before = snapshot();
		assertThat(post(loggedIn("scj.zhifa"), "/inspection/items", good).statusCode()).isEqualTo(403);
		Map<String, String> noMethod = new HashMap<>(good);
		noMethod.remove("method");
		post(admin, "/inspection/items", noMethod);
		assertThat(admin.get("/inspection/items?bodyId=" + market).body()).contains("检查方式");
		Map<String, String> penalty = new HashMap<>(good);
		penalty.put("matterCode", "SJ-CF-001");
		post(admin, "/inspection/items", penalty);
		assertThat(admin.get("/inspection/items?bodyId=" + market).body()).contains("请选择本单位已公布的执法事项目录中类别为行政检查");
		post(loggedIn("zhefang.admin"), "/inspection/items", good);
		assertThat(snapshot()).isEqualTo(before);

		post(admin, "/inspection/items", good);
		long id = jdbc.queryForObject("select id from insp_item where body_id = ? and matter_code = 'SJ-JC-001' and status = 'DRAFT'", Long.class, market);
		assertThat(jdbc.queryForObject("select basis from insp_item where id = ?", String.class, id)).contains("食品安全法");
		assertThat(items.candidates(market)).isEmpty();
		assertThat(items.published(market)).isEmpty();
		// the same matter twice: refused
		before = snapshot();
		post(admin, "/inspection/items", good);
		assertThat(snapshot()).isEqualTo(before);

		// a stale version changes nothing; then published, listed as what random inspections may cover
		post(admin, "/inspection/items/" + id + "/publication", Map.of("version", "5"));
		assertThat(snapshot()).isEqualTo(before);
		post(admin, "/inspection/items/" + id + "/publication", Map.of("version", "0"));
		assertThat(items.published(market)).extracting(InspectionItems.Item::id).containsExactly(id);
		assertThat(jdbc.queryForObject("select published_on from insp_item where id = ?", java.time.LocalDate.class, id))
			.isEqualTo(java.time.LocalDate.now(clock));
		before = snapshot();
		post(admin, "/inspection/items/" + id + "/publication", Map.of("version", "1"));
		post(admin, "/inspection/items/" + id + "/withdrawal", Map.of("version", "1", "reason", " "));
		assertThat(snapshot()).isEqualTo(before);

		post(admin, "/inspection/items/" + id + "/withdrawal", Map.of("version", "1", "reason", "检查事项调整（测试）"));
		assertThat(jdbc.queryForObject("select status from insp_item where id = ?", String.class, id)).isEqualTo("WITHDRAWN");
		assertThat(items.published(market)).isEmpty();
		assertThat(items.candidates(market)).extracting(e -> e.code()).containsExactly("SJ-JC-001");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'insp_item' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).containsExactly("inspection.item_created", "inspection.item_published", "inspection.item_withdrawn");
		// the supervisor sees the list of the bodies in his region, withdrawn items included
		assertThat(loggedIn("jiandu").get("/inspection/items?bodyId=" + market).body()).contains("已撤回", "SJ-JC-001");
	}
}
