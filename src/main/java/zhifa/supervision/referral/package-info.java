/**
 * 行刑衔接 and 纪检监察 referrals (方案任务12; 国务院令第310号) on any act of the ledger. Owns {@code sv_referral}.
 */
package zhifa.supervision.referral;
