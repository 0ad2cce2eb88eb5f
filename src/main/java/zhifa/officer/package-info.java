/**
 * 执法人员与执法证件 (RULES.md §3; 芒市方案任务2、3、4、16): officers, their certificates and the one authority check
 * every enforcement act asks — {@link zhifa.officer.OfficerAuthority#check} — plus training hours and the staffing
 * and compliance figures the justice bureau watches.
 */
package zhifa.officer;
