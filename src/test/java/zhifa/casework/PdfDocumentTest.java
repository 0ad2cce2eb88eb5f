package zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A document whose signature (the seal and the date) would stand alone on its last page carries its last lines of text
 * over to that page (GB/T 9704-2012 §7.3.5.1); any other document is set exactly as before.
 */
class PdfDocumentTest {

	private static final DocumentFonts FONTS = DocumentFonts.load(null);

	private static final PdfDocument.Verification CODE = new PdfDocument.Verification("ABCDEFGHJK", "https://zhifa.example/verify/ABCDEFGHJK");

	private static PdfDocument.Content letter(int paragraphs) {
		List<PdfDocument.Part> parts = new ArrayList<>();
		for (int i = 1; i <= paragraphs; i++) {
			parts.add(new PdfDocument.Block(null, "第" + i + "段，一行文字。"));
		}
		return new PdfDocument.Content("芒市市场监督管理局", "行政处罚事先告知书", "芒市监告〔2026〕1号", parts, "芒市市场监督管理局", java.time.LocalDate.of(2026, 11, 30));
	}

	/** Each page's text (the document's random id aside, what a reader sees). */
	private static List<String> pages(byte[] pdf) throws Exception {
		try (var doc = Loader.loadPDF(pdf)) {
			List<String> out = new ArrayList<>();
			for (int p = 1; p <= doc.getNumberOfPages(); p++) {
				var stripper = new PDFTextStripper();
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				out.add(stripper.getText(doc).replaceAll("\\s", ""));
			}
			return out;
		}
	}

	@Test
	void aSignatureThatWouldStandAloneTakesTheLastLinesOfTextWithIt() throws Exception {
		int stranded = 0;
		for (int n = 14; n <= 24; n++) {
			var plain = PdfDocument.render(FONTS, letter(n), "二〇二六年十一月三十日", CODE, -1);
			List<String> set = pages(PdfDocument.render(FONTS, letter(n), "二〇二六年十一月三十日", CODE).bytes());
			if (!plain.stranded()) {
				assertThat(set).as("%d paragraphs: set as before", n).isEqualTo(pages(plain.rendered().bytes()));
				continue;
			}
			stranded++;
			// as set plainly, the last page held the signature alone
			List<String> before = pages(plain.rendered().bytes());
			assertThat(before.get(before.size() - 1)).doesNotContain("段");
			// now the last two paragraphs stand above it, on the same number of pages, and nothing is lost
			assertThat(set).hasSameSizeAs(before);
			String last = set.get(set.size() - 1);
			assertThat(last).contains("第" + (n - 1) + "段", "第" + n + "段", "芒市市场监督管理局二〇二六年十一月三十日", "验证码：ABCDEFGHJK");
			assertThat(last).doesNotContain("第" + (n - 2) + "段");
			assertThat(String.join("", set)).contains("第1段", "第" + (n - 2) + "段");
		}
		assertThat(stranded).as("some length leaves the signature alone when set plainly").isPositive();
	}

