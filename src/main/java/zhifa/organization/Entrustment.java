package zhifa.organization;

import java.time.LocalDate;

/**
 * 委托书 (行政处罚法第二十条): written, stating the entrusted matters (scope), the authority and the term, and
 * published. The entrusted organisation acts in the name of the entrusting organ.
 */
public record Entrustment(long id, long entrustingBodyId, String entrustingBodyName, String documentNumber, String scope,
		String authority, LocalDate validFrom, LocalDate validTo, boolean published) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validTo);
	}
}
