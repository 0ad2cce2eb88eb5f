package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** 最小权限与三员分立: who may grant which role, who reads which part of the record, and that the auditor changes nothing. */
class DutySeparationIntegrationTest extends IntegrationTestBase {

	private List<String> roles(String username) {
		return jdbc.queryForList("select r.role from idn_user_role r join idn_user u on u.id = r.user_id where u.username = ? order by 1", String.class,
				username);
	}

	private long refusals(String username) {
		return jdbc.queryForObject("select count(*) from record_entry where subject_type = 'user' and subject_id = ? and action = 'access.refused'",
				Long.class, String.valueOf(userId(username)));
	}

	private String account(String username, long bodyId, String roles, String extra) {
		return """
				{"username":"%s","displayName":"测试","bodyId":%d,"roles":[%s],"password":"Mqzv#k82x"%s}""".formatted(username, bodyId, roles, extra);
	}

	@Test
	void aJusticeBureauAdministratorCannotMakeItselfASupervisor() {
		HttpSession bureau = loggedIn("sfj.admin");
		long me = userId("sfj.admin");
		long refusedBefore = refusals("sfj.admin");
		var res = bureau.putJson("/api/v1/users/" + me, """
				{"displayName":"赵明","bodyId":%d,"roles":["UNIT_ADMIN","SUPERVISOR"]}""".formatted(bodyId("芒市司法局")));
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res.body()).get("errors").get("roles").asString()).contains("不能修改本人的角色").contains("不能授予执法监督人员");
		assertThat(roles("sfj.admin")).containsExactly("UNIT_ADMIN");
		assertThat(refusals("sfj.admin")).isEqualTo(refusedBefore + 1);
		// nor another account of its body
		var other = bureau.postJson("/api/v1/users", account("sfj.jiandu2", bodyId("芒市司法局"), "\"SUPERVISOR\"", ""));
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'sfj.jiandu2'", Long.class)).isZero();
		// nor may it disable the bureau's supervisor, whose role it could not have granted
		var disable = bureau.postForm("/accounts/" + userId("jiandu") + "/disable", Map.of("_csrf", bureau.csrf()));
		assertThat(disable.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select enabled from idn_user where username = 'jiandu'", Boolean.class)).isTrue();
	}

	@Test
	void incompatibleRolesOnOnePersonNeedTheSecurityAdministratorsRecordedApproval() {
		long market = bodyId("芒市市场监督管理局");
		String three = "\"OFFICER\",\"LEADER\",\"LEGAL_REVIEWER\"";
		var byUnit = loggedIn("scj.admin").postJson("/api/v1/users", account("scj.sanhe", market, three, ""));
		assertThat(byUnit.statusCode()).isEqualTo(400);
		assertThat(json(byUnit.body()).get("errors").get("roles").asString()).contains("法制审核人员与执法人员不相容");
		HttpSession security = loggedIn("anquan");
		var noReason = security.postJson("/api/v1/users", account("scj.sanhe", market, three, ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'scj.sanhe'", Long.class)).isZero();
		var approved = security.postJson("/api/v1/users", account("scj.sanhe", market, three, ",\"approvalReason\":\"乡镇仅两名在编人员，经党委会研究同意\""));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(jdbc.queryForList("select payload from record_entry where subject_type = 'user' and subject_id = ? and action = 'user.incompatible_roles_approved'",
				String.class, String.valueOf(userId("scj.sanhe")))).singleElement().asString().contains("经党委会研究同意");
	}

	@Test
	void thePlatformAdministratorsDutiesAreSeparate() {
		long market = bodyId("芒市市场监督管理局");
		// the 系统管理员 manages no accounts
		HttpSession system = loggedIn("admin");
		assertThat(system.postJson("/api/v1/users", account("sys.made", market, "\"OFFICER\"", "")).statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from idn_user where username = 'sys.made'", Long.class)).isZero();
		assertThat(refusals("admin")).isPositive();
		// the 安全管理员 grants no administrator role together with another, and sees no business data
		HttpSession security = loggedIn("anquan");
		var both = security.postJson("/api/v1/users", """
				{"username":"two.hats","displayName":"测试","roles":["PLATFORM_ADMIN","AUDIT_ADMIN"],"password":"Mqzv#k82x"}""");
		assertThat(both.statusCode()).isEqualTo(400);
		assertThat(both.body()).contains("三员分立");
		assertThat(json(security.get("/api/v1/cases").body()).toString()).doesNotContain("芒市");
		assertThat(security.get("/api/v1/users?size=100").body()).contains("scj.zhifa", "zhzf.zhifa");
		// the 审计管理员 reads the whole record, the login log included, and changes nothing
		HttpSession audit = loggedIn("shenji");
		var logins = json(audit.get("/api/v1/records?kind=LOGINS&size=200").body());
		assertThat(logins.toString()).contains("login.succeeded");
		assertThat(audit.get("/api/v1/records/user/" + userId("admin")).statusCode()).isEqualTo(200);
		long entries = recordCount();
		var write = audit.postJson("/api/v1/users", account("audit.made", market, "\"OFFICER\"", ""));
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(json(write.body()).get("detail").asString()).contains("审计管理员只能查阅");
		var form = audit.postForm("/domains", Map.of("code", "AUDIT_TRY", "name", "审计尝试", "_csrf", audit.csrf()));
		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from org_domain where code = 'AUDIT_TRY'", Long.class)).isZero();
		assertThat(recordCount()).as("only the two refusals are recorded").isEqualTo(entries + 2);
		assertThat(json(audit.get("/api/v1/cases").body()).toString()).doesNotContain("芒市");
		// neither has menus into business data that would open empty
		for (HttpSession s : java.util.List.of(audit, security)) {
			assertThat(s.get("/").body()).doesNotContain("href=\"/cases\"", "href=\"/officers\"", "href=\"/bodies\"");
		}
		assertThat(loggedIn("scj.admin").get("/").body()).contains("href=\"/cases\"", "href=\"/officers\"");
		// the auditor finds what one administrator did one day without paging through everybody's work
		String day = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
		String page = audit.get("/records?actor=" + java.net.URLEncoder.encode("平台管理员", java.nio.charset.StandardCharsets.UTF_8) + "&day=" + day).body();
		var actors = java.util.regex.Pattern.compile("data-label=\"操作人\">([^<]*)<").matcher(page).results().map(m -> m.group(1)).toList();
		assertThat(actors).isNotEmpty().allMatch(a -> a.contains("平台管理员"));
		assertThat(page).contains("拒绝越权操作");
		assertThat(audit.get("/records?actor=" + java.net.URLEncoder.encode("无此人%_", java.nio.charset.StandardCharsets.UTF_8)).body()).contains("没有符合筛选条件的记录");
	}

	@Test
	void aPlatformAdministratorAccountTheSecurityAdministratorMakesIsPutToUseByASystemAdministrator() {
		HttpSession security = loggedIn("anquan");
		var created = security.postJson("/api/v1/users", """
				{"username":"second.sysadmin","displayName":"第二系统管理员","roles":["PLATFORM_ADMIN"],"password":"Mqzv#k82x"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created.body()).get("enabled").asBoolean()).isFalse();
		long id = json(created.body()).get("id").asLong();
		assertThat(new HttpSession(port).login("second.sysadmin", "Mqzv#k82x")).contains("error");
		// the security administrator cannot put it to use alone
		security.postForm("/accounts/" + id + "/enable", Map.of("_csrf", security.csrf()));
		assertThat(jdbc.queryForObject("select enabled from idn_user where id = ?", Boolean.class, id)).isFalse();
		assertThat(refusals("anquan")).isPositive();
		HttpSession system = loggedIn("admin");
		system.postForm("/accounts/" + id + "/enable", Map.of("_csrf", system.csrf()));
		assertThat(jdbc.queryForObject("select enabled from idn_user where id = ?", Boolean.class, id)).isTrue();
		// resetting its password puts it aside again until a system administrator confirms
		security.postForm("/accounts/" + id + "/reset", Map.of("password", "Lnbx#w47q", "_csrf", security.csrf()));
		assertThat(jdbc.queryForObject("select enabled from idn_user where id = ?", Boolean.class, id)).isFalse();
		assertThat(jdbc.queryForList("select summary from record_entry where subject_type = 'user' and subject_id = ? order by seq", String.class,
				String.valueOf(id))).anySatisfy(r -> assertThat(r).contains("待另一名系统管理员启用")).anySatisfy(r -> assertThat(r).contains("启用账号"));
	}

	@Test
	void aSupervisorDoesNotSeePlatformEntriesOfTheRecord() {
		loggedIn("admin");
		HttpSession supervisor = loggedIn("jiandu");
		var latest = json(supervisor.get("/api/v1/records?size=200").body());
		for (var entry : latest) {
			assertThat(entry.get("ownerBodyId").isNull()).as(entry.get("summary").asString()).isFalse();
		}
		assertThat(supervisor.get("/api/v1/records/user/" + userId("admin")).statusCode()).isEqualTo(404);
		assertThat(supervisor.get("/api/v1/records/user/" + userId("scj.zhifa")).statusCode()).isEqualTo(200);
	}
}
