package zhifa.casework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The kinds of case the platform knows (every {@link CaseKind} bean) and, through each one's lifecycle, the one answer
 * to "what may happen to this case now and what blocks it". Looked up lazily: a kind's guards may use services that
 * themselves use the kernel.
 */
@Service
public class CaseKinds {

	private final ObjectProvider<CaseKind> kinds;
	private final ObjectProvider<ClosureCheck> closureChecks;
	private final zhifa.casework.persistence.OfficerLookups officers;
	/** The officer record of each account (none for one without), read at most every {@link #OFFICER_OF_USER_TTL_MS}. */
	private final java.util.concurrent.ConcurrentHashMap<Long, OfficerOfUser> officerOfUser = new java.util.concurrent.ConcurrentHashMap<>();

	private static final long OFFICER_OF_USER_TTL_MS = 30_000;

	private record OfficerOfUser(Long officerId, long readAt) {
	}

	CaseKinds(ObjectProvider<CaseKind> kinds, ObjectProvider<ClosureCheck> closureChecks, zhifa.casework.persistence.OfficerLookups officers) {
		this.kinds = kinds;
		this.closureChecks = closureChecks;
		this.officers = officers;
	}

	public List<CaseKind> all() {
		return kinds.orderedStream().toList();
	}

	public CaseKind of(String code) {
		CaseKind kind = code == null ? null : byCode.get(code);
		if (kind == null) {
			// singletons, looked up once each (a lookup by type resolves every candidate bean: costly on every write)
			kind = kinds.orderedStream().filter(k -> k.code().equals(code)).findFirst()
				.orElseThrow(() -> new IllegalStateException("no case kind " + code));
			byCode.putIfAbsent(kind.code(), kind);
		}
		return kind;
	}

	private final java.util.concurrent.ConcurrentHashMap<String, CaseKind> byCode = new java.util.concurrent.ConcurrentHashMap<>();

	public Lifecycle lifecycle(CaseFile c) {
		return of(c.kind()).lifecycle();
	}

	/** What the procedures attached to the case say still stands open on it: every kind asks before 结案. */
	public List<String> closureBlockers(CaseFile c) {
		return closureChecks.orderedStream().flatMap(check -> check.blockers(c).stream()).toList();
	}

	/** The listed steps open to the case now, each with what blocks it. */
	public List<NextStep> options(CaseFile c) {
		return lifecycle(c).options(c);
	}

	/** Whether the step is open to the case now (stage and moment), whatever blocks it. */
	public boolean open(CaseFile c, String action) {
		return lifecycle(c).open(c, action);
	}

	/** Whether the step could be taken now: open to the case and nothing in its guard stops it (the operator's role aside). */
	public boolean possible(CaseFile c, String action) {
		return open(c, action) && lifecycle(c).transition(action).map(t -> t.guard().refusals(c).isEmpty()).orElse(false);
	}

	/** See {@link Lifecycle#require}. */
	public Transition require(CaseFile c, String action) {
		Transition t = lifecycle(c).require(c, action);
		requireOnCase(c, t);
		return t;
	}

	/** See {@link Lifecycle#check}. */
	public Transition check(CaseFile c, String action) {
		requireOnCase(c, lifecycle(c).require(c, action));
		return lifecycle(c).check(c, action);
	}

