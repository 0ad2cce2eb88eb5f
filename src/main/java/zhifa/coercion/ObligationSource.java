package zhifa.coercion;

import java.time.LocalDate;

import zhifa.casework.CaseFile;

/**
 * Implemented by a case kind whose decisions can be enforced: it hands over the unmet obligation of a case (or refuses,
 * in Chinese, when there is none). Declared here, by the module that needs the answer, so that coercion never depends
 * on a kind.
 */
public interface ObligationSource {

	/** The case kind this source answers for. */
	String kind();

	/** The obligation as it stands on the day {@code on}. */
	Obligation obligation(CaseFile c, LocalDate on);
}
