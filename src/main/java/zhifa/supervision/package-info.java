/**
 * 执法监督: the supervision of administrative enforcement (《行政执法监督条例》; RULES.md §8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法监督")
package zhifa.supervision;
