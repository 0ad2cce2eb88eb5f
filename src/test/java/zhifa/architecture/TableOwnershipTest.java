package zhifa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A table belongs to the module whose migration created it ({@code V<n>__<module>_<what>.sql}; a rename hands the new
 * name to the renaming migration's module). Only that module's Java code may name it in SQL; other modules use its Java
 * API or a read view it publishes on purpose ({@code create view}). Modulith sees imports; this test sees the SQL text.
 */
class TableOwnershipTest {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	static final Path SOURCES = Path.of("src/main/java/zhifa");

	private static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)__([a-z]+)_.*\\.sql");
	private static final Pattern CREATE_TABLE = Pattern.compile("\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
	private static final Pattern CREATE_VIEW = Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)");
	private static final Pattern RENAME = Pattern.compile("\\balter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)");
	private static final Pattern DROP = Pattern.compile("\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
	private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
	private static final Pattern TABLE_USE = Pattern.compile("\\b(?:from|join|into|update|table|exists)\\s+([a-z_][a-z0-9_]*)");

	/** Who owns each table and view, and which names are published views. */
	record Schema(Map<String, String> owners, java.util.Set<String> views) {
	}

	static Schema schema() {
		Map<String, String> owners = new LinkedHashMap<>();
		java.util.Set<String> views = new TreeSet<>();
		for (Path file : migrations()) {
			Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
			assertThat(name.matches()).as("migration name %s follows V<n>__<module>_<what>.sql", file.getFileName()).isTrue();
			String module = name.group(2);
			String sql = withoutComments(read(file)).toLowerCase(Locale.ROOT);
			// statements in file order, so a table created and renamed in one file ends with the right name
			List<int[]> events = new ArrayList<>();
			Matcher m;
			for (Pattern p : List.of(CREATE_TABLE, CREATE_VIEW, RENAME, DROP)) {
				m = p.matcher(sql);
				while (m.find()) {
					events.add(new int[] { m.start(), p == CREATE_TABLE ? 0 : p == CREATE_VIEW ? 1 : p == RENAME ? 2 : 3 });
				}
			}
			events.sort(Comparator.comparingInt(e -> e[0]));
			for (int[] e : events) {
				Pattern p = List.of(CREATE_TABLE, CREATE_VIEW, RENAME, DROP).get(e[1]);
				m = p.matcher(sql);
				m.find(e[0]);
				switch (e[1]) {
					case 0 -> owners.put(m.group(1), module);
					case 1 -> {
						owners.put(m.group(1), module);
						views.add(m.group(1));
					}
					case 2 -> {
						owners.remove(m.group(1));
						owners.put(m.group(2), module);
					}
					default -> {
						owners.remove(m.group(1));
						views.remove(m.group(1));
					}
				}
			}
		}
		return new Schema(owners, views);
	}

	@Test
	void everyTableHasAnOwningModuleThatExists() {
		Schema schema = schema();
		assertThat(schema.owners()).containsKeys("enforcement_case", "case_timer", "penalty_case", "coercion_measure", "record_entry");
		assertThat(schema.owners()).doesNotContainKeys("penalty_measure", "penalty_case_timer");
		schema.owners().values().stream().distinct()
			.forEach(module -> assertThat(SOURCES.resolve(module)).as("module %s of a migration", module).isDirectory());
		assertThat(schema.owners().get("enforcement_case")).isEqualTo("casework");
		assertThat(schema.owners().get("penalty_case")).isEqualTo("penalty");
	}

	@Test
	void onlyTheOwningModuleNamesItsTablesInSql() {
		Schema schema = schema();
		List<String> violations = new ArrayList<>();
		for (Path file : javaSources()) {
			String module = SOURCES.relativize(file).getName(0).toString();
			if (module.endsWith(".java")) {
				continue;
			}
			for (String literal : literals(read(file))) {
				Matcher m = TABLE_USE.matcher(literal.toLowerCase(Locale.ROOT));
				while (m.find()) {
					String table = m.group(1);
					String owner = schema.owners().get(table);
					if (owner != null && !owner.equals(module) && !schema.views().contains(table)) {
						violations.add(SOURCES.relativize(file) + ": " + table + " (owned by " + owner + ")");
					}
				}
			}
		}
		assertThat(violations).as("SQL naming another module's table outside a published view").isEmpty();
	}

	@Test
	void eachModuleSaysWhatItOwnsInItsPackageInfo() throws IOException {
		Schema schema = schema();
		List<String> missing = new ArrayList<>();
		for (var e : schema.owners().entrySet()) {
			Path info = SOURCES.resolve(e.getValue()).resolve("package-info.java");
			if (!Files.exists(info) || !Files.readString(info).contains("{@code " + e.getKey() + "}")) {
				missing.add(e.getValue() + " does not name " + e.getKey());
			}
		}
		assertThat(missing).as("package-info.java of each module names every table and view it owns").isEmpty();
	}

	@Test
	void theCheckSeesSqlInStringsAndTextBlocks() {
		Schema schema = schema();
		List<String> found = new ArrayList<>();
		for (String literal : literals("""
				String a = "select x from officer o join org_body b on b.id = o.body_id";
				String b = \"""
				    update enforcement_case set version = version + 1
				    \""";
				foo.from(bar);
				""")) {
			Matcher m = TABLE_USE.matcher(literal);
			while (m.find()) {
				if (schema.owners().containsKey(m.group(1))) {
					found.add(m.group(1));
				}
			}
		}
		assertThat(found).containsExactlyInAnyOrder("officer", "org_body", "enforcement_case");
	}

	static List<String> literals(String source) {
		List<String> out = new ArrayList<>();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		StringBuilder rest = new StringBuilder();
		while (blocks.find()) {
			out.add(blocks.group(1));
			blocks.appendReplacement(rest, "\"\"");
		}
		blocks.appendTail(rest);
		Matcher strings = STRING.matcher(rest);
		while (strings.find()) {
			out.add(strings.group(1));
		}
		return out;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\\n]*", "");
	}

	private static List<Path> migrations() {
		try (Stream<Path> s = Files.list(MIGRATIONS)) {
			return s.filter(p -> p.toString().endsWith(".sql"))
				.sorted(Comparator.comparingInt(p -> Integer.parseInt(MIGRATION_NAME.matcher(p.getFileName().toString()).replaceAll("$1"))))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Path> javaSources() {
		try (Stream<Path> s = Files.walk(SOURCES)) {
			return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
