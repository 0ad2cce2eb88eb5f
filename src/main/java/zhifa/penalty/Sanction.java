package zhifa.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import zhifa.discretion.PenaltyType;
import zhifa.shared.BusinessRuleViolation;

/**
 * A penalty as proposed, notified or decided — the same fields at each step: the types of 行政处罚法第九条 (combinable),
 * the fine, the 没收违法所得 amount, and the 没收非法财物 (the things, and their value), amounts in fen.
 */
public record Sanction(Set<PenaltyType> types, Long fine, Long gains, String property, Long propertyValue) {

	/** 行政处罚法第六十三条: penalties other than money that give the party a right to a hearing. */
	static final Set<PenaltyType> HEARING_TYPES = EnumSet.of(PenaltyType.DOWNGRADE, PenaltyType.REVOKE_LICENCE, PenaltyType.SUSPEND_BUSINESS,
			PenaltyType.CLOSE, PenaltyType.RESTRICT_PRACTICE, PenaltyType.RESTRICT_BUSINESS);

	public static final int MAX_PROPERTY = 2000;

	/** What V41 put where a 没收非法财物 was recorded before its things were: the list is still to be written. */
	public static final String LEGACY_PROPERTY = "（本平台升级前登记，未列明物品）";

	public Sanction {
		types = types == null || types.isEmpty() ? EnumSet.noneOf(PenaltyType.class) : EnumSet.copyOf(types);
		property = property == null || property.isBlank() ? null : property.strip();
	}

	/** A penalty without property confiscated. */
	public Sanction(Set<PenaltyType> types, Long fine, Long gains) {
		this(types, fine, gains, null, null);
	}

	public static Sanction none() {
		return new Sanction(Set.of(), null, null);
	}

	/**
	 * The amounts as typed must match the kinds chosen: a fine needs its amount, 没收违法所得 its amount, 没收非法财物 the
	 * things and their value — and no amount is given for a kind not chosen. Refused with the field and a Chinese reason.
	 */
	public Sanction checked() {
		need(PenaltyType.FINE, fine, "fine", "罚款");
		need(PenaltyType.CONFISCATE_GAINS, gains, "gains", "没收违法所得");
		need(PenaltyType.CONFISCATE_PROPERTY, propertyValue, "propertyValue", "没收非法财物的价值");
		if (types.contains(PenaltyType.CONFISCATE_PROPERTY) && property == null) {
			throw BusinessRuleViolation.onField("property", "选择了“没收非法财物”，请列明没收的物品（名称、数量）");
		}
		if (!types.contains(PenaltyType.CONFISCATE_PROPERTY) && property != null) {
			throw BusinessRuleViolation.onField("property", "填写了没收的物品，请同时选择“没收非法财物”，或清空物品清单");
		}
		if (property != null && property.length() > MAX_PROPERTY) {
			throw BusinessRuleViolation.onField("property", "没收物品清单不能超过" + MAX_PROPERTY + "字");
		}
		if (types.contains(PenaltyType.FINE) && fine != null && fine == 0) {
			throw BusinessRuleViolation.onField("fine", "罚款金额应大于0");
		}
		return this;
	}

	/** The domain whose bodies may impose 行政拘留. */
	public static final String POLICE_DOMAIN = "PUBLIC_SECURITY";

	/**
	 * {@link #checked()}, and 行政拘留 only in a public-security case: 限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使
	 * (行政处罚法第十八条第三款).
	 */
	public Sanction checkedFor(String domainCode) {
		if (types.contains(PenaltyType.DETENTION) && !POLICE_DOMAIN.equals(domainCode)) {
			throw BusinessRuleViolation.onField("types", "行政拘留只能由公安机关决定（行政处罚法第十八条第三款），本案不能选择");
		}
		return checked();
	}

	/** The kinds a case of the domain may be given: all but 行政拘留 outside public security. */
	public static List<PenaltyType> typesFor(String domainCode) {
		return java.util.Arrays.stream(PenaltyType.values()).filter(t -> t != PenaltyType.DETENTION || POLICE_DOMAIN.equals(domainCode)).toList();
	}

	private void need(PenaltyType type, Long amount, String field, String what) {
		if (types.contains(type) && amount == null) {
			throw BusinessRuleViolation.onField(field, "选择了“" + type.label() + "”，请填写" + what + "的金额");
		}
		if (!types.contains(type) && amount != null && amount > 0) {
			throw BusinessRuleViolation.onField(field, "填写了" + what + "的金额，请同时选择“" + type.label() + "”，或清空该金额");
		}
	}

