/**
 * 办案内核 — what every kind of case shares (方案任务5、6、7): the case itself ({@link zhifa.casework.CaseFile}: kind,
 * body, matter, party, place, act period, stage and an optimistic-lock version), its officers under the two-officer
 * rule, its timers (every period through {@link zhifa.shared.Deadline}), evidence, transcripts and 先行登记保存, gapless
 * numbers, versioned documents, the workbench over all kinds, and the one writer of the full-process record for case
 * changes. Each kind of case plugs in through {@link zhifa.casework.CaseKind}, declaring its lifecycle as data; the
 * kernel answers "what may happen now and what blocks it" from that declaration.
 * <p>
 * Owns the tables {@code enforcement_case}, {@code case_officer}, {@code case_timer}, {@code case_timer_pause},
 * {@code case_number_sequence}, {@code case_number_format}, {@code case_evidence}, {@code case_transcript},
 * {@code case_preservation}, {@code case_measure_approval}, {@code case_document}; publishes the read view
 * {@code case_view}.
 */
package zhifa.casework;
