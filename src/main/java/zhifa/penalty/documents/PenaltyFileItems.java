package zhifa.penalty.documents;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseFileItems;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.proposal.Proposals;
import zhifa.penalty.proposal.Review;

/**
 * What a penalty case's file index (案卷目录) holds beyond its documents and evidence: the 法制审核 opinions (行政处罚法第五十八条),
 * the minutes of the 负责人集体讨论 (第五十七条第二款) and the payment receipts (罚没款票据, 第六十七条、第七十条).
 */
@Component
class PenaltyFileItems implements CaseFileItems {

	private final Proposals proposals;
	private final Payments payments;

	PenaltyFileItems(Proposals proposals, Payments payments) {
		this.proposals = proposals;
		this.payments = payments;
	}

	@Override
	public List<String> items(long caseId) {
		List<String> items = new ArrayList<>();
		for (Review r : proposals.reviews(caseId)) {
			if (r.decidedOn() == null) {
				continue;
			}
			if ("LEGAL".equals(r.kind())) {
				items.add("法制审核意见（" + ("PASSED".equals(r.result()) ? "通过" : "退回") + "，" + DocumentFacts.person(r.reviewerName()) + "，" + r.decidedOn() + "）");
			}
			else if ("COLLECTIVE".equals(r.kind())) {
				items.add("集体讨论记录（" + r.decidedOn() + "）");
			}
		}
		payments.payments(caseId).forEach(p -> items.add("缴款票据：" + p.receiptNo() + "（" + zhifa.penalty.Sanction.yuan(p.amount()) + "，" + p.paidOn() + "）"));
		return items;
	}
}
