package zhifa.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;

/**
 * A kind's procedure as data: its stages and the transitions between them. It answers, from the declaration alone, what
 * may happen to a case now and what blocks it ({@link #options}); a service asks {@link #require} before it writes, and
 * {@link #table} prints the declaration for a lawyer to read.
 */
public final class Lifecycle {

	private final String kind;
	private final String label;
	private final String noun;
	private final Map<String, Stage> stages = new LinkedHashMap<>();
	private final Map<String, Transition> transitions = new LinkedHashMap<>();

	/**
	 * @param kind the code of the kind (or procedure) it declares
	 * @param label its Chinese name
	 * @param noun what refusals call the thing that has the stage ("案件", "强制执行程序")
	 */
	public Lifecycle(String kind, String label, String noun, List<Stage> stages, List<Transition> transitions) {
		this.kind = kind;
		this.label = label;
		this.noun = noun;
		stages.forEach(s -> {
			if (this.stages.put(s.code(), s) != null) {
				throw new IllegalArgumentException("stage declared twice: " + s.code());
			}
		});
		for (Transition t : transitions) {
			if (this.transitions.put(t.action(), t) != null) {
				throw new IllegalArgumentException("action declared twice: " + t.action());
			}
			t.from().forEach(this::stage);
			t.to().forEach(this::stage);
		}
	}

	public String kind() {
		return kind;
	}

	public String label() {
		return label;
	}

	public List<Stage> stages() {
		return List.copyOf(stages.values());
	}

	public List<Transition> transitions() {
		return List.copyOf(transitions.values());
	}

	public Stage stage(String code) {
		Stage s = stages.get(code);
		if (s == null) {
			throw new IllegalArgumentException(kind + " has no stage " + code);
		}
		return s;
	}

	public Optional<Transition> transition(String action) {
		return Optional.ofNullable(transitions.get(action));
	}

	/** Whether the step is open to the case now (its stage and its moment), whatever blocks it. */
	public boolean open(CaseFile c, String action) {
		return open(c.stage(), c, action);
	}

	/**
	 * The same for a procedure attached to a case that keeps its own stage (行政强制执行): {@code stage} is the procedure's,
	 * {@code c} the case it belongs to.
	 */
	public boolean open(String stage, CaseFile c, String action) {
		Transition t = transitions.get(action);
		return t != null && stage != null && t.from().contains(stage) && t.when().test(c);
	}

	/** The listed steps open to the case now, each with everything that blocks it (the "下一步" of the case page and API). */
	public List<NextStep> options(CaseFile c) {
		return options(c.stage(), c);
	}

	/** The steps listed for the case now (its stage and moment), without asking their guards what blocks them. */
	public List<Transition> listed(CaseFile c) {
		return listed(c, t -> true);
	}

	/**
	 * The steps listed for the case now among those {@code among} picks — asked first, so a step's own questions (which
	 * may read the database, as "suggested when") are put only to the steps the reader wants, e.g. one role's to-dos.
	 */
	public List<Transition> listed(CaseFile c, java.util.function.Predicate<Transition> among) {
		String stage = c.stage();
		return transitions.values().stream().filter(t -> among.test(t) && t.listed() && stage != null && t.from().contains(stage)
				&& (t.listedIn().isEmpty() || t.listedIn().contains(stage)) && t.when().test(c) && t.suggested().test(c)).toList();
	}

	public List<NextStep> options(String stage, CaseFile c) {
		List<NextStep> steps = new ArrayList<>();
		for (Transition t : transitions.values()) {
			if (t.listed() && stage != null && t.from().contains(stage) && (t.listedIn().isEmpty() || t.listedIn().contains(stage)) && t.when().test(c)
					&& t.suggested().test(c)) {
				steps.add(new NextStep(t.action(), t.label(), t.who(), List.copyOf(t.guard().refusals(c))));
			}
		}
		return steps;
	}

