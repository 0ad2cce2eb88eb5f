/**
 * 三年行动方案的跟踪 (方案 三（四）强化评估考核): plans loaded as data, item statuses computed from the platform's data or
 * reported by the units, the mid-term and final evaluation reports. Owns {@code sv_action_plan}, {@code sv_action_task},
 * {@code sv_action_item}, {@code sv_action_report} and {@code sv_action_evaluation}.
 */
@org.springframework.modulith.NamedInterface("actionplan")
package zhifa.supervision.actionplan;
