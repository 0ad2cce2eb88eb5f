/**
 * 投诉举报: complaints and reports about enforcement (including 涉企 complaints and the 12345 hotline's work orders),
 * their triage by the supervisor, the bodies' replies and the outbox of replies back to the 12345 system (plan task 14).
 * <p>
 * Owns the tables {@code sv_complaint}, {@code sv_complaint_case}, {@code sv_hotline_reply}.
 */
@org.springframework.modulith.NamedInterface("complaint")
package zhifa.supervision.complaint;
