package zhifa.casework;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays out an enforcement document as PDF ({@link PdfDocument}) with the embedded CJK fonts ({@link DocumentFonts},
 * {@code zhifa.documents.font} to use another TrueType file). Document templates of every kind render through it.
 */
@Component
public class DocumentRenderer {

	private final DocumentFonts fonts;

	DocumentRenderer(@Value("${zhifa.documents.font:}") String font) {
		this.fonts = DocumentFonts.load(font);
	}

	public PdfDocument.Rendered render(String issuer, String title, String number, List<PdfDocument.Block> blocks, String signature, LocalDate date) {
		return PdfDocument.render(fonts, issuer, title, number, blocks, signature, chineseDate(date));
	}

	/** 2026年11月29日. */
	public static String chineseDate(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}
}
