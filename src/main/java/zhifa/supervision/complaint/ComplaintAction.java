package zhifa.supervision.complaint;

import java.util.Map;
import java.util.Set;

/**
 * What may happen to a complaint, declared as data: from which states, to which state, and who takes it. The API, the
 * pages and the tests ask {@link #allowedFrom} rather than comparing states themselves.
 */
public enum ComplaintAction {
	/** 分办: the supervisor sends it to a body (or to his own body: 直接办理), with a reply deadline. */
	ASSIGN("分办", Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED), ComplaintStatus.ASSIGNED, "SUPERVISOR"),
	/** 答复: the body it was assigned to answers. */
	REPLY("答复", Set.of(ComplaintStatus.ASSIGNED), ComplaintStatus.REPLIED, "UNIT_ADMIN"),
	/** 办结: the supervisor closes it after the reply, with the complainant's satisfaction when known. */
	CLOSE("办结", Set.of(ComplaintStatus.REPLIED), ComplaintStatus.CLOSED, "SUPERVISOR"),
	/** 重办: the complainant (or the 12345 system) was not satisfied; the body must reply again. */
	REOPEN("重办", Set.of(ComplaintStatus.REPLIED, ComplaintStatus.CLOSED), ComplaintStatus.ASSIGNED, "SUPERVISOR");

	private final String label;
	private final Set<ComplaintStatus> allowedFrom;
	private final ComplaintStatus target;
	private final String role;

	ComplaintAction(String label, Set<ComplaintStatus> allowedFrom, ComplaintStatus target, String role) {
		this.label = label;
		this.allowedFrom = allowedFrom;
		this.target = target;
		this.role = role;
	}

	public String label() {
		return label;
	}

	public ComplaintStatus target() {
		return target;
	}

	/** The {@code Role} name of who takes the step on the pages. */
	public String role() {
		return role;
	}

	public boolean allowedFrom(ComplaintStatus status) {
		return allowedFrom.contains(status);
	}

	/** The refusal in Chinese when the step is not open in this state, or {@code null}. */
	public String refusal(ComplaintStatus status) {
		if (allowedFrom(status)) {
			return null;
		}
		return "该投诉举报当前为“" + status.label() + "”，不能" + label + REASONS.getOrDefault(this, "");
	}

	private static final Map<ComplaintAction, String> REASONS = Map.of(ASSIGN, "（已答复或已办结的，如需再办请“重办”）",
			REPLY, "（须先分办，且尚未答复）", CLOSE, "（须先有承办单位的答复）", REOPEN, "（须已答复或已办结）");
}
