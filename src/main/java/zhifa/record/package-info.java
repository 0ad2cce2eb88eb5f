/**
 * 全过程记录 (行政处罚法第四十七条; 国办发〔2018〕118号): one append-only record for the whole platform.
 * <p>
 * Every state change of every aggregate appends a {@link zhifa.record.RecordEntry} through {@link zhifa.record.FullProcessRecord}
 * in the same transaction. Entries form one hash chain per subject (SM3 over the previous hash and the canonical
 * entry), so writers on different subjects never wait for each other; a daily anchor is an SM3 Merkle root over the
 * heads of the chains that changed that day. The database refuses UPDATE and DELETE on entries and anchors.
 * <p>
 * {@code record_entry} is partitioned by month ({@code record_entry_default} holds what falls outside the monthly
 * partitions); {@code record_entry_all} reads it together with the months archived to the schema {@code record_archive}.
 * <p>
 * Owns the tables {@code record_anchor}, {@code record_chain}, {@code record_entry}, {@code record_entry_default},
 * {@code record_entry_all}, {@code record_seal}, {@code record_verification}, {@code shedlock}.
 */
package zhifa.record;
