package zhifa.penalty.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseRecord;
import zhifa.penalty.persistence.ProposalRows;
import zhifa.record.RecordEntry;
import zhifa.shared.DataScope;

/**
 * A proposal 退回补正 by the legal review and not corrected since: the officers are told what to correct, and the reviewer
 * has nothing to review until they have ({@link ReviewRounds#requireNew} refuses a pass meanwhile).
 */
@Service
public class ReviewCorrections {

	private final ProposalRows rows;
	private final CaseRecord record;

	ReviewCorrections(ProposalRows rows, CaseRecord record) {
		this.rows = rows;
		this.record = record;
	}

	/** What the last review of the proposal as it stands returned it for, while nothing was corrected since; empty otherwise. */
	public Optional<String> awaiting(CaseFile c) {
		List<Review> reviews = rows.reviewsOfTheProposal(c.id(), "LEGAL");
		if (reviews.isEmpty() || !"RETURNED".equals(reviews.get(reviews.size() - 1).result())) {
			return Optional.empty();
		}
		Review returned = reviews.get(reviews.size() - 1);
		List<RecordEntry> timeline = record.timeline(DataScope.all(), c);
		return ReviewRounds.corrected(returned, timeline) ? Optional.empty()
				: Optional.of("法制审核于 " + returned.decidedOn() + " 退回补正（" + returned.opinion() + "），待办案人员补充证据、笔录，或者修改处罚建议");
	}
}
