package zhifa.supervision.exchange;

import java.util.List;

/**
 * 报送系统: another department's system that reports enforcement acts to the ledger, and the bodies it may report for.
 * Its code is the ledger's {@code source} of the acts it reports.
 */
public record SourceSystem(long id, String code, String name, boolean active, List<Body> bodies, boolean demo) {

	public SourceSystem {
		bodies = List.copyOf(bodies);
	}

	/** A body the system may report for. */
	public record Body(long id, String name) {
	}

	public boolean mayReportFor(long bodyId) {
		return bodies.stream().anyMatch(b -> b.id() == bodyId);
	}
}
