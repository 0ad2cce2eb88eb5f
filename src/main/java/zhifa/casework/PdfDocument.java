package zhifa.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plain A4 enforcement document laid out like the national forms: issuing body and title centred, the number on the
 * right, numbered paragraphs wrapped by character, the body name and date at the end, with the embedded CJK fonts of
 * {@link DocumentFonts}.
 */
public final class PdfDocument {

	/** A paragraph: an optional bold-ish heading (larger size) and its text. */
	public record Block(String heading, String text) {
	}

	public record Rendered(byte[] bytes, int pages) {
	}

	private PdfDocument() {
	}

	static Rendered render(DocumentFonts fonts, String issuer, String title, String number, List<Block> blocks, String signature, String date) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer w = new Writer(doc, fonts.body(doc), fonts.title(doc));
			w.centred(issuer, 20, true);
			w.centred(title, 22, true);
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

	/** Writes lines top to bottom, starting a new page when one is full. */
	private static final class Writer {
		private static final float MARGIN = 72;
		private final PDDocument doc;
		private final PDType0Font font;
		private final PDType0Font titleFont;
		private PDPageContentStream cs;
		private float y;

		Writer(PDDocument doc, PDType0Font font, PDType0Font titleFont) throws IOException {
			this.doc = doc;
			this.font = font;
			this.titleFont = titleFont;
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
			line(text, size, x, font);
		}

		private void line(String text, float size, float x, PDType0Font face) throws IOException {
			if (y < MARGIN + size) {
				newPage();
			}
			y -= size * 1.6f;
			cs.beginText();
			cs.setFont(face, size);
			cs.newLineAtOffset(x, y);
			cs.showText(text);
			cs.endText();
		}

		void centred(String text, float size, boolean bold) throws IOException {
			PDType0Font face = bold ? titleFont : font;
			line(text, size, MARGIN + (width() - face.getStringWidth(text) / 1000 * size) / 2, face);
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
