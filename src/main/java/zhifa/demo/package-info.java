/**
 * The 芒市 demo dataset: loaded once, on the first start, when {@code zhifa.demo.enabled} is true (the default with the
 * embedded database). Every body it creates is marked as demo data; credit codes are generated with a valid check
 * character but are not real codes.
 * <p>
 * Owns the tables {@code demo_marker}.
 */
package zhifa.demo;
