package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/** The decision documents render Chinese, carry their numbers and are kept as versions; the page is saved as a picture to look at. */
class CaseDocumentsIntegrationTest extends IntegrationTestBase {

	@Test
	void aDecisionRendersWithTheSixItemsOfArticle59AndARegenerationIsANewVersion() throws Exception {
		HttpSession officer = loggedIn("scj.zhifa");
		long id = jdbc.queryForObject("select id from enforcement_case where party_name = '芒市某某食品加工厂（演示）'", Long.class);
		String number = jdbc.queryForObject("select decision_number from penalty_case where case_id = ?", String.class, id);
		long generatedBefore = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.document_generated'",
				Long.class, String.valueOf(id));
		var first = officer.postJson("/api/v1/cases/" + id + "/documents/DECISION", "{}");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		long docId = json(first.body()).get("id").asLong();
		assertThat(json(first.body()).get("number").asString()).isEqualTo(number);
		byte[] pdf = officer.getBytes("/api/v1/cases/" + id + "/documents/" + docId + "/pdf");
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text.replaceAll("\\s", "")).contains("行政处罚决定书", number, "芒市某某食品加工厂（演示）", "《食品安全法》第一百二十四条", "罚款62,000.00元",
					"十五日内", "六十日内", "六个月内", "芒市市场监督管理局（印章）");
			Path out = Path.of("target/screenshots");
			Files.createDirectories(out);
			ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60), "png", new File(out.toFile(), "decision-pdf.png"));
		}
		var second = officer.postJson("/api/v1/cases/" + id + "/documents/DECISION", "{}");
		assertThat(json(second.body()).get("version").asInt()).isEqualTo(json(first.body()).get("version").asInt() + 1);
		assertThat(json(second.body()).get("number").asString()).isEqualTo(number);
		assertThat(officer.getBytes("/api/v1/cases/" + id + "/documents/" + docId + "/pdf")).isEqualTo(pdf);
		assertThat(json(officer.postJson("/api/v1/cases/" + id + "/documents/ONSPOT_DECISION", "{}").body()).get("detail").asString()).contains("不能生成");

		// the prior notice gets its own gapless number
		var notice = officer.postJson("/api/v1/cases/" + id + "/documents/NOTICE", "{}");
		assertThat(json(notice.body()).get("number").asString()).matches("芒市监罚告〔\\d{4}〕\\d+号");
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'penalty_case' and subject_id = ? and action = 'case.document_generated'",
				String.class, String.valueOf(id))).hasSize((int) generatedBefore + 3);

		// 立案审批表 and 送达回证 (served by mail in the demo)
		for (String type : java.util.List.of("FILING_APPROVAL", "SERVICE_RECEIPT")) {
			var d = officer.postJson("/api/v1/cases/" + id + "/documents/" + type, "{}");
			assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
			try (var doc = Loader.loadPDF(officer.getBytes("/api/v1/cases/" + id + "/documents/" + json(d.body()).get("id").asLong() + "/pdf"))) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
				assertThat(text).contains(type.equals("FILING_APPROVAL") ? "立案审批表" : "送达回证");
				ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60), "png", new File("target/screenshots/" + type.toLowerCase() + "-pdf.png"));
				if (type.equals("SERVICE_RECEIPT")) {
					assertThat(text).contains("邮寄送达", "EMS1234567890CN", number);
				}
			}
		}
	}
}
