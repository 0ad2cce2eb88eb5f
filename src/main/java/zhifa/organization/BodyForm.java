package zhifa.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a user enters to create or edit an enforcement body (the form and the API share it). */
public class BodyForm {

	@NotBlank(message = "请填写主体名称")
	@Size(max = 200, message = "主体名称不能超过200个字")
	private String name;

	@NotBlank(message = "请填写统一社会信用代码")
	private String uscc;

	@NotNull(message = "请选择主体类别")
	private BodyKind kind;

	@NotNull(message = "请选择所属区划")
	private Long regionId;

	@Size(max = 100, message = "资格公告文号不能超过100个字")
	private String qualificationNotice;

	private boolean supervisory;

	private boolean vertical;

	private Long superiorBodyId;

	private List<String> domainCodes = new ArrayList<>();

	@Size(max = 200, message = "行政复议机关不能超过200个字")
	private String reviewOrgan;

	@Size(max = 200, message = "人民法院名称不能超过200个字")
	private String court;

	@Size(max = 200, message = "缴款银行不能超过200个字")
	private String paymentBank;

	@Size(max = 100, message = "缴款账号不能超过100个字")
	private String paymentAccount;

	@Size(max = 300, message = "缴款渠道不能超过300个字")
	private String paymentChannel;

	@Size(max = 100, message = "联系人不能超过100个字")
	private String contactPerson;

	@Size(max = 40, message = "联系电话不能超过40个字")
	private String contactPhone;

	@Size(max = 300, message = "联系地址不能超过300个字")
	private String contactAddress;

	@Valid
	private EntrustmentForm entrustment;

	/** 委托书 fields, required for a 受委托组织. */
	public static class EntrustmentForm {
		private Long entrustingBodyId;
		@Size(max = 100, message = "委托书文号不能超过100个字")
		private String documentNumber;
		private String scope;
		private String authority;
		private LocalDate validFrom;
		private LocalDate validTo;
		private boolean published;

		public Long getEntrustingBodyId() { return entrustingBodyId; }
		public void setEntrustingBodyId(Long v) { this.entrustingBodyId = v; }
		public String getDocumentNumber() { return documentNumber; }
		public void setDocumentNumber(String v) { this.documentNumber = v; }
		public String getScope() { return scope; }
		public void setScope(String v) { this.scope = v; }
		public String getAuthority() { return authority; }
		public void setAuthority(String v) { this.authority = v; }
		public LocalDate getValidFrom() { return validFrom; }
		public void setValidFrom(LocalDate v) { this.validFrom = v; }
		public LocalDate getValidTo() { return validTo; }
		public void setValidTo(LocalDate v) { this.validTo = v; }
		public boolean isPublished() { return published; }
		public void setPublished(boolean v) { this.published = v; }
	}

	public static BodyForm of(EnforcementBody b) {
		BodyForm f = new BodyForm();
		f.name = b.name();
		f.uscc = b.uscc();
		f.kind = b.kind();
		f.regionId = b.regionId();
		f.qualificationNotice = b.qualificationNotice();
		f.supervisory = b.supervisory();
		f.vertical = b.vertical();
		f.superiorBodyId = b.superiorBodyId();
		f.domainCodes = new ArrayList<>(b.domainCodes());
		f.setDocuments(b.documents());
		if (b.entrustment() != null) {
			Entrustment e = b.entrustment();
			EntrustmentForm ef = new EntrustmentForm();
			ef.entrustingBodyId = e.entrustingBodyId();
			ef.documentNumber = e.documentNumber();
			ef.scope = e.scope();
			ef.authority = e.authority();
			ef.validFrom = e.validFrom();
			ef.validTo = e.validTo();
			ef.published = e.published();
			f.entrustment = ef;
		}
		return f;
	}

	public String getName() { return name; }
	public void setName(String v) { this.name = v; }
	public String getUscc() { return uscc; }
	public void setUscc(String v) { this.uscc = v; }
	public BodyKind getKind() { return kind; }
	public void setKind(BodyKind v) { this.kind = v; }
	public Long getRegionId() { return regionId; }
	public void setRegionId(Long v) { this.regionId = v; }
	public String getQualificationNotice() { return qualificationNotice; }
	public void setQualificationNotice(String v) { this.qualificationNotice = v; }
	public boolean isSupervisory() { return supervisory; }
	public void setSupervisory(boolean v) { this.supervisory = v; }
	public boolean isVertical() { return vertical; }
	public void setVertical(boolean v) { this.vertical = v; }
	public Long getSuperiorBodyId() { return superiorBodyId; }
	public void setSuperiorBodyId(Long v) { this.superiorBodyId = v; }
	public List<String> getDomainCodes() { return domainCodes; }
	public void setDomainCodes(List<String> v) { this.domainCodes = v == null ? new ArrayList<>() : v; }
	/** The document fields as entered (blank ones empty). */
	public DocumentDetails documents() {
		return new DocumentDetails(blankToNull(reviewOrgan), blankToNull(court), blankToNull(paymentBank), blankToNull(paymentAccount),
				blankToNull(paymentChannel), blankToNull(contactPerson), blankToNull(contactPhone), blankToNull(contactAddress));
	}

	/** Copies the document fields from {@code d}. */
	public void setDocuments(DocumentDetails d) {
		reviewOrgan = d.reviewOrgan();
		court = d.court();
		paymentBank = d.paymentBank();
		paymentAccount = d.paymentAccount();
		paymentChannel = d.paymentChannel();
		contactPerson = d.contactPerson();
		contactPhone = d.contactPhone();
		contactAddress = d.contactAddress();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public String getReviewOrgan() { return reviewOrgan; }
	public void setReviewOrgan(String v) { this.reviewOrgan = v; }
	public String getCourt() { return court; }
	public void setCourt(String v) { this.court = v; }
	public String getPaymentBank() { return paymentBank; }
	public void setPaymentBank(String v) { this.paymentBank = v; }
	public String getPaymentAccount() { return paymentAccount; }
	public void setPaymentAccount(String v) { this.paymentAccount = v; }
	public String getPaymentChannel() { return paymentChannel; }
	public void setPaymentChannel(String v) { this.paymentChannel = v; }
	public String getContactPerson() { return contactPerson; }
	public void setContactPerson(String v) { this.contactPerson = v; }
	public String getContactPhone() { return contactPhone; }
	public void setContactPhone(String v) { this.contactPhone = v; }
	public String getContactAddress() { return contactAddress; }
	public void setContactAddress(String v) { this.contactAddress = v; }
	public EntrustmentForm getEntrustment() { return entrustment; }
	public void setEntrustment(EntrustmentForm v) { this.entrustment = v; }
}
