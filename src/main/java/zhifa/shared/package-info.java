/**
 * The kernel every module may use: the working-day calendar and {@link zhifa.shared.Deadline} values,
 * identifier validation (统一社会信用代码, 居民身份证号), SM3 hashing, data scopes and the acting
 * {@link zhifa.shared.Operator}, and the web conventions (RFC 9457 problem details in Chinese).
 * <p>
 * Owns the tables {@code event_publication}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package zhifa.shared;
