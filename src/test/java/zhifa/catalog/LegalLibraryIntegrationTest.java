package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class LegalLibraryIntegrationTest extends IntegrationTestBase {

	@Autowired
	LegalLibrary library;

	@Test
	void chineseKeywordsFindTheRightArticles() {
		var hits = library.search("法制审核 听证", false, 20);
		assertThat(hits).extracting(h -> h.article().citation()).contains("行政处罚法第五十八条");
		assertThat(library.search("先行登记保存", false, 20)).extracting(h -> h.article().citation()).contains("行政处罚法第五十六条");
		assertThat(library.search("餐具", false, 50)).allSatisfy(h -> assertThat(h.article().text()).contains("餐具"));
		assertThat(library.search("加处罚款", false, 50)).extracting(h -> h.article().citation())
			.contains("行政处罚法第七十二条", "行政强制法第四十五条");
		assertThat(library.search("量子纠缠", false, 20)).isEmpty();
	}

	@Test
	void provisionsAreAddressableByCitationInTheVersionInForce() {
		var item = library.resolve("行政处罚法第五十八条第一款第(二)项", LocalDate.of(2024, 1, 1)).orElseThrow();
		assertThat(item.text()).contains("经过听证程序");
		assertThat(item.citation()).isEqualTo("行政处罚法第五十八条第一款第(二)项");
		assertThat(library.resolve("行政处罚法第五十八条第二款", LocalDate.of(2024, 1, 1)).orElseThrow().text()).contains("法律职业资格");
		assertThat(library.resolve("行政处罚法第五十八条", LocalDate.of(2021, 1, 1))).as("before the 2021 revision took effect").isEmpty();
		var api = new HttpSession(port);
		var res = loggedIn("scj.zhifa").get("/api/v1/legal/provisions?citation=" + java.net.URLEncoder.encode("行政处罚法第六十四条", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(json(res.body()).get("text").asString()).contains("五日内");
		assertThat(api.get("/api/v1/legal/search?q=x").statusCode()).isEqualTo(401);
		// a matter's basis links to its article in its law (a keyword search for the citation found nothing), a clause to its article
		var officer = loggedIn("scj.zhifa");
		var article = library.resolve("食品安全法第一百二十四条", LocalDate.now(clock)).orElseThrow();
		for (String cited : java.util.List.of("食品安全法第一百二十四条", "食品安全法第一百二十四条第一款第(三)项")) {
			var link = officer.get("/legal?q=" + java.net.URLEncoder.encode(cited, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(link.statusCode()).isIn(302, 303);
			assertThat(link.headers().firstValue("Location").orElseThrow()).endsWith("/legal/" + article.documentId() + "#a124");
		}
		assertThat(officer.get("/legal/" + article.documentId()).body()).contains("id=\"a124\"");
		assertThat(officer.get("/legal?q=" + java.net.URLEncoder.encode("听证", java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
	}

	/** Whether a clause provides a warning: an item is read with its article's opening words; a clause with no penalty of its own is unknown. */
	@Test
	void aClauseProvidesAWarningOrNotAsItsArticleSays() {
		LocalDate today = LocalDate.now(clock);
		assertThat(library.providesWarning(java.util.List.of("食品安全法第一百二十二条"), today)).contains(false);
		assertThat(library.providesWarning(java.util.List.of("食品安全法第一百二十四条第一款第(三)项"), today)).contains(false);
		assertThat(library.providesWarning(java.util.List.of("城市市容和环境卫生管理条例第三十四条"), today)).contains(true);
		if (library.resolve("城市市容和环境卫生管理条例第三十四条第一款第(一)项", today).isPresent()) {
			assertThat(library.providesWarning(java.util.List.of("城市市容和环境卫生管理条例第三十四条第一款第(一)项"), today)).contains(true);
		}
		assertThat(library.providesWarning(java.util.List.of("不存在的法第一条"), today)).isEmpty();
	}

	/** 从旧兼从轻 (行政处罚法第三十七条): the fines of the law at the act, unless the law when it is decided is lighter. */
	@Test
	void theLighterOfTheLawAtTheActAndTheLawWhenDecidedBoundsTheFine() {
		HttpSession admin = loggedIn("admin");
		String law = "# 芒市从轻测试办法\n\n%s 芒市人民政府令第%d号公布\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本办法。\n\n第二条 违反本办法第一条规定的，处%s罚款。";
		for (String[] v : new String[][] { { "2025年1月1日", "五千元以上五万元以下" }, { "2026年6月1日", "二千元以上二万元以下" } }) {
			var created = admin.postJson("/api/v1/legal/documents", JSON.writeValueAsString(java.util.Map.of("text", law.formatted(v[0], v[0].length(), v[1]),
					"kind", "NORMATIVE_DOCUMENT", "issuingBody", "芒市人民政府")));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		var clause = java.util.List.of("芒市从轻测试办法第二条");
		LocalDate act = LocalDate.of(2026, 1, 10);
		// decided under the old law alone: its bounds
		assertThat(library.lighterCeiling(clause, act, LocalDate.of(2026, 3, 1))).contains(5_000_000L);
		assertThat(library.lighterFloor(clause, act, LocalDate.of(2026, 3, 1))).contains(500_000L);
		// decided after the lighter revision: the lighter bounds, though the act was under the old law
		assertThat(library.lighterCeiling(clause, act, LocalDate.of(2026, 7, 1))).contains(2_000_000L);
		assertThat(library.lighterFloor(clause, act, LocalDate.of(2026, 7, 1))).contains(200_000L);
		// before the law existed nothing is known of the floor; the ceiling known on the other day still bounds the fine
		assertThat(library.lighterFloor(clause, LocalDate.of(2024, 6, 1), LocalDate.of(2026, 7, 1))).isEmpty();
		assertThat(library.lighterCeiling(clause, LocalDate.of(2024, 6, 1), LocalDate.of(2026, 7, 1))).contains(2_000_000L);
	}

	@Test
	void importShowsAPreviewReportsStrayLinesAndRecordsTheImport() {
		HttpSession admin = loggedIn("admin");
		String text = "# 芒市测试管理办法\n\n2025年1月1日 芒市人民政府令第1号公布\n\n<!-- INFO END -->\n\n说明文字\n\n第一条 为了测试，制定本办法。\n\n第二条 违反本办法的，处以罚款：\n\n（一）情节轻微的，警告；\n\n（二）情节严重的，罚款。";
		var preview = admin.postJson("/api/v1/legal/documents/preview", JSON.writeValueAsString(java.util.Map.of("text", text)));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(json(preview.body()).get("articles").asInt()).isEqualTo(2);
		assertThat(json(preview.body()).get("items").asInt()).isEqualTo(2);
		assertThat(json(preview.body()).get("unparsed").get(0).get("text").asString()).isEqualTo("说明文字");
		assertThat(jdbc.queryForObject("select count(*) from legal_document where title = '芒市测试管理办法'", Long.class)).isZero();

		var created = admin.postJson("/api/v1/legal/documents", JSON.writeValueAsString(java.util.Map.of("text", text, "kind", "NORMATIVE_DOCUMENT",
				"issuingBody", "芒市人民政府")));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created.body()).get("effectiveFrom").asString()).isEqualTo("2025-01-01");
		assertThat(library.search("情节严重的，罚款", false, 10)).extracting(h -> h.article().citation()).contains("芒市测试管理办法第二条");
		long id = json(created.body()).get("id").asLong();
		assertThat(jdbc.queryForObject("select action from record_entry where subject_type = 'legal_document' and subject_id = ?", String.class,
				String.valueOf(id))).isEqualTo("legal.imported");
		var again = admin.postJson("/api/v1/legal/documents", JSON.writeValueAsString(java.util.Map.of("text", text, "kind", "NORMATIVE_DOCUMENT",
				"issuingBody", "芒市人民政府")));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(json(again.body()).get("detail").asString()).contains("已在库中");
		assertThat(loggedIn("scj.zhifa").postJson("/api/v1/legal/documents", "{}").statusCode()).isEqualTo(403);
	}
}
