package zhifa.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.catalog.LegalDocumentKind;
import zhifa.catalog.LegalLibrary;
import zhifa.support.IntegrationTestBase;

/**
 * Not a test: prints how long Chinese keyword searches take on a library of a few hundred documents (the five shipped
 * statutes imported 60 times each under different titles ≈ 300 documents, ≈ 26,000 articles). Run with
 * {@code ./mvnw verify -Pbench}.
 */
class LegalSearchBenchmark extends IntegrationTestBase {

	@Autowired
	LegalLibrary library;

	@Test
	void searchOnAFewHundredDocuments() throws Exception {
		String[] files = { "行政处罚法(2021-01-22).md", "行政强制法(2011-06-30).md", "食品安全法(2021-04-29).md", "产品质量法(2018-12-29).md",
				"城市市容和环境卫生管理条例(2017-03-01).md" };
		long importStart = System.nanoTime();
		for (int copy = 1; copy <= 60; copy++) {
			for (String f : files) {
				String text;
				try (InputStream in = getClass().getResourceAsStream("/laws/" + f)) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				text = text.replaceFirst("# (.+)", "# $1（基准测试副本" + copy + "）");
				library.importStatute(new LegalLibrary.ImportRequest(text, LegalDocumentKind.NORMATIVE_DOCUMENT, "基准测试", null,
						LocalDate.of(2020, 1, 1), null), false);
			}
		}
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		long documents = jdbc.queryForObject("select count(*) from legal_document", Long.class);
		long articles = jdbc.queryForObject("select count(*) from legal_provision where paragraph_no is null", Long.class);
		long grams = jdbc.queryForObject("select count(*) from legal_gram", Long.class);
		System.out.printf("%nlegal library: %d documents, %d articles, %d bigram rows; import of 300 took %.1f s%n", documents, articles, grams,
				importSeconds);
		for (String q : List.of("法制审核", "听证 罚款", "食品添加剂", "加处罚款", "没收违法所得 吊销", "随地吐痰", "先行登记保存")) {
			library.search(q, false, 50); // warm-up
			long[] times = new long[20];
			int hits = 0;
			for (int i = 0; i < times.length; i++) {
				long t = System.nanoTime();
				hits = library.search(q, false, 50).size();
				times[i] = System.nanoTime() - t;
			}
			Arrays.sort(times);
			System.out.printf("search %-14s hits(top 50)=%2d  median=%6.1f ms  p95=%6.1f ms%n", q, hits, times[10] / 1e6, times[18] / 1e6);
		}
	}
}
