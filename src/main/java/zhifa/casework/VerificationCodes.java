package zhifa.casework;

import java.security.SecureRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import zhifa.casework.persistence.DocumentRows;

/**
 * Verification codes of generated documents: ten characters of a 31-letter alphabet without the look-alikes 0/O, 1/I/L
 * (about 2^49 codes, drawn by {@link SecureRandom}, so unguessable), unique (checked, and enforced by the database),
 * and the public page a code's QR code opens.
 */
@Component
public class VerificationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	static final int LENGTH = 10;

	private final SecureRandom random = new SecureRandom();
	private final DocumentRows rows;
	private final org.springframework.beans.factory.ObjectProvider<VerifiableDocuments> others;
	private final String baseUrl;

	VerificationCodes(DocumentRows rows, org.springframework.beans.factory.ObjectProvider<VerifiableDocuments> others,
			@Value("${zhifa.public-base-url:http://localhost:${server.port:8080}}") String baseUrl) {
		this.rows = rows;
		this.others = others;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** A fresh code, unique among the case documents and every other {@link VerifiableDocuments}. */
	public String next() {
		for (int attempt = 0; attempt < 5; attempt++) {
			StringBuilder sb = new StringBuilder(LENGTH);
			for (int i = 0; i < LENGTH; i++) {
				sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			String code = sb.toString();
			if (!rows.codeTaken(code) && others.stream().noneMatch(o -> o.byCode(code).isPresent())) {
				return code;
			}
		}
		throw new IllegalStateException("no free verification code after five draws");
	}

	/** The public verification page of a code. */
	public String url(String code) {
		return baseUrl + "/verify/documents/" + code;
	}

	/** A code as typed (lower case, with spaces or hyphens) in its canonical form; {@code null} if it cannot be a code. */
	public static String normalise(String typed) {
		if (typed == null || typed.length() > 40) {
			return null;
		}
		String s = typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
		return s.length() == LENGTH && s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0) ? s : null;
	}
}
