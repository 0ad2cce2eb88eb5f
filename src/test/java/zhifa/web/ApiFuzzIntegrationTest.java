package zhifa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Hostile input against every write endpoint the API documents: the test walks {@code /v3/api-docs}, builds a body
 * of the documented shape for each POST/PUT/PATCH/DELETE and sends it spoiled one way at a time — a NUL byte in a text,
 * a text of a million characters, {@code null} in a list, a number of 10²⁰ or 2⁶³−1, an id of −1, a date in the year
 * 99999, a wrong type, a broken or empty body. Every answer must be a 4xx problem detail in Chinese, never a 5xx, and
 * nothing may be written.
 */
class ApiFuzzIntegrationTest extends IntegrationTestBase {

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonNode components;

	/**
	 * Rows of every table except the record of refusals (counted apart, without them), the sessions, the bookkeeping
	 * tables and what background work keeps after earlier tests' changes (the ledger's queue, the summaries by body and
	 * their notes and differences), which may shrink or grow while a request is refused.
	 */
	private long businessRows() {
		List<String> tables = jdbc.queryForList("""
				select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
				and table_name not in ('record_chain', 'shedlock', 'event_publication', 'idn_login_attempt', 'flyway_schema_history',
				  'sv_ledger_queue', 'sv_summary_dirty', 'sv_act_month', 'sv_act_undecided_due', 'sv_act_year_tally',
				  'sv_act_month_delta', 'sv_act_year_delta', 'sv_act_undecided_delta')
				and table_name not like 'record\\_entry%' and table_name not like 'spring\\_session%'""",
				String.class);
		String sql = String.join(" + ", tables.stream().map(t -> "(select count(*) from " + t + ")").toList());
		return jdbc.queryForObject("select " + sql, Long.class)
				+ jdbc.queryForObject("select count(*) from record_entry where action not in ('access.refused', 'login.succeeded', 'login.failed')", Long.class);
	}

	private JsonNode resolve(JsonNode schema) {
		if (schema != null && schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return components.get("schemas").get(name);
		}
		return schema;
	}

	/** A value of the documented shape. */
	private JsonNode sample(JsonNode schema, int depth) {
		schema = resolve(schema);
		if (schema == null || depth > 6) {
			return NODES.nullNode();
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.has("type") ? schema.get("type").asString() : schema.has("properties") ? "object" : "string";
		String format = schema.has("format") ? schema.get("format").asString() : "";
		switch (type) {
			case "integer", "number" -> {
				return NODES.numberNode(1);
			}
			case "boolean" -> {
				return NODES.booleanNode(false);
			}
			case "array" -> {
				ArrayNode a = NODES.arrayNode();
				a.add(sample(schema.get("items"), depth + 1));
				return a;
			}
			case "object" -> {
				ObjectNode o = NODES.objectNode();
				if (schema.has("properties")) {
					for (var p : schema.get("properties").properties()) {
						o.set(p.getKey(), sample(p.getValue(), depth + 1));
					}
				}
				return o;
			}
			default -> {
				return NODES.stringNode(switch (format) {
					case "date" -> "2026-01-15";
					case "date-time" -> "2026-01-15T10:00:00Z";
					default -> "测试内容";
				});
			}
		}
	}

	/** A leaf of the body: where it is and how to replace it. */
	private record Leaf(String path, JsonNode value, Consumer<JsonNode> replace) {
	}

	private void leaves(JsonNode node, String path, List<Leaf> out) {
		if (node instanceof ObjectNode o) {
			for (var e : new ArrayList<>(o.properties())) {
				String key = e.getKey();
				JsonNode v = e.getValue();
				if (v.isObject() || (v.isArray() && v.size() > 0 && v.get(0).isObject())) {
					leaves(v, path + "." + key, out);
				}
				if (!v.isObject()) {
					out.add(new Leaf(path + "." + key, v, replacement -> o.set(key, replacement)));
				}
			}
		}
		else if (node instanceof ArrayNode a && a.size() > 0) {
			leaves(a.get(0), path + "[0]", out);
		}
	}

	private List<Map.Entry<String, String>> spoiled(JsonNode base) {
		List<Map.Entry<String, String>> bodies = new ArrayList<>();
		bodies.add(Map.entry("broken JSON", "{\"a\":"));
		bodies.add(Map.entry("empty body", ""));
		bodies.add(Map.entry("an array instead of an object", "[1,2]"));
		List<Leaf> leaves = new ArrayList<>();
		leaves(base, "", leaves);
		int longTexts = 0;
		for (Leaf leaf : leaves) {
			JsonNode original = leaf.value();
			List<Map.Entry<String, JsonNode>> mutations = new ArrayList<>();
			if (original.isString()) {
				String text = original.asString();
				if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
					mutations.add(Map.entry("a date in the year 99999", NODES.stringNode("99999-01-01")));
					mutations.add(Map.entry("a year 99999 with a sign", NODES.stringNode("+99999-01-01")));
				}
				else {
					mutations.add(Map.entry("a NUL byte", NODES.stringNode("合法\u0000内容")));
					mutations.add(Map.entry("a control character", NODES.stringNode("换\u0007行")));
					if (longTexts++ < 3) {
						mutations.add(Map.entry("a million characters", NODES.stringNode("长".repeat(1_000_001))));
					}
				}
				mutations.add(Map.entry("an object for a text", NODES.objectNode().put("x", 1)));
			}
			else if (original.isNumber()) {
				mutations.add(Map.entry("10^20", NODES.numberNode(new java.math.BigDecimal("1e20"))));
				mutations.add(Map.entry("2^63-1", NODES.numberNode(Long.MAX_VALUE)));
				mutations.add(Map.entry("-1", NODES.numberNode(-1)));
				mutations.add(Map.entry("a text for a number", NODES.stringNode("一百")));
			}
			else if (original.isArray()) {
				ArrayNode withNull = NODES.arrayNode();
				withNull.addNull();
				mutations.add(Map.entry("null in a list", withNull));
				ArrayNode many = NODES.arrayNode();
				for (int i = 0; i < 1001; i++) {
					many.add(original.size() > 0 ? original.get(0) : NODES.numberNode(1));
				}
				mutations.add(Map.entry("1001 items", many));
			}
			for (var m : mutations) {
				leaf.replace().accept(m.getValue());
				// a spoiled number stays spoiled only if nothing else about the body is fixed: the rest keeps its sample
				bodies.add(Map.entry(leaf.path() + ": " + m.getKey(), JSON.writeValueAsString(base)));
				leaf.replace().accept(original);
			}
		}
		return bodies;
	}

