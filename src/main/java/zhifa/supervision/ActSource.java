package zhifa.supervision;

import java.util.Optional;

/**
 * A kind of case of this platform reporting its cases to the ledger: the act as it stands now, if the case is of this
 * source's kind. The penalty module implements it; the ledger asks on every {@link zhifa.casework.CaseChanged}.
 */
public interface ActSource {

	/** The case as an act, if it is of this source's kind (the ledger loads the case once for every source). */
	Optional<ActReport> report(zhifa.casework.CaseFile file);
}
