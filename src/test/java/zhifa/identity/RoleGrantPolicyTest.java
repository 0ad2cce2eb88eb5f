package zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleGrantPolicyTest {

	private static final Set<Role> UNIT = EnumSet.of(Role.UNIT_ADMIN);
	private static final Set<Role> SECURITY = EnumSet.of(Role.SECURITY_ADMIN);
	private static final Set<Role> NONE = EnumSet.noneOf(Role.class);

	@Test
	void aUnitAdministratorGrantsOnlyOfficerHeadAndReviewer() {
		assertThat(RoleGrantPolicy.check(UNIT, false, NONE, EnumSet.of(Role.OFFICER), null).allowed()).isTrue();
		assertThat(RoleGrantPolicy.check(UNIT, false, NONE, EnumSet.of(Role.OFFICER, Role.LEADER), null).allowed()).isTrue();
		assertThat(RoleGrantPolicy.check(UNIT, false, NONE, EnumSet.of(Role.SUPERVISOR), null).refusals())
			.anySatisfy(r -> assertThat(r).contains("不能授予执法监督人员"));
		assertThat(RoleGrantPolicy.check(UNIT, false, NONE, EnumSet.of(Role.UNIT_ADMIN), null).refusals())
			.anySatisfy(r -> assertThat(r).contains("不能授予单位管理员"));
		assertThat(RoleGrantPolicy.check(UNIT, false, EnumSet.of(Role.UNIT_ADMIN), EnumSet.of(Role.UNIT_ADMIN, Role.OFFICER), null).refusals())
			.anySatisfy(r -> assertThat(r).contains("只能由安全管理员修改"));
	}

	@Test
	void nobodyChangesTheirOwnRoles() {
		assertThat(RoleGrantPolicy.check(UNIT, true, UNIT, EnumSet.of(Role.UNIT_ADMIN, Role.SUPERVISOR), null).refusals())
			.anySatisfy(r -> assertThat(r).contains("不能修改本人的角色"));
		assertThat(RoleGrantPolicy.check(SECURITY, true, SECURITY, EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN), null).allowed()).isFalse();
		assertThat(RoleGrantPolicy.check(UNIT, true, UNIT, UNIT, null).allowed()).isTrue();
	}

	@Test
	void incompatibleRolesNeedTheSecurityAdministratorsRecordedReason() {
		var three = EnumSet.of(Role.OFFICER, Role.LEADER, Role.LEGAL_REVIEWER);
		var byUnit = RoleGrantPolicy.check(UNIT, false, NONE, three, "乡镇人手不足");
		assertThat(byUnit.allowed()).isFalse();
		assertThat(byUnit.refusals()).anySatisfy(r -> assertThat(r).contains("法制审核人员与执法人员不相容", "第五十八条"));
		assertThat(RoleGrantPolicy.check(SECURITY, false, NONE, three, "").allowed()).isFalse();
		var approved = RoleGrantPolicy.check(SECURITY, false, NONE, three, "乡镇仅两名在编人员，经党委会研究同意");
		assertThat(approved.allowed()).isTrue();
		assertThat(approved.conflicts()).hasSize(2);
		// an existing approved combination is not asked again
		assertThat(RoleGrantPolicy.check(SECURITY, false, three, three, null).allowed()).isTrue();
	}

	@Test
	void theThreePlatformAdministratorsHoldNoOtherRole() {
		assertThat(RoleGrantPolicy.check(SECURITY, false, NONE, EnumSet.of(Role.PLATFORM_ADMIN, Role.OFFICER), "理由").refusals())
			.anySatisfy(r -> assertThat(r).contains("三员分立"));
		assertThat(RoleGrantPolicy.check(SECURITY, false, NONE, EnumSet.of(Role.AUDIT_ADMIN, Role.SECURITY_ADMIN), "理由").allowed()).isFalse();
		assertThat(RoleGrantPolicy.check(SECURITY, false, NONE, EnumSet.of(Role.AUDIT_ADMIN), null).allowed()).isTrue();
		assertThat(RoleGrantPolicy.check(EnumSet.of(Role.PLATFORM_ADMIN), false, NONE, EnumSet.of(Role.OFFICER), null).refusals())
			.anySatisfy(r -> assertThat(r).contains("只有安全管理员和单位管理员"));
	}
}
