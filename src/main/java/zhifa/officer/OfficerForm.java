package zhifa.officer;

import java.util.ArrayList;
import java.util.List;

/** What a body administrator enters for an officer. The ID number is required on creation and optional on edit. */
public class OfficerForm {
	private Long bodyId;
	private String name;
	private String idNumber;
	private String post;
	private StaffingType staffing = StaffingType.ESTABLISHED;
	private String legalQualificationNo;
	private boolean police;
	private String policeNumber;
	private boolean supervisionStaff;
	private boolean legalReviewer;
	private List<String> domainCodes = new ArrayList<>();
	private String username;

	public static OfficerForm of(Officer o) {
		OfficerForm f = new OfficerForm();
		f.bodyId = o.bodyId();
		f.name = o.name();
		f.post = o.post();
		f.staffing = o.staffing();
		f.legalQualificationNo = o.legalQualificationNo();
		f.police = o.police();
		f.policeNumber = o.policeNumber();
		f.supervisionStaff = o.supervisionStaff();
		f.legalReviewer = o.legalReviewer();
		f.domainCodes = new ArrayList<>(o.domainCodes());
		f.username = o.username();
		return f;
	}

	public Long getBodyId() { return bodyId; }
	public void setBodyId(Long v) { bodyId = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String v) { idNumber = v; }
	public String getPost() { return post; }
	public void setPost(String v) { post = v; }
	public StaffingType getStaffing() { return staffing; }
	public void setStaffing(StaffingType v) { staffing = v; }
	public String getLegalQualificationNo() { return legalQualificationNo; }
	public void setLegalQualificationNo(String v) { legalQualificationNo = v; }
	public boolean isPolice() { return police; }
	public void setPolice(boolean v) { police = v; }
	public String getPoliceNumber() { return policeNumber; }
	public void setPoliceNumber(String v) { policeNumber = v; }
	public boolean isSupervisionStaff() { return supervisionStaff; }
	public void setSupervisionStaff(boolean v) { supervisionStaff = v; }
	public boolean isLegalReviewer() { return legalReviewer; }
	public void setLegalReviewer(boolean v) { legalReviewer = v; }
	public String getUsername() { return username; }
	public void setUsername(String v) { username = v; }
	public List<String> getDomainCodes() { return domainCodes; }
	public void setDomainCodes(List<String> v) { domainCodes = v == null ? new ArrayList<>() : v; }
}
