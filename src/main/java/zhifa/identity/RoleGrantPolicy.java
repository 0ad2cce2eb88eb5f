package zhifa.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 最小权限与职责分离 for role grants. Pure: every refusal in Chinese, with the rule it applies.
 * <ul>
 * <li>三员分立: the 系统管理员, 安全管理员 and 审计管理员 roles are each held alone, by nobody of a body.</li>
 * <li>Only the 安全管理员 manages accounts of every body and may grant the three administrator roles, 执法监督人员 and
 * 单位管理员; a 单位管理员 manages its own body's accounts and grants only 执法人员, 负责人 and 法制审核人员, and cannot
 * change an account that holds a role it could not grant.</li>
 * <li>Nobody changes their own roles.</li>
 * <li>Incompatible roles on one person — 法制审核 with 办案 or 决定 (行政处罚法第五十八条: 法制审核 is a check on the
 * handling and the decision), 执法监督 with the enforcement it supervises — only with the 安全管理员's approval and its
 * reason, which is recorded.</li>
 * </ul>
 */
public final class RoleGrantPolicy {

	/** The roles a unit administrator may grant in its own body. */
	public static final Set<Role> UNIT_GRANTABLE = EnumSet.of(Role.OFFICER, Role.LEADER, Role.LEGAL_REVIEWER);

	/** Two roles one person should not hold together, and why. */
	public record Conflict(Role a, Role b, String reason) {
	}

	public static final List<Conflict> CONFLICTS = List.of(
			new Conflict(Role.LEGAL_REVIEWER, Role.OFFICER, "法制审核人员审核执法人员办理的案件，不宜兼任执法人员（行政处罚法第五十八条）"),
			new Conflict(Role.LEGAL_REVIEWER, Role.LEADER, "法制审核是负责人作出决定前的审核，不宜由负责人兼任（行政处罚法第五十八条）"),
			new Conflict(Role.SUPERVISOR, Role.OFFICER, "执法监督人员不宜兼任被监督的执法人员"),
			new Conflict(Role.SUPERVISOR, Role.LEADER, "执法监督人员不宜兼任被监督的执法机关负责人"),
			new Conflict(Role.SUPERVISOR, Role.LEGAL_REVIEWER, "执法监督人员不宜兼任被监督的法制审核人员"));

	/** The outcome: refusals block the grant; {@code conflicts} need the security administrator's recorded approval. */
	public record Decision(List<String> refusals, List<Conflict> conflicts) {
		public boolean allowed() {
			return refusals.isEmpty();
		}
	}

	private RoleGrantPolicy() {
	}

	/**
	 * @param actorRoles the roles of who grants
	 * @param self whether the account is the actor's own
	 * @param before the account's roles now (empty for a new account)
	 * @param after the roles asked for
	 * @param approvalReason the security administrator's reason for incompatible roles, if given
	 */
	public static Decision check(Set<Role> actorRoles, boolean self, Set<Role> before, Set<Role> after, String approvalReason) {
		List<String> refusals = new ArrayList<>();
		boolean security = actorRoles.contains(Role.SECURITY_ADMIN);
		boolean unit = actorRoles.contains(Role.UNIT_ADMIN);
		if (!security && !unit) {
			refusals.add("只有安全管理员和单位管理员可以管理账号和角色");
			return new Decision(refusals, List.of());
		}
		if (self && !before.equals(after)) {
			refusals.add("不能修改本人的角色，须由安全管理员办理");
		}
		Set<Role> duties = EnumSet.noneOf(Role.class);
		after.stream().filter(Role.PLATFORM_DUTIES::contains).forEach(duties::add);
		if (!duties.isEmpty() && after.size() > 1) {
			refusals.add("三员分立：" + labels(duties) + "不得兼任其他角色");
		}
		if (!security) {
			Set<Role> notGrantable = EnumSet.noneOf(Role.class);
			after.stream().filter(r -> !UNIT_GRANTABLE.contains(r) && !before.contains(r)).forEach(notGrantable::add);
			if (!notGrantable.isEmpty()) {
				refusals.add("单位管理员只能授予执法人员、负责人、法制审核人员角色，不能授予" + labels(notGrantable) + "（须由安全管理员办理）");
			}
			Set<Role> held = EnumSet.noneOf(Role.class);
			before.stream().filter(r -> !UNIT_GRANTABLE.contains(r)).forEach(held::add);
			if (!self && !held.isEmpty()) {
				refusals.add("该账号持有" + labels(held) + "角色，只能由安全管理员修改");
			}
		}
		List<Conflict> conflicts = CONFLICTS.stream().filter(c -> after.contains(c.a()) && after.contains(c.b()))
			.filter(c -> !(before.contains(c.a()) && before.contains(c.b()))).toList();
		if (!conflicts.isEmpty()) {
			if (!security) {
				conflicts.forEach(c -> refusals.add(c.a().label() + "与" + c.b().label() + "不相容：" + c.reason() + "；确需兼任的，须由安全管理员批准并说明理由"));
			}
			else if (approvalReason == null || approvalReason.isBlank()) {
				conflicts.forEach(c -> refusals.add(c.a().label() + "与" + c.b().label() + "不相容：" + c.reason() + "；确需兼任的，请填写批准理由"));
			}
		}
		return new Decision(refusals, conflicts);
	}

	static String labels(Set<Role> roles) {
		return String.join("、", roles.stream().sorted().map(Role::label).toList());
	}
}
