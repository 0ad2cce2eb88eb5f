package zhifa.organization.web;

import org.springframework.stereotype.Component;

import zhifa.organization.Bodies;
import zhifa.organization.BodyForm;
import zhifa.organization.EnforcementBody;
import zhifa.shared.NotFound;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/**
 * What a unit administrator may change on its own body: the descriptive fields. Kind, region, supervision role,
 * vertical management and the 委托书 stay as the platform administrator set them.
 */
@Component
class BodyAccess {

	private final Bodies bodies;

	BodyAccess(Bodies bodies) {
		this.bodies = bodies;
	}

	BodyForm restrict(long id, BodyForm form) {
		Operator op = Operator.current();
		if (op.scope().kind() == DataScope.Kind.ALL) {
			return form;
		}
		if (op.bodyId() == null || op.bodyId() != id) {
			throw new NotFound("执法主体");
		}
		EnforcementBody current = bodies.get(op.scope(), id);
		BodyForm locked = BodyForm.of(current);
		locked.setName(form.getName());
		locked.setUscc(form.getUscc());
		locked.setQualificationNotice(form.getQualificationNotice());
		locked.setDomainCodes(form.getDomainCodes());
		locked.setDocuments(form.documents());
		return locked;
	}
}
