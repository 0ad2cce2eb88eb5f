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
	private final zhifa.penalty.execution.Delivery delivery;

	PenaltyFileItems(Proposals proposals, Payments payments, zhifa.penalty.execution.Delivery delivery) {
		this.proposals = proposals;
		this.payments = payments;
		this.delivery = delivery;
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
		// the execution (第四十七条: 执行 recorded and filed): 暂缓、分期缴纳 approved, payments, 复议 and 诉讼 and how they ended
		payments.deferral(caseId).ifPresent(d -> items.add("暂缓缴纳罚款审批（至 " + d.newDue() + "，" + DocumentFacts.person(d.approvedBy()) + "批准，"
				+ d.approvedOn() + "）"));
		var parts = payments.instalments(caseId);
		if (!parts.isEmpty()) {
			items.add("分期缴纳罚款审批（" + parts.size() + " 期，末期 " + parts.get(parts.size() - 1).due() + "）");
		}
		payments.payments(caseId).forEach(p -> items.add("缴款票据：" + p.receiptNo() + "（" + zhifa.penalty.Sanction.yuan(p.amount()) + "，" + p.paidOn() + "）"));
		delivery.remedies(caseId).forEach(r -> items.add(("REVIEW".equals(r.kind()) ? "行政复议" : "行政诉讼") + "（" + r.startedOn() + " 提起"
				+ (r.endedOn() == null ? "，尚未审结" : "，" + r.endedOn() + " " + (r.outcomeLabel() == null ? "审结" : r.outcomeLabel())) + "）"));
		return items;
	}
}
