package zhifa.shared;

/**
 * An authorisation refusal (HTTP 403) that must be on record (最小权限: every refusal is recorded). Published by the web
 * layer; the record module writes it in a transaction of its own.
 *
 * @param what what was attempted, e.g. {@code POST /api/v1/users}
 * @param reason why it was refused, in Chinese
 */
public record AccessRefused(Operator operator, String what, String reason) {

	/** What an HTTP request attempted, in words: "打开 /matters/new" for a page or a read, "提交 POST /api/v1/users" otherwise. */
	public static String request(String method, String path) {
		return ("GET".equals(method) || "HEAD".equals(method) ? "打开 " : "提交 " + method + " ") + path;
	}
}
