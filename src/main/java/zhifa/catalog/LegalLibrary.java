package zhifa.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;

/**
 * 法律依据库: statutes and rules with their versions (a new version is a new document with a later effective date; the
 * version in force on the act date applies — 行政处罚法第三十七条), provisions addressable as 条/款/项, and search by
 * Chinese keywords. PostgreSQL has no Chinese word segmenter here, so every article is indexed by its character bigrams:
 * a keyword matches the articles holding all its bigrams, confirmed by a substring test.
 */
@Service
public class LegalLibrary {

	private static final Pattern ADDRESS = Pattern.compile("^(.+?)第([零一二三四五六七八九十百千]+)条(?:第([一二三四五六七八九十]+)款)?(?:第[（(]([一二三四五六七八九十]+)[）)]项)?$");

	private final NamedParameterJdbcTemplate jdbc;
	private final FullProcessRecord record;
	private final Clock clock;

	LegalLibrary(NamedParameterJdbcTemplate jdbc, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.record = record;
		this.clock = clock;
	}

	/** A document as listed. */
	public record Document(long id, String title, String shortTitle, LegalDocumentKind kind, String issuingBody, String documentNumber,
			LocalDate effectiveFrom, LocalDate repealedOn, String history, int articles, boolean demo) {

		public boolean inForceOn(LocalDate day) {
			return !day.isBefore(effectiveFrom) && (repealedOn == null || day.isBefore(repealedOn));
		}
	}

	/** A provision: an article, a paragraph of it or an item of a paragraph. */
	public record Provision(long id, long documentId, String shortTitle, int articleNo, Integer paragraphNo, Integer itemNo, String chapter,
			String label, String text) {

		/** The citation, e.g. 行政处罚法第五十八条第一款第(二)项. */
		public String citation() {
			return shortTitle + label;
		}
	}

	/** What an import will create: shown as a preview before anything is saved. */
	public record ImportPreview(String title, String shortTitle, String history, int articles, int paragraphs, int items,
			List<StatuteText.Unparsed> unparsed, LocalDate suggestedEffectiveFrom) {
	}

	/** Import metadata. */
	public record ImportRequest(@zhifa.shared.web.RequestLimits.LongText(max = 1_000_000) String text, LegalDocumentKind kind, String issuingBody, String documentNumber, LocalDate effectiveFrom,
			LocalDate repealedOn) {
	}

	public ImportPreview preview(String text) {
		if (text == null || text.isBlank()) {
			throw BusinessRuleViolation.onField("text", "请粘贴或上传法规全文");
		}
		StatuteText.Parsed parsed = StatuteText.parse(text);
		if (parsed.title() == null) {
			throw BusinessRuleViolation.onField("text", "未找到标题：全文第一行应为“# 法规名称”");
		}
		if (parsed.articles().isEmpty()) {
			throw BusinessRuleViolation.onField("text", "未识别出任何条文：每条应以“第X条”开头另起一段");
		}
		int paragraphs = parsed.articles().stream().mapToInt(a -> a.paragraphs().size()).sum();
		int items = parsed.articles().stream().flatMap(a -> a.paragraphs().stream()).mapToInt(p -> p.items().size()).sum();
		return new ImportPreview(parsed.title(), shortTitle(parsed.title()), parsed.info(), parsed.articles().size(), paragraphs, items,
				parsed.unparsed(), lastDate(parsed.info()));
	}

