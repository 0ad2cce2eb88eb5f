package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * Every action the code writes to the record, and every one in the demo data, has a Chinese name; every payload field
 * in the demo data has a label; the record's pages show names, not codes.
 */
class RecordLabelsIntegrationTest extends IntegrationTestBase {

	/** A string literal such as {@code "case.decided"}, or the start of one built as {@code "certificate." + …}. */
	private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z_]*)\\.([a-z_]*)\"");

	@Autowired
	RecordLabels labels;

	@Test
	void everyActionWrittenInTheCodeHasAChineseName() throws IOException {
		Set<String> prefixes = labels.knownActions().stream().filter(a -> a.contains(".")).map(a -> a.substring(0, a.indexOf('.')))
			.collect(Collectors.toSet());
		prefixes.addAll(jdbc.queryForList("select distinct split_part(action, '.', 1) from record_entry", String.class));
		Set<String> unnamed = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = LITERAL.matcher(Files.readString(file));
				while (m.find()) {
					String code = m.group(1) + "." + m.group(2);
					if (!prefixes.contains(m.group(1)) || m.group(2).isEmpty()) {
						continue;
					}
					if (!labels.knownActions().contains(code)) {
						unnamed.add(code + " (" + file.getFileName() + ")");
					}
				}
			}
		}
		assertThat(unnamed).as("action codes without a Chinese name in a RecordVocabulary").isEmpty();
		assertThat(labels.knownActions()).contains("case.decided", "body.created", "login.succeeded");
	}

	@Test
	void everyActionAndFieldInTheDemoRecordHasAChineseName() {
		List<String> actions = jdbc.queryForList("select distinct action from record_entry order by 1", String.class);
		assertThat(actions).hasSizeGreaterThan(20);
		assertThat(actions).filteredOn(a -> !labels.knownActions().contains(a)).as("actions without a Chinese name").isEmpty();
		List<String> fields = jdbc.queryForList("""
				select distinct k from record_entry, jsonb_object_keys(payload::jsonb) k where k <> 'changes'
				union select distinct k from record_entry, jsonb_object_keys(payload::jsonb -> 'changes') k
				where jsonb_typeof(payload::jsonb -> 'changes') = 'object' order by 1""", String.class);
		// keys that are Chinese already (a tier's name as the key of its range) need no label
		assertThat(fields).filteredOn(f -> !labels.knownFields().contains(f) && !f.matches(".*\\p{IsHan}.*"))
			.as("payload fields without a Chinese label").isEmpty();
	}

	/** A code two modules name differently is named as the entry's own module names it (PUBLIC: an exam's part, a complaint's channel). */
	@Test
	void aCodeIsNamedAsTheSubjectsOwnModuleNamesIt() {
		var complaint = new RecordEntry(1, "sv_complaint", "1", 1, java.time.Instant.now(), "SYSTEM", null, "系统", null, null, "complaint.received", "",
				"{\"channel\":\"PUBLIC\",\"category\":\"COMPLAINT\"}", RecordEntry.GENESIS, RecordEntry.GENESIS, RecordEntry.GENESIS);
		assertThat(labels.details(complaint)).containsExactly("渠道：网上投诉", "类别：投诉");
	}

	@Test
	void theRecordPagesShowNamesNotCodes() {
		HttpSession head = loggedIn("scj.fuze");
		// its own case entry (other tests' refusals may fill the newest entries of a shared database)
		new zhifa.support.CaseScenarios(jdbc, clock).clue(loggedIn("scj.zhifa"), "记录页测试公司", 961);
		String page = head.get("/records").body();
		String latest = text(page);
		assertThat(latest).doesNotContain("penalty_case/", "case.").contains("行政处罚案件", "登记案源");
		// who acted is a name, not a login (a summary may name an account created, "新建账号‘scj.sanhe’", by another test)
		assertThat(java.util.regex.Pattern.compile("data-label=\"操作人\">([^<]*)<").matcher(page).results().map(m -> m.group(1)).toList())
			.isNotEmpty().noneMatch(a -> a.contains("scj."));
		long caseId = jdbc.queryForObject("select max(subject_id::bigint) from record_entry where subject_type = 'penalty_case'"
				+ " and owner_body_id = (select id from org_body where name = '芒市市场监督管理局')", Long.class);
		String timeline = text(head.get("/records/penalty_case/" + caseId).body());
		assertThat(timeline).doesNotContain("penalty_case/", "case.", "scj.", "hearingDue").contains("行政处罚案件");
		String body = text(head.get("/records/body/" + jdbc.queryForObject("select id from org_body where name = '芒市市场监督管理局'", Long.class)).body());
		assertThat(body).contains("执法主体 芒市市场监督管理局", "新增执法主体").doesNotContain("MARKET", "body.created");
		assertThat(text(head.get("/").body())).doesNotContain("scj.", "接口文档");
		assertThat(text(loggedIn("admin").get("/").body())).contains("接口文档");
	}

	/** What a reader sees: the page without its tags and attributes. */
	private static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", " ");
	}
}
