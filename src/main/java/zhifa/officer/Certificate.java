package zhifa.officer;

import java.time.LocalDate;
import java.util.List;

/** 执法证件 (司办通〔2020〕78号 national unified style) as read. */
public record Certificate(long id, long officerId, String officerName, long bodyId, String bodyName, String number,
		String provinceCode, String issuingAuthority, CertificateStatus status, LocalDate validFrom, LocalDate validTo,
		List<String> domainCodes, boolean demo) {

	/** Valid on the given day by status and dates. */
	public boolean usableOn(LocalDate day) {
		return status == CertificateStatus.VALID && validFrom != null && !day.isBefore(validFrom) && !day.isAfter(validTo);
	}
}