	@Transactional
	public Document importStatute(ImportRequest r, boolean demo) {
		ImportPreview preview = preview(r.text());
		if (r.kind() == null) {
			throw BusinessRuleViolation.onField("kind", "请选择文件层级");
		}
		if (r.issuingBody() == null || r.issuingBody().isBlank()) {
			throw BusinessRuleViolation.onField("issuingBody", "请填写制定机关");
		}
		LocalDate effective = r.effectiveFrom() != null ? r.effectiveFrom() : preview.suggestedEffectiveFrom();
		if (effective == null) {
			throw BusinessRuleViolation.onField("effectiveFrom", "请填写施行日期");
		}
		if (r.repealedOn() != null && !r.repealedOn().isAfter(effective)) {
			throw BusinessRuleViolation.onField("repealedOn", "废止日期应晚于施行日期");
		}
		if (jdbc.queryForObject("select count(*) from legal_document where title = :t and effective_from = :e",
				Map.of("t", preview.title(), "e", effective), Integer.class) > 0) {
			throw new BusinessRuleViolation("《" + preview.title() + "》" + effective + " 施行的版本已在库中");
		}
		StatuteText.Parsed parsed = StatuteText.parse(r.text());
		long id = jdbc.queryForObject("""
				insert into legal_document (title, short_title, kind, issuing_body, document_number, effective_from, repealed_on, history,
				  articles, demo, created_at)
				values (:t, :s, :k, :b, :n, :e, :r, :h, :a, :demo, :now) returning id""",
				new MapSqlParameterSource().addValue("t", preview.title()).addValue("s", preview.shortTitle()).addValue("k", r.kind().name())
					.addValue("b", r.issuingBody().strip()).addValue("n", r.documentNumber()).addValue("e", effective).addValue("r", r.repealedOn())
					.addValue("h", preview.history()).addValue("a", preview.articles()).addValue("demo", demo)
					.addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (StatuteText.Article a : parsed.articles()) {
			rows.add(provision(id, a.number(), null, null, a.chapter(), a.label(), a.fullText()));
			for (StatuteText.Paragraph p : a.paragraphs()) {
				String pLabel = a.label() + "第" + ChineseNumerals.format(p.number()) + "款";
				rows.add(provision(id, a.number(), p.number(), null, a.chapter(), pLabel, p.text()));
				for (StatuteText.Item i : p.items()) {
					rows.add(provision(id, a.number(), p.number(), i.number(), a.chapter(), pLabel + "第(" + ChineseNumerals.format(i.number()) + ")项", i.text()));
				}
			}
		}
		jdbc.batchUpdate("""
				insert into legal_provision (document_id, article_no, paragraph_no, item_no, chapter, label, text)
				values (:d, :a, :p, :i, :c, :l, :t)""", rows.toArray(MapSqlParameterSource[]::new));
		List<MapSqlParameterSource> grams = new ArrayList<>();
		jdbc.query("select id, text from legal_provision where document_id = :d and paragraph_no is null", Map.of("d", id), rs -> {
			for (String gram : bigrams(rs.getString(2))) {
				grams.add(new MapSqlParameterSource().addValue("g", gram).addValue("p", rs.getLong(1)));
			}
		});
		jdbc.batchUpdate("insert into legal_gram (gram, provision_id) values (:g, :p)", grams.toArray(MapSqlParameterSource[]::new));
		record.append("legal_document", id, null, "legal.imported", "导入《" + preview.title() + "》（" + effective + " 施行，" + preview.articles() + " 条）",
				Map.of("title", preview.title(), "kind", r.kind().label(), "effectiveFrom", effective.toString(), "articles", preview.articles(),
						"unparsed", preview.unparsed().size()));
		return document(id);
	}

	private static MapSqlParameterSource provision(long doc, int article, Integer paragraph, Integer item, String chapter, String label, String text) {
		return new MapSqlParameterSource().addValue("d", doc).addValue("a", article).addValue("p", paragraph).addValue("i", item)
			.addValue("c", chapter).addValue("l", label).addValue("t", text);
	}

	public List<Document> documents() {
		return jdbc.query("select * from legal_document order by short_title, effective_from desc", Map.of(), (rs, i) -> document(rs));
	}

	public Document document(long id) {
		return jdbc.query("select * from legal_document where id = :id", Map.of("id", id), (rs, i) -> document(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFound("法律文件"));
	}

	/** The version of a document (by short title) in force on a date (行政处罚法第三十七条: the law at the time of the act). */
	public Optional<Document> inForce(String shortTitle, LocalDate day) {
		return jdbc.query("""
				select * from legal_document where short_title = :s and effective_from <= :d and (repealed_on is null or repealed_on > :d)
				order by effective_from desc limit 1""", Map.of("s", shortTitle, "d", day), (rs, i) -> document(rs)).stream().findFirst();
	}

	/**
	 * A law's name as a document addressed to a party prints it — its full title (中华人民共和国食品安全法) for the short one
	 * a catalogue or benchmark cites by (食品安全法); the name as given when the library does not hold the law.
	 */
	public String fullTitle(String name, LocalDate day) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			return n;
		}
		// the version in force on the day first (a version not yet in force only when no other is held)
		return jdbc.queryForList("""
				select title from legal_document where short_title = :n or title = :n
				order by case when effective_from <= :d then 0 else 1 end, effective_from desc limit 1""", Map.of("n", n, "d", day), String.class).stream()
			.findFirst().orElse(n);
	}

