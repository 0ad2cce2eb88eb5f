package zhifa.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transport to the receiving system: one POST per element with its {@code Idempotency-Key}, and how the answer
 * reads — accepted (2xx), refused (4xx about the element), or worth trying again (5xx, timeouts, no connection, and
 * 401/403/404, which say our own address or token is wrong).
 */
final class ReceiverClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	enum Outcome {
		ACCEPTED, REJECTED, TRANSIENT
	}

	record Result(Outcome kind, String error) {
	}

	Result post(Outbox.Settings settings, Outbound o, String body) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url().strip())).timeout(settings.timeout())
				.header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", o.idempotencyKey())
				.header("X-Element-Class", o.elementClass().name()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			if (settings.token() != null && !settings.token().isBlank()) {
				b.header("Authorization", "Bearer " + settings.token().strip());
			}
			HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			int status = res.statusCode();
			if (status / 100 == 2) {
				return new Result(Outcome.ACCEPTED, null);
			}
			String text = reason(res.body());
			String error = truncate("HTTP " + status + (text.isEmpty() ? "" : "：" + text));
			// 401/403/404 say our credentials or address are wrong, not the element: retried (and fixed in the configuration)
			boolean refused = status / 100 == 4 && !java.util.Set.of(401, 403, 404, 408, 425, 429).contains(status);
			return new Result(refused ? Outcome.REJECTED : Outcome.TRANSIENT, error);
		}
		catch (java.net.http.HttpTimeoutException e) {
			return new Result(Outcome.TRANSIENT, "接收方在 " + settings.timeout().toSeconds() + " 秒内没有答复");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(Outcome.TRANSIENT, "推送被中断");
		}
		catch (Exception e) {
			return new Result(Outcome.TRANSIENT, truncate("无法连接接收方：" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
		}
	}

	/** The receiver's reason: the message of a JSON answer ({@code message}, {@code detail}, {@code error}, {@code msg}), else the text. */
	static String reason(String body) {
		String text = body == null ? "" : body.strip();
		if (text.startsWith("{")) {
			try {
				var node = JSON.readTree(text);
				for (String field : List.of("message", "detail", "error", "msg", "errMsg")) {
					var v = node.get(field);
					if (v != null && v.isString() && !v.asString().isBlank()) {
						return v.asString().strip();
					}
				}
			}
			catch (RuntimeException notJson) {
				// shown as it came
			}
		}
		return text;
	}

	private static String truncate(String s) {
		String clean = s.codePoints().filter(cp -> !Character.isISOControl(cp) || cp == '\n').collect(StringBuilder::new, StringBuilder::appendCodePoint,
				StringBuilder::append).toString();
		return clean.length() > 480 ? clean.substring(0, 480) + "…" : clean;
	}
}