	/**
	 * The step, if the case stands where it may be taken and the operator holds one of its roles; refused otherwise
	 * (wrong stage: a Chinese rule violation naming the stage; wrong role: access denied). The guard is the service's
	 * to apply, with the request's input.
	 */
	public Transition require(CaseFile c, String action) {
		return require(c.stage(), c, action);
	}

	/** {@link #require} for a procedure with its own stage attached to the case {@code c}. */
	public Transition require(String stage, CaseFile c, String action) {
		c.requireNotArchived();
		Transition t = transitions.get(action);
		if (t == null) {
			throw new BusinessRuleViolation(label + "不能办理该事项（" + action + "）");
		}
		if (stage == null || !t.from().contains(stage)) {
			throw new BusinessRuleViolation((stage == null ? noun + "尚未开始" : noun + "当前为“" + stage(stage).label() + "”") + "，不能" + t.label());
		}
		if (!t.when().test(c)) {
			// the condition is what the step needs ("罚款尚未缴清"), not what is the case now: said as such
			throw new BusinessRuleViolation("现在不能" + t.label() + (t.condition().isBlank() ? "" : "：须" + t.condition() + "时才能办理"));
		}
		if (!t.roles().isEmpty() && !Operator.current().holdsAnyRole(t.roles())) {
			throw new AccessDeniedException(t.label() + "由" + t.who() + "办理");
		}
		return t;
	}

	/** A step that starts a case (declared with no stage to come from): refused when the operator holds none of its roles. */
	public Transition requireStart(String action) {
		Transition t = transitions.get(action);
		if (t == null || !t.from().isEmpty()) {
			throw new IllegalArgumentException(kind + " has no starting step " + action);
		}
		if (!t.roles().isEmpty() && !Operator.current().holdsAnyRole(t.roles())) {
			throw new AccessDeniedException(t.label() + "由" + t.who() + "办理");
		}
		return t;
	}

	/** {@link #require} and then the declared guard, for steps whose guard needs no input: refused with every reason. */
	public Transition check(CaseFile c, String action) {
		Transition t = require(c, action);
		List<String> refusals = t.guard().refusals(c);
		if (!refusals.isEmpty()) {
			throw new BusinessRuleViolation("不能" + t.label() + "：" + String.join("；", refusals));
		}
		return t;
	}

	/** The declaration as a Markdown table: stages, then every transition with its roles, basis and guard. */
	public String table(Map<String, String> roleLabels) {
		StringBuilder sb = new StringBuilder();
		sb.append("## ").append(label).append("（").append(kind).append("）\n\n");
		sb.append("### 阶段\n\n| 代码 | 阶段 | 在办 | 待办事项 |\n|---|---|---|---|\n");
		stages.values().forEach(s -> sb.append("| `").append(s.code()).append("` | ").append(s.label()).append(" | ").append(s.open() ? "是" : "否")
			.append(" | ").append(s.todo()).append(" |\n"));
		sb.append("\n### 办理事项\n\n| 事项 | 从阶段 | 到阶段 | 由谁办理 | 法律依据 | 前提与校验 |\n|---|---|---|---|---|---|\n");
		for (Transition t : transitions.values()) {
			sb.append("| ").append(t.label()).append("<br>`").append(t.action()).append("` | ")
				.append(t.from().isEmpty() ? "（新案件）" : String.join("、", t.from().stream().map(code -> stage(code).label()).toList())).append(" | ")
				.append(t.changesStage() ? String.join("、", t.to().stream().map(code -> stage(code).label()).toList()) : "（不变）").append(" | ")
				.append(t.who()).append(t.roles().isEmpty() ? "" : "（" + String.join("、", t.roles().stream().sorted()
					.map(r -> roleLabels.getOrDefault(r, r)).toList()) + "）").append(" | ")
				.append(t.basis()).append(" | ")
				.append(String.join("；", java.util.stream.Stream.of(t.condition(), t.guardName()).filter(x -> !x.isBlank()).toList()))
				.append(t.listed() ? "" : "（随时可办，不列为下一步）").append(" |\n");
		}
		return sb.toString();
	}
}
