/**
 * 账号与权限: users with roles in one body, data scopes, login security (password policy, lock-out, session
 * timeout) and per-body API tokens for other systems. Logins, logouts and failed logins go to the full-process record.
 */
package zhifa.identity;
