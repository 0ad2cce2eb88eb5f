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
 */
@ConfigurationProperties("zhifa.supervision.alerts")
public record AlertSettings(@DefaultValue("15") int triageWorkingDays, @DefaultValue("1000000") long hearingThresholdPerson,
		@DefaultValue("10000000") long hearingThresholdOrganization, @DefaultValue("3") int repeatFines, @DefaultValue("12") int repeatMonths,
		@DefaultValue List<String> fiveYearMatters, @DefaultValue("10") int answerWorkingDays,
		@DefaultValue("《行政执法监督条例》（国务院令第825号）") String supervisionRegulation,
		@DefaultValue("GA-:200000:1000000") List<String> hearingThresholdsByMatter) {

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public AlertSettings {
		hearingThresholdsByMatter = hearingThresholdsByMatter == null ? List.of() : List.copyOf(hearingThresholdsByMatter);
	}

	public AlertSettings(int triageWorkingDays, long hearingThresholdPerson, long hearingThresholdOrganization, int repeatFines, int repeatMonths,
			List<String> fiveYearMatters, int answerWorkingDays, String supervisionRegulation) {
		this(triageWorkingDays, hearingThresholdPerson, hearingThresholdOrganization, repeatFines, repeatMonths, fiveYearMatters, answerWorkingDays,
				supervisionRegulation, List.of("GA-:200000:1000000"));
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

	public boolean fiveYearMatter(String matterCode) {
		return matterCode != null && fiveYearMatters != null && fiveYearMatters.stream().anyMatch(p -> !p.isBlank() && matterCode.startsWith(p.strip()));
	}
}
