package zhifa.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * How often matters were actually used: answered by the modules that do the enforcing (penalty cases, inspections) once
 * they exist, each as a bean implementing this. Read by the catalogue clean-up (no activity in 5 years) and the
 * township-power evaluation (usage of delegated matters).
 */
public interface EnforcementActivity {

	/** What is counted, e.g. 行政处罚案件. */
	String source();

	/**
	 * The number of enforcement acts per matter id between {@code from} and {@code to} inclusive; only acts of
	 * {@code actingBodyId} when it is given. Matters without acts may be left out.
	 */
	Map<Long, Long> counts(Collection<Long> matterIds, Long actingBodyId, LocalDate from, LocalDate to);
}
