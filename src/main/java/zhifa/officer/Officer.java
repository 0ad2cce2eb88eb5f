package zhifa.officer;

import java.time.Instant;
import java.util.List;

/** 执法人员 as read. The ID number is only ever shown masked; {@code policeNumber}: a police officer's 人民警察证号（警号）. */
public record Officer(long id, long bodyId, String bodyName, String name, String idNumberMasked, String post,
		StaffingType staffing, String legalQualificationNo, boolean police, boolean supervisionStaff, boolean legalReviewer,
		OfficerStatus status, List<String> domainCodes, String username, boolean demo, Instant createdAt, Instant updatedAt, String policeNumber) {

	/** 执法岗位: in post and not auxiliary staff. */
	public boolean inEnforcementPost() {
		return status == OfficerStatus.ON_DUTY && staffing != StaffingType.AUXILIARY;
	}
}
