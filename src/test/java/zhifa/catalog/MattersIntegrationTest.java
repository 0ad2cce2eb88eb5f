package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class MattersIntegrationTest extends IntegrationTestBase {

	@Test
	void mattersRestOnTheLegalLibraryAndOnlyMattersWithABasisTakeEffect() {
		HttpSession admin = loggedIn("scj.admin");
		var bad = admin.postJson("/api/v1/matters", """
				{"code":"T-1","name":"测试事项","type":"PENALTY","domainCode":"MARKET","basis":["产品质量法第九百条"]}""");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad.body()).get("errors").get("bodyId").asString()).contains("本单位");
		// a code not typed is asked for; one of the wrong form is explained
		assertThat(json(bad.body()).get("errors").has("code")).isFalse();
		var noCode = admin.postJson("/api/v1/matters", """
				{"code":" ","name":"测试事项","type":"PENALTY","domainCode":"MARKET","basis":["产品质量法第四十九条"]}""");
		assertThat(json(noCode.body()).get("errors").get("code").asString()).isEqualTo("请填写事项编码（如 SJ-CF-001）");
		var oddCode = admin.postJson("/api/v1/matters", """
				{"code":"事项一","name":"测试事项","type":"PENALTY","domainCode":"MARKET","basis":["产品质量法第四十九条"]}""");
		assertThat(json(oddCode.body()).get("errors").get("code").asString()).contains("字母、数字和连字符");

		long market = bodyId("芒市市场监督管理局");
		var wrongArticle = admin.postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"T-1","name":"测试事项","type":"PENALTY","domainCode":"MARKET","basis":["产品质量法第九百条"]}""".formatted(market));
		assertThat(json(wrongArticle.body()).get("errors").get("basis").asString()).contains("找不到现行有效的“产品质量法第九百条”");

		var noBasis = admin.postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"T-2","name":"无依据事项","type":"INSPECTION","domainCode":"MARKET","basis":[]}""".formatted(market));
		assertThat(noBasis.statusCode()).isEqualTo(201);
		long id = json(noBasis.body()).get("id").asLong();
		var activate = admin.postJson("/api/v1/matters/" + id + "/status", "{\"status\":\"ACTIVE\",\"reason\":\"生效\"}");
		assertThat(activate.statusCode()).isEqualTo(422);
		assertThat(json(activate.body()).get("detail").asString()).contains("不能生效");
		assertThat(admin.get("/api/v1/matters/without-basis").body()).contains("无依据事项", "对集贸市场摊位费收取的检查");

		var good = admin.postJson("/api/v1/matters", """
				{"bodyId":%d,"code":"T-3","name":"有依据事项","type":"PENALTY","domainCode":"MARKET","basis":["产品质量法第四十九条"]}""".formatted(market));
		long goodId = json(good.body()).get("id").asLong();
		// a draft with a basis still takes effect only through the catalogue's review and publication
		assertThat(json(admin.postJson("/api/v1/matters/" + goodId + "/status", "{\"status\":\"ACTIVE\",\"reason\":\"审核通过\"}").body())
			.get("detail").asString()).contains("发布后生效");
		assertThat(json(admin.postJson("/api/v1/matters/" + goodId + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"重复事项\"}").body())
			.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'enforcement_matter' and subject_id = ? order by seq",
				String.class, String.valueOf(goodId))).containsExactly("matter.created", "matter.status_changed");
		assertThat(loggedIn("zhzf.zhifa").get("/api/v1/matters").body()).doesNotContain("有依据事项");
	}
}
