package zhifa.supervision;

import java.util.Optional;

/**
 * A kind of case of this platform reporting its cases to the ledger: the act as it stands now, if the case is of this
 * source's kind. The penalty module implements it; the ledger asks on every {@link zhifa.casework.CaseChanged}.
 */
public interface ActSource {

	/** The case as an act, if it is of this source's kind (the ledger loads the case once for every source). */
	Optional<ActReport> report(zhifa.casework.CaseFile file);

	/**
	 * The acts of many cases (the ledger queue's batch), by case id: those of this source's kind. A source that can read
	 * what it needs for all of them at once does so; by default, one case after the other.
	 */
	default java.util.Map<Long, ActReport> reports(java.util.List<zhifa.casework.CaseFile> files) {
		java.util.Map<Long, ActReport> m = new java.util.HashMap<>();
		files.forEach(f -> report(f).ifPresent(r -> m.put(f.id(), r)));
		return m;
	}
}
