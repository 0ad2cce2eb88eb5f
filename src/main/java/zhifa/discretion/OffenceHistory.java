package zhifa.discretion;

import java.time.LocalDate;
import java.util.List;

/**
 * The party's earlier penalties, across every body on the platform: answered by case handling (a bean implementing
 * this) once it exists. The assessment asks it when 初次违法 is claimed (行政处罚法第三十三条第一款: 初次违法且危害后果轻微并及时改正的，
 * 可以不予行政处罚) — a party already punished for the same violation is not a first offender.
 */
public interface OffenceHistory {

	/** A penalty decided before the act date: which body, which decision, on which day. */
	record PriorOffence(String bodyName, String decisionNumber, LocalDate decidedOn) {
	}

	/**
	 * Penalty decisions against the party for the violation decided before {@code before}; {@code partyKey} is the
	 * party's identity key (统一社会信用代码, or the fingerprint of a natural person's ID number).
	 */
	List<PriorOffence> prior(String partyKey, String violationCode, LocalDate before);
}
