package zhifa.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded file checked before it is kept: its content must be what its declared type says, judged by the leading
 * bytes (an HTML page named {@code evil.png} and declared {@code image/png} is refused), and only a safe base name of
 * the file name is kept ({@code ../../../../tmp/x} becomes {@code x}).
 *
 * @param name the safe base name
 * @param contentType the declared type, one of {@link #TYPES}
 */
public record UploadedFile(String name, String contentType, byte[] bytes) {

	/** Accepted types and how their content is recognised. */
	public static final Map<String, String> TYPES = Map.of("image/jpeg", "JPG 图片", "image/png", "PNG 图片", "application/pdf", "PDF 文件",
			"audio/mpeg", "MP3 音频", "audio/mp4", "M4A 音频", "video/mp4", "MP4 视频", "text/plain", "文本文件");

	/** Checks the declared type against the content and cleans the name; refuses with a Chinese reason. */
	public static UploadedFile of(byte[] bytes, String declaredType, String fileName) {
		if (bytes == null || bytes.length == 0) {
			throw BusinessRuleViolation.onField("file", "所选文件是空的（0 字节），未保存：请重新选择文件");
		}
		String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
		if (!TYPES.containsKey(type)) {
			throw BusinessRuleViolation.onField("file", "只接受 JPG、PNG、PDF、MP3、MP4 或文本文件");
		}
		if (!matches(type, bytes)) {
			throw BusinessRuleViolation.onField("file", "文件内容不是声明的" + TYPES.get(type) + "（按文件开头的字节判断），未保存");
		}
		return new UploadedFile(safeName(fileName), type, bytes);
	}

	static boolean matches(String type, byte[] b) {
		return switch (type) {
			case "image/jpeg" -> starts(b, 0xFF, 0xD8, 0xFF);
			case "image/png" -> starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
			case "application/pdf" -> starts(b, '%', 'P', 'D', 'F', '-');
			case "audio/mpeg" -> starts(b, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0);
			case "audio/mp4", "video/mp4" -> b.length > 11 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
			case "text/plain" -> text(b);
			default -> false;
		};
	}

	private static boolean starts(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** UTF-8 text without NUL bytes, and not markup a browser would run (HTML, SVG, XML). */
	private static boolean text(byte[] b) {
		byte[] head = Arrays.copyOf(b, Math.min(b.length, 64 * 1024));
		for (byte x : head) {
			if (x == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(b));
		}
		catch (CharacterCodingException e) {
			return false;
		}
		String start = new String(head, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
		return !(start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<svg") || start.startsWith("<?xml")
				|| start.startsWith("<script") || start.startsWith("<head") || start.startsWith("<body"));
	}

	/** The last path element, without control characters, leading dots or characters file systems refuse; at most 200. */
	public static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		// control characters and the invisible format marks (a right-to-left override shows "x\u202Egnp.txt" as "xtxt.png")
		name = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "").strip();
		name = name.replaceFirst("^\\.+", "");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name.isBlank() ? "文件" : name;
	}
}
