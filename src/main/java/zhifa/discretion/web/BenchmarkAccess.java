package zhifa.discretion.web;

import org.springframework.stereotype.Component;

import zhifa.discretion.BenchmarkForm;
import zhifa.discretion.BenchmarkLevel;
import zhifa.organization.OrganizationDirectory;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

/**
 * Who may maintain which level: the platform administrator any; a supervisor the levels of its own region subtree; a unit
 * administrator its own body's items and the county items of its county (the department issues the county benchmark of
 * its domain).
 */
@Component
class BenchmarkAccess {

	private final OrganizationDirectory directory;
	private final Regions regions;

	BenchmarkAccess(OrganizationDirectory directory, Regions regions) {
		this.directory = directory;
		this.regions = regions;
	}

	void check(BenchmarkForm f) {
		Operator op = Operator.current();
		if (op.scope().kind() == DataScope.Kind.ALL || f.getLevel() == null) {
			return;
		}
		String ownPath = op.bodyId() == null ? "" : directory.facts(op.bodyId()).map(OrganizationDirectory.BodyFacts::regionPath).orElse("");
		if (f.getLevel() == BenchmarkLevel.BODY) {
			if (f.getBodyId() == null || !f.getBodyId().equals(op.bodyId()) && !op.scope().covers(f.getBodyId(),
					directory.facts(f.getBodyId()).map(OrganizationDirectory.BodyFacts::regionPath).orElse(null))) {
				throw new BusinessRuleViolation("只能制定本单位的裁量基准");
			}
			return;
		}
		String path = f.getRegionId() == null ? null : regions.find(f.getRegionId()).map(r -> r.path()).orElse(null);
		boolean supervisorOfRegion = CurrentRoles.hasAny("SUPERVISOR") && path != null && op.scope().regionPath() != null
				&& path.startsWith(op.scope().regionPath());
		boolean countyOfOwnBody = CurrentRoles.hasAny("UNIT_ADMIN") && f.getLevel() == BenchmarkLevel.COUNTY && path != null && ownPath.startsWith(path);
		if (!supervisorOfRegion && !countyOfOwnBody) {
			throw new BusinessRuleViolation("您不能制定或修改" + f.getLevel().label() + "裁量基准");
		}
	}
}
