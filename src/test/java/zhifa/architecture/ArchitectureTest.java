package zhifa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The shape the case kernel issue set: public signatures carry typed records, never database rows; SQL lives in a
 * module's {@code persistence} package; no page compares a stage name; no penalty class is too long to read in one
 * sitting.
 */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("zhifa");

	/**
	 * The modules whose JDBC already lives in {@code persistence}. The older modules (calendar, catalog, demo, discretion,
	 * identity, officer, organization, record, shared) still run their SQL in their services; each moves here when it is
	 * next reworked — the table-ownership test already keeps their SQL to their own tables and the published views.
	 */
	static final Set<String> PERSISTENCE_MODULES = Set.of("casework", "penalty", "coercion");

	@Test
	void jdbcLivesInAModulesPersistencePackage() {
		for (String module : PERSISTENCE_MODULES) {
			ArchRule rule = ArchRuleDefinition.noClasses().that().resideInAPackage("zhifa." + module + "..").and()
				.resideOutsideOfPackage("zhifa." + module + ".persistence..").should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework.jdbc..", "java.sql..").because("SQL of a module lives in its persistence package");
			rule.check(CLASSES);
		}
	}

	@Test
	void publicSignaturesCarryTypedRecordsNeverRows() {
		List<String> violations = new ArrayList<>();
		for (JavaClass c : CLASSES) {
			Class<?> type = c.reflect();
			if (!Modifier.isPublic(type.getModifiers()) || type.isAnnotation()) {
				continue;
			}
			boolean bean = Stream.of(Service.class, Component.class, Repository.class, RestController.class, Controller.class)
				.anyMatch(type::isAnnotationPresent);
			for (Method m : type.getDeclaredMethods()) {
				if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
					continue;
				}
				List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
				types.add(m.getGenericReturnType());
				for (Type t : types) {
					if (isRow(t)) {
						violations.add(type.getName() + "." + m.getName() + ": " + t.getTypeName());
					}
				}
				if (bean && (isRowMap(m.getGenericReturnType()) || isListOfRowMaps(m.getGenericReturnType()))) {
					violations.add(type.getName() + "." + m.getName() + " returns " + m.getGenericReturnType().getTypeName());
				}
			}
		}
		assertThat(violations).as("public methods returning database rows or Map<String, Object>").isEmpty();
	}

	@Test
	void theCheckRecognisesRowsAndRowMaps() throws Exception {
		record Probe() {
			@SuppressWarnings("unused")
			public List<java.util.Map<String, Object>> rows() {
				return List.of();
			}
		}
		assertThat(isListOfRowMaps(Probe.class.getMethod("rows").getGenericReturnType())).isTrue();
		assertThat(isRow(java.sql.ResultSet.class)).isTrue();
		assertThat(isRowMap(String.class)).isFalse();
	}

	@Test
	void noTemplateComparesAStageName() throws IOException {
		// every stage code a case kind or an attached procedure declares
		String codes = java.util.stream.Stream.concat(java.util.Arrays.stream(zhifa.penalty.CaseStage.values()).map(Enum::name),
				java.util.Arrays.stream(zhifa.coercion.Enforcement.Step.values()).map(Enum::name)).distinct().collect(java.util.stream.Collectors.joining("|"));
		java.util.regex.Pattern anywhere = java.util.regex.Pattern.compile(
				"\\bstage\\(\\)\\s*(\\.(name|ordinal|equals|compareTo)\\b|==|!=|eq\\b|ne\\b)|\\bstage\\s*(==|!=)|T\\([^)]*(Stage|Step)\\)");
		java.util.regex.Pattern literal = java.util.regex.Pattern.compile("'(" + codes + ")'");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				// a case kind's pages: no literal stage code either (elsewhere 'APPLIED' may be a certificate's status)
				boolean casePage = java.util.stream.Stream.of("penalty", "casework", "coercion").anyMatch(d -> f.getParent().endsWith(d));
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					if (anywhere.matcher(lines.get(i)).find() || (casePage && literal.matcher(lines.get(i)).find())) {
						found.add(f + ":" + (i + 1));
					}
				}
			}
		}
		assertThat(found).as("templates ask the lifecycle (can[...]), they do not compare stages").isEmpty();
		// the patterns find what they are for
		assertThat(anywhere.matcher("th:if=\"${c.stage().name() == 'CLUE'}\"").find()).isTrue();
		assertThat(anywhere.matcher("th:if=\"${c.stage() == T(zhifa.penalty.CaseStage).DECIDED}\"").find()).isTrue();
		assertThat(literal.matcher("th:if=\"${e.stage eq 'URGED'}\"").find()).isTrue();
	}

	@Test
	void everyPenaltyClassCanBeReadInOneSitting() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/zhifa/penalty"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				assertThat(Files.readAllLines(f).size()).as(f.toString()).isLessThan(400);
			}
		}
	}

	private static boolean isRow(Type t) {
		return t instanceof Class<?> c && (java.sql.ResultSet.class.isAssignableFrom(c) || c.getName().equals("org.springframework.jdbc.support.rowset.SqlRowSet"));
	}

	private static boolean isRowMap(Type t) {
		return t instanceof ParameterizedType p && p.getRawType() == java.util.Map.class && p.getActualTypeArguments()[1] == Object.class;
	}

	private static boolean isListOfRowMaps(Type t) {
		return t instanceof ParameterizedType p && java.util.Collection.class.isAssignableFrom((Class<?>) p.getRawType())
				&& isRowMap(p.getActualTypeArguments()[0]);
	}
}
