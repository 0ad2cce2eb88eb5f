package zhifa.disclosure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a published decision names people and places (国办发〔2018〕118号; 政府信息公开条例第十五条): a natural person by
 * surname and 某 (张三 → 张某), no ID number, no phone number, the place no finer than the township; an organisation by its
 * name and 统一社会信用代码. Pure functions, applied to every text that goes public.
 */
public final class Masking {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
	/** The fifteen-digit ID numbers issued before 1999. */
	private static final Pattern OLD_ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}(?![0-9A-Za-z])");
	/** Mobile numbers, also written in groups (138-1234-5678, 138 1234 5678). */
	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}(?!\\d)");
	private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
	private static final Pattern NOTE = Pattern.compile("[（(][^）)]*[）)]$");
	/**
	 * A house-level address: the street (a run of Chinese ending in 路, 街, 巷, 弄, 村, 组, 小区, 苑, 园, 里, 屯, 寨…) and
	 * what follows it — 88号, 3栋, 2单元, 501室 — kept up to the township (街道, 镇, 乡) before it. A document number
	 * (〔2026〕2号) has no street before its number and is left alone.
	 */
	private static final Pattern HOUSE = Pattern.compile("(?<township>(?:[\\p{IsHan}]{1,12}?(?:街道|镇|乡))?)(?<street>[\\p{IsHan}]{0,12}?"
			+ "(?:路|街|大道|巷|弄|胡同|村|组|社区|小区|花园|苑|园|屯|寨|坊|大厦|公寓))"
			+ "(?<house>(?:[0-9０-９一二三四五六七八九十百零]+(?:号|栋|幢|座|单元|楼|层|室|号楼|号院|组))+(?:[0-9０-９]+)?)");
	/**
	 * A name after the words that introduce a person (证人, 当事人, 法定代表人, 代理人, 监护人, 驾驶人, 姓名…): two or
	 * three Chinese characters standing alone (a punctuation mark, a bracket or the end after them) that begin with a
	 * surname, and are not one of the words that follow these labels in decisions (当事人陈述，).
	 */
	private static final Pattern LABELLED_NAME = Pattern.compile("(?<label>证人|当事人|法定代表人|委托代理人|代理人|监护人|驾驶人|驾驶员|户主|房主|实际经营人|姓名)"
			+ "(?<sep>[：:]?\\s?)(?<name>[\\p{IsHan}]{2,3})(?=[，,。；;、：:（(）)\\s]|$)");
	/**
	 * A person the text names after 证人, 代理人, 监护人, 法定代表人 or 驾驶人 followed by what the person did (证人李小芳证实…,
	 * 的证言, 在场) — not after 当事人, whose next words are mostly not a name (当事人单位的, 当事人向我局).
	 */
	private static final Pattern ACTING_NAME = Pattern.compile("(?<label>证人|法定代表人|委托代理人|代理人|监护人|驾驶人|驾驶员)"
			+ "(?<sep>[：:]?\\s?)(?<name>[\\p{IsHan}]{2,3})(?=证实|证明|作证|陈述|称|说|表示|确认|指认|签字|签名|出具|提供|反映|到场|在场|的证言|的陈述)");
	/** Common surnames, with the prefixes of Dai and Jingpo names (岩, 玉, 依, 刀, 召, 排, 勒, 木, 早, 腊…). */
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
			+ "尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
			+ "岩玉依伊刀召排勒早腊线尼散喃保朗思";
	/** Words that follow 当事人 and the like in decisions and begin with a surname's character. */
	private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("陈述", "陈述申辩", "申辩", "高度", "高于", "高价", "周边", "周围", "金额", "石料", "林地",
			"林木", "方面", "方式", "方法", "时间", "时候", "成年", "成立", "安全", "常年", "程序", "包装", "包括", "文件", "文书", "明知", "明确", "全部", "全体",
			"应当", "应该", "于是", "和解", "向其", "任何", "原因", "温度", "严重", "解释", "申请", "经营", "签字", "签名", "到场", "在场", "确认", "同意", "拒绝",
			"承认", "表示", "称", "辩称", "认为", "提出", "证言", "证明");

	private Masking() {
	}

	/** A natural person's name as published: the surname and 某 (a note in brackets at the end, such as （演示）, is kept). */
	public static String person(String name) {
		if (name == null || name.isBlank()) {
			return "某某";
		}
		String n = name.strip();
		var note = NOTE.matcher(n);
		String suffix = "";
		if (note.find()) {
			suffix = note.group();
			n = n.substring(0, note.start()).strip();
		}
		if (n.isEmpty()) {
			return "某某" + suffix;
		}
		int first = n.codePointAt(0);
		return new String(Character.toChars(first)) + "某" + suffix;
	}

	/**
	 * Free text about a party as published: the natural person's name replaced by its masked form and the precise places
	 * ({@code details}: the act's house number and street, a person's home address) removed, then ID numbers and phone
	 * numbers replaced.
	 */
	public static String text(String text, String personName, String... details) {
		if (text == null) {
			return "";
		}
		String t = text;
		if (personName != null && !personName.isBlank()) {
			String name = personName.strip();
			var note = NOTE.matcher(name);
			String bare = note.find() ? name.substring(0, note.start()).strip() : name;
			t = t.replace(name, person(name));
			if (bare.length() > 1) {
				t = t.replace(bare, person(bare));
			}
		}
		// the longest first: an act's place inside a home address must not leave the rest of the address behind
		List<String> places = java.util.Arrays.stream(details).filter(d -> d != null && d.strip().length() > 1).map(String::strip)
			.sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
		for (String place : places) {
			t = t.replace(place, "［详细地址已隐去］");
		}
		return text(t);
	}

	/** Whether a published text still carries what must not be published: the person's full name, an ID number, a phone number. */
	public static boolean leaks(String text, String personName) {
		if (text == null) {
			return false;
		}
		String bare = personName == null ? "" : NOTE.matcher(personName.strip()).replaceAll("").strip();
		return bare.length() > 1 && text.contains(bare) || ID_NUMBER.matcher(text).find() || OLD_ID_NUMBER.matcher(text).find()
				|| MOBILE.matcher(text).find() || LANDLINE.matcher(text).find();
	}

	/**
	 * Free text as published: ID numbers and phone numbers replaced; a house-level address cut back to its township; a
	 * name that the text introduces as a person's (证人李四，) by its surname and 某. Names the text does not introduce so
	 * cannot be recognised: the reviewer still reads the text before it goes public.
	 */
	public static String text(String text) {
		if (text == null) {
			return "";
		}
		String t = replace(HOUSE, text, m -> m.group("township") + "［详细地址已隐去］");
		t = replace(LABELLED_NAME, t, m -> m.group("label") + m.group("sep")
				+ (looksLikeName(m.group("name")) ? person(m.group("name")) : m.group("name")));
		t = replace(ACTING_NAME, t, m -> m.group("label") + m.group("sep")
				+ (looksLikeName(m.group("name")) ? person(m.group("name")) : m.group("name")));
		t = ID_NUMBER.matcher(t).replaceAll("［身份证号码已隐去］");
		t = OLD_ID_NUMBER.matcher(t).replaceAll("［身份证号码已隐去］");
		t = MOBILE.matcher(t).replaceAll("［电话已隐去］");
		return LANDLINE.matcher(t).replaceAll("［电话已隐去］");
	}

	/** A published text cut to its column's length, the cut marked (…). */
	static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}

	/**
	 * A decision's facts as the public reads them: the party is 当事人, not the document's "你"/"你单位" (经查，你于… read
	 * on the portal as if addressed to the reader).
	 */
	public static String forThePublic(String facts) {
		return facts.replace("你单位", "当事人").replaceAll("你(?![们])", "当事人");
	}

	/**
	 * A surname first, not a word decisions put after the label, and not ending as no name does — a particle or a verb of
	 * saying (当事人明知的。, 当事人陈述称：); 中 and 和 end many given names (李建中, 王志和).
	 */
	private static boolean looksLikeName(String name) {
		return SURNAMES.indexOf(name.charAt(0)) >= 0 && !NOT_NAMES.contains(name) && "的了称说".indexOf(name.charAt(name.length() - 1)) < 0;
	}

	/** Every match of {@code pattern} in {@code text} replaced by what {@code with} makes of it (named groups, on Java 17). */
	private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.Matcher, String> with) {
		java.util.regex.Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(with.apply(m)));
		}
		return m.appendTail(out).toString();
	}
}
