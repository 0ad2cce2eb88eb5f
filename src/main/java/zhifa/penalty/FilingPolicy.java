package zhifa.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import zhifa.officer.AuthorityDecision;

/**
 * Whether a clue may be filed (立案), as named checks each citing its rule. Refusals stop the filing; warnings need an
 * explicit acknowledgement. Pure: the service gathers the facts, this decides.
 */
public final class FilingPolicy {

	private FilingPolicy() {
	}

	/**
	 * What the decision rests on. {@code officers} are the authority decisions for the proposed officers on the filing
	 * day; {@code partyUnidentified}: a natural person registered without his ID number (a clue may come before anyone
	 * knows it); {@code partyUnderFourteen}: under fourteen at the act date by his ID number.
	 */
	public record Facts(CaseStage stage, String matterName, boolean matterInPublishedCatalogue, String placeName, boolean placeInJurisdiction,
			LocalDate actDate, LocalDate actEndDate, boolean seriousHarm, LocalDate discoveredOn, List<AuthorityDecision> officers,
			List<String> officersOfOtherBodies, List<String> earlierFilingsElsewhere, String otherMatterType, boolean partyUnidentified,
			boolean partyUnderFourteen) {

		/** The facts of a party whose number is registered. */
		public Facts(CaseStage stage, String matterName, boolean matterInPublishedCatalogue, String placeName, boolean placeInJurisdiction,
				LocalDate actDate, LocalDate actEndDate, boolean seriousHarm, LocalDate discoveredOn, List<AuthorityDecision> officers,
				List<String> officersOfOtherBodies, List<String> earlierFilingsElsewhere, String otherMatterType) {
			this(stage, matterName, matterInPublishedCatalogue, placeName, placeInJurisdiction, actDate, actEndDate, seriousHarm, discoveredOn, officers,
					officersOfOtherBodies, earlierFilingsElsewhere, otherMatterType, false, false);
		}

		/** The facts of a 行政处罚 matter. */
		public Facts(CaseStage stage, String matterName, boolean matterInPublishedCatalogue, String placeName, boolean placeInJurisdiction,
				LocalDate actDate, LocalDate actEndDate, boolean seriousHarm, LocalDate discoveredOn, List<AuthorityDecision> officers,
				List<String> officersOfOtherBodies, List<String> earlierFilingsElsewhere) {
			this(stage, matterName, matterInPublishedCatalogue, placeName, placeInJurisdiction, actDate, actEndDate, seriousHarm, discoveredOn, officers,
					officersOfOtherBodies, earlierFilingsElsewhere, null);
		}
	}

	public record Check(List<String> refusals, List<String> warnings) {

		public boolean allowed() {
			return refusals.isEmpty();
		}
	}

	public static Check check(Facts f) {
		List<String> refusals = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		if (f.stage() != CaseStage.CLUE) {
			refusals.add("案件当前为“" + f.stage().label() + "”，不能立案");
		}
		if (f.otherMatterType() != null) {
			refusals.add("“" + f.matterName() + "”是" + f.otherMatterType() + "事项，不是行政处罚事项：行政处罚案件只能依据目录中的行政处罚事项立案或当场处罚（行政处罚法第四条）");
		}
		if (!f.matterInPublishedCatalogue()) {
			refusals.add("“" + f.matterName() + "”不在本机关已发布的执法事项目录中（也未依法下放给本机关）：立案依据应当公示，未公示的事项不能立案（行政处罚法第三十九条；芒市方案任务11）");
		}
		if (f.partyUnidentified()) {
			refusals.add("当事人是自然人，尚未登记身份证号：立案前须核实当事人的身份，行为时的年龄决定能否处罚、应否从轻（行政处罚法第三十条），请在“更正当事人信息”中补登身份证号");
		}
		if (f.partyUnderFourteen()) {
			// 不予行政处罚 may be found by declining the clue or, after an investigation, by a decision: the head is told, not stopped
			warnings.add("按身份证号计算，当事人行为时不满十四周岁，依法不予行政处罚（行政处罚法第三十条）：可以“不满十四周岁的未成年人”不予立案并责令其监护人加以管教；立案的，调查终结后只能作出不予行政处罚决定");
		}
		if (!f.placeInJurisdiction()) {
			refusals.add("违法行为发生地“" + f.placeName() + "”不在本机关管辖区域内（行政处罚法第二十二条），应移交有管辖权的机关");
		}
		LocalDate expiry = limitationExpiry(f.actDate(), f.actEndDate(), f.seriousHarm());
		if (f.discoveredOn().isAfter(expiry)) {
			refusals.add("违法行为" + (f.actEndDate() != null ? "终了" : "发生") + "之日起" + (f.seriousHarm() ? "五" : "二") + "年内未被发现（至 " + expiry
					+ " 止），不再给予行政处罚（行政处罚法第三十六条）");
		}
		List<AuthorityDecision> allowed = f.officers().stream().filter(AuthorityDecision::allowed).toList();
		long distinct = allowed.stream().map(AuthorityDecision::certificateNumber).distinct().count();
		for (AuthorityDecision d : f.officers()) {
			if (!d.allowed()) {
				refusals.add(d.explanation());
			}
		}
		for (String name : f.officersOfOtherBodies()) {
			refusals.add(name + "不是本机关的执法人员");
		}
		if (distinct < 2) {
			refusals.add("办案须有两名以上持有效执法证件且证件领域覆盖该事项的执法人员（行政处罚法第四十二条），目前只有 " + distinct + " 名");
		}
		for (String earlier : f.earlierFilingsElsewhere()) {
			warnings.add("同一当事人的同一违法行为已由" + earlier + "立案；两个以上机关都有管辖权的，由最先立案的机关管辖（行政处罚法第二十五条）");
		}
		return new Check(refusals, warnings);
	}

	/**
	 * 行政处罚法第三十六条: two years from the act (from its end when continuing), five when 公民生命健康安全、金融安全 are
	 * involved and there was harm. The violation must be discovered on or before the returned day.
	 */
	public static LocalDate limitationExpiry(LocalDate actDate, LocalDate actEndDate, boolean seriousHarm) {
		LocalDate from = actEndDate != null ? actEndDate : actDate;
		return from.plusYears(seriousHarm ? 5 : 2);
	}
}