	/** The articles of a document in order (article-level provisions). */
	public List<Provision> articles(long documentId) {
		return jdbc.query(PROVISION_SELECT + " where p.document_id = :d and p.paragraph_no is null order by p.article_no", Map.of("d", documentId),
				(rs, i) -> provision(rs));
	}

	private static final String PROVISION_SELECT = "select p.*, d.short_title from legal_provision p join legal_document d on d.id = p.document_id";

	/**
	 * Finds a provision by its citation, e.g. "行政处罚法第五十八条第一款第(二)项", in the version in force on the date.
	 */
	public Optional<Provision> resolve(String citation, LocalDate day) {
		Matcher m = ADDRESS.matcher(citation.strip().replace(" ", ""));
		if (!m.matches()) {
			return Optional.empty();
		}
		Optional<Document> doc = inForce(shortTitle(m.group(1).replace("《", "").replace("》", "")), day);
		if (doc.isEmpty()) {
			return Optional.empty();
		}
		int article = ChineseNumerals.parse(m.group(2));
		Integer paragraph = m.group(3) == null ? null : ChineseNumerals.parse(m.group(3));
		Integer item = m.group(4) == null ? null : ChineseNumerals.parse(m.group(4));
		if (item != null && paragraph == null) {
			paragraph = 1;
		}
		var p = new MapSqlParameterSource().addValue("d", doc.get().id()).addValue("a", article).addValue("p", paragraph).addValue("i", item);
		return jdbc.query(PROVISION_SELECT + " where p.document_id = :d and p.article_no = :a and p.paragraph_no is not distinct from :p "
				+ "and p.item_no is not distinct from :i", p, (rs, i) -> provision(rs)).stream().findFirst();
	}

	/**
	 * The lowest fine the punishing clauses allow on the day, in fen ({@link StatutoryFines}): present only when every
	 * clause is in the library and plainly has one (the lowest of them); otherwise nothing is known.
	 */
	public Optional<Long> fineFloor(List<String> citations, LocalDate day) {
		return fineBound(citations, day, StatutoryFines::floorYuan, Math::min);
	}

	/**
	 * The highest fine the punishing clauses allow on the day, in fen ({@link StatutoryFines#ceilingYuan}): present only when
	 * every clause is in the library and plainly has one (the highest of them); otherwise nothing is known.
	 */
	public Optional<Long> fineCeiling(List<String> citations, LocalDate day) {
		return fineBound(citations, day, StatutoryFines::ceilingYuan, Math::max);
	}

	/**
	 * 从旧兼从轻 (行政处罚法第三十七条: 适用违法行为发生时的规定；作出行政处罚决定时已被修改，且新的规定处罚较轻的，适用新的规定):
	 * the highest fine of the law at the act, unless the law on the day it is decided allows less — the lower of the two known. Where one day's is unknown the other's still bounds the
	 * fine: whichever law applies, the fine cannot be higher than the lower ceiling of the two.
	 */
	public Optional<Long> lighterCeiling(List<String> citations, LocalDate act, LocalDate decided) {
		return java.util.stream.Stream.of(fineCeiling(citations, act), fineCeiling(citations, decided)).flatMap(Optional::stream).min(Long::compare);
	}

