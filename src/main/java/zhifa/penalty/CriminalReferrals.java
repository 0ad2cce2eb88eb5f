package zhifa.penalty;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.supervision.Referral;
import zhifa.supervision.ReferralLookup;

/**
 * The 行刑衔接 referrals of a penalty case (kept by the supervision side, found through the case's act in the ledger), and
 * the one rule they impose on a fine: none while a reported crime awaits the head's decision or its transfer, none while
 * the judicial organs handle the case (行政处罚法第二十七条, 国务院令第310号第十一条: no fine in place of the transfer or of
 * criminal prosecution), none after a court's 罚金 (第三十五条第二款) — whether proposed, notified, served or decided.
 */
@Service
public class CriminalReferrals {

	private final ObjectProvider<Ledger> ledger;
	private final ObjectProvider<ReferralLookup> referrals;

	CriminalReferrals(ObjectProvider<Ledger> ledger, ObjectProvider<ReferralLookup> referrals) {
		this.ledger = ledger;
		this.referrals = referrals;
	}

	public List<Referral> of(long caseId) {
		return act(caseId).map(referrals.getObject()::ofAct).orElse(List.of());
	}

	/** The case's act in the ledger (none before the ledger has it: then no referral can name it either). */
	private Optional<Long> act(long caseId) {
		return ledger.getObject().find(ActReport.PLATFORM, String.valueOf(caseId)).map(a -> a.id());
	}

	public Optional<String> fineBar(long caseId) {
		return fineBar(of(caseId));
	}

	/**
	 * {@link #fineBar(long)} for the step that gives the fine (proposed, notified, served, decided): the referrals are read
	 * under a share lock, so a crime reported or a court's 罚金 recorded at the same moment is either seen here or waits
	 * until this step is done — it cannot slip past a fine decided on a read made just before it.
	 */
	public Optional<String> fineBarForUpdate(long caseId) {
		return fineBar(act(caseId).map(referrals.getObject()::ofActLocked).orElse(List.of()));
	}

	/** Why no fine may be given now, if the referrals bar one. */
	public static Optional<String> fineBar(List<Referral> referred) {
		Optional<String> pending = referred.stream().filter(Referral::transferPending).findFirst()
			.map(r -> "本案已报告涉嫌犯罪（行刑衔接 移送第" + r.id() + "号），" + (Referral.TRANSFER.equals(r.decision()) ? "负责人已批准移送、尚未移送公安机关" : "负责人尚未决定是否移送")
					+ "：不得以罚款代替移送（行政处罚法第二十七条、国务院令第310号第十一条）。负责人决定不移送，或公安机关不予立案、司法机关处理完毕后，才能拟处、告知或者决定罚款。"
					+ "警告、吊销许可证件等其他处罚不受此限。");
		if (pending.isPresent()) {
			return pending;
		}
		Optional<String> open = referred.stream().filter(Referral::criminalProceedingsOpen).findFirst()
			.map(r -> "本案已于 " + r.transferredAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate() + " 移送公安机关（行刑衔接 移送第" + r.id()
					+ "号），司法机关尚在处理：不得以罚款代替刑事追究，人民法院判处罚金的，行政机关不再给予罚款（行政处罚法第二十七条、第三十五条第二款）。"
					+ "公安机关不予立案的，登记其决定后；司法机关处理完毕的，负责人在“移送”中登记结果并办结后，才能拟处、告知或者决定罚款。警告、吊销许可证件等其他处罚不受此限。");
		if (open.isPresent()) {
			return open;
		}
		return referred.stream().filter(Referral::courtFinedParty).findFirst()
			.map(r -> "本案移送司法机关后（行刑衔接 移送第" + r.id() + "号），人民法院已对当事人判处罚金：行政机关不再给予罚款（行政处罚法第三十五条第二款）。"
					+ "警告、吊销许可证件等其他处罚不受此限；违法所得已由判决追缴的，不再没收。");
	}
}
