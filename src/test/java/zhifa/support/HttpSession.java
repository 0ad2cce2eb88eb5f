package zhifa.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A real HTTP client with a cookie jar: logs in through the login form like a browser and calls the API. */
public class HttpSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;
	private final HttpClient client;
	private String bearer;
	private final CookieManager cookies;
	private final Map<String, String> headers = new java.util.LinkedHashMap<>();

	public HttpSession(int port) {
		this("http://localhost:" + port, new CookieManager());
	}

	private HttpSession(String base, CookieManager cookies) {
		this.base = base;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The same browser (the same cookies: the session) sent to another node, as a load balancer would. */
	public HttpSession onPort(int port) {
		return new HttpSession("http://localhost:" + port, cookies);
	}

	public static HttpSession withToken(int port, String token) {
		HttpSession s = new HttpSession(port);
		s.bearer = token;
		return s;
	}

	/** Submits the login form; returns where the login redirected to. */
	public String login(String username, String password) {
		String page = get("/login").body();
		Matcher m = CSRF_INPUT.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on login page");
		}
		var res = postForm("/login", Map.of("username", username, "password", password, "_csrf", m.group(1)));
		return res.headers().firstValue("Location").orElse("");
	}

	/** Completes a login that asked for the second factor; returns where it redirected to ("" when it was refused). */
	public String secondFactor(String code) {
		Matcher m = CSRF_INPUT.matcher(get("/login/two-factor").body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the two-factor page");
		}
		var res = postForm("/login/two-factor", Map.of("code", code, "_csrf", m.group(1)));
		return res.headers().firstValue("Location").orElse("");
	}

	public String csrf() {
		var page = get("/account/password");
		Matcher m = CSRF_META.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF meta tag on " + base + "/account/password: " + page.statusCode() + " "
					+ page.headers().firstValue("Location").orElse("") + " " + page.body().substring(0, Math.min(300, page.body().length())));
		}
		return m.group(1);
	}

	public byte[] getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		return postForm(path, form, null);
	}

	/** A page form as a browser sends it from the page {@code from} (its address in the Referer header), or without one. */
	public HttpResponse<String> postForm(String path, Map<String, String> form, String from) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
		if (from != null) {
			request.header("Referer", base + from);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** A page form whose fields repeat (rows of a table): name, value, name, value … in order; the CSRF token added. */
	public HttpResponse<String> postFormPairs(String path, String... nameValues) {
		StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf(), StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			body.append('&').append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
	}

	public HttpResponse<String> postJsonWithHeader(String path, String json, String header, String value) {
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (value != null) {
			b.header(header, value);
		}
		if (bearer == null) {
			b.header("X-CSRF-TOKEN", csrf());
		}
		return send(b.build());
	}

	/** A JSON POST with a CSRF token fetched beforehand (for requests fired from several threads at once). */
	public HttpResponse<String> postJsonWithCsrf(String path, String json, String csrf, String header, String value) {
		return send(request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf).header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/** A multipart/form-data POST with text fields and one file. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String contentType, byte[] file) {
		String boundary = "----zhifa" + System.nanoTime();
		var out = new java.io.ByteArrayOutputStream();
		try {
			for (var e : fields.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(file);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		HttpRequest.Builder b = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
		if (bearer == null) {
			b.header("X-CSRF-TOKEN", csrf());
		}
		return send(b.build());
	}

	/** A JSON POST as a page's script would send it if it forgot the CSRF header. */
	public HttpResponse<String> postJsonWithoutCsrf(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	public HttpResponse<String> postJson(String path, String json) {
		return sendJson("POST", path, json);
	}

	public HttpResponse<String> putJson(String path, String json) {
		return sendJson("PUT", path, json);
	}

	private HttpResponse<String> sendJson(String method, String path, String json) {
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (bearer == null) {
			b.header("X-CSRF-TOKEN", csrf());
		}
		return send(b.build());
	}

	/** The session's cookies as a Cookie header, for a request sent by another client. */
	public String cookieHeader() {
		return String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
	}

	/** Sends this header with every request, e.g. {@code X-Forwarded-For} as a trusted proxy would. */
	public HttpSession withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	/** A form already encoded (for repeated fields). */
	public HttpResponse<String> postEncoded(String path, String body) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html");
		headers.forEach(b::header);
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		return b;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
