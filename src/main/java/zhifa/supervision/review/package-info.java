/**
 * 案卷评查 (方案任务13): versioned rubrics, programmes that sample closed files with the public draw, cross-review with
 * data pre-checks, results per file and per body, rectification through supervision documents. Owns {@code sv_rubric},
 * {@code sv_review_programme}, {@code sv_review_reviewer}, {@code sv_review_file} and {@code sv_review_score}.
 */
package zhifa.supervision.review;
