/**
 * 账号与权限: users with roles in one body, data scopes, login security (password policy, lock-out, session
 * timeout) and per-body API tokens for other systems. Logins, logouts and failed logins go to the full-process record.
 * <p>
 * Owns the tables {@code idn_api_token}, {@code idn_login_attempt}, {@code idn_password_history},
 * {@code idn_recovery_code}, {@code idn_totp}, {@code idn_user}, {@code idn_user_role}, and the HTTP sessions
 * {@code spring_session}, {@code spring_session_attributes} (Spring Session JDBC); publishes the read view
 * {@code account_view} and {@code account_role_view} (who holds which role: a body's heads) for other modules to join.
 */
package zhifa.identity;
