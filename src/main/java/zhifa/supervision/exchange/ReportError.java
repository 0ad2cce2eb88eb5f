package zhifa.supervision.exchange;

/** One error of a reported act: the field (as named in the JSON, or the Excel column) and what is wrong, in Chinese. */
public record ReportError(String field, String message) {
}
