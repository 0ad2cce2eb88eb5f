package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Every role, through the HTTP API: users of one body never see another body's data; supervisors see their region's
 * subtree; the platform administrator sees everything; an API token sees its own body.
 */
class DataScopeIntegrationTest extends IntegrationTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	zhifa.identity.TokenUsage usage;

	private Set<String> visibleBodies(HttpSession s) {
		Set<String> names = new HashSet<>();
		int page = 0;
		JsonNode result;
		do {
			var res = s.get("/api/v1/bodies?size=100&page=" + page++);
			assertThat(res.statusCode()).isEqualTo(200);
			result = json(res.body());
			result.get("items").forEach(b -> names.add(b.get("name").asString()));
		} while (result.get("page").asInt() + 1 < (result.get("total").asInt() + 99) / 100);
		return names;
	}

	private long totalBodies() {
		return jdbc.queryForObject("select count(*) from org_body", Long.class);
	}

	@Test
	void platformAdministratorSeesEveryBody() {
		assertThat(visibleBodies(loggedIn("admin"))).hasSize((int) totalBodies());
	}

	@Test
	void citySupervisorSeesEveryBodyInMangshiButNotThePrefecture() {
		HttpSession s = loggedIn("jiandu");
		Set<String> names = visibleBodies(s);
		long inMangshi = jdbc.queryForObject(
				"select count(*) from org_body b join org_region r on r.id = b.region_id where r.path like '/1/2/3/%'", Long.class);
		assertThat(names).hasSize((int) inMangshi).contains("芒市市场监督管理局", "遮放镇人民政府", "芒市司法局")
			.doesNotContain("德宏州司法局", "德宏州生态环境局");
		assertThat(s.get("/api/v1/bodies/" + bodyId("德宏州司法局")).statusCode()).isEqualTo(404);
		assertThat(s.get("/api/v1/bodies/" + bodyId("遮放镇人民政府")).statusCode()).isEqualTo(200);
	}

	@Test
	void prefectureSupervisorSeesMangshiToo() {
		Set<String> names = visibleBodies(loggedIn("zhou.jiandu"));
		assertThat(names).contains("德宏州司法局", "芒市市场监督管理局", "三台山德昂族乡人民政府");
	}

	@Test
	void everyBodyLevelRoleSeesOnlyItsOwnBody() {
		for (String user : new String[] { "scj.admin", "scj.zhifa", "scj.fuze", "scj.fazhi" }) {
			HttpSession s = loggedIn(user);
			assertThat(visibleBodies(s)).as(user).containsExactly("芒市市场监督管理局");
			assertThat(s.get("/api/v1/bodies/" + bodyId("芒市综合行政执法局")).statusCode()).as(user).isEqualTo(404);
			assertThat(s.get("/api/v1/records/body/" + bodyId("芒市综合行政执法局")).statusCode()).as(user).isEqualTo(404);
			assertThat(s.get("/api/v1/records/body/" + bodyId("芒市市场监督管理局")).statusCode()).as(user).isEqualTo(200);
		}
		HttpSession township = loggedIn("zhefang.admin");
		assertThat(visibleBodies(township)).containsExactly("遮放镇人民政府");
	}

	@Test
	void accountListsFollowTheSameScopes() {
		var admin = json(loggedIn("scj.admin").get("/api/v1/users?size=100").body());
		admin.forEach(u -> assertThat(u.get("bodyName").asString()).isEqualTo("芒市市场监督管理局"));
		assertThat(admin.size()).isEqualTo(jdbc.queryForObject("select count(*) from idn_user where body_id = ?", Integer.class,
				bodyId("芒市市场监督管理局")));
		var supervisor = json(loggedIn("jiandu").get("/api/v1/users?size=100").body());
		Set<String> bodies = new HashSet<>();
		supervisor.forEach(u -> bodies.add(u.get("bodyName").asString()));
		assertThat(bodies).contains("芒市市场监督管理局", "遮放镇人民政府").doesNotContain("德宏州司法局");
		assertThat(loggedIn("scj.admin").get("/api/v1/users/" + userId("zhzf.zhifa")).statusCode()).isEqualTo(404);
		assertThat(loggedIn("scj.zhifa").get("/api/v1/users").statusCode()).isEqualTo(403);
	}

	@Test
	void recordsOfOtherBodiesStayHidden() {
		var latest = json(loggedIn("zhzf.zhifa").get("/api/v1/records?size=200").body());
		long own = bodyId("芒市综合行政执法局");
		assertThat(latest.size()).isPositive();
		latest.forEach(e -> assertThat(e.get("ownerBodyId").asLong()).isEqualTo(own));
	}

	@Test
	void officersCannotChangeBodiesOrCreateAccounts() {
		HttpSession s = loggedIn("scj.zhifa");
		assertThat(s.postJson("/api/v1/bodies", "{}").statusCode()).isEqualTo(403);
		assertThat(s.postJson("/api/v1/users", "{}").statusCode()).isEqualTo(403);
		assertThat(s.postJson("/api/v1/regions", "{}").statusCode()).isEqualTo(403);
	}

	@Test
	void unitAdministratorManagesOnlyItsOwnBodysAccounts() {
		HttpSession s = loggedIn("scj.admin");
		long other = bodyId("芒市综合行政执法局");
		var res = s.postJson("/api/v1/users", """
				{"username":"other.body.user","displayName":"越权","bodyId":%d,"roles":["OFFICER"],"password":"Abcdef12!"}"""
			.formatted(other));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("detail").asString()).contains("只能管理本单位的账号");
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'other.body.user'", Long.class)).isZero();
	}

	@Test
	void theSecurityAdministratorIssuesATokenForAUnitOnThePage() {
		HttpSession anquan = loggedIn("anquan");
		long market = jdbc.queryForObject("select id from org_body where name = '芒市市场监督管理局'", Long.class);
		// the page has the unit to choose (it had none: every token was refused with 所选单位不存在或已停用), and says so when none is chosen
		assertThat(anquan.get("/tokens").body()).contains("id=\"bodyId\"", "供各单位的业务系统调用");
		long before = jdbc.queryForObject("select count(*) from idn_api_token", Long.class);
		assertThat(anquan.postForm("/tokens", Map.of("_csrf", anquan.csrf(), "name", "无单位的令牌")).body()).contains("请选择令牌所属的单位");
		assertThat(jdbc.queryForObject("select count(*) from idn_api_token", Long.class)).isEqualTo(before);
		var page = anquan.postForm("/tokens", Map.of("_csrf", anquan.csrf(), "name", "安全管理员创建的令牌（测试）", "bodyId", String.valueOf(market)));
		assertThat(page.body()).contains("已创建令牌“<span>安全管理员创建的令牌（测试）</span>”", "id=\"secret\"");
		assertThat(jdbc.queryForObject("select body_id from idn_api_token where name = '安全管理员创建的令牌（测试）'", Long.class)).isEqualTo(market);
		// the accounts page offers a new account to whoever may create one: the security administrator, not the system administrator
		assertThat(anquan.get("/accounts").body()).contains("href=\"/accounts/new\"");
		assertThat(loggedIn("admin").get("/accounts").body()).doesNotContain("href=\"/accounts/new\"");
	}

	@Test
	void apiTokenActsForItsBodyOnlyAndStopsWorkingWhenRevoked() {
		HttpSession admin = loggedIn("scj.admin");
		var issued = admin.postJson("/api/v1/tokens", "{\"name\":\"市场监管业务系统（测试）\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		String secret = json(issued.body()).get("secret").asString();
		long tokenId = json(issued.body()).get("token").get("id").asLong();
		assertThat(jdbc.queryForObject("select token_hash from idn_api_token where id = ?", String.class, tokenId))
			.doesNotContain(secret);

		HttpSession system = HttpSession.withToken(port, secret);
		assertThat(visibleBodies(system)).containsExactly("芒市市场监督管理局");
		var me = json(system.get("/api/v1/me").body());
		assertThat(me.get("kind").asString()).isEqualTo("TOKEN");
		// counted in memory: the token list shows the calls at once, the row gets them at the next flush
		long before = jdbc.queryForObject("select call_count from idn_api_token where id = ?", Long.class, tokenId);
		assertThat(admin.get("/tokens").body()).contains("市场监管业务系统（测试）");
		usage.flush();
		assertThat(jdbc.queryForObject("select call_count from idn_api_token where id = ?", Long.class, tokenId)).isGreaterThanOrEqualTo(before + 2);
		assertThat(jdbc.queryForObject("select last_used_at is not null from idn_api_token where id = ?", Boolean.class, tokenId)).isTrue();

		var revoke = admin.get("/api/v1/tokens");
		assertThat(revoke.statusCode()).isEqualTo(200);
		jdbc.update("update idn_api_token set revoked_at = now() where id = ?", tokenId);
		assertThat(system.get("/api/v1/bodies").statusCode()).isEqualTo(401);
		assertThat(HttpSession.withToken(port, "zf_not-a-token").get("/api/v1/bodies").statusCode()).isEqualTo(401);
	}

	@Test
	void anonymousApiCallsGetAChineseProblem() {
		var res = new HttpSession(port).get("/api/v1/bodies");
		assertThat(res.statusCode()).isEqualTo(401);
		assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(res.body()).contains("请先登录");
	}
}
