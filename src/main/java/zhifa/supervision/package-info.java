/**
 * 执法监督 (《行政执法监督条例》, 国务院令第825号; 方案任务13、14、15): one ledger of enforcement acts whatever system
 * handled them ({@link zhifa.supervision.Ledger}, fed by every case change of this platform and by other systems'
 * reports), the alerts the law derives from it, the supervisor's dashboard, supervision documents with rectification,
 * and complaints with the 12345 hotline.
 * <p>
 * Owns the tables {@code sv_act} (the ledger), {@code sv_source_system}, {@code sv_source_body} and {@code sv_code_mapping} (the
 * systems that report acts, the bodies each reports for, and their code mappings; {@code zhifa.supervision.exchange}), the
 * summaries kept by body — {@code sv_act_month} (the dashboard's figures), {@code sv_act_year_tally} (the acts projected
 * for the yearly tables by the view {@code sv_act_year}) and {@code sv_act_undecided_due} (the undecided acts by due day,
 * for the dashboard's 超期未作决定), each computed from its view {@code sv_act_month_source},
 * {@code sv_act_year_tally_source}, {@code sv_act_undecided_due_source} and kept up by what changed: {@code sv_summary_dirty}
 * (the months whose longest time may shrink, acts without a date, or before V98 the whole bodies, to recompute),
 * {@code sv_act_month_delta}, {@code sv_act_year_delta} and {@code sv_act_undecided_delta} (the differences each write of the
 * ledger made to the three summaries, not yet added up) and {@code sv_summary_refresh_lock}
 * (taken by a refresh before its snapshot), and {@code sv_ledger_queue} (what is still to follow a change: a case into the ledger, an act to the alert rules; {@link zhifa.supervision.LedgerQueue}).
 * <p>
 * Complaints and the 12345 hotline ({@code complaint}) own {@code sv_complaint}, {@code sv_complaint_case}, {@code sv_complaint_act}, {@code sv_hotline_reply}.
 * <p>
 * Alerts ({@code alert}) own {@code sv_alert}; supervision documents ({@code document}) own {@code sv_document},
 * {@code sv_document_alert}, {@code sv_document_reply} and {@code sv_document_sequence}; special supervision
 * ({@code special}: corrected decisions, 监察/司法/检察建议, designated acts) owns {@code sv_special}; yearly supervision plans
 * ({@code plan}) own {@code sv_plan} and {@code sv_plan_item}; case-file review ({@code review}) owns {@code sv_rubric},
 * {@code sv_review_programme}, {@code sv_review_reviewer}, {@code sv_review_file} and {@code sv_review_score}; referrals
 * ({@code referral}) own {@code sv_referral}; the action plan ({@code actionplan}) owns {@code sv_action_plan}, {@code sv_action_task},
 * {@code sv_action_item}, {@code sv_action_report} and {@code sv_action_evaluation}; rectification campaigns ({@code campaign}) own
 * {@code sv_campaign}, {@code sv_campaign_duty} and {@code sv_campaign_problem}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法监督")
package zhifa.supervision;
