/**
 * 执法人员与执法证件 (RULES.md §3; 芒市方案任务2、3、4、16): officers, their certificates and the one authority check
 * every enforcement act asks — {@link zhifa.officer.OfficerAuthority#check} — plus training hours and the staffing
 * and compliance figures the justice bureau watches.
 * <p>
 * Owns the tables {@code certificate}, {@code certificate_cancellation_request}, {@code certificate_domain},
 * {@code certificate_event}, {@code certificate_number_rule}, {@code exam}, {@code exam_candidate},
 * {@code exam_paper}, {@code exam_paper_item}, {@code exam_question}, {@code officer}, {@code officer_domain},
 * {@code officer_status_change}, {@code staffing_setting}, {@code training_attendance}, {@code training_plan},
 * {@code training_session}, {@code training_session_organiser}, {@code training_target}; publishes the read view
 * {@code officer_view} for other modules to join.
 */
package zhifa.officer;
