package zhifa.penalty;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import zhifa.shared.BusinessRuleViolation;

/**
 * A plain A4 enforcement document laid out like the national forms: issuing body and title centred, the number on the
 * right, numbered paragraphs wrapped by character, the body name and date at the end. The CJK font is embedded (a
 * TrueType-outline font: WenQuanYi Zen Hei by default, {@code zhifa.documents.font} to choose another .ttf/.ttc).
 */
final class PdfDocument {

	static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

	/** A paragraph: an optional bold-ish heading (larger size) and its text. */
	record Block(String heading, String text) {
	}

	record Rendered(byte[] bytes, int pages) {
	}

	private PdfDocument() {
	}

	static Rendered render(String fontPath, String issuer, String title, String number, List<Block> blocks, String signature, String date) {
		File fontFile = new File(fontPath == null || fontPath.isBlank() ? DEFAULT_FONT : fontPath);
		if (!fontFile.isFile()) {
			throw new BusinessRuleViolation("服务器未安装中文字体，无法生成文书（请安装 fonts-wqy-zenhei，或设置 zhifa.documents.font）");
		}
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType0Font font = PDType0Font.load(doc, trueType(fontFile), true);
			Writer w = new Writer(doc, font);
			w.centred(issuer, 20);
			w.centred(title, 22);
			w.skip(6);
			w.right(number, 12);
			w.skip(10);
			for (Block b : blocks) {
				if (b.heading() != null && !b.heading().isBlank()) {
					w.paragraph(b.heading(), 13, 0);
				}
				if (b.text() != null && !b.text().isBlank()) {
					for (String para : b.text().split("\n")) {
						w.paragraph(para, 12, 24);
					}
				}
				w.skip(6);
			}
			w.skip(24);
			w.right(signature, 12);
			w.right(date, 12);
			w.finish();
			doc.save(out);
			return new Rendered(out.toByteArray(), doc.getNumberOfPages());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot render " + title, e);
		}
	}

	private static TrueTypeFont trueType(File file) throws IOException {
		if (file.getName().endsWith(".ttc")) {
			List<TrueTypeFont> fonts = new ArrayList<>();
			new TrueTypeCollection(file).processAllFonts(fonts::add);
			return fonts.get(0);
		}
		return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
	}

	/** Writes lines top to bottom, starting a new page when one is full. */
	private static final class Writer {
		private static final float MARGIN = 72;
		private final PDDocument doc;
		private final PDType0Font font;
		private PDPageContentStream cs;
		private float y;

		Writer(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (cs != null) {
				cs.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			cs = new PDPageContentStream(doc, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		private float width() {
			return PDRectangle.A4.getWidth() - 2 * MARGIN;
		}

		private void line(String text, float size, float x) throws IOException {
			if (y < MARGIN + size) {
				newPage();
			}
			y -= size * 1.6f;
			cs.beginText();
			cs.setFont(font, size);
			cs.newLineAtOffset(x, y);
			cs.showText(text);
			cs.endText();
		}

		void centred(String text, float size) throws IOException {
			line(text, size, MARGIN + (width() - font.getStringWidth(text) / 1000 * size) / 2);
		}

		void right(String text, float size) throws IOException {
			line(text, size, MARGIN + width() - font.getStringWidth(text) / 1000 * size);
		}

		void skip(float points) {
			y -= points;
		}

		/** Wraps by character (Chinese has no spaces); the first line indented. */
		void paragraph(String text, float size, float indent) throws IOException {
			StringBuilder current = new StringBuilder();
			float available = width() - indent;
			boolean first = true;
			for (int i = 0; i < text.length(); ) {
				int cp = text.codePointAt(i);
				String ch = new String(Character.toChars(cp));
				String candidate = current + ch;
				if (font.getStringWidth(candidate) / 1000 * size > available && current.length() > 0) {
					line(current.toString(), size, MARGIN + (first ? indent : 0));
					first = false;
					available = width();
					current = new StringBuilder(ch);
				}
				else {
					current.append(ch);
				}
				i += Character.charCount(cp);
			}
			if (current.length() > 0) {
				line(current.toString(), size, MARGIN + (first ? indent : 0));
			}
		}

		void finish() throws IOException {
			cs.close();
		}
	}
}
