package zhifa.coercion;

import zhifa.casework.CaseFile;

/**
 * Implemented by a case kind whose decisions can be enforced: it hands over the unmet obligation of a case (or refuses,
 * in Chinese, when there is none). Declared here, by the module that needs the answer, so that coercion never depends
 * on a kind.
 */
public interface ObligationSource {

	/** The case kind this source answers for. */
	String kind();

	Obligation obligation(CaseFile c);
}
