package zhifa.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The sum of every connected {@link EnforcementActivity}. With none connected there is no answer — not zero: a page must
 * say that no activity data is connected rather than propose every matter for clean-up.
 */
@Component
public class MatterActivity {

	private final List<EnforcementActivity> sources;

	public MatterActivity(List<EnforcementActivity> sources) {
		this.sources = List.copyOf(sources);
	}

	public boolean connected() {
		return !sources.isEmpty();
	}

	public List<String> sources() {
		return sources.stream().map(EnforcementActivity::source).toList();
	}

	/** Acts per matter (every requested matter present, 0 when none); empty when no source is connected. */
	public Optional<Map<Long, Long>> counts(Collection<Long> matterIds, Long actingBodyId, LocalDate from, LocalDate to) {
		if (!connected()) {
			return Optional.empty();
		}
		Map<Long, Long> total = new HashMap<>();
		matterIds.forEach(id -> total.put(id, 0L));
		for (EnforcementActivity s : sources) {
			s.counts(matterIds, actingBodyId, from, to).forEach((id, n) -> total.merge(id, n, Long::sum));
		}
		return Optional.of(total);
	}
}
