package zhifa.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a statute's text into articles (条), paragraphs (款) and items (项). The text is Markdown as in
 * {@code shared/domain/laws}: a {@code # title}, an information block ending with {@code <!-- INFO END -->}, chapters as
 * {@code ## 第X章}, sections as {@code ### 第X节}, one paragraph per line, each article starting with "第X条". Anything that
 * does not fit is reported, never dropped silently.
 */
public final class StatuteText {

	private static final Pattern ARTICLE = Pattern.compile("^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?[\\s　]*(.*)$");
	private static final Pattern ITEM = Pattern.compile("^[（(]([零一二三四五六七八九十百]+)[）)][\\s　]*(.*)$");
	private static final Pattern CHAPTER = Pattern.compile("^(#{2,3})\\s*(第[零一二三四五六七八九十百]+[编章节].*)$");

	private StatuteText() {
	}

	/** One item (项) of a paragraph. */
	public record Item(int number, String text) {
	}

	/** One paragraph (款) of an article, with its items. */
	public record Paragraph(int number, String text, List<Item> items) {
	}

	/** One article (条). */
	public record Article(int number, String label, String chapter, List<Paragraph> paragraphs) {

		public String fullText() {
			StringBuilder sb = new StringBuilder();
			for (Paragraph p : paragraphs) {
				if (sb.length() > 0) {
					sb.append('\n');
				}
				sb.append(p.text());
				for (Item i : p.items()) {
					sb.append('\n').append('（').append(ChineseNumerals.format(i.number())).append('）').append(i.text());
				}
			}
			return sb.toString();
		}
	}

	/** A line that could not be placed, with its line number. */
	public record Unparsed(int line, String text, String reason) {
	}

	/** The result: title, the information block (promulgation and revision history), articles, and what did not parse. */
	public record Parsed(String title, String info, List<Article> articles, List<Unparsed> unparsed) {
	}

	public static Parsed parse(String text) {
		String title = null;
		StringBuilder info = new StringBuilder();
		boolean infoDone = !text.contains("<!-- INFO END -->");
		String chapter = null;
		String part = null;
		List<Article> articles = new ArrayList<>();
		List<Unparsed> unparsed = new ArrayList<>();
		List<Paragraph> paragraphs = null;
		int number = 0;
		String label = null;
		String articleChapter = null;
		String[] lines = text.replace("\r\n", "\n").split("\n");
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n].strip().replace('\u00a0', ' ');
			if (line.isEmpty()) {
				continue;
			}
			if (title == null && line.startsWith("# ")) {
				title = line.substring(2).strip();
				continue;
			}
			if (!infoDone) {
				if (line.equals("<!-- INFO END -->")) {
					infoDone = true;
				}
				else {
					info.append(line).append('\n');
				}
				continue;
			}
			Matcher chapterMatch = CHAPTER.matcher(line);
			if (chapterMatch.matches()) {
				String heading = chapterMatch.group(2).strip();
				if (chapterMatch.group(1).length() == 2 || chapter == null) {
					chapter = heading;
					part = chapter;
				}
				else {
					chapter = part + " " + heading;
				}
				continue;
			}
			Matcher article = ARTICLE.matcher(line);
			if (article.matches()) {
				if (paragraphs != null) {
					articles.add(new Article(number, label, articleChapter, paragraphs));
				}
				number = ChineseNumerals.parse(article.group(1));
				label = "第" + article.group(1) + "条" + (article.group(2) == null ? "" : "之" + article.group(2));
				if (article.group(2) != null) {
					number = number * 100 + ChineseNumerals.parse(article.group(2));
				}
				articleChapter = chapter;
				paragraphs = new ArrayList<>();
				paragraphs.add(new Paragraph(1, article.group(3).strip(), new ArrayList<>()));
				continue;
			}
			if (paragraphs == null) {
				unparsed.add(new Unparsed(n + 1, line, "出现在第一条之前，不属于任何条文"));
				continue;
			}
			Matcher item = ITEM.matcher(line);
			if (item.matches()) {
				Paragraph last = paragraphs.get(paragraphs.size() - 1);
				int itemNo = ChineseNumerals.parse(item.group(1));
				if (itemNo != last.items().size() + 1) {
					unparsed.add(new Unparsed(n + 1, line, "项的序号不连续（应为第" + (last.items().size() + 1) + "项）"));
				}
				last.items().add(new Item(itemNo, item.group(2).strip()));
				continue;
			}
			if (line.startsWith("#") || line.startsWith("<!--")) {
				unparsed.add(new Unparsed(n + 1, line, "无法识别的标题或标记"));
				continue;
			}
			paragraphs.add(new Paragraph(paragraphs.size() + 1, line, new ArrayList<>()));
		}
		if (paragraphs != null) {
			articles.add(new Article(number, label, articleChapter, paragraphs));
		}
		for (int i = 1; i < articles.size(); i++) {
			if (articles.get(i).number() <= articles.get(i - 1).number()) {
				unparsed.add(new Unparsed(0, articles.get(i).label(), "条文序号不递增（前一条为" + articles.get(i - 1).label() + "）"));
			}
		}
		return new Parsed(title, info.toString().strip(), articles, unparsed);
	}
}
