package zhifa.casework;

import java.util.List;

/** A step the case may take next, who takes it, and — in plain Chinese — what stops it now. */
public record NextStep(String action, String step, String who, List<String> blockers) {

	public boolean possible() {
		return blockers.isEmpty();
	}
}