	private String concrete(String path, JsonNode operation) {
		String p = path;
		if (operation.has("parameters")) {
			for (JsonNode param : operation.get("parameters")) {
				if ("path".equals(param.get("in").asString())) {
					JsonNode schema = resolve(param.get("schema"));
					String type = schema != null && schema.has("type") ? schema.get("type").asString() : "string";
					String format = schema != null && schema.has("format") ? schema.get("format").asString() : "";
					String value = type.equals("integer") ? "1" : format.equals("date") ? "2026-01-15"
							: schema != null && schema.has("enum") ? schema.get("enum").get(0).asString() : "X";
					p = p.replace("{" + param.get("name").asString() + "}", value);
				}
			}
		}
		return p;
	}

	@Test
	void spoiledBodiesToEveryWriteEndpointGetAChinese4xxAndWriteNothing() throws Exception {
		HttpSession admin = loggedIn("admin");
		String csrf = admin.csrf();
		JsonNode docs = json(new HttpSession(port).get("/v3/api-docs").body());
		components = docs.get("components");
		HttpClient client = HttpClient.newHttpClient();
		List<String> failures = new ArrayList<>();
		int endpoints = 0;
		int requests = 0;
		for (var pathEntry : docs.get("paths").properties()) {
			for (String method : List.of("post", "put", "patch", "delete")) {
				JsonNode operation = pathEntry.getValue().get(method);
				if (operation == null) {
					continue;
				}
				endpoints++;
				String path = concrete(pathEntry.getKey(), operation);
				JsonNode content = operation.has("requestBody") ? operation.get("requestBody").get("content") : null;
				List<Map.Entry<String, String>> bodies = new ArrayList<>();
				String contentType = "application/json";
				if (content != null && content.has("application/json")) {
					bodies.addAll(spoiled(sample(content.get("application/json").get("schema"), 0)));
				}
				else if (content != null && content.has("multipart/form-data")) {
					contentType = "multipart/form-data; boundary=fuzz";
					bodies.add(Map.entry("multipart with a NUL in a text part and no file", "--fuzz\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
							+ "PHOTO\u0000\r\n--fuzz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n说明\u0000\r\n--fuzz--\r\n"));
					bodies.add(Map.entry("a broken multipart body", "--fuzz\r\nContent-Disposition: form-data"));
				}
				else {
					bodies.add(Map.entry("an unexpected body", "{\"x\":\"\u0000\"}"));
				}
				long before = businessRows();
				for (var body : bodies) {
					requests++;
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + (method.equals("delete") ? "" : "")))
						.header("Content-Type", contentType)
						.header("Accept", "application/json")
						.header("X-CSRF-TOKEN", csrf)
						.header("Cookie", admin.cookieHeader())
						.method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body.getValue(), StandardCharsets.UTF_8))
						.build();
					HttpResponse<String> res = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					String what = method.toUpperCase() + " " + path + " — " + body.getKey() + ": " + res.statusCode();
					if (res.statusCode() >= 500) {
						failures.add(what + " (server error) " + res.body());
					}
					else if (res.statusCode() < 400) {
						failures.add(what + " (accepted) " + res.body());
					}
					else if (!CHINESE.matcher(res.body()).find() || !res.headers().firstValue("Content-Type").orElse("").contains("json")) {
						failures.add(what + " (not a Chinese problem detail) " + res.body());
					}
				}
				long after = businessRows();
				if (after != before) {
					failures.add(method.toUpperCase() + " " + path + " wrote " + (after - before) + " rows");
				}
			}
		}
		System.out.printf("API fuzz: %d write endpoints, %d spoiled requests%n", endpoints, requests);
		assertThat(endpoints).as("write endpoints documented").isGreaterThanOrEqualTo(75);
		assertThat(failures).as(String.join("\n", failures.subList(0, Math.min(failures.size(), 40)))).isEmpty();
	}
}
