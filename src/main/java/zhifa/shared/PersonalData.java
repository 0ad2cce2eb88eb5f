package zhifa.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Personal data at rest (个人信息保护法; RULES.md §10): SM4-GCM encryption of ID and phone numbers, and a keyed SM3
 * fingerprint (HMAC-SM3) so that an encrypted value can still be found and kept unique without decrypting.
 */
public final class PersonalData {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	/** @param key 16 bytes (SM4 key length) */
	public PersonalData(byte[] key) {
		if (key.length != 16) {
			throw new IllegalArgumentException("SM4 key must be 16 bytes");
		}
		this.key = key.clone();
	}

	public String encrypt(String plain) {
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
		cipher.init(true, new AEADParameters(new KeyParameter(key), 128, iv));
		byte[] in = plain.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[cipher.getOutputSize(in.length)];
		int n = cipher.processBytes(in, 0, in.length, out, 0);
		try {
			n += cipher.doFinal(out, n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException(e);
		}
		byte[] result = new byte[iv.length + n];
		System.arraycopy(iv, 0, result, 0, iv.length);
		System.arraycopy(out, 0, result, iv.length, n);
		return "sm4:" + Base64.getEncoder().encodeToString(result);
	}

	public String decrypt(String stored) {
		if (!stored.startsWith("sm4:")) {
			throw new IllegalArgumentException("not an SM4 value");
		}
		byte[] all = Base64.getDecoder().decode(stored.substring(4));
		byte[] iv = Arrays.copyOfRange(all, 0, 12);
		GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
		cipher.init(false, new AEADParameters(new KeyParameter(key), 128, iv));
		byte[] out = new byte[cipher.getOutputSize(all.length - 12)];
		int n = cipher.processBytes(all, 12, all.length - 12, out, 0);
		try {
			n += cipher.doFinal(out, n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("personal data could not be decrypted (wrong key or altered value)", e);
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	/** HMAC-SM3 of the normalised value: equal inputs give equal fingerprints, the value cannot be read back. */
	public String fingerprint(String plain) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		byte[] in = plain.strip().toUpperCase().getBytes(StandardCharsets.UTF_8);
		mac.update(in, 0, in.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
