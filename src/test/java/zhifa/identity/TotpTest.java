package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B (SHA-1, 8 digits) and RFC 4648 Base32 test vectors, then the 6-digit codes of authenticator apps. */
class TotpTest {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		assertThat(Totp.hotp(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
		assertThat(Totp.hotp(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
		assertThat(Totp.hotp(RFC_KEY, 1111111111L / 30, 8)).isEqualTo("14050471");
		assertThat(Totp.hotp(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
		assertThat(Totp.hotp(RFC_KEY, 2000000000L / 30, 8)).isEqualTo("69279037");
		assertThat(Totp.hotp(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
	}

	@Test
	void base32RoundTripsAndMatchesRfc4648() {
		assertThat(Totp.base32Encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(new String(Totp.base32Decode("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(Totp.base32Encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
		String secret = Totp.base32Encode(RFC_KEY);
		long now = 1_800_000_000L;
		String code = Totp.code(secret, now);
		assertThat(Totp.hotp(RFC_KEY, now / 30, 6)).isEqualTo(code);
		assertThat(Totp.verify(secret, code, now, null)).contains(now / 30);
		assertThat(Totp.verify(secret, code, now + 30, null)).as("the next step").isPresent();
		assertThat(Totp.verify(secret, code, now + 90, null)).as("three steps later").isEmpty();
		assertThat(Totp.verify(secret, code, now, now / 30)).as("replayed").isEmpty();
		assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
		assertThat(Totp.verify(secret, null, now, null)).isEmpty();
	}

	@Test
	void theUriIsWhatAuthenticatorAppsRead() {
		assertThat(Totp.uri("芒市执法平台", "admin", "ABCDEF")).startsWith("otpauth://totp/").contains("secret=ABCDEF", "period=30", "digits=6");
	}
}
