package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every statute citation in the code, the templates and the message texts is checked against the statute texts the
 * platform imports (and two more the code cites): the article, paragraph and item exist, and the words of the rule that
 * cites it are found in the cited provision rather than in one of its neighbours — a refusal about hearing agents that
 * cited 第六十四条第（六）项 (not showing up) instead of 第（五）项 (one or two agents) fails here.
 */
class StatuteCitationTest {

	private static final String LAWS = "行政处罚法|行政强制法|食品安全法|产品质量法|城市市容和环境卫生管理条例|行政复议法|行政诉讼法";
	private static final String N = "[零一二三四五六七八九十百]+";
	static final Pattern CITATION = Pattern.compile("(" + LAWS + ")》?第(" + N + ")条(?:第(" + N + ")款)?(?:第?[（(](" + N + ")[）)]项|第(" + N
			+ ")项)?");
	/** "、第六十四条" right after a citation: the same law cited jointly. */
	static final Pattern JOINT = Pattern.compile("^(?:、|和|及)第(" + N + ")条");
	private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]+");

	/** A citation found in a source file. */
	record Citation(String file, int line, String text, String law, int article, Integer paragraph, Integer item, String context,
			List<Integer> jointArticles) {
		@Override
		public String toString() {
			return file + ":" + line + " " + text;
		}
	}

	/** A provision and its text. */
	record Provision(String name, String text) {
	}

	private static Map<String, StatuteText.Parsed> statutes() throws IOException {
		Map<String, StatuteText.Parsed> laws = new HashMap<>();
		for (Path dir : List.of(Path.of("src/main/resources/laws"), Path.of("src/test/resources/laws"))) {
			try (Stream<Path> files = Files.list(dir)) {
				for (Path f : files.filter(p -> p.toString().endsWith(").md")).toList()) {
					String name = f.getFileName().toString().replaceFirst("\\(.*", "");
					laws.put(name, StatuteText.parse(Files.readString(f, StandardCharsets.UTF_8)));
				}
			}
		}
		return laws;
	}

	private static List<Citation> citations() throws IOException {
		List<Citation> out = new ArrayList<>();
		List<Path> sources = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources/templates"), Path.of("src/main/resources"))) {
			try (Stream<Path> files = Files.walk(root, root.endsWith("resources") ? 1 : Integer.MAX_VALUE)) {
				files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html") || p.toString().endsWith(".properties"))
					.filter(p -> !sources.contains(p)).forEach(sources::add);
			}
		}
		for (Path file : sources) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				Matcher m = CITATION.matcher(line);
				while (m.find()) {
					String item = m.group(4) != null ? m.group(4) : m.group(5);
					List<Integer> joint = new ArrayList<>();
					joint.add(ChineseNumerals.parse(m.group(2)));
					int at = m.end();
					Matcher j = JOINT.matcher(line.substring(at));
					while (j.find()) {
						joint.add(ChineseNumerals.parse(j.group(1)));
						at += j.end();
						j = JOINT.matcher(line.substring(at));
					}
					String context = context(line, m.start(), at);
					out.add(new Citation(file.toString(), i + 1, m.group(), m.group(1), joint.get(0), m.group(3) == null ? null : ChineseNumerals.parse(m.group(3)),
							item == null ? null : ChineseNumerals.parse(item), context, joint));
					for (int k = 1; k < joint.size(); k++) {
						out.add(new Citation(file.toString(), i + 1, m.group(1) + "第" + ChineseNumerals.format(joint.get(k)) + "条", m.group(1), joint.get(k), null,
								null, context, joint));
					}
				}
			}
		}
		return out;
	}

	/** The words of the message holding the citation — every string literal on its line (or the line) — without any citation. */
	private static String context(String line, int start, int end) {
		Matcher literals = Pattern.compile("\"([^\"]*)\"").matcher(line);
		StringBuilder text = new StringBuilder();
		while (literals.find()) {
			text.append(literals.group(1)).append(' ');
		}
		String words = text.length() > 0 && line.strip().length() > 0 && !line.strip().startsWith("<") ? text.toString() : line;
		return JOINT_ANYWHERE.matcher(CITATION.matcher(words).replaceAll(" ")).replaceAll(" ");
	}

	private static final Pattern JOINT_ANYWHERE = Pattern.compile("(?:、|和|及)第" + N + "条");

	private static Set<String> bigrams(String text) {
		Set<String> grams = new HashSet<>();
		Matcher m = CJK.matcher(text);
		while (m.find()) {
			String run = m.group();
			for (int i = 0; i + 1 < run.length(); i++) {
				grams.add(run.substring(i, i + 2));
			}
		}
		return grams;
	}

	/** The provision a citation names, or why it does not exist. */
	private static Object resolve(Citation c, StatuteText.Parsed law) {
		var article = law.articles().stream().filter(a -> a.number() == c.article()).findFirst();
		if (article.isEmpty()) {
			return c.law() + "没有第" + c.article() + "条";
		}
		if (c.paragraph() == null && c.item() == null) {
			return new Provision("article", article.get().fullText());
		}
		List<StatuteText.Paragraph> paragraphs = article.get().paragraphs();
		StatuteText.Paragraph paragraph;
		if (c.paragraph() != null) {
			if (c.paragraph() > paragraphs.size()) {
				return c.law() + "第" + c.article() + "条没有第" + c.paragraph() + "款";
			}
			paragraph = paragraphs.get(c.paragraph() - 1);
		}
		else {
			paragraph = paragraphs.stream().filter(p -> !p.items().isEmpty()).findFirst().orElse(paragraphs.get(0));
		}
		if (c.item() == null) {
			return new Provision("paragraph", paragraph.text() + paragraph.items().stream().map(StatuteText.Item::text).reduce("", String::concat));
		}
		return paragraph.items().stream().filter(i -> i.number() == c.item()).findFirst()
			.<Object>map(i -> new Provision("item", paragraph.text() + i.text()))
			.orElse(c.law() + "第" + c.article() + "条" + (c.paragraph() == null ? "" : "第" + c.paragraph() + "款") + "没有第（" + c.item() + "）项");
	}

	/** The same level's other provisions: the other items, paragraphs, or the nearby articles. */
	private static List<String> siblings(Citation c, StatuteText.Parsed law) {
		var article = law.articles().stream().filter(a -> a.number() == c.article()).findFirst().orElseThrow();
		if (c.item() != null) {
			var paragraph = c.paragraph() != null ? article.paragraphs().get(c.paragraph() - 1)
					: article.paragraphs().stream().filter(p -> !p.items().isEmpty()).findFirst().orElseThrow();
			return paragraph.items().stream().filter(i -> i.number() != c.item()).map(i -> paragraph.text() + i.text()).toList();
		}
		if (c.paragraph() != null) {
			List<String> others = new ArrayList<>();
			for (int i = 0; i < article.paragraphs().size(); i++) {
				if (i != c.paragraph() - 1) {
					others.add(article.paragraphs().get(i).text());
				}
			}
			return others;
		}
		return law.articles().stream().filter(a -> !c.jointArticles().contains(a.number()) && Math.abs(a.number() - c.article()) <= 5)
			.map(StatuteText.Article::fullText).toList();
	}

	@Test
	void everyCitationNamesAnExistingProvisionThatSaysWhatTheRuleSays() throws IOException {
		Map<String, StatuteText.Parsed> laws = statutes();
		// how rare each word is across all articles: common legal words weigh little
		Map<String, Integer> documentFrequency = frequencies(laws);
		int documents = laws.values().stream().mapToInt(l -> l.articles().size()).sum();
		List<Citation> citations = citations();
		List<String> problems = new ArrayList<>();
		for (Citation c : citations) {
			assertThat(laws.get(c.law())).as(c + ": the statute text is bundled").isNotNull();
			problem(c, laws.get(c.law()), documentFrequency, documents).ifPresent(problems::add);
		}
		System.out.println("statute citations checked: " + citations.size());
		assertThat(citations).hasSizeGreaterThan(150);
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	/** Why the citation is wrong, if it is: a provision that does not exist, or words that fit a neighbour far better. */
	static java.util.Optional<String> problem(Citation c, StatuteText.Parsed law, Map<String, Integer> documentFrequency, int total) {
		Object provision = resolve(c, law);
		if (provision instanceof String missing) {
			return java.util.Optional.of(c + ": " + missing);
		}
		Set<String> words = bigrams(c.context());
		words.removeIf(g -> documentFrequency.getOrDefault(g, 0) > total / 8);
		if (words.isEmpty()) {
			return java.util.Optional.empty();
		}
		String text = ((Provision) provision).text();
		if (c.jointArticles().size() > 1) {
			text = law.articles().stream().filter(a -> c.jointArticles().contains(a.number())).map(StatuteText.Article::fullText)
				.reduce("", String::concat);
		}
		double own = score(words, text, documentFrequency, total);
		double best = siblings(c, law).stream().mapToDouble(t -> score(words, t, documentFrequency, total)).max().orElse(0);
		if (best > 2 * own + 4) {
			return java.util.Optional.of(c + ": the words “" + c.context().strip() + "” fit a neighbouring provision much better (" + Math.round(own)
					+ " vs " + Math.round(best) + ")");
		}
		return java.util.Optional.empty();
	}

	private static Map<String, Integer> frequencies(Map<String, StatuteText.Parsed> laws) {
		Map<String, Integer> df = new HashMap<>();
		for (var law : laws.values()) {
			for (var a : law.articles()) {
				bigrams(a.fullText()).forEach(g -> df.merge(g, 1, Integer::sum));
			}
		}
		return df;
	}

	@Test
	void theCheckFindsAMisplacedItem() throws IOException {
		var laws = statutes();
		int total = laws.values().stream().mapToInt(l -> l.articles().size()).sum();
		var df = frequencies(laws);
		var law = laws.get("行政处罚法");
		String refusal = "当事人可以委托一至二人代理";
		Citation wrong = new Citation("x", 1, "行政处罚法第六十四条第（六）项", "行政处罚法", 64, null, 6, refusal, List.of(64));
		Citation right = new Citation("x", 1, "行政处罚法第六十四条第（五）项", "行政处罚法", 64, null, 5, refusal, List.of(64));
		assertThat(problem(wrong, law, df, total)).as("the old citation of the hearing-agents rule").isPresent();
		assertThat(problem(right, law, df, total)).isEmpty();
		assertThat(problem(new Citation("x", 1, "", "行政处罚法", 64, null, 9, "", List.of(64)), law, df, total))
			.hasValueSatisfying(p -> assertThat(p).contains("没有第（9）项"));
		assertThat(problem(new Citation("x", 1, "", "行政处罚法", 200, null, null, "", List.of(200)), law, df, total))
			.hasValueSatisfying(p -> assertThat(p).contains("没有第200条"));
	}

	@Test
	void citationsAreFoundWithJointArticles() {
		Matcher m = CITATION.matcher("（行政处罚法第六十四条第（五）项）");
		assertThat(m.find()).isTrue();
		assertThat(m.group(4)).isEqualTo("五");
		assertThat(JOINT.matcher("、第六十四条的规定").find()).isTrue();
	}

	private static double score(Set<String> words, String text, Map<String, Integer> df, int total) {
		double s = 0;
		for (String g : words) {
			if (text.contains(g)) {
				s += Math.log((double) total / (1 + df.getOrDefault(g, 0)));
			}
		}
		return s;
	}
}
