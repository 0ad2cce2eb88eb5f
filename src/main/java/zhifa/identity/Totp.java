package zhifa.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app (Google/Microsoft Authenticator, FreeOTP, 腾讯身份验证器…) produces from a Base32 secret. A code is
 * accepted for the current step and one step either side (clock drift), and never twice (the last step used is kept).
 */
public final class Totp {

	public static final int STEP_SECONDS = 30;
	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** The HOTP value of a counter, with the given number of digits (RFC 4226 §5.3 dynamic truncation). */
	static String hotp(byte[] key, long counter, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
			int offset = h[h.length - 1] & 0x0f;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
			int modulo = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The 6-digit code of a Base32 secret at an epoch second. */
	public static String code(String base32Secret, long epochSecond) {
		return hotp(base32Decode(base32Secret), Math.floorDiv(epochSecond, STEP_SECONDS), 6);
	}

	/**
	 * The step the code belongs to, when it is valid now (±1 step) and later than the last step used; empty otherwise.
	 */
	public static Optional<Long> verify(String base32Secret, String code, long epochSecond, Long lastStepUsed) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return Optional.empty();
		}
		byte[] key = base32Decode(base32Secret);
		long now = Math.floorDiv(epochSecond, STEP_SECONDS);
		for (long step = now - 1; step <= now + 1; step++) {
			boolean matches = MessageDigest.isEqual(hotp(key, step, 6).getBytes(), code.strip().getBytes());
			if (matches && (lastStepUsed == null || step > lastStepUsed)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	/** RFC 4648 Base32 without padding. */
	public static String base32Encode(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	public static byte[] base32Decode(String text) {
		String s = text.replace("=", "").replace(" ", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : s.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not Base32: " + c);
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) ((buffer >> (bits - 8)) & 0xff));
				bits -= 8;
			}
		}
		return out.array();
	}

	/** The otpauth URI an authenticator app reads from the QR code (Key Uri Format). */
	public static String uri(String issuer, String account, String base32Secret) {
		String label = java.net.URLEncoder.encode(issuer + ":" + account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
				+ java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits=6&period=30";
	}
}
