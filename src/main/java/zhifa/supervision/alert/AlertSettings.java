package zhifa.supervision.alert;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alert rules' thresholds [CONF] ({@code zhifa.supervision.alerts.*}), each defaulting to the example RULES.md gives.
 *
 * @param triageWorkingDays        立案审查期限: working days from receiving a clue to the filing decision (市场监管: 15;
 *                                 行政处罚法第五十四条 and the domain's procedure profile)
 * @param hearingThresholdPerson   较大数额 for a natural person, in fen (市场监管 example: 10,000 yuan)
 * @param hearingThresholdOrganization 较大数额 for an organisation, in fen (市场监管 example: 100,000 yuan)
 * @param repeatFines              以罚代管: this many fines of the same party for the same matter…
 * @param repeatMonths             …within this many months
 * @param fiveYearMatters          matter codes (or prefixes) touching 公民生命健康安全/金融安全: the five-year limitation of
 *                                 行政处罚法第三十六条 applies to them
 * @param answerWorkingDays        working days the body has to answer an alert
 * @param supervisionRegulation    how 《行政执法监督条例》 is cited until its text is imported (article numbers configurable)
 * @param hearingThresholdsByMatter 较大数额 where a domain sets its own, as {@code 事项编码前缀:公民（分）:单位（分）} — the
 *                                 default gives 公安 matters ({@code GA-}) the 2,000 / 10,000 yuan of 公安机关办理行政案件程序规定
 * @param crimeIndicators          以罚代刑: the amount from which an act of a matter is suspected to be a crime, as
 *                                 {@code 事项编码或前缀:AMOUNT|GAINS|VALUE:金额（分）:标准的说明} (AMOUNT 涉案金额 as reported —
 *                                 销售金额、货值、盗窃数额…; GAINS 没收违法所得; VALUE 没收财物价值, lower bounds of what was involved)
 *                                 — the defaults are examples to be replaced by each domain's 立案追诉标准 for its own matter codes
 * @param singleOfficerSimpleMatters matter codes (or prefixes) whose 当场处罚 a law lets one officer decide (第四十二条
 *                                 “法律另有规定的除外”): by default 公安 ({@code GA-}), 治安管理处罚法's 当场处罚 by one 人民警察
 * @param simpleCapsByMatter       当场处罚 caps where a law sets its own (第五十一条 “法律另有规定的，从其规定”), as
 *                                 {@code 事项编码前缀:公民（分）:单位（分）}; by default 公安治安 {@code GA-ZA-} 500 / 500 yuan — to be
 *                                 confirmed against the 治安管理处罚法 in force (交通管理 stays at 200: 道路交通安全法第一百零七条);
 *                                 other matters: 200 / 3,000 yuan
 */
@ConfigurationProperties("zhifa.supervision.alerts")
public record AlertSettings(@DefaultValue("15") int triageWorkingDays, @DefaultValue("1000000") long hearingThresholdPerson,
		@DefaultValue("10000000") long hearingThresholdOrganization, @DefaultValue("3") int repeatFines, @DefaultValue("12") int repeatMonths,
		@DefaultValue List<String> fiveYearMatters, @DefaultValue("10") int answerWorkingDays,
		@DefaultValue("《行政执法监督条例》（国务院令第825号）") String supervisionRegulation,
		@DefaultValue("GA-:200000:1000000") List<String> hearingThresholdsByMatter,
		@DefaultValue({ EXAMPLE_ADULTERATION, EXAMPLE_THEFT }) List<String> crimeIndicators,
		@DefaultValue("GA-") List<String> singleOfficerSimpleMatters, @DefaultValue("GA-ZA-:50000:50000") List<String> simpleCapsByMatter) {

	/** 产品质量法第五十条 (掺杂掺假): 伪劣产品销售金额五万元以上 (最高人民检察院、公安部立案追诉标准（一）第十六条). */
	static final String EXAMPLE_ADULTERATION = "SJ-CF-002:AMOUNT:5000000:伪劣产品销售金额五万元以上（立案追诉标准（一）第十六条，刑法第一百四十条；尚未销售的货值金额十五万元以上的另计）";
	/** 治安管理处罚法 (盗窃等): 三千元, the top of the 1,000–3,000 yuan band the provinces choose 数额较大 in. */
	static final String EXAMPLE_THEFT = "GA-ZA-:AMOUNT:300000:盗窃数额三千元以上（两高盗窃司法解释第一条“数额较大”一千元至三千元的上限，刑法第二百六十四条）";

	/** One crime indicator: the matter code or prefix, what is compared, the amount in fen and the standard cited. */
	public record CrimeIndicator(String matter, String measure, long amount, String standard) {

		/** The act's amount this indicator compares (null when the source did not report it). */
		Long of(zhifa.supervision.ActReport a) {
			return switch (measure) {
				case "AMOUNT" -> a.details().involvedAmount();
				case "GAINS" -> a.gains();
				default -> a.propertyValue();
			};
		}

		String measureLabel() {
			return switch (measure) {
				case "AMOUNT" -> "涉案金额";
				case "GAINS" -> "没收违法所得";
				default -> "没收财物价值";
			};
		}
	}

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public AlertSettings {
		hearingThresholdsByMatter = hearingThresholdsByMatter == null ? List.of() : List.copyOf(hearingThresholdsByMatter);
		crimeIndicators = crimeIndicators == null ? List.of() : List.copyOf(crimeIndicators);
		singleOfficerSimpleMatters = singleOfficerSimpleMatters == null ? List.of() : List.copyOf(singleOfficerSimpleMatters);
		simpleCapsByMatter = simpleCapsByMatter == null ? List.of() : List.copyOf(simpleCapsByMatter);
		for (String entry : crimeIndicators) {
			parse(entry); // a wrong entry stops the start with its text, not the first act it would have judged
		}
		amounts("hearing-thresholds-by-matter", hearingThresholdsByMatter);
		amounts("simple-caps-by-matter", simpleCapsByMatter);
	}

	public AlertSettings(int triageWorkingDays, long hearingThresholdPerson, long hearingThresholdOrganization, int repeatFines, int repeatMonths,
			List<String> fiveYearMatters, int answerWorkingDays, String supervisionRegulation) {
		this(triageWorkingDays, hearingThresholdPerson, hearingThresholdOrganization, repeatFines, repeatMonths, fiveYearMatters, answerWorkingDays,
				supervisionRegulation, List.of("GA-:200000:1000000"), List.of(EXAMPLE_ADULTERATION, EXAMPLE_THEFT), List.of("GA-"), List.of("GA-ZA-:50000:50000"));
	}

	public static AlertSettings defaults() {
		return new AlertSettings(15, 1_000_000L, 10_000_000L, 3, 12, List.of(), 10, "《行政执法监督条例》（国务院令第825号）");
	}

	/** 较大数额 for the matter and the party kind: the matter's domain's own where configured, else the general one. */
	public long hearingThreshold(String matterCode, boolean person) {
		for (String entry : hearingThresholdsByMatter) {
			String[] parts = entry.split(":");
			if (parts.length == 3 && matterCode != null && !parts[0].isBlank() && matterCode.startsWith(parts[0].strip())) {
				return Long.parseLong(parts[person ? 1 : 2].strip());
			}
		}
		return person ? hearingThresholdPerson : hearingThresholdOrganization;
	}

	/** The crime indicators configured for the matter (an exact code or a prefix of it). */
	public List<CrimeIndicator> crimeIndicators(String matterCode) {
		if (matterCode == null) {
			return List.of();
		}
		return crimeIndicators.stream().map(AlertSettings::parse).filter(i -> matterCode.startsWith(i.matter())).toList();
	}

	/** Entries {@code 前缀:公民（分）:单位（分）}: a malformed one stops the start with its text. */
	private static void amounts(String property, List<String> entries) {
		for (String entry : entries) {
			String[] parts = entry.split(":");
			boolean ok = parts.length == 3 && !parts[0].isBlank();
			for (int i = 1; ok && i < 3; i++) {
				ok = parts[i].strip().matches("[0-9]{1,12}");
			}
			if (!ok) {
				throw new IllegalArgumentException("zhifa.supervision.alerts." + property + " 的条目应为“事项编码前缀:公民金额（分）:单位金额（分）”: " + entry);
			}
		}
	}

	private static CrimeIndicator parse(String entry) {
		String[] parts = entry.split(":", 4);
		if (parts.length < 3 || parts[0].isBlank() || !List.of("AMOUNT", "GAINS", "VALUE").contains(parts[1].strip())) {
			throw new IllegalArgumentException("zhifa.supervision.alerts.crime-indicators 的条目应为“事项编码或前缀:AMOUNT、GAINS或VALUE:金额（分）:说明”: " + entry);
		}
		long amount;
		try {
			amount = Long.parseLong(parts[2].strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("zhifa.supervision.alerts.crime-indicators 的金额应为以分计的整数: " + entry, e);
		}
		if (amount <= 0) {
			throw new IllegalArgumentException("zhifa.supervision.alerts.crime-indicators 的金额应大于零: " + entry);
		}
		return new CrimeIndicator(parts[0].strip(), parts[1].strip(), amount, parts.length == 4 ? parts[3].strip() : "");
	}

	/** The highest fine (fen) a 当场处罚 of this matter may impose on this party: the matter's own law's where configured, else 第五十一条's. */
	public long simpleCap(String matterCode, boolean person) {
		for (String entry : simpleCapsByMatter) {
			String[] parts = entry.split(":");
			if (parts.length == 3 && matterCode != null && !parts[0].isBlank() && matterCode.startsWith(parts[0].strip())) {
				return Long.parseLong(parts[person ? 1 : 2].strip());
			}
		}
		return person ? 20_000L : 300_000L;
	}

	/** Whether one officer may decide this matter's 当场处罚 under its own law. */
	public boolean singleOfficerSimple(String matterCode) {
		return matterCode != null && singleOfficerSimpleMatters.stream().anyMatch(p -> !p.isBlank() && matterCode.startsWith(p.strip()));
	}

	public boolean fiveYearMatter(String matterCode) {
		return matterCode != null && fiveYearMatters != null && fiveYearMatters.stream().anyMatch(p -> !p.isBlank() && matterCode.startsWith(p.strip()));
	}
}
