package zhifa.supervision.review;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import zhifa.organization.OrganizationDirectory;
import zhifa.shared.Operator;

/** Who organises case-file review: a 执法监督人员 of a supervising unit. */
final class ReviewAccess {

	private ReviewAccess() {
	}

	/** The operator's supervising unit, or refused. */
	static long requireSupervisor(Operator op, OrganizationDirectory directory) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR")) || op.bodyId() == null || directory.facts(op.bodyId()).filter(b -> b.supervisory()).isEmpty()) {
			throw new AccessDeniedException("案卷评查由执法监督机构的执法监督人员组织");
		}
		return op.bodyId();
	}
}
