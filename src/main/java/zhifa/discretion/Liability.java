package zhifa.discretion;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

/**
 * 责任年龄与责任能力 (行政处罚法第三十条、第三十一条), applied by the platform rather than remembered by the user: the
 * party's age at the act date comes from the birth date in the ID number.
 * <ul>
 * <li>不满十四周岁 → 不予行政处罚，责令监护人加以管教 (第三十条);</li>
 * <li>已满十四周岁不满十八周岁 → 应当从轻或者减轻 (第三十条);</li>
 * <li>精神病人、智力残疾人在不能辨认或者不能控制自己行为时 → 不予行政处罚，责令监护人严加看管和治疗 (第三十一条); 尚未完全丧失辨认或者
 * 控制能力 → 可以从轻或者减轻 (第三十一条). Both rest on a 鉴定意见, which the case must hold.</li>
 * </ul>
 * Ages are 周岁, counted by the calendar from the day after the birthday (the counting 最高人民法院 prescribes for criminal
 * responsibility, applied here by analogy: on the 14th birthday a party is still 不满十四周岁).
 */
public final class Liability {

	/** 年龄段 at the act date. */
	public enum AgeBand {
		UNDER_14("不满十四周岁"), MINOR("已满十四周岁不满十八周岁"), ADULT("已满十八周岁");

		private final String label;

		AgeBand(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private Liability() {
	}

	/** Completed years at the date, counted from the day after the birthday (周岁). */
	public static int age(LocalDate birthDate, LocalDate at) {
		return Period.between(birthDate.plusDays(1), at).getYears();
	}

	/** Whether the party was 已满十四周岁不满十八周岁 at the act date (应当从轻或者减轻). */
	public static boolean isMinor(LocalDate birthDate, LocalDate actDate) {
		return band(birthDate, actDate).filter(b -> b == AgeBand.MINOR).isPresent();
	}

	/** The age band at the act date; empty when the birth date (a natural person's ID number) is not known. */
	public static Optional<AgeBand> band(LocalDate birthDate, LocalDate actDate) {
		if (birthDate == null || actDate == null || actDate.isBefore(birthDate)) {
			return Optional.empty();
		}
		int age = age(birthDate, actDate);
		return Optional.of(age < 14 ? AgeBand.UNDER_14 : age < 18 ? AgeBand.MINOR : AgeBand.ADULT);
	}

	/**
	 * Why the party may not be punished at all, with the article; empty when a penalty is possible. The circumstances are
	 * those recorded on the case (the 第三十一条 ones).
	 */
	public static Optional<String> noPunishment(LocalDate birthDate, LocalDate actDate, Set<Circumstance> circumstances) {
		Optional<AgeBand> band = band(birthDate, actDate);
		if (band.isPresent() && band.get() == AgeBand.UNDER_14) {
			return Optional.of("当事人行为时" + age(birthDate, actDate) + "周岁（按身份证号计算），不满十四周岁的未成年人有违法行为的，不予行政处罚，"
					+ "责令监护人加以管教（行政处罚法第三十条）");
		}
		if (circumstances != null && circumstances.contains(Circumstance.MENTAL_NO_CAPACITY)) {
			return Optional.of("精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗（行政处罚法第三十一条）");
		}
		return Optional.empty();
	}

	/**
	 * The circumstances with the age ones derived from the birth date: {@link Circumstance#CHILD} and
	 * {@link Circumstance#MINOR_PARTY} are what the date says, whatever was ticked; without a birth date the ticks stand.
	 */
	public static Set<Circumstance> withAge(Set<Circumstance> ticked, LocalDate birthDate, LocalDate actDate) {
		java.util.EnumSet<Circumstance> c = ticked == null || ticked.isEmpty() ? java.util.EnumSet.noneOf(Circumstance.class)
				: java.util.EnumSet.copyOf(ticked);
		Optional<AgeBand> band = band(birthDate, actDate);
		if (band.isEmpty()) {
			return c;
		}
		c.remove(Circumstance.CHILD);
		c.remove(Circumstance.MINOR_PARTY);
		switch (band.get()) {
			case UNDER_14 -> c.add(Circumstance.CHILD);
			case MINOR -> c.add(Circumstance.MINOR_PARTY);
			default -> {
			}
		}
		return c;
	}

	/** A sentence for the 说理 on how the age was found, or empty without a birth date. */
	public static Optional<String> ageFinding(Set<Circumstance> ticked, LocalDate birthDate, LocalDate actDate) {
		Optional<AgeBand> band = band(birthDate, actDate);
		if (band.isEmpty()) {
			return Optional.empty();
		}
		String s = "按身份证号计算，当事人行为时" + age(birthDate, actDate) + "周岁（" + band.get().label() + "）";
		boolean tickedMinor = ticked != null && (ticked.contains(Circumstance.MINOR_PARTY) || ticked.contains(Circumstance.CHILD));
		if (tickedMinor && band.get() == AgeBand.ADULT) {
			s += "，勾选的未成年人情节不适用";
		}
		return Optional.of(s);
	}
}
