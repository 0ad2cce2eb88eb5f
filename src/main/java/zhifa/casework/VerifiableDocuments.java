package zhifa.casework;

import java.util.Optional;

/**
 * Documents outside the case file that carry a verification code from {@link VerificationCodes} and are checked on the
 * same public page (e.g. the supervision documents): a module implements this to answer for its own codes.
 */
public interface VerifiableDocuments {

	/** The document a canonical code was printed on, with the SM3 digest (hex) of its PDF. */
	Optional<Found> byCode(String code);

	record Found(CaseDocuments.Verified document, String sm3) {
	}
}
