package zhifa.casework;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays out an enforcement document as PDF ({@link PdfDocument}) with the embedded CJK fonts ({@link DocumentFonts},
 * {@code zhifa.documents.font} to use another TrueType file), stamped with its verification code and QR code.
 */
@Component
public class DocumentRenderer {

	private final DocumentFonts fonts;

	DocumentRenderer(@Value("${zhifa.documents.font:}") String font) {
		this.fonts = DocumentFonts.load(font);
	}

	/** Lays out a document; {@code verification} may be {@code null} for a document without a verification code. */
	public PdfDocument.Rendered render(PdfDocument.Content content, PdfDocument.Verification verification) {
		return PdfDocument.render(fonts, content, content.date() == null ? null : chineseDate(content.date()), verification);
	}

	/** 2026年11月29日. */
	public static String chineseDate(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}
}
