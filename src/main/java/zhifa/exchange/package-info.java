/**
 * 向省级/国家系统推送 (方案任务15; RULES.md §10): the outbound half of data exchange. Every change of a body, an officer,
 * a certificate (the queued 注销 requests included), a published catalogue, an enforcement act in the ledger and a
 * body's published yearly statistics is put in the outbox in the transaction that makes the change ({@code Outbox},
 * listening to the record and the ledger); a scheduled delivery reads the element as it stands, maps our codes to the
 * receiving system's ({@code CodeTables}), posts it with retries and back-off, dead-letters a rejection, and keeps each
 * element's status (待推送 / 已推送 / 被拒绝). Owns {@code ex_outbound} and {@code ex_code_map}. The inbound half (other
 * systems reporting acts) is the supervision ledger's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "数据推送")
package zhifa.exchange;
