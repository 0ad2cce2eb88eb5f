package zhifa.casework;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One step in a kind's life, declared as data: the action's name and its Chinese wording, the stages it may be taken
 * from, the stage it leads to (none: the case stays where it is), the roles that may take it and who that is in words,
 * its legal basis, and its guard — a named policy that returns every refusal in Chinese with its article. {@code when}
 * narrows a step to the moments it makes sense (复核 only while a statement waits); {@code listed} steps are shown as
 * "下一步", the others are merely allowed. A step with a {@code todo} is on the home page of the role that takes it
 * ("待立案审批" for the head, "提出处罚建议" among the officer's next steps).
 */
public record Transition(String action, String label, List<String> from, List<String> to, Set<String> roles, String who, String basis,
		String guardName, Guard guard, String condition, Predicate<CaseFile> when, boolean listed, List<String> listedIn,
		Predicate<CaseFile> suggested, String todoRole, String todoTitle) {

	/** A policy over the case as it stands: every reason the step cannot be taken now, in Chinese with its article. */
	@FunctionalInterface
	public interface Guard {

		List<String> refusals(CaseFile c);

		Guard NONE = c -> List.of();
	}

	public Transition {
		from = List.copyOf(new LinkedHashSet<>(from));
		to = List.copyOf(to);
		roles = Set.copyOf(roles);
		listedIn = List.copyOf(listedIn);
	}

	public boolean changesStage() {
		return !to.isEmpty();
	}

	/** Starts the declaration of a step. */
	public static Builder step(String action, String label) {
		return new Builder(action, label);
	}

	/** Builds a {@link Transition}; every part but the action and its wording is optional. */
	public static final class Builder {

		private final String action;
		private final String label;
		private List<String> from = List.of();
		private List<String> to = List.of();
		private Set<String> roles = Set.of();
		private String who = "";
		private String basis = "";
		private String guardName = "";
		private Guard guard = Guard.NONE;
		private String condition = "";
		private Predicate<CaseFile> when = c -> true;
		private boolean listed = true;
		private List<String> listedIn = List.of();
		private Predicate<CaseFile> suggested = c -> true;
		private String todoRole;
		private String todoTitle;

		private Builder(String action, String label) {
			this.action = action;
			this.label = label;
		}

		public Builder from(Enum<?>... stages) {
			this.from = Arrays.stream(stages).map(Enum::name).toList();
			return this;
		}

		public Builder to(Enum<?>... stages) {
			this.to = Arrays.stream(stages).map(Enum::name).toList();
			return this;
		}

		public Builder by(String who, String... roles) {
			this.who = who;
			this.roles = Set.of(roles);
			return this;
		}

		public Builder basis(String basis) {
			this.basis = basis;
			return this;
		}

		public Builder guard(String name, Guard guard) {
			this.guardName = name;
			this.guard = guard;
			return this;
		}

		/** Narrows the step to when {@code when} holds; {@code condition} says so in words for the lifecycle table. */
		public Builder when(String condition, Predicate<CaseFile> when) {
			this.condition = condition;
			this.when = when;
			return this;
		}

		/** Suggested as a next step only from these of its stages (allowed from all of them). */
		public Builder listedIn(Enum<?>... stages) {
			this.listedIn = Arrays.stream(stages).map(Enum::name).toList();
			return this;
		}

		/** Suggested as a next step only when {@code suggested} holds (allowed whenever {@code when} does). */
		public Builder suggestedWhen(Predicate<CaseFile> suggested) {
			this.suggested = suggested;
			return this;
		}

		/** Allowed, but not suggested as a next step. */
		public Builder unlisted() {
			this.listed = false;
			return this;
		}

		/** Puts the step, when it is listed for a case, on the home page of {@code role} under {@code title}. */
		public Builder todo(String role, String title) {
			this.todoRole = role;
			this.todoTitle = title;
			return this;
		}

		public Transition build() {
			return new Transition(action, label, from, to, roles, who, basis, guardName, guard, condition, when, listed, listedIn, suggested, todoRole,
					todoTitle);
		}
	}
}
