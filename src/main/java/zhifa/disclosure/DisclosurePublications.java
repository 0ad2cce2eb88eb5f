package zhifa.disclosure;

import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseTimers;
import zhifa.penalty.TimerKind;
import zhifa.supervision.ActReport;
import zhifa.supervision.PublicationSource;

/** A penalty case's publication as the supervision ledger sees it (the withdrawal day from the case's own timer). */
@Component
class DisclosurePublications implements PublicationSource {

	private final DecisionDisclosures decisions;
	private final CaseTimers timers;

	DisclosurePublications(DecisionDisclosures decisions, CaseTimers timers) {
		this.decisions = decisions;
		this.timers = timers;
	}

	@Override
	public java.util.Map<Long, ActReport.Publication> publications(java.util.Collection<Long> caseIds) {
		// most cases of a batch have nothing to publish: which have anything is one read, each of those read as one
		java.util.Map<Long, ActReport.Publication> m = new java.util.HashMap<>();
		decisions.casesWithItems(caseIds).forEach(id -> publication(id).ifPresent(p -> m.put(id, p)));
		return m;
	}

	@Override
	public Optional<ActReport.Publication> publication(long caseId) {
		var all = decisions.allOfCase(caseId);
		if (all.isEmpty()) {
			return Optional.empty();
		}
		var others = all.stream().filter(d -> d.kind() != DecisionDisclosures.Kind.PENALTY)
			.map(d -> new ActReport.Other(d.id(), d.kind().label(), d.decidedOn(), d.publishBy(), d.publishedOn())).toList();
		return Optional.of(all.stream().filter(d -> d.kind() == DecisionDisclosures.Kind.PENALTY).findFirst().map(d -> {
			var withdrawBy = d.publishedOn() == null ? null : timers.find(caseId, TimerKind.WITHDRAW_PUBLICATION).map(t -> t.due()).orElse(null);
			return new ActReport.Publication(d.publishBy(), d.publishedOn(),
					d.status() == DecisionDisclosures.Status.EXEMPT || d.status() == DecisionDisclosures.Status.CANCELLED, withdrawBy, d.withdrawnOn(), others);
		}).orElse(new ActReport.Publication(null, null, false, null, null, others)));
	}
}
