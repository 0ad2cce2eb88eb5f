/**
 * 行政执法突出问题专项整治 (方案任务5): campaigns, each body's problem list with its rectification plans, progress and final
 * report, the alerts on late duties and the special-supervision report. Owns {@code sv_campaign}, {@code sv_campaign_duty}
 * and {@code sv_campaign_problem}.
 */
@org.springframework.modulith.NamedInterface("campaign")
package zhifa.supervision.campaign;