	/** Where this is heavier than {@code notified}, in words, comparing like with like; empty when it is not heavier. */
	public List<String> heavierThan(Sanction notified) {
		List<String> points = new ArrayList<>();
		int lightestNotified = notified.types().stream().mapToInt(Sanction::rank).min().orElse(Integer.MAX_VALUE);
		boolean lighterKindOnly = !types.isEmpty() && types.stream().allMatch(t -> rank(t) < lightestNotified);
		for (PenaltyType t : types) {
			if (!notified.types().contains(t) && !lighterKindOnly) {
				points.add("增加了告知时没有的“" + t.label() + "”");
			}
		}
		more(points, "罚款", fine, notified.fine());
		boolean legacy = notified.types().contains(PenaltyType.CONFISCATE_PROPERTY)
				&& (LEGACY_PROPERTY.equals(notified.property()) || notified.property() == null);
		if (legacy) {
			// notified before gains and property were told apart: the one amount notified covers both
			more(points, "没收的金额合计", sum(gains, propertyValue), sum(notified.gains(), notified.propertyValue()));
		}
		else {
			more(points, "没收违法所得", gains, notified.gains());
			more(points, "没收非法财物的价值", propertyValue, notified.propertyValue());
		}
		return points;
	}

	private static Long sum(Long a, Long b) {
		return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
	}

	private static void more(List<String> points, String what, Long now, Long notified) {
		if (now != null && now > (notified == null ? 0 : notified)) {
			points.add(what + yuan(now) + "高于告知的" + yuan(notified));
		}
	}

	/**
	 * Whether the party has a right to a hearing (第六十三条): 较大数额 fine or confiscation, or a heavy non-monetary penalty.
	 * The confiscation is measured by 违法所得 and 非法财物 together (市场监督管理行政处罚听证办法第五条: 没收违法所得和非法财物价值
	 * 总额达到所列数额), as the supervision's hearing-right alert measures it.
	 */
	public boolean triggersHearing(Long threshold) {
		long confiscated = (gains == null ? 0 : gains) + (propertyValue == null ? 0 : propertyValue);
		boolean amount = threshold != null && (atLeast(fine, threshold) || confiscated >= threshold && confiscated > 0);
		return amount || types.stream().anyMatch(HEARING_TYPES::contains);
	}

	/** A fine, or a confiscation of gains or property: what the 较大数额 is measured against (第六十三条第一款第（一）项). */
	public boolean hasAmount() {
		return types.contains(PenaltyType.FINE) || types.contains(PenaltyType.CONFISCATE_GAINS) || types.contains(PenaltyType.CONFISCATE_PROPERTY);
	}

	private static boolean atLeast(Long amount, long threshold) {
		return amount != null && amount >= threshold;
	}

	/** "罚款60,000.00元，并处没收违法所得1,200.00元，并处没收非法财物（过期食品添加剂12袋，价值360.00元）". */
	public String describe() {
		List<String> parts = new ArrayList<>();
		for (PenaltyType t : types) {
			if (t == PenaltyType.FINE && fine != null) {
				parts.add("罚款" + yuan(fine));
			}
			else if (t == PenaltyType.CONFISCATE_GAINS && gains != null) {
				parts.add("没收违法所得" + yuan(gains));
			}
			else if (t == PenaltyType.CONFISCATE_PROPERTY) {
				parts.add("没收非法财物" + (property == null && propertyValue == null ? ""
						: "（" + (property == null ? "" : property) + (propertyValue == null ? "" : (property == null ? "" : "，") + "价值" + yuan(propertyValue)) + "）"));
			}
			else {
				parts.add(t.label());
			}
		}
		return parts.isEmpty() ? "无" : String.join("，并处", parts);
	}

	/** How heavy a kind of penalty is, for comparing a decision with the notice: a replacement by a lighter kind only is not heavier. */
	static int rank(PenaltyType t) {
		return switch (t) {
			case WARNING, CRITICISM -> 1;
			case FINE, CONFISCATE_GAINS, CONFISCATE_PROPERTY -> 2;
			case SUSPEND_LICENCE, DOWNGRADE, RESTRICT_BUSINESS, RESTRICT_PRACTICE, OTHER -> 3;
			case REVOKE_LICENCE, SUSPEND_BUSINESS, CLOSE -> 4;
			case DETENTION -> 5;
		};
	}

	/** See {@link zhifa.shared.Money#yuan}. */
	public static String yuan(Long fen) {
		return zhifa.shared.Money.yuan(fen);
	}
}
