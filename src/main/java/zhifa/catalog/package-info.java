/**
 * 法律依据库与执法事项目录 (RULES.md §2 Art. 37, §9; 方案任务8、10、11): legal documents with their versions, articles
 * structured as 条/款/项 and addressable, import from statute text, and Chinese keyword search by character bigrams.
 * <p>
 * Owns the tables {@code catalogue_submission}, {@code catalogue_submission_item}, {@code catalogue_version},
 * {@code catalogue_version_item}, {@code enforcement_matter}, {@code enforcement_matter_basis},
 * {@code enforcement_matter_status}, {@code legal_document}, {@code legal_gram}, {@code legal_provision},
 * {@code township_delegation}, {@code township_evaluation}, {@code township_feedback}; publishes the read views
 * {@code matter_basis_view}, {@code matter_view}, {@code matter_violation_view} for other modules to join.
 */
package zhifa.catalog;
