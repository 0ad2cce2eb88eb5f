package zhifa.record;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import zhifa.shared.Sm3;

/**
 * The two keys that make the record resist someone who can write to the database (等保 数据完整性, GB/T 39786): both are
 * kept outside the database.
 * <ul>
 * <li>The MAC key: every entry carries HMAC-SM3 over its chain hash, so re-chaining a forged entry with a correct plain
 * SM3 is detected. {@code ZHIFA_RECORD_KEY} (Base64 of 32 bytes) or a file ({@code zhifa.record.key-file}, default
 * {@code ./data/record.key}) generated on the first start.</li>
 * <li>The SM2 signing key (GB/T 32918 with SM3, BouncyCastle): anchors are signed with it, and anyone can check a
 * signature with the public key. {@code ZHIFA_RECORD_SIGNING_KEY} (hex of the private scalar) or a file
 * ({@code zhifa.record.signing-key-file}, default {@code ./data/record-signing.key}) generated on the first start.</li>
 * </ul>
 * An empty file setting gives throw-away keys (tests). Neither key is ever logged.
 */
@Component
public class RecordKeys {

	private static final Logger log = LoggerFactory.getLogger(RecordKeys.class);
	/** sm2p256v1 with BouncyCastle's dedicated field arithmetic (the same curve as GMNamedCurves', many times faster). */
	private static final X9ECParameters SM2 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("sm2p256v1");

