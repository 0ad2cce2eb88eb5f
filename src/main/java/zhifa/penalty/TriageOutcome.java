package zhifa.penalty;

import java.time.LocalDate;

/**
 * How a clue ends without 立案 (and why a decision is not to punish): the reason code, the article it rests on, and
 * whether the party must be educated (行政处罚法第三十三条第三款: 对当事人不予行政处罚的，应当对当事人进行教育).
 */
public enum TriageOutcome {
	NO_VIOLATION("违法事实不能成立", "行政处罚法第五十七条第一款第（三）项", false, CaseStage.NOT_FILED),
	MINOR_CORRECTED("违法行为轻微并及时改正，没有造成危害后果", "行政处罚法第三十三条第一款", true, CaseStage.NOT_FILED),
	FIRST_MINOR("初次违法且危害后果轻微并及时改正", "行政处罚法第三十三条第一款", true, CaseStage.NOT_FILED),
	NO_FAULT("当事人有证据足以证明没有主观过错", "行政处罚法第三十三条第二款", true, CaseStage.NOT_FILED),
	UNDER_FOURTEEN("不满十四周岁的未成年人", "行政处罚法第三十条", true, CaseStage.NOT_FILED),
	NO_CAPACITY("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为", "行政处罚法第三十一条", true, CaseStage.NOT_FILED),
	TIME_BARRED("违法行为超过追责时效", "行政处罚法第三十六条", false, CaseStage.NOT_FILED),
	HAND_OVER("不属于本机关管辖，移交有管辖权的机关", "行政处罚法第二十二条、第二十三条", false, CaseStage.HANDED_OVER),
	JUDICIAL("涉嫌犯罪，移送司法机关", "行政处罚法第二十七条", false, CaseStage.TRANSFERRED);

	private final String label;
	private final String source;
	private final boolean educationRequired;
	private final CaseStage stage;

	TriageOutcome(String label, String source, boolean educationRequired, CaseStage stage) {
		this.label = label;
		this.source = source;
		this.educationRequired = educationRequired;
		this.stage = stage;
	}

	public String label() {
		return label;
	}

	public String source() {
		return source;
	}

	public boolean educationRequired() {
		return educationRequired;
	}

	public CaseStage stage() {
		return stage;
	}

	/** Rests on a 鉴定意见 about the party's capacity, which the case must hold (行政处罚法第三十一条). */
	public boolean needsExpertOpinion() {
		return this == NO_CAPACITY;
	}

	/**
	 * Why this reason cannot be the one, given what the platform derives itself: a reason not to punish (each of them is a
	 * finding about a particular party, with his education recorded) for a natural person whose ID number is not
	 * registered; {@link #UNDER_FOURTEEN} for an organisation or a party whose ID number shows fourteen or more at the act
	 * date; {@link #NO_CAPACITY} without a 鉴定意见 among the case's evidence.
	 */
	public java.util.Optional<String> contradiction(zhifa.casework.PartyType partyKind, boolean numberRegistered, LocalDate birthDate, LocalDate actDate,
			boolean expertOpinionOnFile) {
		if (educationRequired && partyKind == zhifa.casework.PartyType.NATURAL_PERSON && !numberRegistered) {
			return java.util.Optional.of("“" + label + "”是对特定当事人不予行政处罚，当事人的身份证号尚未登记：请先在“更正当事人信息”中补登"
					+ "（违法事实不能成立、超过追责时效、移交和移送不需要）");
		}
		if (this == UNDER_FOURTEEN && partyKind != zhifa.casework.PartyType.NATURAL_PERSON) {
			return java.util.Optional.of("当事人是法人或者其他组织，不适用“不满十四周岁”（行政处罚法第三十条）");
		}
		if (this == UNDER_FOURTEEN) {
			var band = zhifa.discretion.Liability.band(birthDate, actDate);
			if (band.isPresent() && band.get() != zhifa.discretion.Liability.AgeBand.UNDER_14) {
				return java.util.Optional.of("按身份证号计算，当事人行为时已满" + zhifa.discretion.Liability.age(birthDate, actDate)
						+ "周岁，不能以“不满十四周岁”为由不予行政处罚（行政处罚法第三十条）");
			}
		}
		if (needsExpertOpinion() && !expertOpinionOnFile) {
			return java.util.Optional.of("认定精神病人、智力残疾人不能辨认或者不能控制自己的行为，须有鉴定意见，请先将鉴定意见作为证据收集（行政处罚法第三十一条）");
		}
		return java.util.Optional.empty();
	}
}
