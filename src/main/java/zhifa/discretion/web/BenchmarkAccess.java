package zhifa.discretion.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.discretion.BenchmarkForm;
import zhifa.discretion.BenchmarkLevel;
import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.organization.EnforcementBody;
import zhifa.organization.Region;
import zhifa.organization.RegionLevel;
import zhifa.organization.Regions;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

/**
 * Who may maintain which level (最小权限): the platform administrator any; a 省级、州级 or 县级 benchmark only the unit
 * administrator of the department of that level's region whose 执法领域 it is (the department issues the benchmark of
 * its domain — a township never, a department of another domain never); a body's own benchmark only that body's unit
 * administrator. Every refusal is recorded.
 */
@Component
class BenchmarkAccess {

	private final Bodies bodies;
	private final Regions regions;
	private final Domains domains;
	private final FullProcessRecord record;

	BenchmarkAccess(Bodies bodies, Regions regions, Domains domains, FullProcessRecord record) {
		this.bodies = bodies;
		this.regions = regions;
		this.domains = domains;
		this.record = record;
	}

	private String domainName(String code) {
		return code == null ? "未填写" : domains.byCodeOrName(code).map(Domains.Domain::name).orElse(code);
	}

	void check(BenchmarkForm f) {
		Operator op = Operator.current();
		if (op.scope().kind() == DataScope.Kind.ALL || f.getLevel() == null) {
			return;
		}
		String refusal = refusal(op, f);
		if (refusal != null) {
			String what = "制定或修改" + f.getLevel().label() + "裁量基准"
					+ (f.getViolationCode() == null ? "" : "（" + f.getViolationCode() + (f.getDomainCode() == null ? "" : "，" + domainName(f.getDomainCode())) + "）");
			record.appendRefusal(op, what, refusal, Map.of("level", f.getLevel().name(), "domain", String.valueOf(f.getDomainCode()),
					"region", String.valueOf(f.getRegionId()), "body", String.valueOf(f.getBodyId())));
			throw new BusinessRuleViolation("您不能" + what + "：" + refusal);
		}
	}

	private String refusal(Operator op, BenchmarkForm f) {
		if (!CurrentRoles.hasAny("UNIT_ADMIN") || op.bodyId() == null) {
			return "只有单位管理员可以维护本部门的裁量基准";
		}
		EnforcementBody own = bodies.get(DataScope.all(), op.bodyId());
		if (f.getLevel() == BenchmarkLevel.BODY) {
			return op.bodyId().equals(f.getBodyId()) ? null : "只能制定本单位的裁量基准";
		}
		Region region = f.getRegionId() == null ? null : regions.find(f.getRegionId()).orElse(null);
		RegionLevel expected = f.getLevel().regionLevel();
		if (region == null || region.level() != expected) {
			return f.getLevel().label() + "裁量基准须选择" + expected.label() + "区划";
		}
		if (own.regionId() != region.id()) {
			return f.getLevel().label() + "裁量基准由" + region.name() + "的该领域主管部门制定，" + own.name() + "不是" + region.name() + "的部门";
		}
		if (f.getDomainCode() == null || !own.domainCodes().contains(f.getDomainCode())) {
			return "该基准属于“" + domainName(f.getDomainCode()) + "”执法领域，不是" + own.name() + "的执法领域";
		}
		return null;
	}
}
