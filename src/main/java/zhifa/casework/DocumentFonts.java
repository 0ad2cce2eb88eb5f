package zhifa.casework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK TrueType fonts 执法文书 embed. By default Noto Sans SC Regular (body) and Bold (titles), copied into the jar
 * from the Maven artifact {@code com.helger.font:ph-fonts-noto-sans-sc} at build time, so no system font is needed.
 * {@code zhifa.documents.font} names another TrueType-outline .ttf/.ttc file used for both (PDFBox cannot embed CFF
 * outlines such as Noto CJK OTF). The bytes are read once; each document parses and subsets its own copy.
 */
final class DocumentFonts {

	static final String BODY_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
	static final String TITLE_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

	private final byte[] body;
	private final byte[] title;
	private final boolean collection;

	private DocumentFonts(byte[] body, byte[] title, boolean collection) {
		this.body = body;
		this.title = title;
		this.collection = collection;
	}

	/** The fonts from the override file when one is named, else the bundled ones. */
	static DocumentFonts load(String overrideFile) {
		try {
			if (overrideFile != null && !overrideFile.isBlank()) {
				Path file = Path.of(overrideFile.strip());
				if (!Files.isRegularFile(file)) {
					throw new IllegalStateException("zhifa.documents.font names a file that does not exist: " + file.toAbsolutePath());
				}
				byte[] bytes = Files.readAllBytes(file);
				return new DocumentFonts(bytes, bytes, file.getFileName().toString().toLowerCase().endsWith(".ttc"));
			}
			return new DocumentFonts(resource(BODY_RESOURCE), resource(TITLE_RESOURCE), false);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the document font", e);
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("the bundled document font " + name + " is missing from the jar (build with ./mvnw package)");
			}
			return in.readAllBytes();
		}
	}

	PDType0Font body(PDDocument doc) throws IOException {
		return PDType0Font.load(doc, parse(body), true);
	}

	PDType0Font title(PDDocument doc) throws IOException {
		return PDType0Font.load(doc, parse(title), true);
	}

	private TrueTypeFont parse(byte[] bytes) throws IOException {
		if (collection) {
			List<TrueTypeFont> fonts = new ArrayList<>();
			new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes)).processAllFonts(fonts::add);
			return fonts.get(0);
		}
		return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
	}
}