	/**
	 * 从旧兼从轻 for the lowest fine: the lower floor of the law at the act and the law on the day it is decided, known only
	 * when both are (a floor of one law alone might refuse a fine the lighter other allows).
	 */
	public Optional<Long> lighterFloor(List<String> citations, LocalDate act, LocalDate decided) {
		Optional<Long> then = fineFloor(citations, act);
		Optional<Long> now = fineFloor(citations, decided);
		return then.isPresent() && now.isPresent() ? Optional.of(Math.min(then.get(), now.get())) : Optional.empty();
	}

	/**
	 * Whether the punishing clauses provide a warning (警告) on the day. A 款 or 项 that names no penalty is read with its
	 * article (第三十四条's "可以并处警告、罚款" stands before its items). Known only when every clause is in the library and
	 * names its penalties itself: one that refers to another article ("依照第X条") leaves it unknown.
	 */
	public Optional<Boolean> providesWarning(List<String> citations, LocalDate day) {
		if (citations.isEmpty()) {
			return Optional.empty();
		}
		boolean any = false;
		for (String citation : citations) {
			var p = resolve(citation, day);
			if (p.isEmpty()) {
				return Optional.empty();
			}
			String text = p.get().text();
			Matcher articleOnly = ARTICLE_PART.matcher(citation);
			if (!PENALTY_WORDS.matcher(text).find() && articleOnly.find() && articleOnly.end() < citation.length()) {
				// the article itself (a law's title may hold 条, as 条例 does)
				var article = resolve(citation.substring(0, articleOnly.end()), day);
				if (article.isEmpty()) {
					return Optional.empty();
				}
				text = article.get().text();
			}
			if (!PENALTY_WORDS.matcher(text).find() || text.matches("(?s).*(依照|依据|按照)[^。]{0,30}第[一二三四五六七八九十百零〇]+条[^。]{0,20}(处罚|规定)[^。]*")) {
				return Optional.empty();
			}
			any |= text.contains("警告");
		}
		return Optional.of(any);
	}

	private static final java.util.regex.Pattern ARTICLE_PART = java.util.regex.Pattern.compile("^.*?第[一二三四五六七八九十百零〇]+条");

	/** The words by which a clause names a penalty. */
	private static final java.util.regex.Pattern PENALTY_WORDS = java.util.regex.Pattern.compile("警告|罚款|没收|吊销|责令停产停业|责令关闭|拘留|通报批评|降低资质");

	/** One bound over the clauses, in fen: known only when every clause is in the library and its text plainly has one. */
	private Optional<Long> fineBound(List<String> citations, LocalDate day, java.util.function.Function<String, Optional<Long>> read,
			java.util.function.BinaryOperator<Long> combine) {
		Long bound = null;
		for (String citation : citations) {
			Optional<Long> f = resolve(citation, day).flatMap(p -> read.apply(p.text()));
			if (f.isEmpty()) {
				return Optional.empty();
			}
			bound = bound == null ? f.get() : combine.apply(bound, f.get());
		}
		return Optional.ofNullable(bound).map(yuan -> yuan * 100);
	}

	/** A search hit: the article, how often the keywords occur, and a snippet around the first occurrence. */
	public record Hit(Provision article, int occurrences, String snippet) {
	}

