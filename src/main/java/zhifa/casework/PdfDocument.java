package zhifa.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import zhifa.shared.QrCode;

/**
 * An A4 enforcement document set after GB/T 9704-2012 and the 文书范本 (RULES.md §11): the issuing body and the title
 * centred in 二号 (22 pt) bold, the number on the right, the text in 三号 (16 pt) on a 156 × 225 mm type area with a
 * fixed line pitch (22 lines a page), justified, broken by the Chinese rules of {@link LineBreaker}; forms (立案审批表,
 * 送达回证) as ruled tables in 四号 (14 pt, the size of the 文书范本's table forms, so that a label cell holds four to six
 * characters); the body's name and the date at the end; "第 N 页 共 M 页" at the foot of every page; and on the last page
 * the verification code with its QR code.
 */
public final class PdfDocument {

	/** What a document part is: a paragraph or a table. */
	public sealed interface Part permits Block, Table {
	}

	/** A paragraph: an optional heading set in bold before the text ("当事人：…"), the text indented by two characters. */
	public record Block(String heading, String text) implements Part {
	}

	/** A ruled form of label and content rows (立案审批表, 送达回证). */
	public record Table(List<Row> rows) implements Part {
	}

	/**
	 * A row of a {@link Table}: its label, its content, at least {@code minLines} lines high, and an optional signature
	 * line set at the foot of the cell on the right ("承办人（签名）：张伟、岩温　　2026年1月5日").
	 */
	public record Row(String label, String text, String signature, int minLines) {
	}

	/**
	 * What a template says a document holds: issuer, title, number, parts, the signature line (the body's name and
	 * seal; {@code null} for an internal form) and the date the document bears.
	 */
	public record Content(String issuer, String title, String number, List<? extends Part> parts, String signature, java.time.LocalDate date) {
	}

	/** The verification code printed on the document and the public page its QR code opens. */
	public record Verification(String code, String url) {
	}

	public record Rendered(byte[] bytes, int pages) {
	}

