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
	private final zhifa.catalog.Matters matters;

	LegalDemoData(LegalLibrary library, zhifa.catalog.Matters matters) {
		this.library = library;
		this.matters = matters;
	}

	/** A few matters of the market-supervision and urban-management bodies, one without basis (a clean-up proposal). */
	void matters(long market, long urban) {
		var all = zhifa.shared.DataScope.all();
		var m1 = matters.create(all, new zhifa.catalog.Matters.MatterForm(market, "SJ-CF-001", "对生产经营超范围、超限量使用食品添加剂的食品的行政处罚",
				zhifa.catalog.MatterType.PENALTY, "MARKET", false, java.util.List.of("食品安全法第一百二十四条")), true);
		var m2 = matters.create(all, new zhifa.catalog.Matters.MatterForm(market, "SJ-CF-002", "对在产品中掺杂、掺假的行政处罚",
				zhifa.catalog.MatterType.PENALTY, "MARKET", false, java.util.List.of("产品质量法第五十条")), true);
		var m3 = matters.create(all, new zhifa.catalog.Matters.MatterForm(market, "SJ-JC-001", "食品生产经营日常监督检查",
				zhifa.catalog.MatterType.INSPECTION, "MARKET", true, java.util.List.of("食品安全法第一百一十条")), true);
		matters.create(all, new zhifa.catalog.Matters.MatterForm(market, "SJ-QT-009", "对集贸市场摊位费收取的检查（待清理）",
				zhifa.catalog.MatterType.INSPECTION, "MARKET", false, java.util.List.of()), true);
		var u1 = matters.create(all, new zhifa.catalog.Matters.MatterForm(urban, "ZF-CF-001", "对随地吐痰、乱扔废弃物的行政处罚",
				zhifa.catalog.MatterType.PENALTY, "URBAN", true, java.util.List.of("城市市容和环境卫生管理条例第三十四条")), true);
		for (var m : java.util.List.of(m1, m2, m3, u1)) {
			matters.changeStatus(all, m.id(), zhifa.catalog.MatterStatus.ACTIVE, "依据法律法规编制，经审核生效（演示）");
		}
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
