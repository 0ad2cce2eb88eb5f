package zhifa.supervision.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import zhifa.organization.OrganizationDirectory;
import zhifa.organization.Region;
import zhifa.organization.Regions;
import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/**
 * What the alert rules read beyond the act itself: the party's other acts (以罚代管) and whether the place lies in the
 * body's jurisdiction (违规异地执法). Inside {@link #forBatch} (the ledger queue's batch, on its thread) each is read
 * once for all the batch's acts: the jurisdiction by (body, place), the histories of all the batch's parties in one
 * statement when a rule first asks for one. Evaluating alerts writes no act, so what is read at the first question
 * holds for the whole batch.
 */
@Component
class RuleReads {

	static final int PARTY_HISTORY = 200;

	private final Ledger ledger;
	private final OrganizationDirectory directory;
	private final Regions regions;
	private final ThreadLocal<Batch> batch = new ThreadLocal<>();

	RuleReads(Ledger ledger, OrganizationDirectory directory, Regions regions) {
		this.ledger = ledger;
		this.directory = directory;
		this.regions = regions;
	}

	/** Runs {@code work} with the reads of a batch whose acts name these parties shared. */
	<T> T forBatch(Set<String> partyKeys, java.util.function.Supplier<T> work) {
		batch.set(new Batch(partyKeys));
		try {
			return work.get();
		}
		finally {
			batch.remove();
		}
	}

	/** The party's acts in the ledger, newest decision first, at most {@value #PARTY_HISTORY}. */
	List<ActReport> history(String partyKey) {
		Batch b = batch.get();
		return b != null ? b.history(partyKey) : read(partyKey);
	}

	/** The body's region name when the place lies outside its region and the regions below (行政处罚法第二十二条). */
	Optional<String> outside(long bodyId, long placeRegionId) {
		Batch b = batch.get();
		return b == null ? outsideNow(bodyId, placeRegionId) : b.outside.computeIfAbsent(List.of(bodyId, placeRegionId), k -> outsideNow(bodyId, placeRegionId));
	}

	private List<ActReport> read(String partyKey) {
		return ledger.ofParty(partyKey, PARTY_HISTORY).stream().map(Act::report).toList();
	}

	private Optional<String> outsideNow(long bodyId, long placeRegionId) {
		var body = directory.facts(bodyId);
		var place = regions.find(placeRegionId);
		if (body.isEmpty() || place.isEmpty() || place.get().path().startsWith(body.get().regionPath())) {
			return Optional.empty();
		}
		String[] ids = body.get().regionPath().split("/");
		String last = ids.length == 0 ? "" : ids[ids.length - 1];
		return Optional.of(last.isEmpty() ? body.get().regionPath() : regions.find(Long.parseLong(last)).map(Region::name).orElse(body.get().regionPath()));
	}

	private final class Batch {
		final Map<List<Long>, Optional<String>> outside = new HashMap<>();
		final Set<String> partyKeys;
		Map<String, List<ActReport>> histories;

		Batch(Set<String> partyKeys) {
			this.partyKeys = partyKeys;
		}

		List<ActReport> history(String partyKey) {
			if (!partyKeys.contains(partyKey)) {
				return read(partyKey);
			}
			if (histories == null) {
				histories = new HashMap<>();
				ledger.ofParties(partyKeys, PARTY_HISTORY).forEach((k, acts) -> histories.put(k, acts.stream().map(Act::report).toList()));
			}
			return histories.getOrDefault(partyKey, List.of());
		}
	}
}