	/** A title wider than the page is set on centred lines within the margins, none of it lost. */
	@Test
	void aLongTitleIsSetOnLinesWithinThePage() throws Exception {
		String title = "关于走查二〇二六年执法突出问题专项整治（冬季）和行政执法质量提升专项行动专项监督情况的报告";
		var content = new PdfDocument.Content("芒市司法局", title, null, List.of(new PdfDocument.Block(null, "正文。")), "芒市司法局",
				java.time.LocalDate.of(2026, 12, 3));
		byte[] pdf = PdfDocument.render(FONTS, content, "二〇二六年十二月三日", CODE).bytes();
		assertThat(String.join("", pages(pdf))).contains(title);
		List<float[]> glyphs = new ArrayList<>();
		try (var doc = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
					positions.forEach(t -> glyphs.add(new float[] { t.getXDirAdj(), t.getXDirAdj() + t.getWidthDirAdj(), t.getPageWidth() }));
				}
			};
			stripper.getText(doc);
		}
		assertThat(glyphs).isNotEmpty().allSatisfy(g -> {
			assertThat(g[0]).isGreaterThanOrEqualTo(0);
			assertThat(g[1]).isLessThanOrEqualTo(g[2]);
		});
		// the title's glyphs: on more than one line, each within the text block (left margin to right margin)
		float left = glyphs.stream().map(g -> g[0]).min(Float::compare).orElseThrow();
		float right = glyphs.stream().map(g -> g[1]).max(Float::compare).orElseThrow();
		assertThat(right - left).isLessThanOrEqualTo(156 * 72 / 25.4f + 1);
	}

	@Test
	void linesTypedInATextAreaAreLinesInABlockAndInATableCell() throws Exception {
		var content = new PdfDocument.Content("芒市市场监督管理局", "扣押决定书", "芒市监查扣〔2026〕1号", List.of(
				new PdfDocument.Block("扣押的财物", "米线 300 箱\r\n调味料 20 袋\r冷柜一台"),
				new PdfDocument.Table(List.of(new PdfDocument.Row("扣押清单", "米线 300 箱\r\n调味料 20 袋\n\n冷柜一台\n", "当事人（签名）：", 3)))),
				"芒市市场监督管理局（印章）", java.time.LocalDate.of(2026, 12, 1));
		String text = String.join("", pages(PdfDocument.render(FONTS, content, "二〇二六年十二月一日", CODE).bytes()));
		assertThat(text).contains("扣押的财物：米线300箱调味料20袋冷柜一台", "扣押清单米线300箱调味料20袋冷柜一台");
	}

	@Test
	void aRowTallerThanAPageGoesOnOverTheNextWithItsSignatureAtTheEnd() throws Exception {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 90; i++) {
			items.append("第").append(i).append("项\t物品").append("\n");
		}
		var content = new PdfDocument.Content("芒市市场监督管理局", "扣押决定书", "芒市监查扣〔2026〕2号", List.of(
				new PdfDocument.Table(List.of(new PdfDocument.Row("扣押清单", items.toString(), "当事人（签名）：", 3)))),
				"芒市市场监督管理局（印章）", java.time.LocalDate.of(2026, 12, 1));
		List<String> set = pages(PdfDocument.render(FONTS, content, "二〇二六年十二月一日", CODE).bytes());
		assertThat(set).hasSizeGreaterThanOrEqualTo(4);
		// every item once, in order, none lost below a page's foot; the label again on each later part; the signature last
		String all = String.join("", set);
		int at = 0;
		for (int i = 1; i <= 90; i++) {
			int found = all.indexOf("第" + i + "项物品", at);
			assertThat(found).as("item %d", i).isGreaterThanOrEqualTo(at);
			at = found;
		}
		assertThat(set.get(0)).contains("扣押清单第1项物品").doesNotContain("（续）");
		assertThat(set.get(1)).startsWith("扣押清单（续）");
		assertThat(all.indexOf("当事人（签名）")).isGreaterThan(all.indexOf("第90项物品"));
		// nothing set below the type area's foot (37 mm + 225 mm from the top, GB/T 9704-2012 §5.2)
		float foot = (37 + 225) * 72f / 25.4f;
		List<Float> lowest = new ArrayList<>();
		try (var doc = Loader.loadPDF(PdfDocument.render(FONTS, content, "二〇二六年十二月一日", CODE).bytes())) {
			var stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws java.io.IOException {
					if (text.contains("项")) {
						positions.forEach(t -> lowest.add(t.getYDirAdj()));
					}
					super.writeString(text, positions);
				}
			};
			stripper.getText(doc);
		}
		assertThat(lowest).hasSizeGreaterThan(90).allSatisfy(y -> assertThat(y).isLessThanOrEqualTo(foot + 1));
	}

	@Test
	void aDirectionMarkStoredInAFieldDoesNotStopTheDocument() throws Exception {
		// stored before the edge refused it: the font has no glyph for U+202E, and the notice could not be made (500)
		List<PdfDocument.Part> parts = List.of(new PdfDocument.Block("当事人", "\u202e遮放镇测试地址\u200b一号\ufeff"), new PdfDocument.Block(null, "甲\t乙"));
		var content = new PdfDocument.Content("遮放镇人民政府", "行政处罚事先告知书", "遮告〔2026〕1号", parts, "遮放镇人民政府", java.time.LocalDate.of(2026, 12, 3));
		String text = String.join("", pages(PdfDocument.render(FONTS, content, "二〇二六年十二月三日", CODE).bytes()));
		assertThat(text).contains("遮放镇测试地址一号").contains("甲乙").doesNotContain("\u202e");
	}
}
