package zhifa.discretion;

/** 情节: the circumstances an assessment weighs, each with the rule that gives it weight. */
public enum Circumstance {
	NO_FAULT("有证据足以证明没有主观过错", "行政处罚法第三十三条第二款"),
	MINOR_HARM("违法行为轻微、没有造成危害后果", "行政处罚法第三十三条第一款"),
	CORRECTED("及时改正", "行政处罚法第三十三条第一款"),
	FIRST_OFFENCE("初次违法", "行政处罚法第三十三条第一款"),
	MINOR_PARTY("已满十四周岁不满十八周岁", "行政处罚法第三十条"),
	/** Derived from the ID number where there is one ({@link Liability}). */
	CHILD("不满十四周岁", "行政处罚法第三十条"),
	MENTAL_NO_CAPACITY("精神病人、智力残疾人在不能辨认或者不能控制自己行为时实施违法行为", "行政处罚法第三十一条"),
	MENTAL_PARTIAL("尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人", "行政处罚法第三十一条"),
	ELIMINATED_HARM("主动消除或者减轻违法行为危害后果", "行政处罚法第三十二条第（一）项"),
	COERCED("受他人胁迫或者诱骗实施违法行为", "行政处罚法第三十二条第（二）项"),
	CONFESSED("主动供述行政机关尚未掌握的违法行为", "行政处罚法第三十二条第（三）项"),
	COOPERATED("配合行政机关查处违法行为有立功表现", "行政处罚法第三十二条第（四）项"),
	REPEATED("多次实施违法行为或者曾受过行政处罚", "裁量基准从重情节"),
	SERIOUS_HARM("造成严重危害后果", "裁量基准从重情节");

	private final String label;
	private final String source;

	Circumstance(String label, String source) {
		this.label = label;
		this.source = source;
	}

	public String label() {
		return label;
	}

	public String source() {
		return source;
	}

	/** A ground for 减轻 (行政处罚法第三十条、第三十一条、第三十二条). */
	public boolean mitigating() {
		return this == MINOR_PARTY || this == ELIMINATED_HARM || this == COERCED || this == CONFESSED || this == COOPERATED || this == MENTAL_PARTIAL;
	}

	/** Rests on a 鉴定意见 about the party's capacity (行政处罚法第三十一条), which the case must hold. */
	public boolean needsExpertOpinion() {
		return this == MENTAL_NO_CAPACITY || this == MENTAL_PARTIAL;
	}

	boolean aggravating() {
		return this == REPEATED || this == SERIOUS_HARM;
	}
}