	/** Decoded public keys: decoding one costs about as much as checking a signature. */
	private static final java.util.Map<String, ECPublicKeyParameters> PUBLIC_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
	private static final ECDomainParameters DOMAIN = new ECDomainParameters(SM2.getCurve(), SM2.getG(), SM2.getN(), SM2.getH());
	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] macKey;

	/** A keyed HMAC-SM3 per thread: after each result it is back in its keyed state, so the key is not processed again. */
	private final ThreadLocal<HMac> keyedMac = ThreadLocal.withInitial(() -> {
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(macKey()));
		return hmac;
	});

	private byte[] macKey() {
		return macKey;
	}
	private final ECPrivateKeyParameters signingKey;
	private final ECPublicKeyParameters publicKey;

	@org.springframework.beans.factory.annotation.Autowired
	RecordKeys(@Value("${ZHIFA_RECORD_KEY:}") String macKey, @Value("${zhifa.record.key-file:./data/record.key}") String macKeyFile,
			@Value("${ZHIFA_RECORD_SIGNING_KEY:}") String signingKey,
			@Value("${zhifa.record.signing-key-file:./data/record-signing.key}") String signingKeyFile,
			@Value("${zhifa.record.generate-keys:true}") boolean mayGenerate, org.springframework.jdbc.core.JdbcTemplate jdbc) throws IOException {
		this(macKey, macKeyFile, signingKey, signingKeyFile, mayGenerate
				&& !jdbc.queryForObject("select exists (select 1 from record_entry where mac is not null) or exists (select 1 from record_seal)",
						Boolean.class));
	}

	/**
	 * @param mayGenerate whether a missing key file may be created: never when the record already holds MACs or signed
	 *        anchors made with the lost key (a new key would call every entry forged), nor from {@code verify-records}
	 */
	RecordKeys(String macKey, String macKeyFile, String signingKey, String signingKeyFile, boolean mayGenerate) throws IOException {
		this.macKey = Base64.getDecoder().decode(secret(macKey, macKeyFile, "record MAC key", mayGenerate, () -> {
			byte[] k = new byte[32];
			RANDOM.nextBytes(k);
			return Base64.getEncoder().encodeToString(k);
		}));
		if (this.macKey.length < 16) {
			throw new IllegalStateException("ZHIFA_RECORD_KEY must be the Base64 of at least 16 random bytes (32 recommended)");
		}
		BigInteger d = new BigInteger(secret(signingKey, signingKeyFile, "record signing key", mayGenerate,
				() -> newPrivateScalar().toString(16)), 16);
		this.signingKey = new ECPrivateKeyParameters(d, DOMAIN);
		this.publicKey = new ECPublicKeyParameters(DOMAIN.getG().multiply(d).normalize(), DOMAIN);
	}

	private interface Generator {
		String generate();
	}

	private static String secret(String given, String file, String what, boolean mayGenerate, Generator generator) throws IOException {
		if (given != null && !given.isBlank()) {
			return given.strip();
		}
		if (file == null || file.isBlank()) {
			return generator.generate();
		}
		Path path = Path.of(file).toAbsolutePath().normalize();
		if (Files.exists(path)) {
			return Files.readString(path).strip();
		}
		if (!mayGenerate) {
			throw new IllegalStateException("找不到全过程记录的密钥文件 " + path + "：数据库中已有用该密钥计算的认证码或签名锚定，不能生成新密钥。"
					+ "请从备份恢复该文件，或用环境变量提供密钥。 / The " + what + " file " + path + " is missing while the record already "
					+ "holds MACs or signed anchors made with it; restore it from the backup (a new key would call every entry forged).");
		}
		String value = generator.generate();
		Files.createDirectories(path.getParent());
		try {
			// created owner-only in one step: never readable by others, not even for a moment
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException e) {
			Files.createFile(path);
		}
		Files.writeString(path, value, StandardCharsets.US_ASCII);
		log.warn("Created a new {} in {}; keep it with the database backups, apart from the database", what, path.toAbsolutePath());
		return value;
	}

	private static BigInteger newPrivateScalar() {
		BigInteger n = DOMAIN.getN();
		BigInteger d;
		do {
			d = new BigInteger(n.bitLength(), RANDOM);
		}
		while (d.signum() == 0 || d.compareTo(n.subtract(BigInteger.TWO)) > 0);
		return d;
	}

	/** HMAC-SM3 of an entry's chain hash, in hex. */
	public String mac(String hash) {
		HMac hmac = keyedMac.get();
		byte[] in = hash.getBytes(StandardCharsets.US_ASCII);
		hmac.update(in, 0, in.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	static String mac(byte[] key, String hash) {
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(key));
		byte[] in = hash.getBytes(StandardCharsets.US_ASCII);
		hmac.update(in, 0, in.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	/** An SM2 signature (DER, hex) over the UTF-8 text, with the default user id of GM/T 0009. */
	public String sign(String text) {
		SM2Signer signer = new SM2Signer();
		signer.init(true, new ParametersWithRandom(signingKey, RANDOM));
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		signer.update(bytes, 0, bytes.length);
		try {
			return HexFormat.of().formatHex(signer.generateSignature());
		}
		catch (CryptoException e) {
			throw new IllegalStateException("SM2 signing failed", e);
		}
	}

	/** The public key as an uncompressed point (04‖X‖Y), in hex. */
	public String publicKeyHex() {
		return HexFormat.of().formatHex(publicKey.getQ().getEncoded(false));
	}

	/** A short name of the public key: the first 16 hex digits of its SM3. */
	public String keyId() {
		return keyId(publicKeyHex());
	}

	static String keyId(String publicKeyHex) {
		return Sm3.hex(HexFormat.of().parseHex(publicKeyHex)).substring(0, 16);
	}

	/** Whether the signature over the text holds for the public key (hex, uncompressed point). */
	private static ECPublicKeyParameters decode(String publicKeyHex) {
		ECPoint q = DOMAIN.getCurve().decodePoint(HexFormat.of().parseHex(publicKeyHex));
		return new ECPublicKeyParameters(q, DOMAIN);
	}

	public static boolean verify(String publicKeyHex, String text, String signatureHex) {
		try {
			ECPublicKeyParameters key = PUBLIC_KEYS.size() > 100 ? decode(publicKeyHex) : PUBLIC_KEYS.computeIfAbsent(publicKeyHex, RecordKeys::decode);
			SM2Signer signer = new SM2Signer();
			signer.init(false, key);
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			signer.update(bytes, 0, bytes.length);
			return signer.verifySignature(HexFormat.of().parseHex(signatureHex));
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
