/**
 * 执法监督: the supervision of administrative enforcement (《行政执法监督条例》; RULES.md §8).
 * <p>
 * Complaints and the 12345 hotline ({@code complaint}) own {@code sv_complaint}, {@code sv_complaint_case}, {@code sv_hotline_reply}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法监督")
package zhifa.supervision;
