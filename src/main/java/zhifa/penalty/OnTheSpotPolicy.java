package zhifa.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import zhifa.casework.PartyType;
import zhifa.discretion.PenaltyType;

/**
 * What may be decided on the spot (行政处罚法第五十一条): a warning, or a fine of at most 200 yuan for a natural person or 3,000
 * yuan for an organisation; and what may be collected on the spot (第六十八条): a fine of at most 100 yuan, or one that would
 * be hard to collect afterwards. Everything else goes through the general procedure.
 */
public final class OnTheSpotPolicy {

	static final long PERSON_CAP = 20_000L;
	static final long ORGANIZATION_CAP = 300_000L;
	static final long COLLECTION_CAP = 10_000L;

	private OnTheSpotPolicy() {
	}

	public static List<String> refusals(PartyType party, Set<PenaltyType> types, Long fine, boolean collectOnSpot, boolean hardToCollect) {
		List<String> r = new ArrayList<>();
		if (types == null || types.isEmpty()) {
			r.add("请选择处罚种类（警告或罚款）");
			return r;
		}
		Set<PenaltyType> other = EnumSet.copyOf(types);
		other.removeAll(EnumSet.of(PenaltyType.WARNING, PenaltyType.FINE));
		if (!other.isEmpty()) {
			r.add("当场只能作出警告或罚款，" + String.join("、", other.stream().map(PenaltyType::label).toList()) + "应当适用普通程序（行政处罚法第五十一条）");
		}
		if (types.contains(PenaltyType.FINE)) {
			long cap = party == PartyType.ORGANIZATION ? ORGANIZATION_CAP : PERSON_CAP;
			if (fine == null || fine <= 0) {
				r.add("请填写罚款金额");
			}
			else if (fine > cap) {
				r.add("当场处罚的罚款，对" + (party == PartyType.ORGANIZATION ? "法人或者其他组织不得超过三千元" : "公民不得超过二百元") + "，本次" + Sanction.yuan(fine)
						+ "应当适用普通程序（行政处罚法第五十一条）");
			}
			if (collectOnSpot && fine != null && fine > COLLECTION_CAP && !hardToCollect) {
				r.add("当场收缴罚款限于一百元以下，或者不当场收缴事后难以执行的（行政处罚法第六十八条）；其余应当由当事人到指定银行或者通过电子支付系统缴纳");
			}
		}
		else if (collectOnSpot) {
			r.add("没有罚款，不能当场收缴");
		}
		return r;
	}
}
