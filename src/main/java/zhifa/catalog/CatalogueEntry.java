package zhifa.catalog;

import java.util.List;

/**
 * One item of a catalogue as submitted, reviewed or published: a snapshot of a matter, so that what was reviewed and
 * published does not move when the matter is edited later. {@code status} is the status the item is published with
 * (有效 or 暂停).
 */
public record CatalogueEntry(long matterId, String code, String name, MatterType type, String domainCode, boolean township,
		MatterStatus status, List<String> basis, List<String> violationCodes) {

	public CatalogueEntry {
		basis = List.copyOf(basis);
		violationCodes = List.copyOf(violationCodes);
	}

	/** The matter as it stands in the working catalogue (a draft stays a draft). */
	static CatalogueEntry asIs(Matter m) {
		return new CatalogueEntry(m.id(), m.code(), m.name(), m.type(), m.domainCode(), m.township(), m.status(), m.basis(), m.violationCodes());
	}

	/** The entry a matter becomes when its body's catalogue is published: a draft takes effect. */
	static CatalogueEntry of(Matter m) {
		return new CatalogueEntry(m.id(), m.code(), m.name(), m.type(), m.domainCode(), m.township(),
				m.status() == MatterStatus.DRAFT ? MatterStatus.ACTIVE : m.status(), m.basis(), m.violationCodes());
	}
}
