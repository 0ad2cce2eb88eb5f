package zhifa.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905-2016) hashing, the national standard hash used for the tamper-evident record and file storage. */
public final class Sm3 {

	private Sm3() {
	}

	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String hex(byte[] bytes) {
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
