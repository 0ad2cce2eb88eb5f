package zhifa.penalty.notice;

import java.time.LocalDate;

import zhifa.penalty.Sanction;

/** 行政处罚事先告知书 (行政处罚法第四十四条): the proposed penalty, the hearing right, service and the party's windows and waivers. */
public record Notice(LocalDate issuedOn, Sanction sanction, boolean hearingRight, String facts, LocalDate servedOn, String serviceMethod,
		String serviceProof, LocalDate statementDue, LocalDate hearingDue, LocalDate statementWaivedOn, LocalDate hearingWaivedOn) {
}