	/**
	 * Text as the fonts can set it: a tab or another control character typed or pasted becomes a space; the invisible
	 * direction and width marks (refused at the edge since 2026-12-03, but possibly stored before) are left out — the font has
	 * no glyph for them and the document could not be made.
	 */
	static String printable(String text) {
		StringBuilder b = new StringBuilder(text.length());
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				b.append(' ');
			}
			else if (!zhifa.shared.web.RequestLimits.invisible(c)) {
				b.append(c);
			}
		}
		return b.toString();
	}

	// GB/T 9704-2012 §5.2: type area 156 × 225 mm; top margin 37 mm, left 28 mm
	private static final float MM = 72f / 25.4f;
	private static final float LEFT = 28 * MM;
	private static final float WIDTH = 156 * MM;
	private static final float TOP = PDRectangle.A4.getHeight() - 37 * MM;
	private static final float BOTTOM = TOP - 225 * MM;
	/** 22 lines on the 225 mm type area. */
	private static final float PITCH = 225 * MM / 22;
	static final float TITLE_SIZE = 22;
	static final float BODY_SIZE = 16;
	static final float TABLE_SIZE = 14;
	private static final float FOOT_SIZE = 14;
	/** A table's label column: six and a half characters of the table's size. */
	private static final float TABLE_LABEL_WIDTH = 6.5f * TABLE_SIZE;
	private static final float NOTE_SIZE = 9;

	private PdfDocument() {
	}

	/** Lines of text (or rows of a form) carried to the signature's page when it would stand alone. */
	static final int CARRIED = 2;

	/**
	 * The document; when its signature (the seal and the date) would stand alone on the last page, it is set again with
	 * its last {@link #CARRIED} lines of text carried over to that page: the seal stays with the text it closes (GB/T
	 * 9704-2012 §7.3.5.1: 印章与正文同处一面).
	 */
	static Rendered render(DocumentFonts fonts, Content content, String date, Verification verification) {
		Attempt first = render(fonts, content, date, verification, -1);
		if (!first.stranded() || first.unitsBeforeClosing() - CARRIED < 1) {
			return first.rendered();
		}
		return render(fonts, content, date, verification, first.unitsBeforeClosing() - CARRIED).rendered();
	}

	/**
	 * One setting of the document, a new page forced before the line (or form row) numbered {@code breakBefore} (counted
	 * from 0 over the whole document; -1: none); whether the signature stood alone on its page, and the lines before it.
	 */
	record Attempt(Rendered rendered, boolean stranded, int unitsBeforeClosing) {
	}

	static Attempt render(DocumentFonts fonts, Content content, String date, Verification verification, int breakBefore) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer w = new Writer(doc, fonts.body(doc), fonts.title(doc), breakBefore);
			w.centred(content.issuer(), TITLE_SIZE, true);
			w.centred(content.title(), TITLE_SIZE, true);
			if (content.number() != null) {
				w.right(content.number(), BODY_SIZE);
			}
			w.skip(PITCH / 2);
			for (Part part : content.parts()) {
				if (part instanceof Block b) {
					w.block(b);
				}
				else if (part instanceof Table t) {
					w.table(t);
				}
			}
			w.closing(content.signature(), date, verification);
			w.finish();
			w.footers();
			doc.save(out);
			return new Attempt(new Rendered(out.toByteArray(), doc.getNumberOfPages()), w.stranded, w.unitsBeforeClosing);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot render " + content.title(), e);
		}
	}

	/** Writes lines top to bottom, starting a new page when one is full. */
	private static final class Writer {
		private final PDDocument doc;
		private final PDType0Font font;
		private final PDType0Font bold;
		private final LineBreaker.Measure measure;
		private final int breakBefore;
		private PDPageContentStream cs;
		private float y;
		/** Lines (a form's row counting as one) set so far, and on the current page. */
		private int units;
		private int unitsOnPage;
		/** Whether the signature had to start a page of its own, and the lines set before it. */
		boolean stranded;
		int unitsBeforeClosing;

		Writer(PDDocument doc, PDType0Font font, PDType0Font bold, int breakBefore) throws IOException {
			this.doc = doc;
			this.breakBefore = breakBefore;
			this.font = font;
			this.bold = bold;
			this.measure = (text, size, isBold) -> {
				try {
					return (isBold ? bold : font).getStringWidth(text) / 1000 * size;
				}
				catch (IOException e) {
					throw new IllegalStateException(e);
				}
			};
			newPage();
		}

		private void newPage() throws IOException {
			if (cs != null) {
				cs.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			cs = new PDPageContentStream(doc, page);
			y = TOP;
			unitsOnPage = 0;
		}

		/** Moves down one line of {@code pitch}, on a new page when the line would cross the type area's foot. */
		private void advance(float pitch) throws IOException {
			if (y - pitch < BOTTOM || units == breakBefore && unitsOnPage > 0) {
				newPage();
			}
			y -= pitch;
			units++;
			unitsOnPage++;
		}

		private void text(String text, float size, float x, float baseline, PDType0Font face, float spacing) throws IOException {
			cs.beginText();
			cs.setFont(face, size);
			cs.setCharacterSpacing(spacing);
			cs.newLineAtOffset(x, baseline);
			cs.showText(text);
			cs.endText();
		}

		/** The baseline in a line box of {@code pitch} whose top is {@code top}: the glyphs centred in the box. */
		private static float baseline(float top, float pitch, float size) {
			return top - (pitch + size * 0.76f) / 2;
		}

		/**
		 * A centred line; a text wider than the page (a long title) on as many centred lines as it needs, broken where a
		 * line may break and balanced (two lines of about the same length, not one full and a stub).
		 */
		void centred(String text, float size, boolean isBold) throws IOException {
			float pitch = Math.max(PITCH, size * 1.5f);
			List<LineBreaker.Run> runs = List.of(new LineBreaker.Run(text, isBold));
			List<LineBreaker.Line> lines = LineBreaker.lines(runs, measure, size, WIDTH, 0);
			if (lines.size() > 1) {
				float balanced = Math.min(WIDTH, measure.width(text, size, isBold) / lines.size() + 2 * size);
				List<LineBreaker.Line> even = LineBreaker.lines(runs, measure, size, balanced, 0);
				if (even.size() == lines.size()) {
					lines = even;
				}
			}
			for (LineBreaker.Line line : lines) {
				// one line: the text as given (set exactly as before)
				String part = lines.size() == 1 ? text : line.text();
				advance(pitch);
				text(part, size, LEFT + Math.max(0, WIDTH - measure.width(part, size, isBold)) / 2, baseline(y + pitch, pitch, size), isBold ? bold : font, 0);
			}
		}

		void right(String text, float size) throws IOException {
			advance(PITCH);
			text(text, size, LEFT + WIDTH - measure.width(text, size, false) - size, baseline(y + PITCH, PITCH, size), font, 0);
		}

		void skip(float points) {
			y -= points;
		}

		/** A paragraph: the heading in bold, then the text, first line indented two characters, justified. */
		void block(Block b) throws IOException {
			boolean heading = b.heading() != null && !b.heading().isBlank();
			boolean text = b.text() != null && !b.text().isBlank();
			if (!heading && !text) {
				return;
			}
			String[] paragraphs = text ? b.text().split("\\r?\\n|\\r") : new String[] { "" };
			for (int p = 0; p < paragraphs.length; p++) {
				List<LineBreaker.Run> runs = new ArrayList<>();
				if (heading && p == 0) {
					runs.add(new LineBreaker.Run(b.heading() + (text ? "：" : ""), true));
				}
				runs.add(new LineBreaker.Run(printable(paragraphs[p]).strip(), false));
				paragraph(runs, BODY_SIZE, 2 * BODY_SIZE, LEFT, WIDTH, PITCH);
			}
		}

		private void paragraph(List<LineBreaker.Run> runs, float size, float indent, float x, float width, float pitch) throws IOException {
			List<LineBreaker.Line> lines = LineBreaker.lines(runs, measure, size, width, indent);
			for (LineBreaker.Line line : lines) {
				advance(pitch);
				draw(line, size, x, width, baseline(y + pitch, pitch, size));
			}
		}

		/** Draws a line run by run; a full line is spread to the right edge by character spacing. */
		private void draw(LineBreaker.Line line, float size, float x, float width, float baseline) throws IOException {
			float start = x + line.indent();
			float spacing = 0;
			if (!line.last() && line.glyphs() > 1) {
				// justified when the gap is small (a break moved a character or two); a line cut short before a long
				// unbreakable number stays ragged rather than letter-spaced
				spacing = Math.max(0, (width - line.indent() - line.width()) / (line.glyphs() - 1));
				if (spacing > size * 0.15f) {
					spacing = 0;
				}
			}
			float pos = start;
			for (LineBreaker.Run run : line.runs()) {
				text(run.text(), size, pos, baseline, run.bold() ? bold : font, spacing);
				pos += measure.width(run.text(), size, run.bold()) + spacing * run.text().codePointCount(0, run.text().length());
			}
		}

		/** A ruled two-column table; a row that does not fit on the page starts the next one. */
		void table(Table t) throws IOException {
			float size = TABLE_SIZE;
			float pitch = size * 1.6f;
			float labelWidth = TABLE_LABEL_WIDTH;
			float pad = size * 0.5f;
			float contentWidth = WIDTH - labelWidth - 2 * pad;
			advance(pitch / 2);
			float top = y;
			// the most lines a row may have on one page
			int maxLines = (int) Math.floor((TOP - BOTTOM - pad) / pitch) - 1;
			for (Row row : t.rows()) {
				List<LineBreaker.Line> label = LineBreaker.lines(List.of(new LineBreaker.Run(row.label(), true)), measure, size, labelWidth - 2 * pad, 0);
				// a cell's text may have lines of its own (a list of seized things, a description typed in a text area)
				List<LineBreaker.Line> content = new java.util.ArrayList<>();
				if (row.text() != null && !row.text().isBlank()) {
					for (String paragraph : row.text().strip().split("\\r?\\n|\\r")) {
						String plain = printable(paragraph);
						if (!plain.isBlank()) {
							content.addAll(LineBreaker.lines(List.of(new LineBreaker.Run(plain.strip(), false)), measure, size, contentWidth, 0));
						}
					}
				}
				List<LineBreaker.Line> signature = row.signature() == null ? List.of()
						: LineBreaker.lines(List.of(new LineBreaker.Run(row.signature(), false)), measure, size, contentWidth, 0);
				int reserve = signature.isEmpty() ? 0 : signature.size() + 1;
				if (content.size() + reserve <= maxLines) {
					top = row(label, content, signature, row.minLines(), top);
					continue;
				}
				// a row taller than a page fills what is left of this one and goes on over the next, labelled again with
				// （续）; the signature ends its last part
				List<LineBreaker.Line> continued = LineBreaker.lines(List.of(new LineBreaker.Run(row.label() + "（续）", true)), measure, size,
						labelWidth - 2 * pad, 0);
				int next = 0;
				boolean first = true;
				while (true) {
					int room = (int) Math.floor((y - BOTTOM - pad) / pitch);
					int remaining = content.size() - next;
					boolean last = remaining + reserve <= room;
					int take = last ? remaining : Math.min(remaining, room);
					if (!last && (take < 2 || room < label.size())) {
						frame(top, y, labelWidth);
						newPage();
						top = y;
						continue;
					}
					top = row(first ? label : continued, content.subList(next, next + take), last ? signature : List.of(), last ? row.minLines() : 0, top);
					next += take;
					first = false;
					if (last) {
						break;
					}
				}
			}
			frame(top, y, TABLE_LABEL_WIDTH);
		}

		/**
		 * One row of a table (or one page's part of a tall row) at {@code y}, starting a new page when it does not fit;
		 * returns where the table's frame on the current page begins.
		 */
		private float row(List<LineBreaker.Line> label, List<LineBreaker.Line> content, List<LineBreaker.Line> signature, int minLines, float top)
				throws IOException {
			float size = TABLE_SIZE;
			float pitch = size * 1.6f;
			float pad = size * 0.5f;
			float labelWidth = TABLE_LABEL_WIDTH;
			float contentWidth = WIDTH - labelWidth - 2 * pad;
			int lines = Math.max(Math.max(label.size(), content.size() + signature.size() + (signature.isEmpty() ? 0 : 1)), minLines);
			float height = lines * pitch + pad;
			if (y - height < BOTTOM || units == breakBefore && unitsOnPage > 0) {
				frame(top, y, labelWidth);
				newPage();
				top = y;
			}
			float rowTop = y;
			float labelTop = rowTop - (height - label.size() * pitch) / 2;
			for (int i = 0; i < label.size(); i++) {
				LineBreaker.Line l = label.get(i);
				float lx = LEFT + (labelWidth - l.width()) / 2;
				text(l.runs().get(0).text(), size, lx, baseline(labelTop - i * pitch, pitch, size), bold, 0);
			}
			for (int i = 0; i < content.size(); i++) {
				draw(content.get(i), size, LEFT + labelWidth + pad, contentWidth, baseline(rowTop - pad / 2 - i * pitch, pitch, size));
			}
			for (int i = 0; i < signature.size(); i++) {
				LineBreaker.Line l = signature.get(i);
				float sy = rowTop - height + pad / 2 + (signature.size() - i) * pitch;
				text(l.runs().get(0).text(), size, LEFT + WIDTH - pad - l.width(), baseline(sy, pitch, size), font, 0);
			}
			y = rowTop - height;
			units++;
			unitsOnPage++;
			cs.moveTo(LEFT, y);
			cs.lineTo(LEFT + WIDTH, y);
			cs.stroke();
			return top;
		}

		/** The table's outer border, its first rule and the column rule, from {@code top} down to {@code bottom}. */
		private void frame(float top, float bottom, float labelWidth) throws IOException {
			cs.setLineWidth(0.8f);
			cs.addRect(LEFT, bottom, WIDTH, top - bottom);
			cs.moveTo(LEFT + labelWidth, top);
			cs.lineTo(LEFT + labelWidth, bottom);
			cs.stroke();
		}

		/**
		 * The end of the document: the signature (the body's name and seal, then the date) on the right and, beside it on
		 * the left, the QR code with the verification code and the page to check it — kept together on one page.
		 */
		void closing(String signature, String date, Verification v) throws IOException {
			float side = 22 * MM;
			float notePitch = NOTE_SIZE * 1.4f;
			float needed = Math.max(signature == null ? 0 : 3 * PITCH, v == null ? 0 : side + 3 * notePitch);
			unitsBeforeClosing = units;
			if (y - needed < BOTTOM) {
				newPage();
				stranded = true;
			}
			y -= 6;
			float top = y;
			if (signature != null) {
				skip(PITCH);
				right(signature, BODY_SIZE);
				right(date, BODY_SIZE);
			}
			float bottom = y;
			if (v != null) {
				boolean[][] modules = QrCode.modules(v.url());
				float cell = side / modules.length;
				for (int r = 0; r < modules.length; r++) {
					for (int c = 0; c < modules[r].length; c++) {
						if (modules[r][c]) {
							cs.addRect(LEFT + c * cell, top - (r + 1) * cell, cell, cell);
						}
					}
				}
				cs.fill();
				float lineTop = top - side;
				String page = v.url().replaceFirst("/[^/]*$", "");
				for (String note : List.of("验证码：" + v.code(), "核验：" + page, "扫码或输入验证码核对本文书")) {
					text(note, NOTE_SIZE, LEFT + 2, baseline(lineTop, notePitch, NOTE_SIZE), note.startsWith("验证码") ? bold : font, 0);
					lineTop -= notePitch;
				}
				bottom = Math.min(bottom, lineTop);
			}
			y = bottom;
		}

		void finish() throws IOException {
			cs.close();
		}

		/** "第 N 页 共 M 页" centred under the type area of every page (GB/T 9704 §7.5: 7 mm below it). */
		void footers() throws IOException {
			int total = doc.getNumberOfPages();
			for (int i = 0; i < total; i++) {
				try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
					String text = "第 " + (i + 1) + " 页 共 " + total + " 页";
					foot.beginText();
					foot.setFont(font, FOOT_SIZE);
					foot.newLineAtOffset(LEFT + (WIDTH - measure.width(text, FOOT_SIZE, false)) / 2, BOTTOM - 7 * MM - FOOT_SIZE * 0.76f);
					foot.showText(text);
					foot.endText();
				}
			}
		}
	}
}