	/**
	 * An officer's step on a case that has its officers is theirs (the officers the body designated handle it, 行政处罚法
	 * 第四十二条 and the procedure rules; an inspection's team): another officer of the body is refused — unless he also
	 * holds another role the step allows (a head). Before any officer is assigned (a clue at triage), any officer may act.
	 */
	private void requireOnCase(CaseFile c, Transition t) {
		if (!onCase(c, t)) {
			CaseKind kind = of(c.kind());
			if (kind.ownHandlers(t.action())) {
				throw new zhifa.shared.BusinessRuleViolation(t.label() + "由" + t.who() + "办理");
			}
			throw new zhifa.shared.BusinessRuleViolation(t.label() + "由本案的" + kind.handlers() + "办理：您不是本案的" + kind.handlers() + "（"
					+ String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList()) + "）" + kind.joinHint());
		}
	}

	/** Whether the current operator may take the step as far as being on the case goes (see {@link #requireOnCase}). */
	public boolean onCase(CaseFile c, Transition t) {
		return !needsOnCase(c, t) || operatorOnCase(c, t.action());
	}

	private static boolean needsOnCase(CaseFile c, Transition t) {
		zhifa.shared.Operator op = zhifa.shared.Operator.current();
		if (op.operatorKind() != zhifa.shared.Operator.Kind.USER || op.operatorId() == null || c.officerIds().isEmpty() || !t.roles().contains("OFFICER")) {
			return false;
		}
		List<String> others = t.roles().stream().filter(r -> !r.equals("OFFICER")).toList();
		return others.isEmpty() || !op.holdsAnyRole(others);
	}

	/**
	 * Whether the signed-in user's officer handles the case. The account's officer is kept for {@link #OFFICER_OF_USER_TTL_MS}
	 * (read by the wall clock: an expiry, not a legal time); an account without one is read again each time, so one linked
	 * a moment ago acts at once.
	 */
	private boolean operatorOnCase(CaseFile c, String action) {
		long user = zhifa.shared.Operator.current().operatorId();
		long now = System.currentTimeMillis();
		OfficerOfUser known = officerOfUser.get(user);
		if (known == null || now - known.readAt() > OFFICER_OF_USER_TTL_MS) {
			Long officer = officers.ofUser(user).map(zhifa.casework.persistence.OfficerLookups.OfficerRow::id).orElse(null);
			if (officer == null) {
				officerOfUser.remove(user);
				return false;
			}
			known = new OfficerOfUser(officer, now);
			officerOfUser.put(user, known);
		}
		CaseKind kind = of(c.kind());
		return kind.ownHandlers(action) ? kind.handlesStep(c, known.officerId(), action) : kind.onTheCase(c, known.officerId());
	}

	/** What each case's kind says about it beyond its stage ({@link CaseKind#listNotes}), one read per kind among them. */
	public java.util.Map<Long, String> listNotes(java.util.List<CaseFile> cases) {
		java.util.Map<Long, String> notes = new java.util.HashMap<>();
		cases.stream().collect(java.util.stream.Collectors.groupingBy(CaseFile::kind)).forEach((kind, cs) -> notes.putAll(of(kind).listNotes(cs)));
		return notes;
	}

	public Stage stage(CaseFile c) {
		return lifecycle(c).stage(c.stage());
	}

	/**
	 * For each step the case's kind declares: whether the current operator may take it now (its stage and moment allow it,
	 * the operator holds one of its roles, and an officer's step is one of the case's officers') — what the case page shows
	 * its forms by, instead of comparing stages.
	 */
	public java.util.Map<String, Boolean> may(CaseFile c) {
		java.util.Map<String, Boolean> may = may(lifecycle(c), c.stage(), c);
		Boolean on = null;
		CaseKind kind = of(c.kind());
		for (Transition t : lifecycle(c).transitions()) {
			if (may.getOrDefault(t.action(), false) && needsOnCase(c, t)) {
				if (kind.ownHandlers(t.action())) {
					may.put(t.action(), operatorOnCase(c, t.action()));
					continue;
				}
				// asked once for the page (an inspection's team is read from its visit)
				on = on != null ? on : operatorOnCase(c, t.action());
				may.put(t.action(), on);
			}
		}
		return may;
	}

	/** The same for a procedure with its own stage attached to the case. */
	public static java.util.Map<String, Boolean> may(Lifecycle lifecycle, String stage, CaseFile c) {
		java.util.Map<String, Boolean> may = new java.util.LinkedHashMap<>();
		zhifa.shared.Operator op = zhifa.shared.Operator.current();
		for (Transition t : lifecycle.transitions()) {
			may.put(t.action(), lifecycle.open(stage, c, t.action()) && (t.roles().isEmpty() || op.holdsAnyRole(t.roles())));
		}
		return may;
	}

	/** The codes of every kind's open stages (在办), for the workbench's 未结 list. */
	public Set<String> openStages() {
		Set<String> codes = new LinkedHashSet<>();
		all().forEach(k -> k.lifecycle().stages().stream().filter(Stage::open).forEach(s -> codes.add(s.code())));
		return codes;
	}
}
