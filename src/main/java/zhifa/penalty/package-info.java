/**
 * 行政处罚 as a case kind (行政处罚法; RULES.md §2; 方案任务5、6、7): {@link zhifa.penalty.PenaltyKind} declares its lifecycle —
 * general procedure from clue to archive and the simple procedure on the spot — and the services follow it, one
 * sub-package per phase: {@code filing}, {@code investigation}, {@code proposal} (with reviews), {@code notice} (service,
 * waivers, statements, hearing), {@code decision}, {@code execution} (service of the decision, payment, deferral,
 * instalments, remedies, closure, archive), {@code simple}; the document templates in {@code documents}; all SQL in
 * {@code persistence}. The policies ({@link zhifa.penalty.FilingPolicy}, {@link zhifa.penalty.DecisionGates},
 * {@link zhifa.penalty.LateFee} …) stay here, pure and tested alone; the procedure numbers of each 执法领域 are data
 * ({@link zhifa.penalty.ProcedureProfiles}). The case itself, its officers, timers, evidence and documents are the
 * kernel's ({@code zhifa.casework}); 查封、扣押 and 行政强制执行 are {@code zhifa.coercion}'s.
 * <p>
 * Owns the tables {@code onspot_form_number}, {@code onspot_form_range}, {@code penalty_case},
 * {@code penalty_deferral}, {@code penalty_execution_note}, {@code penalty_hearing}, {@code penalty_instalment},
 * {@code penalty_notice}, {@code penalty_payment}, {@code penalty_procedure_profile}, {@code penalty_proposal},
 * {@code penalty_recusal}, {@code penalty_remedy}, {@code penalty_review}, {@code penalty_review_list},
 * {@code penalty_service}, {@code penalty_statement}.
 */
package zhifa.penalty;
