package zhifa.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import zhifa.catalog.LegalDocumentKind;
import zhifa.catalog.LegalLibrary;

/** Imports the statute texts shipped in {@code resources/laws} (from shared/domain/laws) through the normal import. */
@Component
class LegalDemoData {

	private final LegalLibrary library;
	LegalDemoData(LegalLibrary library) {
		this.library = library;
	}

	void load() {
		statute("行政处罚法(2021-01-22).md", LegalDocumentKind.LAW, "全国人民代表大会常务委员会", "中华人民共和国主席令第七十号", LocalDate.of(2021, 7, 15));
		statute("行政强制法(2011-06-30).md", LegalDocumentKind.LAW, "全国人民代表大会常务委员会", "中华人民共和国主席令第四十九号", LocalDate.of(2012, 1, 1));
		statute("食品安全法(2021-04-29).md", LegalDocumentKind.LAW, "全国人民代表大会常务委员会", null, LocalDate.of(2021, 4, 29));
		statute("产品质量法(2018-12-29).md", LegalDocumentKind.LAW, "全国人民代表大会常务委员会", null, LocalDate.of(2018, 12, 29));
		statute("城市市容和环境卫生管理条例(2017-03-01).md", LegalDocumentKind.ADMINISTRATIVE_REGULATION, "国务院", "国务院令第101号",
				LocalDate.of(2017, 3, 1));
	}

	private void statute(String file, LegalDocumentKind kind, String issuer, String number, LocalDate effective) {
		try (InputStream in = getClass().getResourceAsStream("/laws/" + file)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			library.importStatute(new LegalLibrary.ImportRequest(text, kind, issuer, number, effective, null), true);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + file, e);
		}
	}
}
