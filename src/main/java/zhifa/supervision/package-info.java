/**
 * 执法监督 (《行政执法监督条例》, 国务院令第825号; 方案任务13、14、15): one ledger of enforcement acts whatever system
 * handled them ({@link zhifa.supervision.Ledger}, fed by every case change of this platform and by other systems'
 * reports), the alerts the law derives from it, the supervisor's dashboard, supervision documents with rectification,
 * and complaints with the 12345 hotline.
 * <p>
 * Owns the tables {@code sv_act} (the ledger), {@code sv_alert} (alerts), {@code sv_document}, {@code sv_document_alert},
 * {@code sv_document_reply} and {@code sv_document_sequence} (supervision documents and their replies).
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法监督")
package zhifa.supervision;
