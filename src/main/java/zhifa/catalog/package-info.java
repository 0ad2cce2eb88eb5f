/**
 * 法律依据库与执法事项目录 (RULES.md §2 Art. 37, §9; 方案任务8、10、11): legal documents with their versions, articles
 * structured as 条/款/项 and addressable, import from statute text, and Chinese keyword search by character bigrams.
 */
package zhifa.catalog;
