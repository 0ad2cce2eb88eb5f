package zhifa.shared;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code as inline SVG (no image file, nothing for the content security policy to allow), or as modules to draw in a PDF. */
public final class QrCode {

	private QrCode() {
	}

	/** The dark modules of the QR code of {@code text} (error correction M, two modules of quiet zone), row by row. */
	public static boolean[][] modules(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
			for (int y = 0; y < m.getHeight(); y++) {
				for (int x = 0; x < m.getWidth(); x++) {
					out[y][x] = m.get(x, y);
				}
			}
			return out;
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String svg(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			StringBuilder sb = new StringBuilder();
			sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(m.getWidth()).append(' ').append(m.getHeight())
				.append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
			for (int y = 0; y < m.getHeight(); y++) {
				for (int x = 0; x < m.getWidth(); x++) {
					if (m.get(x, y)) {
						sb.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return sb.append("\"/></svg>").toString();
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}
}