	/**
	 * Articles containing every keyword (space-separated), most occurrences first, at most {@code limit}. Only documents in
	 * force today unless {@code includeRepealed}.
	 */
	public List<Hit> search(String query, boolean includeRepealed, int limit) {
		List<String> keywords = query == null ? List.of()
				: List.of(query.strip().split("[\\s　,，、]+")).stream().filter(k -> !k.isBlank()).distinct().toList();
		if (keywords.isEmpty()) {
			throw BusinessRuleViolation.onField("q", "请输入检索词");
		}
		Set<String> grams = new LinkedHashSet<>();
		keywords.forEach(k -> grams.addAll(bigrams(k)));
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("today", LocalDate.now(clock)).addValue("limit", Math.min(Math.max(limit, 1), 200));
		StringBuilder sql = new StringBuilder(PROVISION_SELECT + " where p.paragraph_no is null");
		if (!grams.isEmpty()) {
			sql.append(" and p.id in (select provision_id from legal_gram where gram in (:grams) group by provision_id having count(*) = :gramCount)");
			p.addValue("grams", grams).addValue("gramCount", grams.size());
		}
		for (int i = 0; i < keywords.size(); i++) {
			sql.append(" and strpos(p.text, :k").append(i).append(") > 0");
			p.addValue("k" + i, keywords.get(i));
		}
		if (!includeRepealed) {
			sql.append(" and d.effective_from <= :today and (d.repealed_on is null or d.repealed_on > :today)");
		}
		sql.append(" limit 2000");
		List<Hit> hits = new ArrayList<>();
		for (Provision a : jdbc.query(sql.toString(), p, (rs, i) -> provision(rs))) {
			int count = 0;
			for (String k : keywords) {
				for (int at = a.text().indexOf(k); at >= 0; at = a.text().indexOf(k, at + k.length())) {
					count++;
				}
			}
			int first = a.text().indexOf(keywords.get(0));
			int from = Math.max(0, first - 30);
			int to = Math.min(a.text().length(), first + keywords.get(0).length() + 60);
			hits.add(new Hit(a, count, (from > 0 ? "…" : "") + a.text().substring(from, to).replace('\n', ' ') + (to < a.text().length() ? "…" : "")));
		}
		hits.sort((x, y) -> y.occurrences() != x.occurrences() ? y.occurrences() - x.occurrences()
				: x.article().shortTitle().equals(y.article().shortTitle()) ? x.article().articleNo() - y.article().articleNo()
						: x.article().shortTitle().compareTo(y.article().shortTitle()));
		return hits.subList(0, Math.min(hits.size(), (int) p.getValue("limit")));
	}

	/** The distinct two-character sequences of a text, whitespace excluded: the search index's terms. */
	static Set<String> bigrams(String text) {
		Set<String> grams = new LinkedHashSet<>();
		int[] cps = text.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length; i++) {
			if (!Character.isWhitespace(cps[i]) && !Character.isWhitespace(cps[i + 1]) && Character.charCount(cps[i]) == 1
					&& Character.charCount(cps[i + 1]) == 1) {
				grams.add(new String(cps, i, 2));
			}
		}
		return grams;
	}

	/** 中华人民共和国行政处罚法 → 行政处罚法. */
	static String shortTitle(String title) {
		return title.startsWith("中华人民共和国") ? title.substring("中华人民共和国".length()) : title;
	}

	private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

	/** The last date in the history block (the latest revision), as the suggested effective date. */
	static LocalDate lastDate(String history) {
		LocalDate last = null;
		Matcher m = DATE.matcher(history == null ? "" : history);
		while (m.find()) {
			last = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}
		return last;
	}

	private static Document document(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Date repealed = rs.getDate("repealed_on");
		return new Document(rs.getLong("id"), rs.getString("title"), rs.getString("short_title"), LegalDocumentKind.valueOf(rs.getString("kind")),
				rs.getString("issuing_body"), rs.getString("document_number"), rs.getDate("effective_from").toLocalDate(),
				repealed == null ? null : repealed.toLocalDate(), rs.getString("history"), rs.getInt("articles"), rs.getBoolean("demo"));
	}

	private static Provision provision(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Provision(rs.getLong("id"), rs.getLong("document_id"), rs.getString("short_title"), rs.getInt("article_no"),
				(Integer) rs.getObject("paragraph_no"), (Integer) rs.getObject("item_no"), rs.getString("chapter"), rs.getString("label"),
				rs.getString("text"));
	}
}
