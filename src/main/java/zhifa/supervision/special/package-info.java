/**
 * 专项监督 (方案任务14): corrected decisions, 监察建议、司法建议、检察建议, and acts the supervisor designates, each followed
 * from opening to the body's answer and the supervisor's conclusion. Owns {@code sv_special}.
 */
package zhifa.supervision.special;
